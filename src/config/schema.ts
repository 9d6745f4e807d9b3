import { z } from 'zod';
import { TRIGGERS, type Trigger } from '../outcome.js';
import { STATUSES } from '../statuses.js';
import { checkTemplate } from '../render/template.js';
import type { CommonConfig } from '../destinations/destination.js';
import { oneOrMany } from './fields.js';
import { suggest } from './problems.js';


/** Words people write where a trigger goes, and the trigger that routes what they mean. */
const TRIGGER_WORDS: { trigger: Trigger; routes: string; words: string[] }[] = [
  { trigger: 'error', routes: 'failures and cancellations are routed with "error"', words: ['failure', 'failed', 'fail', 'cancelled', 'canceled', 'cancel', 'timed_out', 'timeout'] },
  { trigger: 'success', routes: 'a run that succeeds is routed with "success"', words: ['succeeded', 'successful', 'passed', 'pass', 'ok', 'done', 'completed'] },
  { trigger: 'started', routes: 'a run that starts is routed with "started"', words: ['start', 'starting', 'running', 'in_progress', 'queued', 'begin'] },
  { trigger: 'broken', routes: 'a failure after a success is routed with "broken"', words: ['broke', 'break', 'breaks', 'regression', 'regressed'] },
  { trigger: 'fixed', routes: 'a success after a failure is routed with "fixed"', words: ['fix', 'fixes', 'recovered', 'recovery', 'resolved', 'back_to_normal'] },
  { trigger: 'approval', routes: 'a job waiting for reviewers is routed with "approval"', words: ['approve', 'approvals', 'waiting', 'needs_attention', 'run:needs_attention'] },
];

/** GitHub's own words for a job's status (`job.status`, a run's conclusion). */
const JOB_STATUSES = ['failure', 'cancelled', 'timed_out'];

const isTrigger = (word: string): word is Trigger => (TRIGGERS as readonly string[]).includes(word);

/** Why `word` is not a trigger, and which one to write instead. */
function unknownTrigger(word: string): string {
  const lower = word.trim().toLowerCase();
  if (lower === 'test') {
    return (
      '"test" is not routed: a test notification goes to every destination (or those you name), whatever the routes say. ' +
      `Send one with the action's input "test: true" (and "destinations: name, ..." to pick some). Use one of: ${TRIGGERS.join(', ')}.`
    );
  }
  const meant = TRIGGER_WORDS.find((entry) => entry.words.includes(lower) && isTrigger(entry.trigger));
  const advice = meant
    ? ` is ${JOB_STATUSES.includes(lower) ? 'a job status, not a trigger' : 'not a trigger'}; ${meant.routes}.`
    : ` is not a trigger${suggest(word, [...TRIGGERS], 'triggers')}`;
  return `"${word}"${advice} Use one of: ${TRIGGERS.join(', ')}.`;
}

const trigger = z.string().transform((word, ctx): Trigger => {
  if (isTrigger(word)) return word;
  ctx.addIssue({ code: 'custom', message: unknownTrigger(word) });
  return z.NEVER;
});

/** Why a glob can never match what its author meant: an unclosed [, { or ( (picomatch reads them literally or never matches). */
function unbalanced(pattern: string): string | undefined {
  const closers: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const open: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') i++;
    else if (open.at(-1) === '[') {
      if (c === ']') open.pop();
    } else if (c in closers) open.push(c);
    else if (c === closers[open.at(-1) ?? '']) open.pop();
  }
  const first = open[0];
  return first && `the "${first}" is never closed with "${closers[first]}"; close it, or write \\${first} for a literal ${first}`;
}

const NO_PATTERN = 'is empty: write a pattern, or leave the filter out to match everything';
const pattern = z
  .string()
  .min(1, NO_PATTERN)
  .superRefine((glob, ctx) => {
    const problem = unbalanced(glob.replace(/^!/, ''));
    if (problem) ctx.addIssue({ code: 'custom', message: `"${glob}" is not a valid pattern: ${problem}.` });
  });

/**
 * A route filter (branches, workflows, events and any filter added later): one glob or a list of globs. One string
 * holding commas outside braces is a list written as text, which would only match a name with a comma in it.
 */
export const filterList = z.preprocess((value, ctx) => {
  if (typeof value !== 'string') return value;
  // A comma inside braces is a glob's alternatives (`feature/{a,b}`), not a list.
  if (value.replace(/\{[^{}]*\}/g, '').includes(',')) {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    ctx.addIssue({ code: 'custom', message: `"${value}" is one pattern holding a comma; write a list: [${items.join(', ')}]` });
  }
  return [value];
}, z.array(pattern).min(1, NO_PATTERN));

