import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config/schema.js';
import { readRunContext, type RunContext } from '../../src/context.js';
import { templateFor } from '../../src/destinations/destination.js';
import { githubApi, type GitHubApi } from '../../src/github/client.js';
import { previousRun } from '../../src/github/previous-run.js';
import { composeMessage } from '../../src/message.js';
import type { Change, Outcome } from '../../src/outcome.js';
import { reportedTrigger, selectDestinations } from '../../src/routing.js';
import { statusChange } from '../../src/status-change.js';
import { githubEvent } from '../fixtures/events.js';
import { fakeRun, FakeGitHubApi, type FakeRun } from '../fixtures/fake-github-api.js';

const failure: Outcome = { trigger: 'error', status: 'failure' };
const success: Outcome = { trigger: 'success', status: 'success' };
const broken: Change = { trigger: 'broken' };
const unknown: Change = { trigger: null, reason: 'Herald could not tell whether this run broke CI on main: no GitHub token' };
const run = { branch: 'main', tag: '', workflow: 'CI', eventName: 'push' } as RunContext;

const routed = (notifications: unknown[]) => ({ file: 'x', secrets: [], destinations: { team: {}, ops: {}, pager: {} }, notifications }) as unknown as Config;

describe('routing with status changes: each destination once, for the most specific trigger it subscribed to', () => {
  const config = routed([
    { triggers: ['error'], to: ['ops', 'pager'] },
    { triggers: ['broken', 'fixed'], to: ['team', 'ops'] },
  ]);

  it('a failure that broke main: broken for the routes that name it, error for the others', () => {
    expect(selectDestinations(config, failure, run, 'push', broken)).toEqual([
      { destination: 'ops', trigger: 'broken' },
      { destination: 'pager', trigger: 'error' },
      { destination: 'team', trigger: 'broken' },
    ]);
    expect(reportedTrigger(selectDestinations(config, failure, run, 'push', broken), failure, broken)).toBe('broken');
  });

  it('a failure after a failure (no change): error only; the broken-only destination gets nothing', () => {
    expect(selectDestinations(config, failure, run, 'push', { trigger: null })).toEqual([
      { destination: 'ops', trigger: 'error' },
      { destination: 'pager', trigger: 'error' },
    ]);
  });

  it('a change Herald could not tell: error still goes out; a destination routed only for broken is skipped with the reason', () => {
    const selected = selectDestinations(config, failure, run, 'push', unknown);
    expect(selected).toEqual([
      { destination: 'ops', trigger: 'error' },
      { destination: 'pager', trigger: 'error' },
      { destination: 'team', trigger: 'broken', skipped: unknown.reason },
    ]);
    expect(reportedTrigger(selected, failure, unknown)).toBe('error');
  });

  it("a route's filters still apply: a broken route that leaves the branch out is skipped with the filter's reason", () => {
    const onDev = { ...run, branch: 'dev' } as RunContext;
    const filtered = routed([
      { triggers: ['broken'], to: ['team'], branches: ['main'] },
      { triggers: ['error'], to: ['ops'] },
    ]);
    expect(selectDestinations(filtered, failure, onDev, 'push', broken)).toEqual([
      { destination: 'team', trigger: 'broken', skipped: 'branch "dev" not in [main]' },
      { destination: 'ops', trigger: 'error' },
    ]);
  });

  it('a success routes to fixed, never to broken', () => {
    expect(selectDestinations(config, success, run, 'push', { trigger: 'fixed' })).toEqual([
      { destination: 'team', trigger: 'fixed' },
      { destination: 'ops', trigger: 'fixed' },
    ]);
  });

  it('without notifications, destinations get started, success, error and approval, never fixed or broken', () => {
    const open = { ...config, notifications: undefined } as Config;
    expect(selectDestinations(open, failure, run, 'push', broken).map((one) => one.trigger)).toEqual(['error', 'error', 'error']);
    expect(selectDestinations(open, { trigger: 'approval', status: 'waiting' }, run, 'push').map((one) => one.destination)).toEqual(['team', 'ops', 'pager']);
  });
});

