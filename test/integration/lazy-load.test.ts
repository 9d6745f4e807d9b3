import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { FakeGitHubApi, fakeRun } from '../fixtures/fake-github-api.js';
import { refusedUrl } from './receiver.js';
import { ENTRY } from '../../scripts/action-env.mjs';
import { runAction } from './run-action.js';

const HOOK = fileURLToPath(new URL('./log-modules.mjs', import.meta.url));

/** The files of dist/ a run loaded, read back. */
async function loadedFiles(config: string, options: { inputs?: Record<string, string>; env?: Record<string, string> } = {}): Promise<string[]> {
  const run = await runAction({
    eventName: 'push',
    event: pushEvent(),
    inputs: { status: 'failure', ...options.inputs },
    config,
    env: { NODE_OPTIONS: `--import=${HOOK}`, ...options.env },
  });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  return [...run.stderr.matchAll(/^herald-test loaded (\S+)$/gm)].map((match) => readFileSync(fileURLToPath(match[1]!), 'utf8'));
}

/** nodemailer's error code for a refused envelope: a string literal that minifying keeps. */
const isNodemailer = (source: string) => source.includes("'EENVELOPE'") || source.includes('"EENVELOPE"');

describe('nodemailer loads only for email', () => {
  it('a webhook-only run never loads it; an email run does', async () => {
    const dead = new URL(await refusedUrl());
    const webhook = await loadedFiles(`destinations:\n  hooks:\n    type: webhook\n    url: ${dead.href}x\n    retries: 0\n`);
    expect(webhook.length).toBeGreaterThan(0);
    expect(webhook.filter(isNodemailer)).toEqual([]);
    const email = await loadedFiles(
      `destinations:\n  mail:\n    type: email\n    host: 127.0.0.1\n    port: ${dead.port}\n    retries: 0\n    from: ci@example.com\n    to: ops@example.com\n`,
    );
    expect(email.filter(isNodemailer)).toHaveLength(1);
  });
});

/** The IRC transport's realname in USER: a string literal that minifying keeps. */
const isIrcTransport = (source: string) => source.includes('Herald notifications');

describe('the IRC transport loads only for irc', () => {
  it('a webhook-only run never loads it; an irc run does', async () => {
    const dead = new URL(await refusedUrl());
    const webhook = await loadedFiles(`destinations:\n  hooks:\n    type: webhook\n    url: ${dead.href}x\n    retries: 0\n`);
    expect(webhook.filter(isIrcTransport)).toEqual([]);
    const irc = await loadedFiles(
      `destinations:\n  chat:\n    type: irc\n    server: 127.0.0.1\n    port: ${dead.port}\n    retries: 0\n    nickname: herald\n    targets: "#ops"\n`,
    );
    expect(irc.filter(isIrcTransport)).toHaveLength(1);
    expect(irc.filter(isNodemailer)).toEqual([]);
  });
});

describe('what @actions/core imports but Herald never calls stays out of a run', () => {
  it('a webhook run loads no undici, @actions/http-client or @actions/exec', async () => {
    const dead = new URL(await refusedUrl());
    const loaded = (await loadedFiles(`destinations:\n  hooks:\n    type: webhook\n    url: ${dead.href}x\n    retries: 0\n`)).join('\n');
    // Strings each library has in its own code: undici's ProxyAgent, http-client's error class, exec's ToolRunner.
    for (const marker of ['kProxyHeaders', 'class HttpClientError', 'class ToolRunner']) expect(loaded, marker).not.toContain(marker);
    expect(loaded).toContain("is not in Herald's bundle");
  });
});

/** Octokit's user agent, a template string that minifying keeps. */
const isOctokit = (source: string) => source.includes('octokit-core.js/');

describe('Octokit loads only for a run that asks the GitHub API', () => {
  it('a success without a fixed route, or a failure without a token, never loads it; a failure with a token (its failed jobs) or a broken route does', async () => {
    const api = await FakeGitHubApi.start({ runs: [fakeRun({ id: 1234567890, status: 'in_progress', conclusion: null })] });
    try {
      const dead = new URL(await refusedUrl());
      const hooks = `destinations:\n  hooks:\n    type: webhook\n    url: ${dead.href}x\n    retries: 0\n`;
      const routes = `${hooks}notifications:\n  - triggers: [success, error]\n    to: hooks\n`;
      const env = { GITHUB_API_URL: api.url };
      const token = { 'github-token': 'ghs_fake-token' };
      expect((await loadedFiles(routes, { inputs: { ...token, status: 'success' }, env })).filter(isOctokit)).toEqual([]);
      expect((await loadedFiles(routes, { inputs: { 'github-token': '' }, env })).filter(isOctokit)).toEqual([]);
      expect(api.requests).toEqual([]);
      // A failure lists its failed jobs: the jobs of this run (GITHUB_RUN_ID).
      expect((await loadedFiles(routes, { inputs: token, env })).filter(isOctokit)).toHaveLength(1);
      expect(api.requests.map((request) => request.path)).toEqual([
        '/repos/Codertocat/Hello-World/actions/runs/1234567890/jobs?filter=latest&per_page=100&page=1',
      ]);
      expect((await loadedFiles(`${hooks}notifications:\n  - triggers: broken\n    to: hooks\n`, { inputs: token, env })).filter(isOctokit)).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});

describe('a post step without track-job costs nothing', () => {
  it('loads dist/index.js alone, and nothing of the bundle it imports', async () => {
    const run = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'failure' }, env: { STATE_isPost: 'true', NODE_OPTIONS: `--import=${HOOK}` } });
    expect(run.exitCode).toBe(0);
    expect([...run.stderr.matchAll(/^herald-test loaded (\S+)$/gm)].map((match) => fileURLToPath(match[1]!))).toEqual([ENTRY]);
  });
});
