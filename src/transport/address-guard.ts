import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { TransportError, type attemptLimit } from './transport.js';

/**
 * The addresses block_private_addresses refuses, each with the words its error uses. Metadata comes first: 169.254.169.254
 * is link-local too, and "cloud metadata" says more. BlockList also matches IPv4-mapped IPv6 (::ffff:10.0.0.5) against
 * the IPv4 ranges.
 */
const SUBNETS: [kind: string, subnets: string[]][] = [
  ['a cloud metadata address', ['169.254.169.254/32', '100.100.100.200/32', 'fd00:ec2::254/128']],
  ['a loopback address', ['127.0.0.0/8', '::1/128']],
  ['a link-local address', ['169.254.0.0/16', 'fe80::/10']],
  ['a private address', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']],
  ['a shared (carrier-grade NAT) address', ['100.64.0.0/10']],
  ['an unspecified ("this host") address', ['0.0.0.0/8', '::/128']],
];

/** Built on first use: building them cost about 3 ms of every run, and most runs never turn the guard on. */
let ranges: [kind: string, ranges: BlockList][] | undefined;

function blockList(subnets: string[]): BlockList {
  const list = new BlockList();
  for (const subnet of subnets) {
    const [network, prefix] = subnet.split('/') as [string, string];
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

const ON = '(block_private_addresses is on)';

/** What kind of refused address `address` is ("a private address"), or undefined when it may be contacted. */
export function refusedKind(address: string): string | undefined {
  const family = isIP(address);
  if (family === 0) return undefined;
  ranges ??= SUBNETS.map(([kind, subnets]) => [kind, blockList(subnets)]);
  return ranges.find(([, list]) => list.check(address, family === 6 ? 'ipv6' : 'ipv4'))?.[0];
}

/** A host the guard refuses: never worth another attempt. */
export class BlockedAddressError extends Error {
  override name = 'BlockedAddressError';
  readonly code = 'ERR_HERALD_BLOCKED_ADDRESS';
}

/** Every address a name resolves to (A and AAAA, or the family the socket asks for), as the socket would see them. */
export type Resolve = (hostname: string, options?: { family?: number; hints?: number }) => Promise<LookupAddress[]>;

export const systemResolve: Resolve = (hostname, { family = 0, hints } = {}) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { family, ...(hints !== undefined && { hints }), all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/** The refusal for a name that resolved to `addresses`, if any of them is refused; undefined when all may be contacted. */
export function refusalFor(hostname: string, addresses: readonly LookupAddress[]): string | undefined {
  for (const { address } of addresses) {
    const kind = refusedKind(address);
    if (kind) return `refused: ${hostname} resolves to ${address}, ${kind} ${ON}`;
  }
  return undefined;
}

/**
 * The addresses of `host` (a URL's hostname: a name, an IPv4 or a [bracketed] IPv6 literal), all of which may be
 * contacted; throws a BlockedAddressError when it is or resolves to a refused address. A name with one refused address
 * among others is refused as a whole.
 */
export async function checkHost(host: string, resolve: Resolve = systemResolve): Promise<string[]> {
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(literal)) {
    const kind = refusedKind(literal);
    if (kind) throw new BlockedAddressError(`refused: ${literal} is ${kind} ${ON}`);
    return [literal];
  }
  const addresses = await resolve(host);
  const refusal = refusalFor(host, addresses);
  if (refusal) throw new BlockedAddressError(refusal);
  return addresses.map(({ address }) => address);
}

/**
 * A `lookup` for http.request that checks the addresses the socket is about to connect to, so a name cannot resolve to
 * a public address for the check and to a private one for the connection (DNS rebinding). The proxy's own name, which
 * often resolves to a private address, is not checked: the proxy is the runner's, the target is checked on its own.
 */
export function guardedLookup(proxyHosts: ReadonlySet<string>, resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    const answer = callback as (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
    resolve(hostname, { family: typeof options.family === 'number' ? options.family : 0, hints: options.hints }).then(
      (addresses) => {
        const refusal = proxyHosts.has(hostname.toLowerCase()) ? undefined : refusalFor(hostname, addresses);
        if (refusal) return answer(new BlockedAddressError(refusal), '');
        if (options.all) return answer(null, addresses);
        const first = addresses[0];
        if (!first) return answer(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
        answer(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => answer(error, ''),
    );
  };
}

/** The host names of the proxies in the environment (HTTP_PROXY, HTTPS_PROXY, in either case). */
export function proxyHostsIn(env: NodeJS.ProcessEnv): Set<string> {
  const hosts = new Set<string>();
  for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) {
    const value = env[name];
    if (!value) continue;
    try {
      hosts.add(new URL(value.includes('://') ? value : `http://${value}`).hostname.toLowerCase());
    } catch {
      // Not a URL: Node ignores it too.
    }
  }
  return hosts;
}

/** The address block_private_addresses allows for `host`; a refusal is a TransportError that is not retried. */
export async function checkedAddress(host: string, limit: ReturnType<typeof attemptLimit>): Promise<string> {
  try {
    const [address] = await limit.race(checkHost(host));
    return address ?? host;
  } catch (error) {
    if (error instanceof TransportError) throw error;
    if (error instanceof BlockedAddressError) throw new TransportError(error.message, false);
    throw new TransportError(`host not found: ${(error as Error).message}`);
  }
}
