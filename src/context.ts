/** What a notification says about the run: one flat record built from the GitHub context and event. */

import type { GitHubContext } from './github-context.js';

export type { GitHubContext } from './github-context.js';

export interface RunContext {
  repository: string;
  repositoryUrl: string;
  owner: string;
  workflow: string;
  job: string;
  runId: string;
  runNumber: string;
  runAttempt: string;
  runUrl: string;
  eventName: string;
  ref: string;
  branch: string;
  /** The branch a pull request goes into (GITHUB_BASE_REF); on other events the branch. */
  baseBranch: string;
  /** The branch a pull request comes from; on other events the branch. */
  headBranch: string;
  tag: string;
  /** 'true' on a push that deleted the branch or tag: there is no commit to show then. */
  deleted: string;
  sha: string;
  shortSha: string;
  commitMessage: string;
  commitTitle: string;
  commitUrl: string;
  commitAuthor: string;
  actor: string;
  prNumber: string;
  prTitle: string;
  prUrl: string;
  environment: string;
  environmentUrl: string;
  /** The container image the workflow built or deployed, from HERALD_IMAGE (`ghcr.io/octo/app:1.2.0`): its repository. */
  imageRepo: string;
  /** ... and its tag (or its digest, when it has no tag). */
  imageTag: string;
  startedAt: string;
  duration: string;
  durationSeconds: number | null;
  timestamp: string;
  /**
   * The failed jobs of the reported run, read from GitHub's API when the run failed (src/github/failed-jobs.ts); empty
   * until then, and when the API cannot be read.
   */
  failedJobs: FailedJob[];
  /** The raw event payload, for <<event.pull_request.title>>. */
  event: Record<string, any>;
}

/** A job of the reported run that failed: a list item of <<#failedJobs>>, so its fields are template names too. */
export interface FailedJob {
  name: string;
  /** The job's page (its log). */
  url: string;
  /** GitHub's conclusion: failure, timed_out or startup_failure (failure too for a job still running with a failed step). */
  conclusion: string;
  /** The names of its steps that failed, in order. */
  failedSteps: string[];
}

/** Environment variable in which a `started` step leaves its start time for later steps of the job. */
export const STARTED_AT_VARIABLE = 'HERALD_STARTED_AT';
/** Environment variable in which a workflow names the container image it built or deployed (Devtron's image). */
export const IMAGE_VARIABLE = 'HERALD_IMAGE';

const str = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

export function readRunContext(gh: GitHubContext, env: NodeJS.ProcessEnv, now: Date = new Date()): RunContext {
  const event = gh.payload ?? {};
  const repository = str(env.GITHUB_REPOSITORY) || str(event.repository?.full_name);
  const serverUrl = (gh.serverUrl || 'https://github.com').replace(/\/$/, '');
  const repositoryUrl = str(event.repository?.html_url) || (repository ? `${serverUrl}/${repository}` : '');
  const triggering = triggeringRun(gh.eventName, event);
  const base = triggering ?? currentRun(gh, env, event, repositoryUrl);

  const ref = base.ref;
  const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
  const branch =
    base.branch || (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '');
  const commitMessage = base.commitMessage;
  const endedAt = base.completedAt ? new Date(base.completedAt) : now;
  const started = base.startedAt ? new Date(base.startedAt) : undefined;
  const durationSeconds =
    started && !Number.isNaN(started.getTime())
      ? Math.max(0, Math.round((endedAt.getTime() - started.getTime()) / 1000))
      : null;

  return {
    repository,
    repositoryUrl,
    owner: repository.split('/')[0] ?? '',
    workflow: base.workflow,
    job: base.job,
    runId: base.runId,
    runNumber: base.runNumber,
    runAttempt: base.runAttempt,
    runUrl: base.runUrl,
    eventName: base.eventName,
    ref,
    branch,
    baseBranch: base.baseBranch || branch,
    headBranch: branch,
    tag,
    deleted: base.deleted ? 'true' : '',
    sha: base.sha,
    shortSha: base.sha.slice(0, 7),
    commitMessage,
    commitTitle: commitMessage.split(/\r?\n/, 1)[0] ?? '',
    commitUrl: base.sha && repositoryUrl ? `${repositoryUrl}/commit/${base.sha}` : '',
    commitAuthor: base.commitAuthor,
    actor: base.actor,
    prNumber: base.pr ? str(base.pr.number) : '',
    prTitle: base.pr ? str(base.pr.title) : '',
    prUrl: base.pr ? str(base.pr.html_url) || (repositoryUrl ? `${repositoryUrl}/pull/${base.pr.number}` : '') : '',
    environment: base.environment,
    environmentUrl: base.environmentUrl,
    ...splitImage(str(env[IMAGE_VARIABLE]).trim()),
    startedAt: started && !Number.isNaN(started.getTime()) ? started.toISOString() : '',
    duration: durationSeconds === null ? '' : formatDuration(durationSeconds),
    durationSeconds,
    timestamp: now.toISOString(),
    failedJobs: [],
    event,
  };
}

/** The facts that depend on which run a notification describes (this one, or the one that triggered it). */
type RunFacts = Pick<
  RunContext,
  | 'workflow' | 'job' | 'runId' | 'runNumber' | 'runAttempt' | 'runUrl' | 'eventName' | 'ref' | 'branch' | 'sha'
  | 'commitMessage' | 'commitAuthor' | 'actor' | 'environment' | 'environmentUrl' | 'startedAt'
