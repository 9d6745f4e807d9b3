/** What a run came to, in the words every layer shares: a leaf module, importing nothing of Herald's. */

/**
 * The triggers a route can name: what happened in a run. `fixed` and `broken` refine success and error by the previous
 * completed run of the workflow on the branch; `approval` is a job waiting for an environment's reviewers.
 */
export const TRIGGERS = ['started', 'success', 'error', 'fixed', 'broken', 'approval'] as const;
/** What a config without `notifications` routes to every destination: all but fixed and broken, which need the API. */
export const DEFAULT_TRIGGERS = ['started', 'success', 'error', 'approval'] as const satisfies readonly Trigger[];
/** Every trigger a message can be for: the routed ones and `test` (the `test` input), which ignores routes. */
export const MESSAGE_TRIGGERS = [...TRIGGERS, 'test'] as const;
export type Trigger = (typeof MESSAGE_TRIGGERS)[number];

/** The status-change triggers, by the trigger each refines: a success after a failure is fixed, a failure after a success broken. */
export const STATUS_CHANGES = { success: 'fixed', error: 'broken' } as const;
export type StatusChange = (typeof STATUS_CHANGES)[keyof typeof STATUS_CHANGES];

/** The trigger a status change refines (fixed -> success, broken -> error); every other trigger is its own. */
export function baseTrigger(trigger: Trigger): Trigger {
  if (trigger === 'fixed') return 'success';
  if (trigger === 'broken') return 'error';
  return trigger;
}

/** The status change that can refine a trigger (success -> fixed, error -> broken), if any. */
export const changeOf = (trigger: Trigger): StatusChange | undefined =>
  trigger === 'success' || trigger === 'error' ? STATUS_CHANGES[trigger] : undefined;

/**
 * Whether this run fixed or broke its workflow on its branch: the status change, none (`null`: the previous run ended
 * the same way, there is none, or this run was cancelled), or why Herald could not tell (`reason`).
 */
export type Change = { trigger: StatusChange; reason?: undefined } | { trigger: null; reason?: string };
export const NO_CHANGE: Change = { trigger: null };

/** Whether a run has a duration at this trigger: not at a start, nor while a job waits for approval. */
export const hasDuration = (trigger: Trigger): boolean => trigger !== 'started' && trigger !== 'approval';

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
