import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { readRunContext, type GitHubContext } from '../../src/context.js';
import type { Config } from '../../src/config/schema.js';
import { composeMessage } from '../../src/message.js';
import { selectDestinations } from '../../src/routing.js';
import { templateVariables } from '../../src/render/variables.js';

const gh = (eventName: string, payload: Record<string, any>, extra: Partial<GitHubContext> = {}): GitHubContext => ({
  payload,
  eventName,
  sha: 'ffac537e6cbbf934b08745a378932722df287a53',
  ref: 'refs/heads/main',
  workflow: 'CI',
  job: 'build',
  runId: '77',
  runNumber: '9',
  runAttempt: '2',
  actor: 'octocat',
  serverUrl: 'https://github.com',
  ...extra,
});
const env = { GITHUB_REPOSITORY: 'Codertocat/Hello-World' };
const now = new Date('2026-11-23T10:00:00Z');

describe('run context', () => {
  it('push: the head commit, the branch, links to the run and the commit', () => {
    const event = githubEvent('push', (e) => e.head_commit);
    const run = readRunContext(gh('push', event), env, now);
    expect(run).toMatchObject({
      repository: 'Codertocat/Hello-World',
      repositoryUrl: event.repository.html_url,
      owner: 'Codertocat',
      workflow: 'CI',
      job: 'build',
      runId: '77',
      runNumber: '9',
      runAttempt: '2',
      runUrl: `${event.repository.html_url}/actions/runs/77`,
      eventName: 'push',
      branch: 'main',
      tag: '',
      shortSha: 'ffac537',
      commitMessage: event.head_commit.message,
      commitAuthor: event.head_commit.author.name,
      commitUrl: `${event.repository.html_url}/commit/ffac537e6cbbf934b08745a378932722df287a53`,
      actor: 'octocat',
      prNumber: '',
      timestamp: '2026-11-23T10:00:00.000Z',
      startedAt: '',
      duration: '',
    });
  });

  it('a tag push: tag set, branch empty', () => {
    const run = readRunContext(gh('push', githubEvent('push'), { ref: 'refs/tags/v1.2.0' }), env, now);
    expect(run.tag).toBe('v1.2.0');
    expect(run.branch).toBe('');
  });

  it('a push that deletes a tag: the deleted ref from the event, deleted set, no commit (GITHUB_SHA is the default branch)', () => {
    const event = githubEvent('push', (e) => e.deleted === true);
    const run = readRunContext(gh('push', event, { ref: 'refs/heads/main' }), env, now);
    expect(run).toMatchObject({ ref: 'refs/tags/simple-tag', tag: 'simple-tag', branch: '', deleted: 'true', sha: '', shortSha: '', commitUrl: '' });
    expect(readRunContext(gh('push', githubEvent('push', (e) => e.head_commit)), env, now).deleted).toBe('');
  });

  it('pull_request: the PR, its head branch and head commit', () => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const run = readRunContext(gh('pull_request', event, { ref: `refs/pull/${event.number}/merge` }), { ...env, GITHUB_HEAD_REF: event.pull_request.head.ref }, now);
    expect(run).toMatchObject({
      prNumber: String(event.pull_request.number),
      prTitle: event.pull_request.title,
      prUrl: event.pull_request.html_url,
      branch: event.pull_request.head.ref,
      sha: event.pull_request.head.sha,
    });
  });

  it('workflow_run: everything describes the triggering run, with its duration', () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    const wr = event.workflow_run;
    const run = readRunContext(gh('workflow_run', event, { workflow: 'Notify' }), env, now);
    expect(run).toMatchObject({
      workflow: wr.name || event.workflow.name,
      runId: String(wr.id),
      runNumber: String(wr.run_number),
      runUrl: wr.html_url,
      eventName: wr.event,
      branch: wr.head_branch,
      sha: wr.head_sha,
      commitMessage: wr.head_commit.message,
      commitAuthor: wr.head_commit.author.name,
      startedAt: new Date(wr.run_started_at ?? wr.created_at).toISOString(),
    });
    const expected = Math.round((Date.parse(wr.updated_at) - Date.parse(wr.run_started_at ?? wr.created_at)) / 1000);
    expect(run.durationSeconds).toBe(expected);
  });

  it('workflow_job: the job, its run and its timing', () => {
    const event = githubEvent('workflow_job', (e) => e.action === 'completed' && e.workflow_job.conclusion === 'failure');
    const job = event.workflow_job;
    const run = readRunContext(gh('workflow_job', event), env, now);
    expect(run).toMatchObject({ job: job.name, runId: String(job.run_id), runUrl: job.html_url, branch: job.head_branch ?? '', sha: job.head_sha });
    expect(run.durationSeconds).toBe(Math.round((Date.parse(job.completed_at) - Date.parse(job.started_at)) / 1000));
  });

  it('deployment_status: the environment and its URL', () => {
    const event = githubEvent('deployment_status');
    const run = readRunContext(gh('deployment_status', event), env, now);
    expect(run.environment).toBe(event.deployment.environment);
  });

  it('a started step leaves its time for later steps, which report the duration', () => {
    const run = readRunContext(gh('push', githubEvent('push')), { ...env, HERALD_STARTED_AT: '2026-11-23T09:56:30Z' }, now);
    expect(run.durationSeconds).toBe(210);
    expect(run.duration).toBe('3m 30s');
  });
});

