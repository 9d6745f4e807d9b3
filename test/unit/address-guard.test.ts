import type { LookupAddress } from 'node:dns';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkHost, guardedLookup, proxyHostsIn, refusedKind, type Resolve } from '../../src/transport/address-guard.js';

/** A resolver that answers from a table and records what it was asked: no name is looked up, no address contacted. */
function stubResolver(table: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve: Resolve = async (hostname) => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { resolve, asked };
}

const refusal = async (host: string, resolve: Resolve): Promise<string | undefined> => {
  try {
    await checkHost(host, resolve);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('block_private_addresses: which addresses are refused', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['127.255.0.9', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['10.0.0.5', 'a private address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.254', 'a private address'],
    ['192.168.1.10', 'a private address'],
    ['fc00::1', 'a private address'],
    ['fd12:3456::7', 'a private address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['100.127.255.255', 'a shared (carrier-grade NAT) address'],
    ['169.254.10.20', 'a link-local address'],
    ['fe80::1', 'a link-local address'],
    ['0.0.0.0', 'an unspecified ("this host") address'],
    ['::', 'an unspecified ("this host") address'],
    ['169.254.169.254', 'a cloud metadata address'],
    ['fd00:ec2::254', 'a cloud metadata address'],
    ['100.100.100.200', 'a cloud metadata address'],
    ['::ffff:10.0.0.5', 'a private address'],
    ['::ffff:7f00:1', 'a loopback address'],
    ['::ffff:169.254.169.254', 'a cloud metadata address'],
  ])('%s is %s', (address, kind) => {
    expect(refusedKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255', '192.169.0.1', '2606:4700::1111', '::ffff:8.8.8.8', 'fe00::1'])(
    '%s may be contacted',
    (address) => {
      expect(refusedKind(address)).toBeUndefined();
    },
  );
});

describe('block_private_addresses: checking a host', () => {
  const { resolve, asked } = stubResolver({
    'hooks.example.com': ['10.0.0.5'],
    'metadata.example.com': ['169.254.169.254'],
    'public.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    'mixed.example.com': ['93.184.215.14', '192.168.0.7'],
    'v6-loopback.example.com': ['::1'],
  });

  it('refuses a name that resolves to a private address, naming both', async () => {
    expect(await refusal('hooks.example.com', resolve)).toBe('refused: hooks.example.com resolves to 10.0.0.5, a private address (block_private_addresses is on)');
  });

  it('refuses a name that resolves to a cloud metadata address', async () => {
    expect(await refusal('metadata.example.com', resolve)).toBe(
      'refused: metadata.example.com resolves to 169.254.169.254, a cloud metadata address (block_private_addresses is on)',
    );
  });

  it('refuses a name with one private address among public ones', async () => {
    expect(await refusal('mixed.example.com', resolve)).toBe('refused: mixed.example.com resolves to 192.168.0.7, a private address (block_private_addresses is on)');
  });

  it('refuses a name that resolves to IPv6 loopback', async () => {
    expect(await refusal('v6-loopback.example.com', resolve)).toBe('refused: v6-loopback.example.com resolves to ::1, a loopback address (block_private_addresses is on)');
  });

  it('lets a name through whose addresses are all public, and gives them', async () => {
    expect(await checkHost('public.example.com', resolve)).toEqual(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
  });

  it('checks IP literals without resolving them, IPv6 in brackets as a URL writes them', async () => {
    const before = asked.length;
    expect(await refusal('169.254.169.254', resolve)).toBe('refused: 169.254.169.254 is a cloud metadata address (block_private_addresses is on)');
    expect(await refusal('[fd00:ec2::254]', resolve)).toBe('refused: fd00:ec2::254 is a cloud metadata address (block_private_addresses is on)');
    expect(await refusal('[::ffff:127.0.0.1]', resolve)).toBe('refused: ::ffff:127.0.0.1 is a loopback address (block_private_addresses is on)');
    expect(await refusal('203.0.113.10', resolve)).toBeUndefined();
    expect(asked.length).toBe(before);
  });

  it('reads other spellings of an address as the URL parser does: decimal, hex, short forms', async () => {
    const hosts = ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://[0:0:0:0:0:ffff:a9fe:a9fe]/'].map((url) => new URL(url).hostname);
    expect(await Promise.all(hosts.map((host) => refusal(host, resolve)))).toEqual([
      'refused: 127.0.0.1 is a loopback address (block_private_addresses is on)',
      'refused: 127.0.0.1 is a loopback address (block_private_addresses is on)',
      'refused: 127.0.0.1 is a loopback address (block_private_addresses is on)',
      'refused: ::ffff:a9fe:a9fe is a cloud metadata address (block_private_addresses is on)',
    ]);
  });

  it('passes on the resolver error of a name that does not resolve', async () => {
    await expect(checkHost('nowhere.example.com', resolve)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('the socket connects only to the address it checked (no DNS rebinding gap)', () => {
  let server: Server;
  let received: string[];
  beforeEach(async () => {
    received = [];
    server = createServer((req, res) => {
      received.push(`${req.method} ${req.headers.host}${req.url}`);
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const port = () => (server.address() as AddressInfo).port;

  /** GET http://<host>:<port>/ with the guard's lookup; its status and body, or the error. */
  const get = (host: string, lookup: ReturnType<typeof guardedLookup>) =>
    new Promise<string>((resolve) => {
      const req = request({ host, port: port(), path: '/', lookup }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve(`${res.statusCode} ${body}`));
      });
      req.on('error', (error) => resolve(`${error.name}: ${error.message}`));
      req.end();
    });

  it('refuses in the lookup of the connection itself, so nothing is sent, whatever an earlier lookup said', async () => {
    // The first answer is public (what a check before connecting would have seen); the socket's own lookup gets loopback.
    const answers = [['93.184.215.14'], ['127.0.0.1']];
    const { resolve, asked } = stubResolver({});
    const rebinding: Resolve = async (hostname, options) => {
      await resolve(hostname, options).catch(() => undefined);
      return answers.shift()!.map((address) => ({ address, family: 4 }));
    };
    expect(await checkHost('rebind.example.com', rebinding)).toEqual(['93.184.215.14']);
    expect(await get('rebind.example.com', guardedLookup(new Set(), rebinding))).toBe(
      'BlockedAddressError: refused: rebind.example.com resolves to 127.0.0.1, a loopback address (block_private_addresses is on)',
    );
    expect(asked).toEqual(['rebind.example.com', 'rebind.example.com']);
    expect(received).toEqual([]);
  });

  it("connects to the proxy whatever its address: it is the runner's, and the target is checked on its own", async () => {
    const { resolve } = stubResolver({ 'squid.internal': ['127.0.0.1'] });
    expect(await get('squid.internal', guardedLookup(new Set(['squid.internal']), resolve))).toBe('200 ok');
    expect(received).toEqual([`GET squid.internal:${port()}/`]);
  });
});

describe('the proxy is never checked', () => {
  it('knows the proxies of the environment by host name, in either case of variable', () => {
    const hosts = proxyHostsIn({ HTTP_PROXY: 'http://user:pass@Squid.internal:3128', https_proxy: 'proxy.corp:8080', HTTPS_PROXY: '' });
    expect([...hosts]).toEqual(['squid.internal', 'proxy.corp']);
  });
});
