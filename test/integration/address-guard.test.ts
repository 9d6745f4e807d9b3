import http, { createServer, type IncomingMessage } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { createProxy, type ProxyServer } from 'proxy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';
import { SmtpReceiver } from './smtp-receiver.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const hook = (name: string, url: string, extra = '    retries: 0\n') => `  ${name}:\n    type: webhook\n    url: ${url}\n${extra}`;
const guarded = (...hooks: string[]) => `block_private_addresses: true\ndestinations:\n${hooks.join('')}`;
const send = (config: string, env: Record<string, string> = {}) =>
  runAction({ eventName: 'push', event: githubEvent('push', (e) => e.head_commit), inputs: { status: 'success' }, config, env });

describe('block_private_addresses', () => {
  it('refuses the loopback receiver before connecting: it gets no request, and the refusal is not retried', async () => {
    const run = await send(guarded(hook('hooks', `${receiver.url}/ci`, '    retries: 3\n')));
    expect(receiver.requests).toEqual([]);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: null, attempts: 1 });
    expect(run.results[0].error).toBe('refused: 127.0.0.1 is a loopback address (block_private_addresses is on)');
    expect(run.stdout).toContain('Notification failed: hooks (webhook): refused: 127.0.0.1 is a loopback address (block_private_addresses is on)');
  });

  it('refuses a name that resolves to loopback', async () => {
    const port = new URL(receiver.url).port;
    const run = await send(guarded(hook('hooks', `http://localhost:${port}/ci`)));
    expect(receiver.requests).toEqual([]);
    expect([
      'refused: localhost resolves to 127.0.0.1, a loopback address (block_private_addresses is on)',
      'refused: localhost resolves to ::1, a loopback address (block_private_addresses is on)',
    ]).toContain(run.results[0].error);
  });

  it('refuses the cloud metadata address before connecting', async () => {
    const run = await send(guarded(hook('metadata', 'http://169.254.169.254/latest/meta-data/', '    timeout: 30\n')));
    expect(run.results[0]).toMatchObject({ status: 'failed', code: null, attempts: 1 });
    expect(run.results[0].error).toBe('refused: 169.254.169.254 is a cloud metadata address (block_private_addresses is on)');
    // Refused before any connection: an attempt to connect would wait for its 30 s timeout.
    expect(run.durationMs).toBeLessThan(10_000);
  });

  it('refuses an IPv6 literal of a private range, and IPv4-mapped IPv6', async () => {
    const run = await send(guarded(hook('ula', 'http://[fd00::1]/ci'), hook('mapped', 'http://[::ffff:10.0.0.5]/ci')));
    expect(run.results.map((result) => result.error)).toEqual([
      'refused: fd00::1 is a private address (block_private_addresses is on)',
      'refused: ::ffff:a00:5 is a private address (block_private_addresses is on)',
    ]);
  });

  it('is off by default, and a destination that sets it wins over the top level', async () => {
    const config = guarded(hook('trusted', `${receiver.url}/trusted`, '    block_private_addresses: false\n    retries: 0\n'), hook('others', `${receiver.url}/others`));
    const run = await send(config);
    expect(receiver.requests.map((request) => request.path)).toEqual(['/trusted']);
    expect(run.results.map((result) => `${result.destination} ${result.status} ${result.error}`)).toEqual([
      'trusted successful null',
      'others failed refused: 127.0.0.1 is a loopback address (block_private_addresses is on)',
    ]);
    const unguarded = await send(`destinations:\n${hook('plain', `${receiver.url}/plain`)}`);
    expect(unguarded.results[0]).toMatchObject({ status: 'successful', code: 200 });
  });
});

describe('block_private_addresses for e-mail over SMTP', () => {
  it('refuses an SMTP server on a loopback address before connecting', async () => {
    const smtp = await SmtpReceiver.start();
    try {
      const mail = (name: string, host: string) =>
        `  ${name}:\n    type: email\n    host: ${host}\n    port: ${smtp.port}\n    from: ci@example.com\n    to: ops@example.com\n    retries: 0\n`;
      const run = await send(guarded(mail('literal', '127.0.0.1'), mail('named', 'localhost')));
      expect(smtp.connections).toBe(0);
      expect(run.results[0]).toMatchObject({ status: 'failed', code: null, attempts: 1 });
      expect(run.results[0].error).toBe('refused: 127.0.0.1 is a loopback address (block_private_addresses is on)');
      expect([
        'refused: localhost resolves to 127.0.0.1, a loopback address (block_private_addresses is on)',
        'refused: localhost resolves to ::1, a loopback address (block_private_addresses is on)',
      ]).toContain(run.results[1].error);
    } finally {
      await smtp.close();
    }
  });
});

