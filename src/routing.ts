import picomatch from 'picomatch';
import type { Config, Route } from './config/schema.js';
import { suggest } from './config/problems.js';
import type { RunContext } from './context.js';
import { composeMessage } from './message.js';
import { changeOf, DEFAULT_TRIGGERS, NO_CHANGE, TEST_OUTCOME, type Change, type Outcome, type Trigger } from './outcome.js';
import { renderTemplate, TemplateError } from './render/template.js';
import { runVariables } from './render/variables.js';
import { UserError } from './user-error.js';

/** One destination to notify for this run, and the route that chose it. */
export interface Selected {
  destination: string;
  trigger: Trigger;
  /** Named in the `destinations` input of a test: sent even when the destination is disabled. */
  named?: boolean;
  /**
   * Recorded as skipped, and why: every route that names it for this trigger left it out with its filters, or it was
   * routed only for a status change Herald could not tell (no token, no API access).
   */
  skipped?: string;
  /** Template warnings from the `if` of a route that names it. */
  warnings?: string[];
}

/**
 * The destinations named by the routes for this outcome's trigger, each once, in config order: to notify when a route
 * whose filters match names it, else skipped with the reasons of the filters that left it out. Each gets the most
 * specific trigger a matching route names: the status change (broken, fixed) over the trigger it refines (error,
 * success); a destination routed only for a status change Herald could not tell is skipped with the reason.
 * `eventName` is the event that started this workflow (on workflow_run, run.eventName is the triggering run's).
 */
export function selectDestinations(config: Config, outcome: Outcome, run: RunContext, eventName: string, change: Change = NO_CHANGE): Selected[] {
  const routes: Route[] = config.notifications ?? [{ triggers: [...DEFAULT_TRIGGERS], to: Object.keys(config.destinations) }];
  const facts = runFacts(run, outcome, eventName);
  const chosen = new Map<string, { sent?: Choice; filtered?: Choice; reasons: string[]; warnings: string[] }>();
  routes.forEach((route, index) => {
    const choice = routeChoice(route, outcome, change);
    if (!choice) return;
    const verdict = routeMatches(route, facts, `notifications[${index}]`);
    for (const name of route.to) {
      const entry = chosen.get(name) ?? { reasons: [], warnings: [] };
      chosen.set(name, entry);
      if ('reason' in verdict) {
        entry.reasons.push(verdict.reason);
        entry.filtered = moreSpecific(entry.filtered, choice);
      } else entry.sent = moreSpecific(entry.sent, choice);
      entry.warnings.push(...verdict.warnings);
    }
  });
  return [...chosen].map(([destination, { sent, filtered, reasons, warnings }]) => ({
    destination,
    trigger: (sent ?? filtered)!.trigger,
    ...(sent ? (sent.skipped ? { skipped: sent.skipped } : {}) : { skipped: [...new Set(reasons)].join('; ') }),
    ...(warnings.length > 0 ? { warnings } : {}),
  }));
}

/** The trigger a route sends this run for; rank: a status change that happened 2, the run's own trigger 1, a change not told 0. */
interface Choice {
  trigger: Trigger;
  rank: number;
  skipped?: string;
}

function routeChoice(route: Route, outcome: Outcome, change: Change): Choice | undefined {
  if (change.trigger && route.triggers.includes(change.trigger)) return { trigger: change.trigger, rank: 2 };
  if (route.triggers.includes(outcome.trigger)) return { trigger: outcome.trigger, rank: 1 };
  const possible = changeOf(outcome.trigger);
  if (possible && change.reason && route.triggers.includes(possible)) return { trigger: possible, rank: 0, skipped: change.reason };
  return undefined;
}

const moreSpecific = (before: Choice | undefined, choice: Choice): Choice => (before && before.rank >= choice.rank ? before : choice);

/** The trigger the summary and the outputs tell: the status change when a destination got it, else the run's trigger. */
export function reportedTrigger(selected: Selected[], outcome: Outcome, change: Change): Trigger {
  return change.trigger && selected.some((one) => one.trigger === change.trigger && !one.skipped) ? change.trigger : outcome.trigger;
}

/** What a route's filters look at: the run, the event that started this workflow, and the outcome. */
interface RunFacts {
  run: RunContext;
  eventName: string;
  outcome: Outcome;
  /** What a route's `if` sees, made when a route has one. */
  variables: () => object;
}

