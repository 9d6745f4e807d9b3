import type { BuildInput } from '../destination.js';

/**
 * Terraform Cloud's notification trigger for each Herald trigger. Keyed by name: a trigger with no entry sends no
 * Terraform Cloud payload (it cannot be said in its words).
 */
const TFC_TRIGGERS: Record<string, string> = {
  started: 'run:created',
  success: 'run:completed',
  fixed: 'run:completed',
  error: 'run:errored',
  broken: 'run:errored',
  approval: 'run:needs_attention',
};

/** Whether Terraform Cloud's payload can say this trigger. */
export const tfcSays = (trigger: string): boolean => trigger === 'test' || trigger in TFC_TRIGGERS;

/**
 * Terraform Cloud's run notification payload (payload_version 1, as its generic notifications send it), so receivers
 * written for Terraform Cloud work unchanged. A test notification is its verification request.
 */
export function tfcPayload({ name, trigger, message, vars }: BuildInput) {
  if (trigger === 'test') return verificationPayload(name);
  const [organization = '', workspace = ''] = vars.repository.split('/');
  return {
    payload_version: 1,
    notification_configuration_id: name,
    run_url: vars.runUrl || null,
    run_id: vars.runId ? `run-${vars.runId}` : null,
    run_message: vars.commitMessage || vars.prTitle || message.line,
    // Terraform Cloud always knows when a run was created; Herald only when a start time was recorded.
    run_created_at: vars.startedAt || vars.timestamp,
    run_created_by: vars.actor,
    workspace_id: vars.repository,
    workspace_name: workspace,
    organization_name: organization,
    notifications: [
      {
        message: message.line,
        trigger: TFC_TRIGGERS[trigger]!,
        run_status: runStatus(trigger, vars.status),
        run_updated_at: vars.timestamp,
        run_updated_by: vars.actor,
      },
    ],
  };
}

/** What Terraform Cloud sends when a configuration is verified: no run, every run field null. */
function verificationPayload(name: string) {
  return {
    payload_version: 1,
    notification_configuration_id: name,
    run_url: null,
    run_id: null,
    run_message: null,
    run_created_at: null,
    run_created_by: null,
    workspace_id: null,
    workspace_name: null,
    organization_name: null,
    notifications: [
      { message: `Verification of ${name}`, trigger: 'verification', run_status: null, run_updated_at: null, run_updated_by: null },
    ],
  };
}

/**
 * The Terraform Cloud run status closest to a GitHub one: a start is `pending` (a created run), a run waiting for a
 * reviewer `planned` (a plan waiting for confirmation), success `applied`, a cancellation `canceled`, anything else
 * that ended the run `errored`.
 */
function runStatus(trigger: string, status: string): string {
  if (trigger === 'started') return 'pending';
  if (trigger === 'approval') return 'planned';
  if (status === 'cancelled') return 'canceled';
  if (status === 'success' || status === 'neutral') return 'applied';
  return 'errored';
}
