import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import type { SecretsWithheld } from './config/substitute.js';
import { keepEventText } from './event-text.js';
import { UserError } from './user-error.js';

/** What the runner tells a step about its run: the GITHUB_* variables and the event payload, as given (strings). */
export interface GitHubContext {
  payload: Record<string, any>;
  eventName: string;
  sha: string;
  ref: string;
  workflow: string;
  job: string;
  runId: string;
  runNumber: string;
  runAttempt: string;
  actor: string;
  serverUrl: string;
}

/**
 * Reads the context from the environment, as @actions/github's Context does, but inside run(): a broken event file is
 * one clear error, not a stack trace at import time. No event file (a local run) is an empty event and a notice.
 */
export function readGitHubContext(env: NodeJS.ProcessEnv): GitHubContext {
  return {
    payload: readEvent(env.GITHUB_EVENT_PATH),
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
    actor: env.GITHUB_ACTOR ?? '',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
  };
}

function readEvent(file: string | undefined): Record<string, any> {
  const without = (why: string) => {
    core.notice(`Herald: ${why}, so the event is empty: the notification is built from the GITHUB_* variables alone.`);
    return {};
  };
  if (!file) return without('GITHUB_EVENT_PATH is not set (not a GitHub runner?)');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return without(`the event file ${file} (GITHUB_EVENT_PATH) does not exist`);
    throw new UserError(`The event file ${file} (GITHUB_EVENT_PATH) cannot be read: ${(error as Error).message}`);
  }
  const broken = (what: string) => new UserError(`The event file ${file} (GITHUB_EVENT_PATH) ${what}; the runner writes it as a JSON object.`);
  if (text.trim() === '') throw broken('is empty');
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch (error) {
    throw broken(`is not valid JSON: ${(error as Error).message}`);
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw broken(`holds ${payload === null ? 'null' : Array.isArray(payload) ? 'a list' : `a ${typeof payload}`}, not an object`);
  }
  keepEventText(payload, text);
  return payload as Record<string, any>;
}

const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];

/**
 * When GitHub runs this workflow without the repository's secrets, what to say where a ${NAME} is empty: a pull request
 * from a fork (pull_request_target runs in the base repository and has them), or a run Dependabot started.
 */
export function secretsWithheld(gh: GitHubContext): SecretsWithheld | undefined {
  const pr = gh.payload.pull_request;
  const head = pr?.head?.repo;
  // A fork that has since been deleted leaves head.repo null. A repository that is itself a fork (head.repo.fork)
  // gets its secrets for pull requests between its own branches.
  const fromFork = head === null || (head !== undefined && head.full_name !== pr?.base?.repo?.full_name);
  if (PULL_REQUEST_EVENTS.includes(gh.eventName) && pr && fromFork) {
    return {
      reason: `GitHub passes no secrets to workflows run for pull requests from forks (#${pr.number} comes from ${head?.full_name ?? 'a deleted fork'})`,
      advice:
        'To notify about pull requests from forks, run Herald in a workflow triggered by workflow_run, which runs in this ' +
        'repository with its secrets (see Triggers in the README), or leave forks out of this step:\n' +
        '  if: github.event.pull_request.head.repo.full_name == github.repository',
    };
  }
  if (gh.actor === 'dependabot[bot]' && (gh.eventName === 'push' || PULL_REQUEST_EVENTS.includes(gh.eventName))) {
    return {
      reason: "GitHub gives workflows that Dependabot starts its Dependabot secrets, not the repository's Actions secrets",
      advice:
        'Add the secret under Settings > Secrets and variables > Dependabot as well, or leave Dependabot out of this step:\n' +
        "  if: github.actor != 'dependabot[bot]'",
    };
  }
  return undefined;
}
