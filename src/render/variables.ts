import type { RunContext } from '../context.js';
import type { Message } from '../message.js';
import type { Outcome } from '../outcome.js';

/** The variables a template can use: the run's facts plus what this notification is about. */
export interface TemplateVariables extends RunContext {
  /** The trigger: started, success or error (Devtron's eventType). */
  eventType: string;
  /** The status that caused it: started, success, failure, cancelled, timed_out, ... */
  status: string;
  /** One human line, e.g. "CI failed on main in octo/app (#42)". */
  message: string;
  /** The destination's name in the config file. */
  destination: string;
}

export function templateVariables(run: RunContext, outcome: Outcome, message: Message, destination: string): TemplateVariables {
  // The failed jobs as the message has them (a test notification has none).
  const vars = { ...run, failedJobs: message.failedJobs, eventType: outcome.trigger, status: outcome.status, message: message.line, destination };
  // As in the message: a start has no duration yet.
  return outcome.trigger === 'started' ? { ...vars, duration: '', durationSeconds: null } : vars;
}
