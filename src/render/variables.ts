import type { RunContext } from '../context.js';
import type { Message } from '../message.js';
import { hasDuration, type Outcome } from '../outcome.js';
import { withDevtronVariables } from './devtron.js';
import type { Delimiters } from './template.js';

/** The variables a template can use: the run's facts plus what this notification is about. */
export interface TemplateVariables extends RunContext {
  /** The trigger: started, success, error, fixed, broken, approval or test; under `{{ }}` Devtron's eventType (trigger, success, fail). */
  eventType: string;
  /** The status that caused it: started, success, failure, cancelled, timed_out, ... */
  status: string;
  /** One human line, e.g. "CI failed on main in octo/app (#42)". */
  message: string;
  /** The destination's name in the config file. */
  destination: string;
}

/** The variables for one destination; with Devtron's `{{ }}` delimiters, Devtron's variable names too. */
export function templateVariables(
  run: RunContext,
  outcome: Outcome,
  message: Message,
  destination: string,
  delimiters: Delimiters = '<< >>',
): TemplateVariables {
  const vars = { ...runVariables(run, outcome, message), destination };
  return delimiters === '{{ }}' ? withDevtronVariables(vars) : vars;
}

/** The variables that are the same for every destination, in Herald's names: what a route's `if` template sees. */
export function runVariables(run: RunContext, outcome: Outcome, message: Message): Omit<TemplateVariables, 'destination'> {
  // The failed jobs as the message has them (a test notification has none).
  const vars = { ...run, failedJobs: message.failedJobs, eventType: outcome.trigger, status: outcome.status, message: message.line };
  // As in the message: a start, or a job waiting for approval, has no duration yet.
  return hasDuration(outcome.trigger) ? vars : { ...vars, duration: '', durationSeconds: null };
}
