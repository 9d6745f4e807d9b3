import picomatch from 'picomatch';
import type { RunContext } from './context.js';
import type { JobStatus } from './inputs.js';
import type { Config, Route } from './config/schema.js';
import { UserError } from './user-error.js';

export const TRIGGERS = ['started', 'success', 'error'] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** What happened: the trigger it maps to and the status word that describes it (success, failure, timed_out, ...). */
export interface Outcome {
  trigger: Trigger;
  status: string;
}

/** Maps the `status` input, or the status carried by the event, to a trigger; undefined when the event action has none. */
export function pickOutcome(status: JobStatus | undefined, eventName: string, event: Record<string, any>): Outcome | undefined {
  if (status) return { trigger: statusTrigger(status), status };
  const fromEvent = eventOutcome(eventName, event);
  if (fromEvent !== null) return fromEvent;
  throw new UserError(
    `Herald cannot tell the job's status from a "${eventName || 'unknown'}" event. ` +
      'Pass it from a step that always runs, for example:\n' +
      '  - uses: herald@v1\n    if: always()\n    with:\n      status: ${{ job.status }}',
  );
}

function statusTrigger(status: JobStatus): Trigger {
  if (status === 'started') return 'started';
  if (status === 'success') return 'success';
  return 'error';
}

const conclusionOutcome = (conclusion: unknown): Outcome => {
  const status = typeof conclusion === 'string' && conclusion ? conclusion : 'failure';
  return { trigger: status === 'success' ? 'success' : 'error', status };
};

/** null: this event carries no status; undefined: it does, but this action maps to no trigger. */
function eventOutcome(eventName: string, event: Record<string, any>): Outcome | undefined | null {
  switch (eventName) {
    case 'workflow_run':
    case 'workflow_job': {
      const action = event.action;
      const subject = eventName === 'workflow_run' ? event.workflow_run : event.workflow_job;
      if (action === 'requested' || action === 'queued' || action === 'in_progress') return { trigger: 'started', status: 'started' };
      if (action === 'completed') return conclusionOutcome(subject?.conclusion);
      return undefined;
    }
    case 'deployment_status': {
      const state = String(event.deployment_status?.state ?? '');
      if (['in_progress', 'queued', 'pending'].includes(state)) return { trigger: 'started', status: 'started' };
      if (state === 'success') return { trigger: 'success', status: 'success' };
      if (state === 'failure' || state === 'error') return { trigger: 'error', status: state };
      return undefined;
    }
    default:
      return null;
  }
}

/** One destination to notify for this run, and the route that chose it. */
export interface Selected {
  destination: string;
  trigger: Trigger;
}

/** The destinations whose routes match this trigger and run, each once, in config order. */
export function selectDestinations(config: Config, trigger: Trigger, run: RunContext): Selected[] {
  const routes: Route[] = config.notifications ?? [{ triggers: [...TRIGGERS], to: Object.keys(config.destinations) }];
  const names = new Set<string>();
  for (const route of routes) {
    if (!route.triggers.includes(trigger) || !routeMatches(route, run)) continue;
    for (const name of route.to) names.add(name);
  }
  return [...names].map((destination) => ({ destination, trigger }));
}

function routeMatches(route: Route, run: RunContext): boolean {
  const branch = run.branch || run.tag;
  return (
    matchesAny(route.branches, branch) &&
    matchesAny(route.workflows, run.workflow) &&
    matchesAny(route.events, run.eventName)
  );
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
