/** The status words Herald knows: a leaf module, so config, inputs, triggers and message share them without a circle. */

/**
 * The words GitHub gives a step: job.status, needs.<job>.result, steps.<step>.outcome / conclusion, plus `started` and
 * `waiting` (a later job waits for an environment's reviewers: the approval trigger).
 */
export const INPUT_STATUSES = ['started', 'success', 'failure', 'cancelled', 'skipped', 'waiting'] as const;
export type InputStatus = (typeof INPUT_STATUSES)[number];

/**
 * How a run or job ended, in the words the status change (fixed / broken) and the failed-jobs list go by: it worked, or
 * it failed. Cancelled, skipped, action_required and stale say neither (a cancelled run's jobs were stopped, not failed).
 */
export const PASSED_STATUSES = ['success', 'neutral'];
export const FAILED_STATUSES = ['failure', 'timed_out', 'startup_failure'];

/** What a route's `statuses` filter can name: the input words and the conclusions of workflow runs and jobs. */
export const STATUSES = [
  'success',
  'failure',
  'cancelled',
  'timed_out',
  'skipped',
  'neutral',
  'startup_failure',
  'action_required',
  'stale',
  'started',
  'waiting',
] as const;
export type Status = (typeof STATUSES)[number];
