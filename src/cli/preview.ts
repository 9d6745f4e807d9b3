import { readFileSync } from 'node:fs';
import { readRunContext } from '../context.js';
import { deliverAll } from '../deliver.js';
import type { GitHubContext } from '../github-context.js';
import { messagesFor } from '../message.js';
import { prepareDeliveries } from '../prepare.js';
import { MASK, registerSecrets } from '../secrets.js';
import { FAILED_STATUSES, INPUT_STATUSES, type InputStatus } from '../statuses.js';
import { baseTrigger, NO_CHANGE, TEST_OUTCOME, TRIGGERS, type Change, type Outcome, type Trigger } from '../outcome.js';
import { selectDestinations, selectTestDestinations } from '../routing.js';
import { pickOutcome } from '../triggers.js';
import { UserError } from '../user-error.js';
import { checkConfigFile, validateWithout } from './config-check.js';
import type { Output } from './output.js';

export interface PreviewOptions {
  config: string;
  status?: string;
  trigger?: string;
  test: boolean;
  event?: string;
  payload?: string;
}

/**
 * A secret the shell does not have stands in as a value that fits where it is written and prints as ****: a whole value
 * is a URL that is an address too (webhook_url, from); inside a value, a word that fits a host name, a path or a query.
 */
const standIn = (name: string, embedded: boolean) => {
  const word = `herald-preview-${name.toLowerCase().replace(/_/g, '-')}`;
  return embedded ? word : `https://${word}@herald-preview.invalid/${name}`;
};

/** What a push to main looks like, so `herald preview` works with no arguments. */
const BUILT_IN_PUSH = {
  ref: 'refs/heads/main',
  after: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
  repository: { full_name: 'octo/app', html_url: 'https://github.com/octo/app', name: 'app', owner: { login: 'octo' } },
  head_commit: {
    id: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    message: 'Fix the build',
    url: 'https://github.com/octo/app/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    author: { name: 'Mona Lisa', email: 'mona@example.com' },
  },
  sender: { login: 'mona' },
};

/**
 * `herald preview`: what each destination would get, rendered by the action's own pipeline as a dry run: no GitHub,
 * nothing sent. The GITHUB_* variables a runner sets may be set to describe another run; the rest is a push to main.
 */
export async function preview(options: PreviewOptions, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const check = await checkConfigFile(options.config, env);
  if (check.settings.length > 0) {
    throw new UserError(`Set ${check.settings.join(', ')} to preview: ${check.settings.length === 1 ? 'it fills' : 'they fill'} a number or true/false field.`);
  }
  const standIns = Object.fromEntries(check.missing.map((name) => [name, standIn(name, check.embedded.includes(name))]));
  const config = validateWithout(check, { ...env, ...standIns })!;
  // As the action masks (secrets declared by each destination, variables named like secrets), and the stand-ins too.
  registerSecrets([...config.secrets, ...Object.values(standIns)], () => {});

  const github = runnerContext(options, env);
  const run = readRunContext(github, env);
  const outcome = pickPreviewOutcome(options, github);
  // --trigger broken or fixed previews the status change as if it happened; without it the preview asks no API.
  const change: Change = options.trigger === 'broken' || options.trigger === 'fixed' ? { trigger: options.trigger } : NO_CHANGE;
  // A failure's message lists the failed jobs, which the action reads from the GitHub API: the preview shows a sample.
  const sampleFailedJob = baseTrigger(change.trigger ?? outcome.trigger) === 'error' && FAILED_STATUSES.includes(outcome.status);
  if (sampleFailedJob) run.failedJobs = [{ name: 'build', url: `${run.runUrl}/job/1`, conclusion: 'failure', failedSteps: ['Run tests'] }];
  const selected = options.test ? selectTestDestinations(config, []) : selectDestinations(config, outcome, run, github.eventName, change);
  const results = await deliverAll(prepareDeliveries(config, selected, run, messagesFor(run, outcome)), { dryRun: true, deadlineMs: 10_000 });

  const shown = change.trigger ?? outcome.trigger;
  out.log(`Preview of ${options.config}: trigger ${shown} (status ${outcome.status}) on a ${github.eventName} event; nothing is sent.`);
  if (check.missing.length > 0) out.log(`Not set here, shown as ${MASK}: ${check.missing.join(', ')}.`);
  if (sampleFailedJob) out.log('Failed jobs, which the action reads from the GitHub API, are a sample here: the job "build", its step "Run tests".');
  const unrouted = Object.keys(config.destinations).filter((name) => !selected.some((one) => one.destination === name));
  if (unrouted.length > 0) out.log(`No route sends ${shown} here to: ${unrouted.join(', ')}.`);
  for (const result of results) {
    out.log('');
    out.log(`== ${result.destination} (${result.type})${result.target ? ` ${result.target}` : ''}`);
    if (result.url) out.log(`to: ${result.url}`);
    for (const warning of result.warnings) out.log(`warning: ${warning}`);
    if (result.error) out.error(`error: ${result.error}`);
    else if (result.payload === undefined) out.log(result.log.join('\n'));
    else out.log(result.payload);
  }
  return results.some((result) => result.error) ? 1 : 0;
}

