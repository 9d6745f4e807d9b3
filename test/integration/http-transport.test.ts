import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const push = () => githubEvent('push', (e) => e.head_commit);
const hook = (url: string, extra = '') => `destinations:\n  hooks:\n    type: webhook\n    url: ${url}\n    retry_backoff: 0.05\n${extra}`;
const send = (config: string, env: Record<string, string> = {}) =>
  runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config, env });

describe('a 2xx status is a delivery', () => {
  it('records success once the status is 2xx, even when the body never comes, and sends once', async () => {
    receiver.respond(() => ({ status: 200, bodyDelayMs: 60_000 }));
    const run = await send(hook(`${receiver.url}/slow`, '    timeout: 3\n'));
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, attempts: 1, response: '', error: null });
  });

  it('reads at most what it keeps of a huge answer, and keeps 1 KiB of it', async () => {
    receiver.respond(() => ({ status: 200, body: 'start:', bodyBytes: 50 * 1024 * 1024 }));
    const run = await send(hook(`${receiver.url}/huge`));
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, attempts: 1 });
    expect(run.results[0].response).toBe(`start:${"x".repeat(1018)}… (more than 8192 bytes, truncated)`);
  });

  it('keeps the status of an error whose body is slow, instead of calling it no answer', async () => {
    receiver.respond(() => ({ status: 404, body: 'gone', bodyDelayMs: 60_000 }));
    const run = await send(hook(`${receiver.url}/missing`, '    timeout: 1\n'));
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 404, attempts: 1, error: 'HTTP 404' });
  });
});

