import { z } from 'zod';
import { TRIGGERS, type Trigger } from '../triggers.js';
import type { CommonConfig } from '../destinations/destination.js';
import { suggest } from './problems.js';

/** One value or a list of them: `to: hooks` is `to: [hooks]`. Problems with a single value are reported at the value. */
export const oneOrMany = <T extends z.ZodType>(item: T, empty: string) =>
  z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).min(1, empty));

/** Words people write for a trigger, and the trigger that routes what they mean. */
const TRIGGER_WORDS: Record<string, { trigger: Trigger; why: string }> = {};
const meaning = (words: string[], trigger: Trigger, why: (word: string) => string) =>
  words.forEach((word) => (TRIGGER_WORDS[word] = { trigger, why: why(word) }));
const JOB_STATUSES = ['failure', 'cancelled', 'timed_out', 'success'];
const isStatus = (word: string) => (JOB_STATUSES.includes(word) ? 'a job status, not a trigger' : 'not a trigger');
meaning(['failure', 'failed', 'fail', 'cancelled', 'canceled', 'cancel', 'timed_out', 'timeout'], 'error', (word) => `${isStatus(word)}; failures and cancellations are routed with "error"`);
meaning(['succeeded', 'successful', 'passed', 'pass', 'ok', 'done', 'completed'], 'success', (word) => `${isStatus(word)}; a run that succeeds is routed with "success"`);
meaning(['start', 'starting', 'running', 'in_progress', 'queued', 'begin'], 'started', (word) => `${isStatus(word)}; a run that starts is routed with "started"`);

/** Why `word` is not a trigger, and which one to write instead. */
function unknownTrigger(word: string): string {
  const known = TRIGGER_WORDS[word.trim().toLowerCase()];
  const advice = known && (TRIGGERS as readonly string[]).includes(known.trigger) ? ` is ${known.why}.` : ` is not a trigger${suggest(word, [...TRIGGERS], 'triggers')}`;
  return `"${word}"${advice} Use one of: ${TRIGGERS.join(', ')}.`;
}

const trigger = z.string().transform((word, ctx): Trigger => {
  if ((TRIGGERS as readonly string[]).includes(word)) return word as Trigger;
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
 * holding commas is a list written as text, which would only match a name with a comma in it.
 */
export const filterList = z.preprocess((value, ctx) => {
  if (typeof value !== 'string') return value;
  if (value.includes(',')) {
    const items = value.split(',').map((item) => item.trim()).filter(Boolean);
    ctx.addIssue({ code: 'custom', message: `"${value}" is one pattern holding a comma; write a list: [${items.join(', ')}]` });
  }
  return [value];
}, z.array(pattern).min(1, NO_PATTERN));

export const routeSchema = z.strictObject({
  triggers: oneOrMany(trigger, `is empty: write one or more of ${TRIGGERS.join(', ')}`),
  to: oneOrMany(z.string().min(1, 'is empty: name a destination'), 'is empty: name one or more destinations'),
  branches: filterList.optional(),
  workflows: filterList.optional(),
  events: filterList.optional(),
});
export type Route = z.infer<typeof routeSchema>;

export const routesSchema = z.array(routeSchema).min(1).optional();

/** The file's outline; each destination and the routes are then checked on their own, so all problems show at once. */
export const fileSchema = z.strictObject({
  destinations: z.record(z.string(), z.record(z.string(), z.unknown())),
  notifications: z.unknown().optional(),
});

export type DestinationConfig = CommonConfig & Record<string, unknown>;

export interface Config {
  /** The file it came from, for messages. */
  file: string;
  destinations: Record<string, DestinationConfig>;
  notifications?: Route[];
  /** Values that came from ${NAME} and other secrets: masked everywhere. */
  secrets: string[];
}