describe('block_private_addresses with a proxy', () => {
  /** The `proxy` package's own network: every host it connects to is the receiver (203.0.113.10 stands for a public server). */
  class ReceiverNetwork extends http.Agent {
    override createConnection(_options: object, callback?: (error: Error | null, socket: net.Socket) => void): net.Socket {
      const socket = net.connect(Number(new URL(receiver.url).port), '127.0.0.1');
      callback?.(null, socket);
      return socket;
    }
  }
  let proxy: ProxyServer;
  let seen: string[];
  const globalAgent = http.globalAgent;
  beforeEach(async () => {
    seen = [];
    http.globalAgent = new ReceiverNetwork();
    proxy = createProxy(createServer());
    proxy.on('request', (request: IncomingMessage) => seen.push(`${request.method} ${request.url}`));
    proxy.on('connect', (request: IncomingMessage) => seen.push(`CONNECT ${request.url}`));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    http.globalAgent = globalAgent;
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
  });
  const proxyAt = (host: string) => `http://${host}:${(proxy.address() as AddressInfo).port}`;

  it('sends through a proxy on a loopback address: the target is checked, not the proxy', async () => {
    const run = await send(guarded(hook('hooks', 'http://203.0.113.10/ci')), { HTTP_PROXY: proxyAt('127.0.0.1') });
    expect(seen).toEqual(['POST http://203.0.113.10/ci']);
    expect(receiver.requests.map((request) => request.path)).toEqual(['/ci']);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, error: null });
  });

  it('also when the proxy is named by a host name that resolves to loopback', async () => {
    const run = await send(guarded(hook('hooks', 'http://203.0.113.10/named')), { HTTP_PROXY: proxyAt('localhost') });
    expect(seen).toEqual(['POST http://203.0.113.10/named']);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, error: null });
  });

  it('asks an HTTPS proxy on a loopback address to CONNECT to a public target', async () => {
    // The proxy cannot reach 203.0.113.10 (a documentation address): what matters is that Herald asked it to.
    const run = await send(guarded(hook('tls', 'https://203.0.113.10/t', '    retries: 0\n    timeout: 2\n')), { HTTPS_PROXY: proxyAt('127.0.0.1') });
    expect(seen).toEqual(['CONNECT 203.0.113.10:443']);
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(run.results[0].error).not.toMatch(/refused: /);
  });

  it('refuses a private target before asking the proxy, for http:// and for https:// (no CONNECT)', async () => {
    const config = guarded(hook('plain', `${receiver.url}/p`), hook('tls', 'https://192.168.1.20/t'));
    const run = await send(config, { HTTP_PROXY: proxyAt('127.0.0.1'), HTTPS_PROXY: proxyAt('127.0.0.1') });
    expect(seen).toEqual([]);
    expect(run.results.map((result) => result.error)).toEqual([
      'refused: 127.0.0.1 is a loopback address (block_private_addresses is on)',
      'refused: 192.168.1.20 is a private address (block_private_addresses is on)',
    ]);
  });

  it('does not hand the proxy a name the runner cannot resolve, since it could not be checked', async () => {
    const run = await send(guarded(hook('hooks', 'http://hooks.invalid/ci')), { HTTP_PROXY: proxyAt('127.0.0.1') });
    expect(seen).toEqual([]);
    expect(run.results[0].error).toBe(
      'host not found (ENOTFOUND): block_private_addresses checks hooks.invalid on the runner, also when a proxy connects for it',
    );
  });

  it('checks every redirect hop: a public server that redirects to the metadata address is not followed there', async () => {
    receiver.respond(() => ({ status: 302, headers: { Location: 'http://169.254.169.254/latest/meta-data/' } }));
    const run = await send(guarded(hook('hooks', 'http://203.0.113.10/start', '    method: GET\n    retries: 0\n')), { HTTP_PROXY: proxyAt('127.0.0.1') });
    expect(seen).toEqual(['GET http://203.0.113.10/start']);
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 1 });
    expect(run.results[0].error).toBe(
      'HTTP 302 to http://169.254.169.254/latest/meta-data/, refused: 169.254.169.254 is a cloud metadata address (block_private_addresses is on)',
    );
  });
});
