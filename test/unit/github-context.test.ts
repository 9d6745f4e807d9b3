import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { readGitHubContext } from '../../src/github-context.js';

describe('the GitHub context, read from the runner environment', () => {
  it('takes every field from its GITHUB_* variable and the event from GITHUB_EVENT_PATH', () => {
    const event = githubEvent('push', (e) => e.head_commit);
    const file = join(mkdtempSync(join(tmpdir(), 'herald-unit-')), 'event.json');
    writeFileSync(file, JSON.stringify(event));
    const gh = readGitHubContext({
      GITHUB_EVENT_PATH: file,
      GITHUB_EVENT_NAME: 'push',
      GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      GITHUB_REF: 'refs/tags/simple-tag',
      GITHUB_WORKFLOW: 'CI',
      GITHUB_JOB: 'build',
      GITHUB_RUN_ID: '1234567890',
      GITHUB_RUN_NUMBER: '42',
      GITHUB_RUN_ATTEMPT: '3',
      GITHUB_ACTOR: 'Codertocat',
      GITHUB_SERVER_URL: 'https://ghe.example.com',
    });
    expect(gh).toEqual({
      payload: event,
      eventName: 'push',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      ref: 'refs/tags/simple-tag',
      workflow: 'CI',
      job: 'build',
      runId: '1234567890',
      runNumber: '42',
      runAttempt: '3',
      actor: 'Codertocat',
      serverUrl: 'https://ghe.example.com',
    });
  });

  it('a variable that is not set is empty; the server defaults to github.com', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'herald-unit-')), 'event.json');
    writeFileSync(file, '{"schedule": "*/15 * * * *"}');
    expect(readGitHubContext({ GITHUB_EVENT_PATH: file })).toEqual({
      payload: { schedule: '*/15 * * * *' },
      eventName: '',
      sha: '',
      ref: '',
      workflow: '',
      job: '',
      runId: '',
      runNumber: '',
      runAttempt: '',
      actor: '',
      serverUrl: 'https://github.com',
    });
  });
});
