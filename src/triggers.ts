import picomatch from 'picomatch';
import type { RunContext } from './context.js';
import type { InputStatus } from './statuses.js';
import type { Config, Route } from './config/schema.js';
import { suggest } from './config/problems.js';
import { UserError } from './user-error.js';

/** The triggers a route can name: what happened in a run. */
export const TRIGGERS = ['started', 'success', 'error'] as const;
/** Every trigger a message can be for: the routed ones and `test` (the `test` input), which ignores routes. */
export const MESSAGE_TRIGGERS = [...TRIGGERS, 'test'] as const;
export type Trigger = (typeof MESSAGE_TRIGGERS)[number];

/** A test notification (AWX's "test notification"): its trigger and its status are both `test`. */
export const TEST_OUTCOME = { trigger: 'test', status: 'test' } as const satisfies Outcome;

/** What happened: the trigger it maps to and the status word that describes it (success, failure, timed_out, ...). */
export interface Outcome {
  trigger: Trigger;
  status: string;
}

/** A status or event that sends nothing, and why: the notice, the job summary and the outputs say so. */
export interface NoTrigger {
  trigger: null;
  status: string;
  /** 'deployment status "inactive" is not a notification trigger' */
  reason: string;
}

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
 * started, success, and `neutral` (a run that chose to pass without success) -> started / success; every other word
 * (failure, cancelled, timed_out, startup_failure, stale, one GitHub adds later) -> error.
 */
function statusOutcome(status: string): Outcome {
  if (status === 'started') return { trigger: 'started', status };
  if (status === 'success' || status === 'neutral') return { trigger: 'success', status };
  return { trigger: 'error', status };
}

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
      if (state === 'success') return { trigger: 'success', status: 'success' };
      if (state === 'failure' || state === 'error') return { trigger: 'error', status: state };
      return { trigger: null, status: state, reason: `deployment status "${state}" is not a notification trigger` };
    }
    default:
      return null;
  }
}

/** One destination to notify for this run, and the route that chose it. */
export interface Selected {
  destination: string;
  trigger: Trigger;
  /** Named in the `destinations` input of a test: sent even when the destination is disabled. */
  named?: boolean;
}

/**
 * The destinations whose routes match this outcome and run, each once, in config order. `eventName` is the event that
 * started this workflow (on workflow_run, run.eventName is the triggering run's).
 */
export function selectDestinations(config: Config, outcome: Outcome, run: RunContext, eventName: string): Selected[] {
  const routes: Route[] = config.notifications ?? [{ triggers: [...TRIGGERS], to: Object.keys(config.destinations) }];
  const names = new Set<string>();
  for (const route of routes) {
    if (!route.triggers.includes(outcome.trigger) || !routeMatches(route, outcome, run, eventName)) continue;
    for (const name of route.to) names.add(name);
  }
  return [...names].map((destination) => ({ destination, trigger: outcome.trigger }));
}

function routeMatches(route: Route, outcome: Outcome, run: RunContext, eventName: string): boolean {
  const { branch, head } = filterBranches(run, eventName);
  // A deployment's `error` state is a failure to route by.
  const status = outcome.status === 'error' ? 'failure' : outcome.status;
  return (
    matchesAny(route.branches, branch) &&
    matchesAny(route.head_branches, head) &&
    matchesAny(route.workflows, run.workflow) &&
    matchesAny(route.events, run.eventName) &&
    matchesAny(route.statuses, status)
  );
}

/**
 * What `branches` and `head_branches` match, as GitHub's own `on.<event>.branches` does: a pull request's base branch
 * (a fork's PR from its main into develop is a PR to develop); otherwise the pushed branch or tag, the workflow run's
 * or job's head branch, or the branch of the workflow's ref.
 */
export function filterBranches(run: RunContext, eventName: string): { branch: string; head: string } {
  if (eventName === 'pull_request' || eventName === 'pull_request_target') return { branch: run.baseBranch, head: run.headBranch };
  return { branch: run.branch || run.tag, head: run.headBranch || run.tag };
}

/** GitHub-style filter: globs, and `!glob` to exclude; the last matching pattern wins. No list matches everything. */
export function matchesAny(patterns: string[] | undefined, value: string): boolean {
  if (!patterns || patterns.length === 0) return true;
  let matched = patterns.every((pattern) => pattern.startsWith('!'));
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (picomatch.isMatch(value, glob, { dot: true })) matched = !negated;
  }
  return matched;
}

/**
 * The destinations of a test notification: the ones named in the `destinations` input, or every destination. Routes
 * and their filters do not apply. A destination named explicitly is tested even when it is disabled: it was asked for.
 */
export function selectTestDestinations(config: Config, names: string[]): Selected[] {
  const known = Object.keys(config.destinations);
  if (known.length === 0) throw new UserError(`${config.file} has no destinations to send a test notification to.`);
  for (const name of names) {
    if (known.includes(name)) continue;
    throw new UserError(
      `Input "destinations" names "${name}", which is no destination in ${config.file}${suggest(name, known)} ` +
        `Destinations in this file: ${known.join(', ')}.`,
    );
  }
  if (names.length === 0) return known.map((destination) => ({ destination, trigger: TEST_OUTCOME.trigger }));
  return [...new Set(names)].map((destination) => ({ destination, trigger: TEST_OUTCOME.trigger, named: true }));
}
