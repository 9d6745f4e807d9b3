import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
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
  return payload as Record<string, any>;
}