function runFacts(run: RunContext, outcome: Outcome, eventName: string): RunFacts {
  let variables: object | undefined;
  // The message is the one main.ts composes: the same run and outcome.
  return { run, eventName, outcome, variables: () => (variables ??= runVariables(run, outcome, composeMessage(run, outcome))) };
}

/** A route's glob filter: its key, the run's value it matches, and what that value is called in a skipped reason. */
interface GlobFilter {
  key: 'branches' | 'head_branches' | 'workflows' | 'jobs' | 'events' | 'environments' | 'repositories' | 'actors' | 'statuses';
  noun: string;
  value: (facts: RunFacts) => string;
}

/** Every glob filter, in the order they are checked: the first that leaves the run out gives the reason. */
const FILTERS: GlobFilter[] = [
  { key: 'branches', noun: 'branch', value: ({ run, eventName }) => filterBranches(run, eventName).branch },
  { key: 'head_branches', noun: 'head branch', value: ({ run, eventName }) => filterBranches(run, eventName).head },
  { key: 'workflows', noun: 'workflow', value: ({ run }) => run.workflow },
  { key: 'jobs', noun: 'job', value: ({ run }) => run.job },
  { key: 'events', noun: 'event', value: ({ run }) => run.eventName },
  { key: 'environments', noun: 'environment', value: ({ run }) => run.environment },
  { key: 'repositories', noun: 'repository', value: ({ run }) => run.repository },
  { key: 'actors', noun: 'actor', value: ({ run }) => run.actor },
  // A deployment's `error` state is a failure to route by.
  { key: 'statuses', noun: 'status', value: ({ outcome }) => (outcome.status === 'error' ? 'failure' : outcome.status) },
];

/** Whether a route's filters take this run, or why not: the reason of the first filter that leaves it out. */
type RouteVerdict = ({ matched: true } | { reason: string }) & { warnings: string[] };

function routeMatches(route: Route, facts: RunFacts, path: string): RouteVerdict {
  for (const { key, noun, value } of FILTERS) {
    const patterns = route[key];
    if (!patterns || patterns.length === 0) continue;
    const reason = rejection(patterns, value(facts), noun);
    if (reason) return { reason, warnings: [] };
  }
  return route.if === undefined ? { matched: true, warnings: [] } : ifVerdict(route.if, facts.variables(), path);
}

/**
 * Why a filter leaves `value` out, in words that show only the value and the patterns (a branch, a workflow: no
 * secrets): `branch "main" excluded by "!main"`, `workflow "Lint" not in [CI, Deploy*]`, `no environment to match
 * [production]`. Undefined when it takes the value.
 */
function rejection(patterns: string[], value: string, noun: string): string | undefined {
  const { matched, by } = decide(patterns, value);
  if (matched) return undefined;
  if (by !== undefined) return `${noun} "${value}" excluded by "${by}"`;
  const list = `[${patterns.join(', ')}]`;
  return value === '' ? `no ${noun} to match ${list}` : `${noun} "${value}" not in ${list}`;
}

/**
 * A route's `if`: the template rendered with the variables every destination shares; the route matches when the
 * result, trimmed, is `true` in any case.
 */
function ifVerdict(template: string, variables: object, path: string): RouteVerdict {
  let rendered;
  try {
    rendered = renderTemplate(template, variables, 'text');
  } catch (error) {
    if (error instanceof TemplateError) return { reason: `if: ${error.message}`, warnings: [] };
    throw error;
  }
  const warnings = rendered.warnings.map((warning) => `Template Warning in ${path}.if: ${warning}`);
  const result = rendered.text.trim();
  if (result.toLowerCase() === 'true') return { matched: true, warnings };
  const shown = result.length > 100 ? `${result.slice(0, 100)}…` : result;
  return { reason: `if rendered "${shown}"`, warnings };
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
  return !patterns || patterns.length === 0 || decide(patterns, value).matched;
}

/**
 * How a glob list decides, and by which pattern: the last that matches wins; when none does, a list of only `!`
 * patterns takes the value and any other list does not. An empty value (no environment) matches no glob. A pattern
 * that is the value as written matches it too, so `dependabot[bot]` needs no `\[` (as a glob, [bot] is one letter).
 */
function decide(patterns: string[], value: string): { matched: boolean; by?: string } {
  for (const pattern of patterns.toReversed()) {
    const negated = pattern.startsWith('!');
    const glob = negated ? pattern.slice(1) : pattern;
    if (glob === value || picomatch.isMatch(value, glob, { dot: true })) return { matched: !negated, by: pattern };
  }
  return { matched: patterns.every((pattern) => pattern.startsWith('!')) };
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
