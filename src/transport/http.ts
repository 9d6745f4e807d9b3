import { HttpClient } from '@actions/http-client';
import type { HttpRequest } from '../destinations/destination.js';
import { USER_AGENT } from '../version.js';
import { TransportError, type SendOptions, type TransportReply } from './transport.js';

/** One HTTP request with a hard deadline: proxies from the environment, optional TLS skip, the reply captured. */
export async function sendHttp(request: HttpRequest, { timeoutMs, signal, deliveryId }: SendOptions): Promise<TransportReply> {
  const client = new HttpClient(USER_AGENT, [], {
    socketTimeout: timeoutMs,
    ignoreSslError: request.insecureSkipVerify ?? false,
    allowRetries: false,
    allowRedirects: true,
    maxRedirects: 3,
    keepAlive: false,
  });
  const { url, headers } = withUrlCredentials(request.url, { ...request.headers, 'X-Herald-Delivery': deliveryId });
  const exchange = (async () => {
    const response = await client.request(request.method, url, request.body ?? null, headers);
    return { response, body: await response.readBody() };
  })();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  try {
    const { response, body } = await Promise.race([
      exchange,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TransportError(`no answer within ${timeoutMs / 1000} s (timeout)`)), timeoutMs);
        onAbort = () => reject(new TransportError('stopped: the overall deadline was reached', false));
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    ]);
    const code = response.message.statusCode ?? 0;
    const replyHeaders = flattenHeaders(response.message.headers);
    return {
      ok: code >= 200 && code < 300,
      retryable: code >= 500 || code === 408 || code === 429,
      retryAfterMs: parseRetryAfter(replyHeaders['retry-after']),
      code,
      body,
      headers: replyHeaders,
    };
  } catch (error) {
    if (error instanceof TransportError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    // A certificate problem does not go away by asking again.
    const retryable = !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
    throw new TransportError(describeNetworkError(error as NodeJS.ErrnoException), retryable);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal.removeEventListener('abort', onAbort);
    exchange.catch(() => undefined);
    client.dispose();
  }
}

/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless Authorization is set. */
function withUrlCredentials(url: string, headers: Record<string, string>): { url: string; headers: Record<string, string> } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url, headers };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = '';
  parsed.password = '';
  const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
  return {
    url: parsed.toString(),
    headers: hasAuthorization ? headers : { ...headers, Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/** Retry-After: delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ENOTFOUND: 'host not found',
    ECONNRESET: 'connection reset by the server',
    ETIMEDOUT: 'connection timed out',
    EAI_AGAIN: 'DNS lookup failed',
    CERT_HAS_EXPIRED: 'TLS certificate has expired',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate (set insecure_skip_verify: true to accept it)',
    SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain (set insecure_skip_verify: true to accept it)',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified (set insecure_skip_verify: true to accept it)',
    ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host name",
  };
  const reason = (error.code && reasons[error.code]) || error.message;
  return error.code && reasons[error.code] ? `${reason} (${error.code})` : reason;
}