describe('messages of the new triggers', () => {
  it('says what changed, with its own emoji and colour', () => {
    const main = { ...run, repository: 'octo/app', runUrl: 'https://github.com/octo/app/actions/runs/9', facts: [] } as unknown as RunContext;
    expect(composeMessage(main, { trigger: 'broken', status: 'failure' })).toMatchObject({ title: 'CI broke on main', emoji: '💥', colour: '#8b0000' });
    expect(composeMessage(main, { trigger: 'fixed', status: 'success' })).toMatchObject({ title: 'CI was fixed on main', emoji: '🎉', colour: '#1a7f37' });
  });

  it('an approval names the environment and links the run, where the reviewer approves', () => {
    const event = githubEvent('workflow_job', (e) => e.action === 'queued' && e.workflow_job.status === 'waiting');
    const gh = { payload: event, eventName: 'workflow_job', sha: '', ref: '', workflow: 'Notify', job: 'notify', runId: '1', runNumber: '1', runAttempt: '1', actor: '', serverUrl: 'https://github.com' };
    const message = composeMessage(readRunContext(gh, {}), { trigger: 'approval', status: 'waiting' });
    expect(message).toMatchObject({
      title: 'Env Test is waiting for approval to Test',
      emoji: '⏳',
      url: 'https://github.com/lineville/elastic-machines-testing/actions/runs/4747967848',
    });
    expect(message.facts.find((fact) => fact.kind === 'environment')?.value).toBe('Test');
  });

  it('messages.broken falls back to messages.error, then to the destination template', () => {
    const config = { text: 'plain', messages: { error: { text: 'failed' }, fixed: { text: 'fixed!' } } };
    expect(templateFor(config, 'broken', 'text')).toBe('failed');
    expect(templateFor(config, 'fixed', 'text')).toBe('fixed!');
    expect(templateFor({ ...config, messages: { broken: { text: 'broke!' }, error: { text: 'failed' } } }, 'broken', 'text')).toBe('broke!');
    expect(templateFor(config, 'approval', 'text')).toBe('plain');
  });
});

let server: FakeGitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Runs of workflow 7, newest first by `created_at`: minute i of 2026-01-01. */
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const runOf = (id: number, minute: number, conclusion: string, fields: Partial<FakeRun> = {}) =>
  fakeRun({ id, workflow_id: 7, created_at: at(minute), conclusion, run_number: id, ...fields });

function apiFor(fake: FakeGitHubApi, token = 'ghs_fake-token'): GitHubApi {
  const access = githubApi({ token, repository: 'Codertocat/Hello-World', apiUrl: fake.url });
  if (!access.api) throw new Error(access.reason);
  return access.api;
}