describe('redirects', () => {
  it('follows a relative redirect of a GET', async () => {
    receiver.respond((request) => (request.path === '/old' ? { status: 301, headers: { Location: '/new?x=1' } } : { status: 200, body: 'ok' }));
    const run = await send(hook(`${receiver.url}/old`, '    method: GET\n'));
    expect(receiver.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /old', 'GET /new?x=1']);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, attempts: 1 });
  });

  it('does not follow a redirect of a POST unless asked, and says where it pointed', async () => {
    receiver.respond((request) => (request.path === '/old' ? { status: 307, headers: { Location: '/new' } } : { status: 200, body: 'ok' }));
    const run = await send(hook(`${receiver.url}/old`));
    expect(receiver.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /old']);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 307, attempts: 1 });
    expect(run.results[0].error).toBe(`HTTP 307 to ${receiver.url}/new, not followed (a redirect of a POST is followed only with follow_redirects: true)`);
  });

  it('with follow_redirects, a 307 repeats the POST with its body; a 303 continues with a GET', async () => {
    receiver.respond((request) =>
      request.path === '/a' ? { status: 307, headers: { Location: '/b' } } : request.path === '/b' ? { status: 303, headers: { Location: '/c' } } : { status: 200 },
    );
    const run = await send(hook(`${receiver.url}/a`, '    follow_redirects: true\n'));
    expect(receiver.requests.map((r) => `${r.method} ${r.path} ${r.body.length > 0}`)).toEqual(['POST /a true', 'POST /b true', 'GET /c false']);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(run.results[0]).toMatchObject({ status: 'successful', attempts: 1 });
  });

  it('never sends credentials to another origin', async () => {
    const other = await Receiver.start();
    try {
      receiver.respond(() => ({ status: 308, headers: { Location: `${other.url}/elsewhere` } }));
      const config = hook(
        `${receiver.url}/start`,
        '    follow_redirects: true\n    secret: signing-secret-1\n    username: deploy\n    password: basic-password-1\n    headers:\n      Cookie: session=abc123\n      X-Api-Key: key-1234\n      X-Trace: keep-me\n',
      );
      const run = await send(config);
      expect(run.results[0]).toMatchObject({ status: 'successful', attempts: 1 });
      const first = receiver.requests[0]!.headers;
      expect(first).toMatchObject({ authorization: expect.stringMatching(/^Basic /), cookie: 'session=abc123', 'x-api-key': 'key-1234' });
      expect(first['x-herald-signature']).toMatch(/^sha512=/);
      const second = other.requests[0]!.headers;
      for (const name of ['authorization', 'cookie', 'x-api-key', 'x-herald-signature']) expect(second[name], name).toBeUndefined();
      expect(second['x-trace']).toBe('keep-me');
      expect(other.requests[0]!.text).toBe(receiver.requests[0]!.text);
    } finally {
      await other.close();
    }
  });

  it('follows http to https, and refuses https to http', async () => {
    const secure = await Receiver.start(undefined, { tls: true });
    try {
      receiver.respond(() => ({ status: 301, headers: { Location: `${secure.url}/up` } }));
      secure.respond(() => ({ status: 302, headers: { Location: `${receiver.url}/down` } }));
      const run = await send(hook(`${receiver.url}/start`, '    method: GET\n    insecure_skip_verify: true\n'));
      expect(secure.requests.map((r) => r.path)).toEqual(['/up']);
      expect(receiver.requests.map((r) => r.path)).toEqual(['/start']);
      expect(run.results[0]).toMatchObject({ status: 'failed', code: 302, attempts: 1 });
      expect(run.results[0].error).toBe(`HTTP 302 to ${receiver.url}/down, not followed: from https to plain http`);
    } finally {
      await secure.close();
    }
  });
});

describe('proxies from the environment, as curl uses them', () => {
  let proxy: ProxyServer;
  let seen: string[];
  beforeEach(async () => {
    seen = [];
    proxy = createProxy(createServer());
    proxy.on('request', (request: IncomingMessage) => seen.push(`${request.method} ${request.url}`));
    proxy.on('connect', (request: IncomingMessage) => seen.push(`CONNECT ${request.url}`));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });
  const proxyUrl = (credentials = '') => `http://${credentials}127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  it('sends http:// requests to HTTP_PROXY in absolute form', async () => {
    const run = await send(hook(`${receiver.url}/via-proxy?x=1`), { HTTP_PROXY: proxyUrl() });
    expect(seen).toEqual([`POST ${receiver.url}/via-proxy?x=1`]);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200 });
  });

  it('tunnels https:// through HTTPS_PROXY with CONNECT', async () => {
    const secure = await Receiver.start(undefined, { tls: true });
    try {
      const run = await send(hook(`${secure.url}/tunnel`, '    insecure_skip_verify: true\n'), { HTTPS_PROXY: proxyUrl() });
      expect(seen).toEqual([`CONNECT ${new URL(secure.url).host}`]);
      expect(secure.requests.map((r) => r.path)).toEqual(['/tunnel']);
      expect(run.results[0]).toMatchObject({ status: 'successful', code: 200 });
    } finally {
      await secure.close();
    }
  });

  it('goes direct to hosts in NO_PROXY', async () => {
    const run = await send(hook(`${receiver.url}/direct`), { HTTP_PROXY: proxyUrl(), NO_PROXY: '127.0.0.1' });
    expect(seen).toEqual([]);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200 });
  });

  it('sends the proxy credentials in the URL as Proxy-Authorization, and never shows them', async () => {
    const auth: (string | undefined)[] = [];
    proxy.authenticate = (request) => {
      auth.push(request.headers['proxy-authorization']);
      return request.headers['proxy-authorization'] === `Basic ${Buffer.from('squid:proxy-pass-99').toString('base64')}`;
    };
    const run = await send(hook(`${receiver.url}/auth`), { HTTP_PROXY: proxyUrl('squid:proxy-pass-99@') });
    expect(auth).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200 });
  });

  it('reports a proxy that wants credentials as that, for http:// and https://, without retrying', async () => {
    proxy.authenticate = () => false;
    const secure = await Receiver.start(undefined, { tls: true });
    try {
      const config = `destinations:\n  plain:\n    type: webhook\n    url: ${receiver.url}/p\n  tls:\n    type: webhook\n    url: ${secure.url}/t\n    insecure_skip_verify: true\n`;
      const run = await send(config, { HTTP_PROXY: proxyUrl('squid:wrong-pass-77@'), HTTPS_PROXY: proxyUrl('squid:wrong-pass-77@') });
      const [plain, tls] = run.results;
      expect(plain).toMatchObject({ status: 'failed', code: 407, attempts: 1 });
      expect(plain.error).toBe('HTTP 407 from the proxy: it wants credentials (put them in the proxy variable: http://user:pass@proxy:port)');
      expect(tls).toMatchObject({ status: 'failed', code: null, attempts: 1, error: 'the proxy refused the connection: HTTP/1.1 407 Proxy Authentication Required' });
      expect(run.stdout + JSON.stringify(run.outputs) + run.summary).not.toContain('wrong-pass-77');
    } finally {
      await secure.close();
    }
  });
});
