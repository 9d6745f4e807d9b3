/** What a run came to, in the words every layer shares: a leaf module, importing nothing of Herald's. */

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