/** The status a previewed trigger reads as: a failure for error, a job waiting for reviewers for approval. */
const PREVIEW_STATUS: Partial<Record<Trigger, string>> = { error: 'failure', approval: 'waiting' };

function pickPreviewOutcome(options: PreviewOptions, github: GitHubContext): Outcome {
  if (options.test) return TEST_OUTCOME;
  if (options.trigger !== undefined) {
    if (!(TRIGGERS as readonly string[]).includes(options.trigger)) throw new UserError(`--trigger "${options.trigger}" is not a trigger. Use one of: ${TRIGGERS.join(', ')}.`);
    // broken and fixed are routed as the error or success they refine; selectDestinations is given the change.
    const trigger = baseTrigger(options.trigger as Trigger);
    return { trigger, status: PREVIEW_STATUS[trigger] ?? trigger };
  }
  const status = options.status?.trim().toLowerCase();
  if (status !== undefined && !(INPUT_STATUSES as readonly string[]).includes(status)) {
    throw new UserError(`--status "${options.status}" is not a status. Use one of: ${INPUT_STATUSES.join(', ')}.`);
  }
  // Without one, the event says (workflow_run, workflow_job, deployment_status), else a success.
  const fromEvent = ['workflow_run', 'workflow_job', 'deployment_status'].includes(github.eventName);
  const outcome = pickOutcome((status ?? (fromEvent ? undefined : 'success')) as InputStatus | undefined, github.eventName, github.payload);
  if (outcome.trigger === null) throw new UserError(`Nothing to preview: ${outcome.reason}.`);
  return outcome;
}

/** The context a runner would give: --event and --payload, the GITHUB_* variables that are set, and a push to main for the rest. */
function runnerContext(options: PreviewOptions, env: NodeJS.ProcessEnv): GitHubContext {
  const payload: Record<string, any> = options.payload === undefined ? BUILT_IN_PUSH : readPayload(options.payload);
  const eventName = options.event ?? env.GITHUB_EVENT_NAME ?? (options.payload === undefined ? 'push' : guessEvent(payload));
  return {
    payload,
    eventName,
    sha: env.GITHUB_SHA ?? String(payload.after ?? payload.pull_request?.head?.sha ?? BUILT_IN_PUSH.after),
    ref: env.GITHUB_REF ?? String(payload.ref ?? 'refs/heads/main'),
    workflow: env.GITHUB_WORKFLOW ?? 'CI',
    job: env.GITHUB_JOB ?? 'build',
    runId: env.GITHUB_RUN_ID ?? '1234567890',
    runNumber: env.GITHUB_RUN_NUMBER ?? '42',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    actor: env.GITHUB_ACTOR ?? String(payload.sender?.login ?? 'mona'),
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
  };
}

function readPayload(file: string): Record<string, any> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`--payload ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UserError(`--payload ${file} is not a JSON object (an event payload).`);
  return parsed as Record<string, any>;
}

/** The event a payload is from, by the key only that event has; --event says it when this cannot. */
function guessEvent(payload: Record<string, any>): string {
  for (const key of ['workflow_run', 'workflow_job', 'deployment_status', 'pull_request', 'release', 'merge_group']) if (key in payload) return key;
  if ('head_commit' in payload || 'commits' in payload) return 'push';
  throw new UserError('Cannot tell which event the --payload is from: add --event NAME (push, pull_request, workflow_run, ...).');
}
