import * as core from '@actions/core';
import type { Config } from './config/schema.js';
import type { RunContext } from './context.js';
import { apiProblem, type ApiAccess } from './github/client.js';
import { previousRun, refFromRun, type RunRef } from './github/previous-run.js';
import { FAILED_STATUSES, PASSED_STATUSES } from './statuses.js';
import { changeOf, NO_CHANGE, type Change, type Outcome } from './outcome.js';

interface Sources {
  /** The GitHub API with the `github-token` input, or why there is none: one client per run, shared with the failed jobs. */
  api: ApiAccess;
  eventName: string;
  event: Record<string, any>;
}

/**
 * Whether this run broke or fixed its workflow on its branch, asked of the GitHub API only when a route subscribes to
 * the status change this outcome can be (broken for a failure, fixed for a success): other runs make no call and load
 * no Octokit. A cancelled run is neither. Without a token or API access, the reason why (never an error).
 */
export async function statusChange(config: Config, outcome: Outcome, run: RunContext, sources: Sources): Promise<Change> {
  const possible = changeOf(outcome.trigger);
  if (!possible || !config.notifications?.some((route) => route.triggers.includes(possible))) return NO_CHANGE;
  const passed = PASSED_STATUSES.includes(outcome.status);
  if (!passed && !FAILED_STATUSES.includes(outcome.status)) return NO_CHANGE;

  const what = `${run.workflow || 'the workflow'}${run.branch ? ` on ${run.branch}` : ''}`;
  const cannot = (why: string): Change => {
    const reason = `Herald could not tell whether this run ${possible === 'broken' ? 'broke' : 'fixed'} ${what}: ${why}`;
    core.info(`Herald: ${reason}.`);
    return { trigger: null, reason };
  };
  const access = sources.api;
  if (!access.api) return cannot(access.reason);
  try {
    const previous = await previousRun(access.api, runRef(run, sources));
    if (!previous) {
      core.info(`Herald: no earlier run of ${what} passed or failed; this run is neither fixed nor broken.`);
      return NO_CHANGE;
    }
    if (PASSED_STATUSES.includes(previous.conclusion) === passed) {
      core.info(`Herald: the previous run of ${what} (#${previous.runNumber}, ${previous.conclusion}) ended the same way; this run is not ${possible}.`);
      return NO_CHANGE;
    }
    core.info(`Herald: this run ${possible === 'broken' ? 'broke' : 'fixed'} ${what}: the previous run (#${previous.runNumber}) ended ${previous.conclusion}: ${previous.url}`);
    return { trigger: possible };
  } catch (error) {
    return cannot(apiProblem(error, 'the earlier runs'));
  }
}

/** The run to compare: a workflow_run event carries it whole; otherwise its id (the job's run, or the reported job's). */
function runRef(run: RunContext, { eventName, event }: Sources): RunRef {
  if (eventName === 'workflow_run' && event.workflow_run) return { id: String(event.workflow_run.id), ...refFromRun(event.workflow_run) };
  return { id: run.runId };
}