/** A status, or `!status` to leave it out: case and spaces do not matter, a misspelling gets a did-you-mean. */
const statusPattern = z
  .string()
  .transform((value) => value.trim().toLowerCase())
  .superRefine((value, ctx) => {
    const negated = value.startsWith('!');
    const word = negated ? value.slice(1) : value;
    if ((STATUSES as readonly string[]).includes(word)) return;
    const known = STATUSES.map((status) => (negated ? `!${status}` : status));
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not a status${suggest(value, known, 'statuses')} Use one of: ${STATUSES.join(', ')}; "!cancelled" leaves one out.`,
    });
  });

/**
 * A route's `if`: a template that parses, and that has tags: without any it always renders the same text, and a
 * `{{ }}` or `${{ }}` expression written there would never be true.
 */
const routeCondition = z
  .string()
  .min(1, 'is empty: write a template that renders true, or leave "if" out')
  .superRefine((template, ctx) => {
    const problem = checkTemplate(template, 'text');
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    else if (!template.includes('<<') && template.trim().toLowerCase() !== 'true') {
      ctx.addIssue({
        code: 'custom',
        message:
          `"${template}" has no << >> tags, so it always renders as written and the route never sends. ` +
          'Write a template that renders true, with Herald\'s tags: "<<#prNumber>>true<</prNumber>>".',
      });
    }
  });

const GLOBS = 'Glob patterns (or one pattern), as GitHub\'s own filters: * within a path segment, ** across, !pattern excludes; the last match wins.';

export const routeSchema = z.strictObject({
  triggers: oneOrMany(trigger.meta({ enum: [...TRIGGERS] }), `is empty: write one or more of ${TRIGGERS.join(', ')}`).describe(
    `The triggers this route sends: one or a list of ${TRIGGERS.join(', ')} (failures and cancellations are routed with error; ` +
      'broken and fixed are a failure after a success and the reverse; a destination matched for several gets the most specific).',
  ),
  to: oneOrMany(z.string().min(1, 'is empty: name a destination'), 'is empty: name one or more destinations').describe(
    'One destination name or a list. A destination named by several matching routes is notified once.',
  ),
  branches: filterList.optional().describe(`The branch, as GitHub's on.<event>.branches filter (on pull requests the base branch). ${GLOBS}`),
  head_branches: filterList.optional().describe(`A pull request's head branch; on other events the same branch as branches. ${GLOBS}`),
  workflows: filterList.optional().describe(`The workflow's name (the triggering workflow's, on workflow_run). ${GLOBS}`),
  events: filterList.optional().describe(`The event name (push, pull_request, ...; the triggering run's event on workflow_run). ${GLOBS}`),
  jobs: filterList
    .optional()
    .describe(`The job's id (GITHUB_JOB, its key under jobs:); on workflow_job the job's name; none on workflow_run. ${GLOBS}`),
  environments: filterList
    .optional()
    .describe(`The deployment's environment (deployment_status, deployment); a run without one matches only a list of !patterns. ${GLOBS}`),
  repositories: filterList.optional().describe(`The repository, owner/name. ${GLOBS}`),
  actors: filterList.optional().describe(`The login of who started the run (the triggering actor on workflow_run). ${GLOBS}`),
  statuses: oneOrMany(
    statusPattern.meta({ examples: [...STATUSES, '!cancelled'] }),
    `is empty: write one or more of ${STATUSES.join(', ')}, or leave the filter out`,
  )
    .optional()
    .describe(`The status: one or a list of ${STATUSES.join(', ')}; "!cancelled" leaves one out. Exact words, case does not matter.`),
  if: routeCondition
    .optional()
    .describe(
      'A template (<< >> tags, the variables every destination sees) that must render to true (trimmed, any case) for the route to send, ' +
        'as Grafana OnCall\'s trigger template: "<<#prNumber>>true<</prNumber>>" sends only for pull requests.',
    ),
});
export type Route = z.infer<typeof routeSchema>;

const ROUTES =
  'Routing: which triggers go to which destinations, each route with optional filters. Without notifications, every destination gets every trigger.';

export const routesSchema = z.array(routeSchema).min(1).optional().describe(ROUTES);

/** The file's outline; each destination and the routes are then checked on their own, so all problems show at once. */
export const fileSchema = z.strictObject({
  destinations: z
    .record(z.string(), z.record(z.string(), z.unknown()))
    .describe('Named, reusable destinations: a name you choose, mapped to a destination whose type picks the kind and its fields.'),
  notifications: z.unknown().optional().describe(ROUTES),
  block_private_addresses: z
    .boolean()
    .optional()
    .describe(
      'Refuse to send to loopback, private, link-local and cloud metadata addresses, for every destination that does not set it itself (default false).',
    ),
});

export type DestinationConfig = CommonConfig & Record<string, unknown>;

export interface Config {
  /** The file it came from, for messages. */
  file: string;
  destinations: Record<string, DestinationConfig>;
  notifications?: Route[];
  /** The top-level block_private_addresses: the default for destinations that do not set it. */
  blockPrivateAddresses: boolean;
  /** Values that came from ${NAME} and other secrets: masked everywhere. */
  secrets: string[];
}
