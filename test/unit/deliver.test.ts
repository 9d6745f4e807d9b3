import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverAll } from '../../src/deliver.js';
import type { Delivery } from '../../src/prepare.js';
import { registerSecrets } from '../../src/secrets.js';
import type { HttpRequest } from '../../src/transport/wire.js';

/** A real HTTP server on 127.0.0.1: records each request and answers with `answer(index)`. */
let server: Server;
let requests: { method: string; path: string; deliveryId: string; body: string }[];
let answer: (index: number, res: ServerResponse) => void;
beforeEach(async () => {
  requests = [];
  answer = (_, res) => res.end('ok');
  server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      requests.push({ method: req.method!, path: req.url!, deliveryId: String(req.headers['x-herald-delivery']), body });
      answer(requests.length - 1, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

const base = { destination: 'hooks', type: 'webhook', trigger: 'error', target: null, warnings: [] as string[] };
const ready = (path: string, overrides: Partial<Extract<Delivery, { state: 'ready' }>> = {}): Delivery => ({
  ...base,
  state: 'ready',
  outbound: { transport: 'http', method: 'POST', url: url(path), headers: { 'Content-Type': 'application/json' }, body: '{"text":"CI failed"}' } as HttpRequest,
  timeoutMs: 5000,
  retries: 3,
  backoffMs: 10,
  blockPrivateAddresses: false,
  ...overrides,
});
const options = { dryRun: false, deadlineMs: 10_000 };

describe('deliverAll', () => {
  it('on a dry run sends nothing and records the payload as skipped', async () => {
    const [result] = await deliverAll([ready('/dry')], { ...options, dryRun: true });
    expect(requests).toEqual([]);
    expect(result).toEqual({
      ...base,
      status: 'skipped',
      code: null,
      attempts: 0,
      duration_ms: 0,
      sent_at: null,
      url: url('/dry'),
      delivery_id: null,
      response: null,
      error: null,
      reason: 'dry run',
      payload: '{"text":"CI failed"}',
      log: ['dry run: not sent'],
    });
  });

  it('records a skipped delivery with its reason and a broken one with its error, without sending', async () => {
    const results = await deliverAll(
      [
        { ...base, destination: 'audit', state: 'skipped', reason: 'destination is disabled (enabled: false)' },
        { ...base, destination: 'chat', state: 'broken', error: 'Template Error in payload: unclosed section "event"', warnings: ['Template Warning in payload: unknown variable "x"'] },
      ],
      options,
    );
    expect(requests).toEqual([]);
    expect(results.map(({ destination, status, attempts, url, error, warnings, log }) => ({ destination, status, attempts, url, error, warnings, log }))).toEqual([
      { destination: 'audit', status: 'skipped', attempts: 0, url: null, error: null, warnings: [], log: ['skipped: destination is disabled (enabled: false)'] },
      {
        destination: 'chat',
        status: 'failed',
        attempts: 0,
        url: null,
        error: 'Template Error in payload: unclosed section "event"',
        warnings: ['Template Warning in payload: unknown variable "x"'],
        log: [],
      },
    ]);
  });

  it('retries a 503 with the real HTTP transport, with the same delivery id, until it is delivered', async () => {
    answer = (index, res) => {
      res.statusCode = index < 2 ? 503 : 200;
      res.end(index < 2 ? 'busy' : 'thanks');
    };
    const [result] = await deliverAll([ready('/flaky')], options);
    expect(requests.map((request) => `${request.method} ${request.path} ${request.body}`)).toEqual(Array(3).fill('POST /flaky {"text":"CI failed"}'));
    expect(new Set(requests.map((request) => request.deliveryId))).toEqual(new Set([result!.delivery_id]));
    expect(result).toMatchObject({ status: 'successful', code: 200, attempts: 3, response: 'thanks', error: null });
    expect(result!.log).toEqual(['attempt 1: HTTP 503', 'waiting 0 s', 'attempt 2: HTTP 503', 'waiting 0 s', 'attempt 3: HTTP 200 delivered']);
  });

  it('waits as long as the receiver asks, and gives up when the retries are used up', async () => {
    answer = (_, res) => {
      res.writeHead(429, { 'Retry-After': '0' });
      res.end('slow down');
    };
    const [result] = await deliverAll([ready('/limited', { retries: 1 })], options);
    expect(requests).toHaveLength(2);
    expect(result).toMatchObject({ status: 'failed', code: 429, attempts: 2, response: 'slow down', error: 'HTTP 429' });
    expect(result!.log).toEqual(['attempt 1: HTTP 429', 'waiting 0 s as the receiver asked (Retry-After)', 'attempt 2: HTTP 429']);
  });

  it('does not retry a 4xx', async () => {
    answer = (_, res) => {
      res.statusCode = 404;
      res.end('no such hook');
    };
    const [result] = await deliverAll([ready('/gone')], options);
    expect(requests).toHaveLength(1);
    expect(result).toMatchObject({ status: 'failed', code: 404, attempts: 1, response: 'no such hook', error: 'HTTP 404' });
  });

  it('a transport that does not exist fails that delivery only, and the others are sent', async () => {
    const broken = ready('/never', { outbound: { transport: 'carrier-pigeon', url: 'coop://roof' } });
    const [pigeon, hook] = await deliverAll([broken, ready('/ok')], options);
    expect(pigeon).toMatchObject({ status: 'failed', attempts: 0 });
    expect(pigeon!.error).toBe('Herald could not load the carrier-pigeon transport (Error: no transport named "carrier-pigeon"); please report this');
    expect(hook).toMatchObject({ status: 'successful', code: 200 });
    expect(requests.map((request) => request.path)).toEqual(['/ok']);
  });

  it('ends every delivery at the overall deadline, however slow the receiver', async () => {
    answer = (_, res) => void setTimeout(() => res.end('too late'), 5000).unref();
    const started = performance.now();
    const results = await deliverAll([ready('/slow'), ready('/slower', { destination: 'other', timeoutMs: 60_000 })], { ...options, deadlineMs: 300 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(requests.map((request) => request.path).sort()).toEqual(['/slow', '/slower']);
    for (const result of results) {
      expect(result).toMatchObject({ status: 'failed', code: null, attempts: 1 });
      expect(result.error).toBe('gave up: the overall deadline of 0.3 s was reached (stopped: the overall deadline was reached)');
    }
  });

  it('masks secrets in the recorded response, URL and errors, and keeps 1 KiB of a long answer', async () => {
    registerSecrets(['hook-token-4242']);
    answer = (index, res) => {
      res.statusCode = 400;
      res.end(index === 0 ? 'invalid token "hook-token-4242"' : `${'y'.repeat(2000)}`);
    };
    const [echo, long] = await deliverAll([ready('/hooks/hook-token-4242', { retries: 0 }), ready('/long', { retries: 0 })], options);
    expect(echo).toMatchObject({ url: url('/hooks/****'), response: 'invalid token "****"', error: 'HTTP 400' });
    expect(long!.response).toBe(`${'y'.repeat(1024)}… (2000 bytes, truncated)`);
  });

  it('masks secrets in the reason a delivery was skipped (an if template that rendered one)', async () => {
    registerSecrets(['hook-token-4242']);
    const [result] = await deliverAll([{ ...base, destination: 'audit', state: 'skipped', reason: 'if rendered "hook-token-4242"' }], options);
    expect(result).toMatchObject({ status: 'skipped', reason: 'if rendered "****"', log: ['skipped: if rendered "****"'] });
  });
});
