import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { HttpRequest } from './wire.js';
import { USER_AGENT } from '../version.js';
import { BlockedAddressError, checkHost, guardedLookup, proxyHostsIn } from './address-guard.js';
import { describeNetworkError } from './network-error.js';
import { attemptLimit, TransportError, type SendOptions, type TransportReply } from './transport.js';
import { parseRetryAfter } from './retry-after.js';

/** Bytes of an answer that are read; the rest is discarded unread (the result keeps 1 KiB of it, masked). */
const READ_LIMIT = 8 * 1024;
/** Once a 2xx status has arrived the message is delivered: its body gets this long, then it is left unread. */
const BODY_GRACE_MS = 1000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that carry credentials: never sent to another origin on a redirect. */
const CREDENTIAL_HEADER = /auth|token|secret|key|password|signature|cookie|session|credential/i;

/**
 * One HTTP exchange over node:http, as curl does it: HTTP_PROXY / HTTPS_PROXY / NO_PROXY from the environment (http://
 * in absolute form, https:// through CONNECT: Node 24's proxyEnv agents), redirects followed for GET and HEAD (and for
 * others when asked), a hard per-attempt timeout, and at most READ_LIMIT bytes of the answer read. With
 * blockPrivateAddresses, every hop's host is checked before connecting (resolved here, so also when a proxy connects
 * for us) and the addresses the socket connects to are checked again in its DNS lookup.
 */
export async function sendHttp(request: HttpRequest, { timeoutMs, signal, deliveryId, blockPrivateAddresses }: SendOptions): Promise<TransportReply> {
  const limit = attemptLimit(timeoutMs, signal);
  const attempt = limit.signal;
  const lookup = blockPrivateAddresses ? guardedLookup(proxyHostsIn(process.env)) : undefined;
  let redirectedBy: number | undefined;
  let { url, headers } = withUrlCredentials(request.url, { 'User-Agent': USER_AGENT, ...request.headers, 'X-Herald-Delivery': deliveryId });
  let method = request.method;
  let body = request.body;
  try {
    for (let redirects = 0; ; redirects++) {
      if (blockPrivateAddresses) await limit.race(checkHostBeforeProxy(url.hostname));
      const response = await exchange(method, url, headers, body, request.insecureSkipVerify ?? false, attempt, lookup);
      const code = response.statusCode ?? 0;
      const location = response.headers.location;
      if (!REDIRECTS.has(code) || !location) return await reply(response, code, attempt, signal);
      response.destroy();

      const next = new URL(location, url);
      const refusal = redirectRefusal(method, url, next, redirects, request.followRedirects ?? false);
      if (refusal) return { ok: false, retryable: false, code, body: '', headers: flattenHeaders(response.headers), error: `HTTP ${code} to ${next.href}, ${refusal}` };
      if (next.origin !== url.origin) headers = withoutCredentials(headers);
      // As curl and browsers do: 303 always, and 301 / 302 after a POST, continue with a GET without the body.
      if (code === 303 || ((code === 301 || code === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET';
        body = undefined;
        headers = withoutBodyHeaders(headers);
      }
      url = next;
      redirectedBy = code;
    }
  } catch (error) {
    if (error instanceof BlockedAddressError) {
      throw new TransportError(redirectedBy === undefined ? error.message : `HTTP ${redirectedBy} to ${url.href}, ${error.message}`, false);
    }
    if (error instanceof TransportError) throw error;
    if (attempt.aborted) throw limit.error();
    throw describeNetworkError(error as NodeJS.ErrnoException);
  }
}

/** Why a redirect is not followed, or undefined to follow it. */
function redirectRefusal(method: string, from: URL, to: URL, redirects: number, followAll: boolean): string | undefined {
  if (!['GET', 'HEAD'].includes(method) && !followAll) return 'not followed (a redirect of a ' + method + ' is followed only with follow_redirects: true)';
  if (redirects >= MAX_REDIRECTS) return `not followed: more than ${MAX_REDIRECTS} redirects`;
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return `not followed: ${to.protocol} is not http or https`;
  if (from.protocol === 'https:' && to.protocol === 'http:') return 'not followed: from https to plain http';
  return undefined;
}

/**
 * The guard's check of a hop's host. It runs on the runner also when a proxy will connect for us (and resolve the name
 * again), so a name the runner cannot resolve is not sent on unchecked.
 */
async function checkHostBeforeProxy(host: string): Promise<void> {
  try {
    await checkHost(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOTFOUND' || code === 'EAI_AGAIN') && proxyHostsIn(process.env).size > 0) {
      const { message, retryable } = describeNetworkError(error as NodeJS.ErrnoException);
      throw new TransportError(`${message}: block_private_addresses checks ${host} on the runner, also when a proxy connects for it`, retryable);
    }
    throw error;
  }
}

/** Sends the request; resolves when the status line and headers have arrived. */
function exchange(
  method: string,
  url: URL,
  headers: Record<string, string>,
  body: string | undefined,
  insecureSkipVerify: boolean,
  signal: AbortSignal,
  lookup: LookupFunction | undefined,
): Promise<http.IncomingMessage> {
  const secure = url.protocol === 'https:';
  // proxyEnv (Node 24.5): HTTP_PROXY, HTTPS_PROXY and NO_PROXY, read as curl reads them.
  const agentOptions = { keepAlive: false, proxyEnv: process.env } as http.AgentOptions;
  const agent = secure ? new https.Agent({ ...agentOptions, rejectUnauthorized: !insecureSkipVerify }) : new http.Agent(agentOptions);
  const withLength = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const send = secure ? https.request : http.request;
    const req = send(url, { method, headers: withLength, agent, signal, ...(lookup && { lookup }) }, (response) => {
      response.once('close', () => agent.destroy());
      resolve(response);
    });
    req.once('error', (error) => {
      agent.destroy();
      reject(error);
    });
    // As bytes: Node writes the headers with a string body's encoding (UTF-8), but alone as Latin-1 (one byte a
    // character), so a header's bytes would depend on whether a body follows.
    req.end(body === undefined ? undefined : Buffer.from(body, 'utf8'));
  });
}

