import type { BuildInput } from '../destination.js';

/**
 * The documented generic JSON payload (version 1) that a webhook sends when it has no `payload` template. Fields are
 * only ever added to version 1 (failed_jobs was): a receiver that ignores what it does not know keeps working.
 */
export function genericPayload({ name, trigger, message, vars }: BuildInput) {
  const or = (value: string) => value || null;
  return {
    payload_version: 1,
    destination: name,
    trigger,
    status: vars.status,
    message: message.line,
    title: message.title,
    repository: vars.repository,
    repository_url: or(vars.repositoryUrl),
    workflow: vars.workflow,
    job: or(vars.job),
    run: {
      id: or(vars.runId),
      number: or(vars.runNumber),
      attempt: or(vars.runAttempt),
      url: or(vars.runUrl),
    },
    commit: {
      sha: or(vars.sha),
      message: or(vars.commitMessage),
      url: or(vars.commitUrl),
      author: or(vars.commitAuthor),
    },
    ref: or(vars.ref),
    branch: or(vars.branch),
    tag: or(vars.tag),
    pull_request: vars.prNumber ? { number: Number(vars.prNumber), title: vars.prTitle, url: vars.prUrl } : null,
    environment: or(vars.environment),
    event_name: vars.eventName,
    actor: vars.actor,
    started_at: or(vars.startedAt),
    duration_seconds: vars.durationSeconds,
    timestamp: vars.timestamp,
    // All of them, uncut: a program reads this, not a person.
    failed_jobs: message.failedJobs.map((job) => ({ name: job.name, url: or(job.url), conclusion: job.conclusion, failed_steps: job.failedSteps })),
  };
}
