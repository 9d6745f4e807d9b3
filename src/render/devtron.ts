import type { TemplateVariables } from './variables.js';

/**
 * Devtron's webhook variables (the names its notifier fills in `parseEventForWebhook`), so that a payload pasted from
 * Devtron renders as it is under `delimiters: "{{ }}"`. One table: Devtron's name, and where Herald takes its value.
 */
const DEVTRON_VARIABLES: Record<string, (vars: TemplateVariables) => string> = {
  devtronAppName: (vars) => vars.repository.split('/')[1] ?? vars.repository,
  devtronAppId: (vars) => text(vars.event.repository?.id),
  devtronEnvName: (vars) => vars.environment,
  // GitHub's events carry no id for an environment.
  devtronEnvId: () => '',
  devtronPipelineType: (vars) => pipelineType(vars),
  devtronCiPipelineId: (vars) => vars.runId,
  devtronCdPipelineId: (vars) => vars.runId,
  devtronTriggeredByEmail: (vars) => actorEmail(vars) || vars.actor,
  // GitHub's events do not say who approved a deployment.
  devtronApprovedByEmail: () => '',
  devtronContainerImageTag: (vars) => vars.imageTag,
  devtronContainerImageRepo: (vars) => vars.imageRepo,
  devtronBuildGitCommitHash: (vars) => vars.sha,
  eventType: (vars) => DEVTRON_EVENT_TYPES[vars.eventType] ?? vars.eventType,
  buildHistoryLink: (vars) => vars.runUrl,
  appDetailsLink: (vars) => vars.repositoryUrl,
};

/**
 * Devtron's eventType for each trigger: it has trigger, success and fail. Keyed by name so that triggers added later
 * (fixed, broken) read as Devtron's nearest; one with no counterpart (test, approval) keeps Herald's word.
 */
const DEVTRON_EVENT_TYPES: Record<string, string> = {
  started: 'trigger',
  success: 'success',
  fixed: 'success',
  error: 'fail',
  broken: 'fail',
};

/** Herald's variables with Devtron's names added; Devtron's `eventType` replaces Herald's. */
export function withDevtronVariables<V extends TemplateVariables>(vars: V): V & Record<string, string> {
  const devtron = Object.fromEntries(Object.entries(DEVTRON_VARIABLES).map(([name, value]) => [name, value(vars)]));
  return { ...vars, ...devtron };
}

/** CD for a deployment (a deployment_status event, or any run with an environment), else CI. */
const pipelineType = (vars: TemplateVariables): 'CD' | 'CI' => (vars.environment ? 'CD' : 'CI');

/**
 * The actor's e-mail when the event says it: a push names its pusher, and a head commit its author and committer
 * with their logins; only an address that belongs to the actor counts.
 */
function actorEmail({ event, actor }: TemplateVariables): string {
  if (event.pusher?.name === actor && event.pusher?.email) return text(event.pusher.email);
  const people = [event.head_commit?.author, event.head_commit?.committer];
  return text(people.find((person) => person?.username === actor && person?.email)?.email);
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
