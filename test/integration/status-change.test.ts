import { createServer, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { fakeRun, FakeGitHubApi, type FakeRun } from '../fixtures/fake-github-api.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
let api: FakeGitHubApi | undefined;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
  await api?.close();
  api = undefined;
});

/** The runner's run (GITHUB_RUN_ID in run-action's environment) and the runs before it, newest first by minute. */
const RUN_ID = 1234567890;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
const runOf = (id: number, minute: number, conclusion: string | null, fields: Partial<FakeRun> = {}) =>
  fakeRun({ id, workflow_id: 7, created_at: at(minute), conclusion, run_number: id % 1000, ...fields });
const thisRun = runOf(RUN_ID, 50, null, { status: 'in_progress' });

/** team hears only when main breaks or is fixed; ops hears every failure; both is subscribed to error and broken. */
const config = (url: string) => `destinations:
  team:
    type: webhook
    url: ${url}/team
    payload: '{"text": "<<message>>", "status": "<<status>>"}'
  ops:
    type: webhook
    url: ${url}/ops
    payload: '{"text": "<<message>>", "status": "<<status>>"}'
  both:
    type: webhook
    url: ${url}/both
notifications:
  - triggers: [broken, fixed]
    to: [team, both]
    branches: main
  - triggers: error
    to: [ops, both]
`;

const bodies = () => Object.fromEntries(receiver.requests.map((request) => [request.path, request.text]));
const TOKEN = 'ghs_fake-token';

/** A push to main whose job ends with `status`, Herald given `token` (none: empty, as in a fork's pull request). */
const notifyPush = (status: string, token = TOKEN) =>
  runAction({
    eventName: 'push',
    event: githubEvent('push'),
    inputs: { status, 'github-token': token },
    env: { GITHUB_API_URL: api!.url },
    config: config(receiver.url),
  });