> & {
  pr?: { number?: unknown; title?: unknown; html_url?: unknown };
  completedAt: string;
  /** The pull request's base branch, when there is a pull request. */
  baseBranch?: string;
  deleted?: boolean;
};

/** The run this step belongs to (every event but the notifier-workflow ones). */
function currentRun(gh: GitHubContext, env: NodeJS.ProcessEnv, event: Record<string, any>, repositoryUrl: string): RunFacts {
  const pr = event.pull_request;
  // A merge queue run tests merge_group.head_sha on a temporary gh-readonly-queue/... branch: report the queue's base.
  const queue = event.merge_group;
  const headCommit = event.head_commit ?? queue?.head_commit;
  const deployment = event.deployment;
  // Deleting a branch or tag runs push workflows with no head commit, and GITHUB_SHA and GITHUB_REF reverted to the
  // default branch: the event's ref names what was deleted, and no commit belongs to it.
  const deleted = gh.eventName === 'push' && event.deleted === true;
  return {
    workflow: str(gh.workflow) || workflowName(event),
    job: str(gh.job),
    runId: str(gh.runId),
    runNumber: str(gh.runNumber),
    runAttempt: str(gh.runAttempt),
    runUrl: repositoryUrl && gh.runId ? `${repositoryUrl}/actions/runs/${gh.runId}` : '',
    eventName: str(gh.eventName),
    ref: deleted ? str(event.ref) || str(gh.ref) : str(gh.ref),
    branch: str(env.GITHUB_HEAD_REF) || str(pr?.head?.ref) || str(queue?.base_ref).replace(/^refs\/heads\//, ''),
    baseBranch: str(env.GITHUB_BASE_REF) || str(pr?.base?.ref),
    sha: deleted ? '' : str(pr?.head?.sha) || str(queue?.head_sha) || str(gh.sha),
    commitMessage: str(headCommit?.message),
    commitAuthor: str(headCommit?.author?.name) || str(headCommit?.author?.username),
    actor: str(gh.actor) || str(event.sender?.login),
    pr: pr ?? (event.issue?.pull_request ? event.issue : undefined),
    environment: str(deployment?.environment) || str(event.deployment_status?.environment),
    environmentUrl: str(event.deployment_status?.environment_url) || str(event.deployment_status?.target_url),
    startedAt: str(env[STARTED_AT_VARIABLE]),
    completedAt: '',
    deleted,
  };
}

/** For workflow_run and workflow_job events every fact describes the run that triggered the notifier workflow. */
function triggeringRun(eventName: string, event: Record<string, any>): RunFacts | undefined {
  if (eventName === 'workflow_run' && event.workflow_run) {
    const run = event.workflow_run;
    return {
      workflow: str(run.name) || workflowName(event),
      job: '',
      runId: str(run.id),
      runNumber: str(run.run_number),
      runAttempt: str(run.run_attempt),
      runUrl: str(run.html_url),
      eventName: str(run.event),
      ref: run.head_branch ? `refs/heads/${run.head_branch}` : '',
      branch: str(run.head_branch),
      baseBranch: str(run.pull_requests?.[0]?.base?.ref),
      sha: str(run.head_sha),
      commitMessage: str(run.head_commit?.message),
      commitAuthor: str(run.head_commit?.author?.name),
      actor: str(run.triggering_actor?.login) || str(run.actor?.login),
      pr: run.pull_requests?.[0],
      environment: '',
      environmentUrl: '',
      startedAt: str(run.run_started_at) || str(run.created_at),
      completedAt: run.status === 'completed' ? str(run.updated_at) : '',
    };
  }
  if (eventName === 'workflow_job' && event.workflow_job) {
    const job = event.workflow_job;
    const repositoryUrl = str(event.repository?.html_url);
    return {
      workflow: str(job.workflow_name),
      job: str(job.name),
      runId: str(job.run_id),
      runNumber: '',
      runAttempt: str(job.run_attempt),
      runUrl: str(job.html_url) || (repositoryUrl ? `${repositoryUrl}/actions/runs/${job.run_id}` : ''),
      eventName: 'workflow_job',
      ref: job.head_branch ? `refs/heads/${job.head_branch}` : '',
      branch: str(job.head_branch),
      sha: str(job.head_sha),
      commitMessage: '',
      commitAuthor: '',
      actor: str(event.sender?.login),
      // A job that deploys to an environment carries its deployment (GitHub sends it with the job waiting for reviewers).
      environment: str(event.deployment?.environment),
      environmentUrl: '',
      startedAt: str(job.started_at) || str(job.created_at),
      completedAt: str(job.completed_at),
    };
  }
  return undefined;
}

/** workflow_run events carry the workflow as an object; workflow_dispatch carries its file path as a string. */
const workflowName = (event: Record<string, any>): string =>
  event.workflow !== null && typeof event.workflow === 'object' ? str(event.workflow.name) : '';

/**
 * An image reference `[registry[:port]/]path[:tag][@digest]` split as Devtron splits its image URL: the repository,
 * and the tag (the digest when there is no tag). A registry's port is not a tag.
 */
export function splitImage(image: string): { imageRepo: string; imageTag: string } {
  const [name = '', digest = ''] = image.split('@', 2);
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) return { imageRepo: name.slice(0, colon), imageTag: name.slice(colon + 1) };
  return { imageRepo: name, imageTag: digest };
}

export function formatDuration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours) return `${hours}h ${minutes}m ${seconds}s`;
  if (minutes) return `${minutes}m ${seconds}s`;
  return `${seconds}s`;
}