describe('merge queue, workflow names and durations', () => {
  it('merge_group: the queue base branch, the head commit message and author, the tested sha', () => {
    const event = githubEvent('merge_group');
    const queue = event.merge_group;
    const run = readRunContext(gh('merge_group', event, { ref: queue.head_ref, sha: queue.head_sha }), env, now);
    expect(run).toMatchObject({
      ref: 'refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64',
      branch: 'main',
      sha: '2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d',
      commitMessage: 'Merge pull request #2048 from octo-repo/update-readme\n\nUpdate README.md',
      commitTitle: 'Merge pull request #2048 from octo-repo/update-readme',
      commitAuthor: 'Codertocat',
    });
    expect(composeMessage(run, { trigger: 'success', status: 'success' }).title).toBe('CI succeeded on main');
    const config = { destinations: {}, notifications: [{ triggers: ['success'], to: ['main-only'], branches: ['main'] }] } as unknown as Config;
    expect(selectDestinations(config, { trigger: 'success', status: 'success' }, run, 'merge_group')).toEqual([{ destination: 'main-only', trigger: 'success' }]);
  });

  it('workflow_run with an empty run name: the workflow object names it', () => {
    const event = githubEvent('workflow_run', (e) => e.workflow_run.name === '');
    const run = readRunContext(gh('workflow_run', event, { workflow: 'Notify' }), env, now);
    expect(event.workflow.name).toBe('test');
    expect(run.workflow).toBe('test');
  });

  it('an empty GITHUB_WORKFLOW with a workflow path string in the event (workflow_dispatch) stays empty', () => {
    const event = githubEvent('workflow_dispatch');
    expect(typeof event.workflow).toBe('string');
    const run = readRunContext(gh('workflow_dispatch', event, { workflow: '' }), env, now);
    expect(run.workflow).toBe('');
    expect(composeMessage(run, { trigger: 'success', status: 'success' }).title).toBe('Workflow succeeded on main');
  });

  const startedAt = { ...env, HERALD_STARTED_AT: '2026-11-23T09:56:30Z' };
  it('a started message shows no duration, even when an earlier started step left its time', () => {
    const run = readRunContext(gh('push', githubEvent('push')), startedAt, now);
    const labels = (trigger: 'started' | 'success') => composeMessage(run, { trigger, status: trigger }).facts.map((f) => f.label);
    expect(labels('started')).not.toContain('Duration');
    expect(labels('success')).toContain('Duration');
  });

  it('a started workflow_run (requested) shows no duration, and its variables have none', () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'requested');
    const run = readRunContext(gh('workflow_run', event), env, now);
    expect(run.durationSeconds).not.toBeNull();
    const outcome = { trigger: 'started', status: 'started' } as const;
    const message = composeMessage(run, outcome);
    expect(message.facts.map((f) => f.label)).not.toContain('Duration');
    expect(templateVariables(run, outcome, message, 'hook')).toMatchObject({ duration: '', durationSeconds: null, startedAt: run.startedAt });
  });
});

describe('the test notification message', () => {
  const event = githubEvent('workflow_dispatch', (e) => e.sender.login === 'octocat');
  const repo = event.repository.html_url;

  it('says what it is, who sent it from where, in grey, with the repository, the workflow and the actor', () => {
    const run = readRunContext(gh('workflow_dispatch', event), env, now);
    expect(composeMessage(run, { trigger: 'test', status: 'test' })).toEqual({
      title: 'Test notification from Herald',
      line: 'Test notification from Herald in Codertocat/Hello-World (#9)',
      description: 'Sent by octocat from Codertocat/Hello-World to check that this destination works.',
      verb: 'test notification',
      emoji: '🔔',
      colour: '#9e9e9e',
      facts: [
        { kind: 'repository', label: 'Repository', value: 'Codertocat/Hello-World', url: repo },
        { kind: 'workflow', label: 'Workflow', value: 'CI / build', url: `${repo}/actions/runs/77` },
        { kind: 'actor', label: 'Actor', value: 'octocat' },
      ],
      url: `${repo}/actions/runs/77`,
      failedJobs: [],
    });
  });

  it('without an actor (none in the runner variables or the event) it still makes a sentence', () => {
    const { sender: _sender, ...withoutSender } = event;
    const run = readRunContext(gh('workflow_dispatch', withoutSender, { actor: '' }), env, now);
    expect(composeMessage(run, { trigger: 'test', status: 'test' }).description).toBe(
      'Sent from Codertocat/Hello-World to check that this destination works.',
    );
  });
});