describe('fixed and broken, from the previous run on the GitHub API', () => {
  it('broken: the broken route gets the broken message, the error route the error one, a destination on both one broken message', async () => {
    api = await FakeGitHubApi.start({ runs: [thisRun, runOf(41, 40, 'cancelled'), runOf(40, 30, 'success')] });
    const run = await notifyPush('failure');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(bodies()).toMatchObject({
      '/team': '{"text": "CI broke on main in Codertocat/Hello-World (#42)", "status": "failure"}',
      '/ops': '{"text": "CI failed on main in Codertocat/Hello-World (#42)", "status": "failure"}',
    });
    expect(receiver.requests).toHaveLength(3);
    expect(JSON.parse(bodies()['/both']!)).toMatchObject({ trigger: 'broken', status: 'failure', title: 'CI broke on main' });
    expect(run.results.map((result) => [result.destination, result.trigger, result.status])).toEqual([
      ['team', 'broken', 'successful'],
      ['both', 'broken', 'successful'],
      ['ops', 'error', 'successful'],
    ]);
    expect(run.outputs).toMatchObject({ trigger: 'broken', status: 'failure' });
    expect(run.stdout).toContain(`the previous run (#40) ended success: https://github.com/Codertocat/Hello-World/actions/runs/40`);
    // The token is masked in the log and sent as GitHub wants it.
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    // Two requests for the earlier runs, one for the failed run's jobs (the failed jobs of the message).
    expect(api.requests.map((request) => request.authorization)).toEqual([`token ${TOKEN}`, `token ${TOKEN}`, `token ${TOKEN}`]);
  });

  it('fixed: a success after a failure goes to the fixed route only', async () => {
    api = await FakeGitHubApi.start({ runs: [thisRun, runOf(40, 30, 'failure')] });
    const run = await notifyPush('success');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(bodies()['/team']).toBe('{"text": "CI was fixed on main in Codertocat/Hello-World (#42)", "status": "success"}');
    expect(Object.keys(bodies()).sort()).toEqual(['/both', '/team']);
    expect(run.outputs.trigger).toBe('fixed');
  });

  it('behind a proxy (HTTPS_PROXY / HTTP_PROXY, as on a self-hosted runner), the API is asked through it', async () => {
    api = await FakeGitHubApi.start({ runs: [thisRun, runOf(40, 30, 'success')] });
    // A proxy whose only upstream is the fake API: the run's API host (api.github.test) exists only behind it.
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
      tunnels.push(String(request.url));
      const upstream = connect(Number(new URL(api!.url).port), '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const run = await runAction({
        eventName: 'push',
        event: githubEvent('push'),
        inputs: { status: 'failure', 'github-token': TOKEN },
        // The receiver is on 127.0.0.1 and stays direct.
        env: { GITHUB_API_URL: 'http://api.github.test', HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' },
        config: config(receiver.url),
      });
      expect(run.results.map((result) => [result.destination, result.trigger, result.status])).toEqual([
        ['team', 'broken', 'successful'],
        ['both', 'broken', 'successful'],
        ['ops', 'error', 'successful'],
      ]);
      expect(tunnels.length).toBeGreaterThan(0);
      expect(new Set(tunnels)).toEqual(new Set(['api.github.test:80']));
      expect(api.requests.length).toBeGreaterThan(0);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('a failure after a failure: error only, and the team hears nothing', async () => {
    api = await FakeGitHubApi.start({ runs: [thisRun, runOf(40, 30, 'failure')] });
    const run = await notifyPush('failure');
    expect(run.results.map((result) => [result.destination, result.trigger])).toEqual([['ops', 'error'], ['both', 'error']]);
    expect(run.outputs.trigger).toBe('error');
  });

  it('without a token (a fork\'s pull request): the broken route is skipped with the reason, error still goes out', async () => {
    api = await FakeGitHubApi.start({ runs: [thisRun, runOf(40, 30, 'success')] });
    const run = await notifyPush('failure', '');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(api.requests).toEqual([]);
    expect(Object.keys(bodies()).sort()).toEqual(['/both', '/ops']);
    expect(JSON.parse(bodies()['/both']!).trigger).toBe('error');
    const team = run.results.find((result) => result.destination === 'team');
    expect(team).toMatchObject({ trigger: 'broken', status: 'skipped' });
    expect(run.stdout).toContain(
      'skipped: Herald could not tell whether this run broke CI on main: no GitHub token (the "github-token" input is empty, as in a pull request from a fork)',
    );
    expect(run.outputs).toMatchObject({ trigger: 'error', sent: '2', skipped: '1' });
  });

  it('a token without actions: read: skipped with what GitHub said and how to fix it', async () => {
    api = await FakeGitHubApi.start({ deniedTokens: ['ghs_read-only'], runs: [thisRun, runOf(40, 30, 'success')] });
    const run = await notifyPush('failure', 'ghs_read-only');
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'skipped: Herald could not tell whether this run broke CI on main: the GitHub API refused access (403 Resource not accessible by integration) ' +
        'while reading the earlier runs: give the job "permissions: actions: read"',
    );
    expect(Object.keys(bodies()).sort()).toEqual(['/both', '/ops']);
  });

  it('workflow_run on GitHub Enterprise Server (/api/v3): the reported run is compared, from the event, in one request', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    Object.assign(event.workflow_run, { id: 500, workflow_id: 7, head_branch: 'main', conclusion: 'failure', created_at: at(50) });
    api = await FakeGitHubApi.start({ prefix: '/api/v3', runs: [runOf(500, 50, 'failure'), runOf(499, 40, 'success')] });
    const run = await runAction({ eventName: 'workflow_run', event, inputs: { 'github-token': TOKEN }, env: { GITHUB_API_URL: api.url }, config: config(receiver.url) });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    // One for the earlier runs; the other lists the failed run's jobs (the failed jobs of the message), at the same time.
    expect(api.requests.map((request) => request.path).sort()).toEqual([
      '/api/v3/repos/Codertocat/Hello-World/actions/runs/500/jobs?filter=latest&per_page=100&page=1',
      '/api/v3/repos/Codertocat/Hello-World/actions/workflows/7/runs?branch=main&status=completed&exclude_pull_requests=true&per_page=30&page=1',
    ]);
    expect(JSON.parse(bodies()['/team']!).text).toMatch(/^test broke on main in Codertocat\/Hello-World/);
  });
});

describe('approval', () => {
  it('a workflow_job waiting for reviewers: the environment and a link to the run, where they approve', async () => {
    const event = githubEvent('workflow_job', (e) => e.action === 'queued' && e.workflow_job.status === 'waiting');
    const run = await runAction({
      eventName: 'workflow_job',
      event,
      config: `destinations:
  approvers:
    type: webhook
    url: ${receiver.url}/approvers
    payload: '{"text": "<<message>>", "environment": "<<environment>>"}'
  chat:
    type: webhook
    url: ${receiver.url}/chat
notifications:
  - triggers: approval
    to: approvers
  - triggers: [success, error]
    to: chat
`,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests.map((request) => [request.path, request.text])).toEqual([
      ['/approvers', '{"text": "Env Test is waiting for approval to Test in Codertocat/Hello-World", "environment": "Test"}'],
    ]);
    expect(run.outputs).toMatchObject({ trigger: 'approval', status: 'waiting' });
  });

  it("routed by default; the webhook's payload says approval, a chat message links the run's page (not the job's)", async () => {
    const event = githubEvent('workflow_job', (e) => e.action === 'waiting');
    const run = await runAction({
      eventName: 'workflow_job',
      event,
      config: `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/hooks\n  chat:\n    type: mattermost\n    url: ${receiver.url}/hooks/abcdefgh\n`,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const body = JSON.parse(bodies()['/hooks']!);
    expect(body).toMatchObject({ trigger: 'approval', status: 'waiting', title: 'Env Test is waiting for approval on main' });
    const chat = JSON.parse(bodies()['/hooks/abcdefgh']!);
    expect(chat.attachments[0].title_link).toBe('https://github.com/lineville/elastic-machines-testing/actions/runs/4747967848');
  });
});
