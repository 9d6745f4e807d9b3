import picomatch from 'picomatch';
import type { Config, Route } from './config/schema.js';
import { suggest } from './config/problems.js';
import type { RunContext } from './context.js';
import { changeOf, DEFAULT_TRIGGERS, NO_CHANGE, TEST_OUTCOME, type Change, type Outcome, type Trigger } from './outcome.js';
import { UserError } from './user-error.js';

/** One destination to notify for this run, and the route that chose it. */
export interface Selected {
  destination: string;
  trigger: Trigger;
  /** Named in the `destinations` input of a test: sent even when the destination is disabled. */
  named?: boolean;
  /** Routed only for a status change Herald could not tell (no token, no API access): recorded as skipped, and why. */
  skipped?: string;
}

/**
 * The destinations whose routes match this outcome and run, each once, in config order, each with the most specific
 * trigger a matching route names: the status change (broken, fixed) over the trigger it refines (error, success). A
 * destination routed only for a status change Herald could not tell is skipped with the reason. `eventName` is the
 * event that started this workflow (on workflow_run, run.eventName is the triggering run's).
 */
export function selectDestinations(config: Config, outcome: Outcome, run: RunContext, eventName: string, change: Change = NO_CHANGE): Selected[] {
  const routes: Route[] = config.notifications ?? [{ triggers: [...DEFAULT_TRIGGERS], to: Object.keys(config.destinations) }];
  const possible = changeOf(outcome.trigger);
  const picked = new Map<string, Selected>();
  for (const route of routes) {
    if (!routeMatches(route, outcome, run, eventName)) continue;
    const choice: Selected | undefined =
      change.trigger && route.triggers.includes(change.trigger)
        ? { destination: '', trigger: change.trigger }
        : route.triggers.includes(outcome.trigger)
          ? { destination: '', trigger: outcome.trigger }
          : possible && change.reason && route.triggers.includes(possible)
            ? { destination: '', trigger: possible, skipped: change.reason }
            : undefined;
    if (!choice) continue;
    for (const destination of route.to) {
      const before = picked.get(destination);
      if (!before || specificity(choice, change) > specificity(before, change)) picked.set(destination, { ...choice, destination });
    }
  }
  return [...picked.values()];
}

/** The trigger the summary and the outputs tell: the status change when a destination got it, else the run's trigger. */
export function reportedTrigger(selected: Selected[], outcome: Outcome, change: Change): Trigger {
  return change.trigger && selected.some((one) => one.trigger === change.trigger && !one.skipped) ? change.trigger : outcome.trigger;
}

/** A status change that happened beats the trigger it refines, which beats a status change that could not be told. */
const specificity = (selected: Selected, change: Change): number => (selected.skipped ? 0 : selected.trigger === change.trigger ? 2 : 1);

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
