import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { readGitHubContext, secretsWithheld, type GitHubContext } from '../../src/github-context.js';

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

describe('secrets GitHub withholds', () => {
  const context = (eventName: string, payload: Record<string, any>, actor = 'Codertocat'): GitHubContext => ({
    payload,
    eventName,
    sha: '',
    ref: '',
    workflow: 'CI',
    job: 'build',
    runId: '1',
    runNumber: '1',
    runAttempt: '1',
    actor,
    serverUrl: 'https://github.com',
  });
  /** The real opened pull request, its head moved to a fork (or its fork deleted: head.repo null). */
  const forkPullRequest = (repo: Record<string, any> | null = { full_name: 'octo-fork/Hello-World', fork: true }) => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    event.pull_request.head.repo = repo && { ...event.pull_request.head.repo, ...repo };
    return event;
  };

  it('a pull request from a fork: the reason names the fork, the advice says how to notify anyway', () => {
    expect(secretsWithheld(context('pull_request', forkPullRequest()))).toEqual({
      reason: 'GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from octo-fork/Hello-World)',
      advice:
        'To notify about pull requests from forks, run Herald in a workflow triggered by workflow_run, which runs in this ' +
        'repository with its secrets (see Triggers in the README), or leave forks out of this step:\n' +
        '  if: github.event.pull_request.head.repo.full_name == github.repository',
    });
    expect(secretsWithheld(context('pull_request_review', forkPullRequest(null)))?.reason).toBe(
      'GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from a deleted fork)',
    );
  });

  it('none withheld: a pull request between branches of one repository (even one that is a fork), pull_request_target, a push', () => {
    const sameRepository = githubEvent('pull_request', (e) => e.action === 'opened');
    sameRepository.pull_request.head.repo.fork = true;
    sameRepository.pull_request.base.repo.fork = true;
    expect(secretsWithheld(context('pull_request', sameRepository))).toBeUndefined();
    expect(secretsWithheld(context('pull_request_target', forkPullRequest()))).toBeUndefined();
    expect(secretsWithheld(context('push', githubEvent('push')))).toBeUndefined();
  });

  it('a run Dependabot started gets Dependabot secrets', () => {
    expect(secretsWithheld(context('push', githubEvent('push'), 'dependabot[bot]'))?.reason).toBe(
      "GitHub gives workflows that Dependabot starts its Dependabot secrets, not the repository's Actions secrets",
    );
    expect(secretsWithheld(context('workflow_run', githubEvent('workflow_run'), 'dependabot[bot]'))).toBeUndefined();
  });
});
