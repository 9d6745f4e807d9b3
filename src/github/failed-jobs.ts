import * as core from '@actions/core';
import type { FailedJob, RunContext } from '../context.js';
import type { GitHubContext } from '../github-context.js';
import type { Outcome } from '../outcome.js';
import { FAILED_STATUSES } from '../statuses.js';
import { apiProblem, type ApiAccess, type GitHubApi } from './client.js';


/** At most 5 pages of 100 jobs (a matrix has at most 256), and 10 s in all, so a slow API never holds up the message. */
export const FAILED_JOBS_BOUNDS = { pages: 5, timeoutMs: 10_000 };

interface Sources {
  /** The GitHub API with the `github-token` input, or why there is none: one client per run, shared with the status change. */
  api: ApiAccess;
  github: GitHubContext;
  /** RUNNER_NAME: tells this job among the run's jobs that are still in progress. */
  runnerName?: string;
  timeoutMs?: number;
}

/** A job as GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs (and a workflow_job event) gives it. */
interface ApiJob {
  name?: unknown;
  html_url?: unknown;
  status?: unknown;
  conclusion?: unknown;
  runner_name?: unknown;
  steps?: { name?: unknown; conclusion?: unknown }[] | null;
}

/**
 * The failed jobs of the run a failure notification reports (the workflow_run event's run, the workflow_job event's
 * job, or this step's own run), each with its failed steps. Read only for a failed run; whatever goes wrong (no token,
 * no `actions: read`, a slow API) gives an empty list and a line in the log, never an error.
 */
export async function readFailedJobs(outcome: Outcome, run: RunContext, sources: Sources): Promise<FailedJob[]> {
  // A cancelled run's jobs were stopped, not failed: it lists none.
  if (outcome.trigger !== 'error' || !FAILED_STATUSES.includes(outcome.status) || !run.runId) return [];
  const { github } = sources;
  // The event carries the job whole, steps and all: no API call.
  if (github.eventName === 'workflow_job' && github.payload.workflow_job) {
    return [failedJob(github.payload.workflow_job, false)].filter((job): job is FailedJob => job !== undefined);
  }
  const skipped = (why: string): FailedJob[] => {
    core.info(`Herald: the failed jobs are not listed: ${why}.`);
    return [];
  };
  const access = sources.api;
  if (!access.api) return skipped(access.reason);
  const timeoutMs = sources.timeoutMs ?? FAILED_JOBS_BOUNDS.timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  try {
    const jobs = await Promise.race([runJobs(access.api, run.runId), deadline]);
    if (jobs === 'late') return skipped(`the GitHub API did not list the jobs of run ${run.runId} within ${timeoutMs / 1000} s`);
    // This step's own run: its job is still in progress, so it has no conclusion yet.
    const own = run.runId === github.runId ? { runnerName: sources.runnerName, jobId: github.job } : undefined;
    return failedJobs(jobs, own);
  } catch (error) {
    return skipped(apiProblem(error, `the jobs of run ${run.runId}`));
  } finally {
    clearTimeout(timer);
  }
}

/** The latest attempt's jobs of the run (filter=latest), page after page up to the bound. */
function runJobs(api: GitHubApi, runId: string): Promise<ApiJob[]> {
  return api.list<ApiJob>('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', { run_id: runId, filter: 'latest' }, {
    key: 'jobs',
    maxPages: FAILED_JOBS_BOUNDS.pages,
  });
}

/**
 * The failed jobs among a run's jobs, in GitHub's order. A job still in progress has no conclusion, but its finished
 * steps have theirs: one with a failed step is listed (it is the job reporting its own failure). When nothing else is
 * found in this step's own run, its own job is the one that failed, found by its runner (RUNNER_NAME) or its id
 * (GITHUB_JOB, the name of a job without `name:`); its failed step is unknown then.
 */
export function failedJobs(jobs: ApiJob[], own?: { runnerName?: string; jobId: string }): FailedJob[] {
  const failed = jobs.map((job) => failedJob(job, true)).filter((job): job is FailedJob => job !== undefined);
  if (failed.length > 0 || !own) return failed;
  const running = jobs.filter((job) => job.status !== 'completed');
  const mine =
    running.find((job) => own.runnerName && job.runner_name === own.runnerName) ?? running.find((job) => own.jobId && job.name === own.jobId);
  return mine ? [{ ...jobOf(mine), conclusion: 'failure', failedSteps: [] }] : [];
}

/** The job as a FailedJob when it failed (or, `running` allowed, has a failed step while still running). */
function failedJob(job: ApiJob, running: boolean): FailedJob | undefined {
  const conclusion = typeof job.conclusion === 'string' ? job.conclusion : '';
  // A job that timed out was stopped in the step that ran too long, which GitHub marks cancelled.
  const stepFailed = ['failure', 'timed_out', ...(conclusion === 'timed_out' ? ['cancelled'] : [])];
  const failedSteps = (job.steps ?? []).filter((step) => stepFailed.includes(String(step.conclusion))).map((step) => String(step.name ?? ''));
  // A `cancelled` job in a failed run is nearly always collateral (fail-fast stopped it, or a `needs` failed), so it is
  // not listed: the list says where to look.
  if (FAILED_STATUSES.includes(conclusion)) return { ...jobOf(job), conclusion, failedSteps };
  if (running && job.status !== 'completed' && failedSteps.length > 0) return { ...jobOf(job), conclusion: 'failure', failedSteps };
  return undefined;
}

const jobOf = (job: ApiJob) => ({ name: String(job.name ?? ''), url: typeof job.html_url === 'string' ? job.html_url : '' });