describe('previousRun', () => {
  it("finds the run before this one on this branch, passing over cancelled and skipped runs, newer runs and other branches' runs", async () => {
    server = await FakeGitHubApi.start({
      runs: [
        runOf(100, 50, 'failure'),
        runOf(99, 60, 'success'), // created after this run: not previous
        runOf(98, 40, 'cancelled'),
        runOf(97, 35, 'skipped'),
        runOf(96, 30, 'success', { head_branch: 'dev' }),
        runOf(95, 20, 'success'),
        runOf(94, 10, 'failure'),
      ],
    });
    expect(await previousRun(apiFor(server), { id: '100' })).toEqual({ id: 95, runNumber: 95, conclusion: 'success', url: 'https://github.com/Codertocat/Hello-World/actions/runs/95' });
    expect(server.requests.map((request) => request.path)).toEqual([
      '/repos/Codertocat/Hello-World/actions/runs/100',
      '/repos/Codertocat/Hello-World/actions/workflows/7/runs?branch=main&status=completed&exclude_pull_requests=true&per_page=30&page=1',
    ]);
  });

  it('reads the next page when the previous run is on page 2, under /api/v3 (GitHub Enterprise Server)', async () => {
    const cancelled = Array.from({ length: 30 }, (_, i) => runOf(200 + i, 40 + i, 'cancelled'));
    server = await FakeGitHubApi.start({ prefix: '/api/v3', runs: [runOf(300, 100, 'failure'), ...cancelled, runOf(150, 5, 'success')] });
    const found = await previousRun(apiFor(server), { id: '300' });
    expect(found?.id).toBe(150);
    expect(server.requests.map((request) => request.path.replace(/\?.*page=(\d+)$/, '?page=$1'))).toEqual([
      '/api/v3/repos/Codertocat/Hello-World/actions/runs/300',
      '/api/v3/repos/Codertocat/Hello-World/actions/workflows/7/runs?page=1',
      '/api/v3/repos/Codertocat/Hello-World/actions/workflows/7/runs?page=2',
    ]);
  });

  it("takes a workflow_run event's run as it is (one request), and leaves out a fork's runs of a branch of the same name", async () => {
    const fork = { full_name: 'fork-owner/Hello-World' };
    const own = { full_name: 'Codertocat/Hello-World' };
    server = await FakeGitHubApi.start({ runs: [runOf(95, 20, 'failure', { head_repository: fork }), runOf(94, 10, 'success', { head_repository: own })] });
    const found = await previousRun(apiFor(server), { id: '100', workflowId: '7', branch: 'main', createdAt: at(50), headRepository: own.full_name });
    expect(found?.id).toBe(94);
    expect(server.requests).toHaveLength(1);
  });

  it('is undefined when no earlier run passed or failed', async () => {
    server = await FakeGitHubApi.start({ runs: [runOf(100, 50, 'failure'), runOf(99, 40, 'cancelled')] });
    expect(await previousRun(apiFor(server), { id: '100' })).toBeUndefined();
  });
});

describe('statusChange', () => {
  const config = routed([{ triggers: ['broken', 'fixed'], to: ['team'] }]);
  const context = { ...run, repository: 'Codertocat/Hello-World', runId: '100' } as RunContext;
  const sources = (apiUrl: string, token = 'ghs_fake-token') => ({ api: githubApi({ token, repository: context.repository, apiUrl }), eventName: 'push', event: {} });

  it('broken: this run failed and the previous one passed; fixed: the reverse; the same twice: no change', async () => {
    server = await FakeGitHubApi.start({ runs: [runOf(100, 50, 'failure'), runOf(99, 40, 'success')] });
    expect(await statusChange(config, failure, context, sources(server.url))).toEqual({ trigger: 'broken' });
    expect(await statusChange(config, success, context, sources(server.url))).toEqual({ trigger: null });
  });

  it('asks nothing when no route names fixed or broken, or the run was cancelled', async () => {
    server = await FakeGitHubApi.start({ runs: [runOf(100, 50, 'failure'), runOf(99, 40, 'success')] });
    expect(await statusChange(routed([{ triggers: ['error'], to: ['team'] }]), failure, context, sources(server.url))).toEqual({ trigger: null });
    expect(await statusChange(config, { trigger: 'error', status: 'cancelled' }, context, sources(server.url))).toEqual({ trigger: null });
    expect(server.requests).toEqual([]);
  });

  it('without a token, or with a token GitHub refuses, says why instead of failing', async () => {
    server = await FakeGitHubApi.start({ deniedTokens: ['ghs_read-only'], runs: [runOf(100, 50, 'failure')] });
    expect(await statusChange(config, failure, context, sources(server.url, ''))).toEqual({
      trigger: null,
      reason: 'Herald could not tell whether this run broke CI on main: no GitHub token (the "github-token" input is empty, as in a pull request from a fork)',
    });
    expect(await statusChange(config, failure, context, sources(server.url, 'ghs_read-only'))).toEqual({
      trigger: null,
      reason:
        'Herald could not tell whether this run broke CI on main: the GitHub API refused access (403 Resource not accessible by integration) ' +
        'while reading the earlier runs: give the job "permissions: actions: read" (a pull request from a fork gets a read-only token without it)',
    });
  });
});
