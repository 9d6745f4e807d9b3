import type { InputStatus } from './statuses.js';
import type { NoTrigger, Outcome } from './outcome.js';
import { UserError } from './user-error.js';

/** Maps the `status` input, or the status carried by the event, to a trigger, or to the reason there is none. */
export function pickOutcome(status: InputStatus | undefined, eventName: string, event: Record<string, any>): Outcome | NoTrigger {
  if (status === 'skipped') return { trigger: null, status, reason: 'status "skipped": the job or step did not run' };
  if (status) return statusOutcome(status);
  const fromEvent = eventOutcome(eventName, event);
  if (fromEvent) return fromEvent;
  throw new UserError(
    `Herald cannot tell the job's status from a "${eventName || 'unknown'}" event. ` +
      'Pass it from a step that always runs, for example:\n' +
      '  - uses: herald@v1\n    if: always()\n    with:\n      status: ${{ job.status }}',
  );
}

/**
 * started, waiting (approval), success, and `neutral` (a run that chose to pass without success) -> started / success; every other word
 * (failure, cancelled, timed_out, startup_failure, stale, one GitHub adds later) -> error.
 */
function statusOutcome(status: string): Outcome {
  if (status === 'started') return { trigger: 'started', status };
  if (status === 'waiting') return APPROVAL;
  if (status === 'success' || status === 'neutral') return { trigger: 'success', status };
  return { trigger: 'error', status };
}

/** A job or deployment waiting for an environment's reviewers to approve it. */
const APPROVAL: Outcome = { trigger: 'approval', status: 'waiting' };

/** A workflow run's or job's status and conclusion, as the notifier workflow sees it. */
function runOutcome(eventName: 'workflow_run' | 'workflow_job', event: Record<string, any>): Outcome | NoTrigger {
  const action = String(event.action ?? '');
  const subject = (eventName === 'workflow_run' ? event.workflow_run : event.workflow_job) ?? {};
  const what =
    eventName === 'workflow_run' ? `the run of "${subject.name || event.workflow?.name || 'a workflow'}"` : `the job "${subject.name ?? ''}"`;
  const conclusion = typeof subject.conclusion === 'string' ? subject.conclusion : '';
  // A run from a first-time contributor waits, "completed" with action_required, until someone approves it.
  if (conclusion === 'action_required' || subject.status === 'action_required') {
    return { trigger: null, status: 'action_required', reason: `${what} is waiting for approval (action_required); nothing is sent until it runs` };
  }
  // A job that waits for an environment's reviewers: action "waiting", or "queued" with status "waiting".
  if (eventName === 'workflow_job' && (action === 'waiting' || subject.status === 'waiting')) return APPROVAL;
  if (action === 'requested' || action === 'queued' || action === 'in_progress') return { trigger: 'started', status: 'started' };
  if (action !== 'completed') {
    return { trigger: null, status: action, reason: `a "${eventName}" event with action "${action}" is not a notification trigger` };
  }
  if (!conclusion) return { trigger: null, status: '', reason: `${what} is completed but has no conclusion` };
  if (conclusion === 'skipped') return { trigger: null, status: 'skipped', reason: `${what} was skipped` };
  return statusOutcome(conclusion);
}

/** null: this event carries no status. */
function eventOutcome(eventName: string, event: Record<string, any>): Outcome | NoTrigger | null {
  switch (eventName) {
    case 'workflow_run':
    case 'workflow_job':
      return runOutcome(eventName, event);
    case 'deployment_status': {
      const state = String(event.deployment_status?.state ?? '');
      if (['in_progress', 'queued', 'pending'].includes(state)) return { trigger: 'started', status: 'started' };
      if (state === 'waiting') return APPROVAL;
      if (state === 'success') return { trigger: 'success', status: 'success' };
      if (state === 'failure' || state === 'error') return { trigger: 'error', status: state };
      return { trigger: null, status: state, reason: `deployment status "${state}" is not a notification trigger` };
    }
    default:
      return null;
  }
}