/**
 * The answer as a reply. Its status decides: a 2xx is a delivery, so its body gets BODY_GRACE_MS and is never a reason
 * to fail or to send again; any other answer is read until it ends, READ_LIMIT is reached or the attempt runs out.
 */
async function reply(response: http.IncomingMessage, code: number, attempt: AbortSignal, deadline: AbortSignal): Promise<TransportReply> {
  const ok = code >= 200 && code < 300;
  const until = ok ? AbortSignal.any([attempt, AbortSignal.timeout(BODY_GRACE_MS)]) : attempt;
  const { body, cut } = await readSome(response, until);
  const headers = flattenHeaders(response.headers);
  const proxy = code === 407 ? ' from the proxy: it wants credentials (put them in the proxy variable: http://user:pass@proxy:port)' : '';
  return {
    ok,
    retryable: !deadline.aborted && (code >= 500 || code === 408 || code === 429),
    retryAfterMs: parseRetryAfter(headers['retry-after']),
    code,
    body,
    cut,
    headers,
    ...(proxy && { error: `HTTP 407${proxy}` }),
  };
}

/** At most READ_LIMIT bytes of the body, read until it ends or `until` fires; the rest is never buffered. */
function readSome(response: http.IncomingMessage, until: AbortSignal): Promise<{ body: string; cut: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      until.removeEventListener('abort', done);
      response.destroy();
      resolve({ body: Buffer.concat(chunks).toString('utf8').replace(/\uFFFD$/, ''), cut: size > READ_LIMIT });
    };
    if (until.aborted) return done();
    until.addEventListener('abort', done, { once: true });
    response.on('data', (chunk: Buffer) => {
      if (size >= READ_LIMIT) return;
      chunks.push(chunk.subarray(0, READ_LIMIT - size));
      size += chunk.length;
      if (size >= READ_LIMIT) done();
    });
    response.once('end', done);
    response.once('error', done);
  });
}

/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless Authorization is set. */
function withUrlCredentials(url: string, headers: Record<string, string>): { url: URL; headers: Record<string, string> } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url: parsed, headers };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  return {
    url: parsed,
    headers: hasAuthorization ? headers : { ...headers, Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
  };
}

const withoutCredentials = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADER.test(name)));

const withoutBodyHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
