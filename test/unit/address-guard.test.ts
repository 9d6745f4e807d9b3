import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { checkHost, proxyHostsIn, refusedKind, type Resolve } from '../../src/transport/address-guard.js';

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

  it('lets a name through whose addresses are all public', async () => {
    expect(await refusal('public.example.com', resolve)).toBeUndefined();
  });

  it('checks IP literals without resolving them, IPv6 in brackets as a URL writes them', async () => {
    const before = asked.length;
    expect(await refusal('169.254.169.254', resolve)).toBe('refused: 169.254.169.254 is a cloud metadata address (block_private_addresses is on)');
    expect(await refusal('[fd00:ec2::254]', resolve)).toBe('refused: fd00:ec2::254 is a cloud metadata address (block_private_addresses is on)');
    expect(await refusal('[::ffff:127.0.0.1]', resolve)).toBe('refused: ::ffff:127.0.0.1 is a loopback address (block_private_addresses is on)');
    expect(await refusal('203.0.113.10', resolve)).toBeUndefined();
    expect(asked.length).toBe(before);
  });

  it('passes on the resolver error of a name that does not resolve', async () => {
    await expect(checkHost('nowhere.example.com', resolve)).rejects.toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('the proxy is never checked', () => {
  it('knows the proxies of the environment by host name, in either case of variable', () => {
    const hosts = proxyHostsIn({ HTTP_PROXY: 'http://user:pass@Squid.internal:3128', https_proxy: 'proxy.corp:8080', HTTPS_PROXY: '' });
    expect([...hosts]).toEqual(['squid.internal', 'proxy.corp']);
  });
});
