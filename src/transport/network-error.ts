import { TransportError } from './transport.js';

/** A socket's failure (refused, reset, DNS, TLS, a proxy's refusal) in words a user can act on; certificate problems are not retried. */
export function describeNetworkError(error: NodeJS.ErrnoException): TransportError {
  const code = error.code ?? '';
  if (code === 'ERR_PROXY_TUNNEL') {
    // "Failed to establish tunnel to host:443 via http://proxy:3128: HTTP/1.1 407 Proxy Authentication Required"
    const status = /HTTP\/[\d.]+ (\d{3})[^\n]*/.exec(error.message);
    const refused = status ? `the proxy refused the connection: ${status[0]}` : `the proxy failed: ${error.message}`;
    return new TransportError(withoutUserInfo(refused), status?.[1] !== '407');
  }
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
    ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  };
  // A certificate problem does not go away by asking again.
  const retryable = !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
  const message = reasons[code] ? `${reasons[code]} (${code})` : error.message;
  return new TransportError(withoutUserInfo(message), retryable);
}

/** A proxy URL in Node's messages may hold credentials. */
const withoutUserInfo = (text: string): string => text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1****@');
