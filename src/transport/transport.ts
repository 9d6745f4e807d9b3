import type { Outbound, Reply } from './wire.js';

/** What a transport reports for one attempt. */
export interface TransportReply extends Reply {
  ok: boolean;
  /** Worth another attempt (5xx, 408, 429, a dropped connection). */
  retryable: boolean;
  /** The receiver asked to wait this long (Retry-After). */
  retryAfterMs?: number;
  /** The body is only the start of a longer answer (the transport reads a few KiB at most). */
  cut?: boolean;
  /** Why it failed, when the code alone does not say it ("HTTP 307 to https://…, not followed"). */
  error?: string;
}

export interface SendOptions {
  timeoutMs: number;
  signal: AbortSignal;
  /** Same across retries, so receivers can drop duplicates. */
  deliveryId: string;
  /** Refuse loopback, link-local, private and cloud metadata addresses (block_private_addresses). */
  blockPrivateAddresses?: boolean;
}

/** Sends one outbound message; throws on network failure (retried) and never waits past its timeout. */
export type Transport<O extends Outbound = Outbound> = (outbound: O, options: SendOptions) => Promise<TransportReply>;

export class TransportError extends Error {
  override name = 'TransportError';
  constructor(
    message: string,
    readonly retryable = true,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

/**
 * The bounds of one attempt: its own timeout and the overall deadline, as one signal, and the error that says which of
 * the two ended it (the deadline's is not worth a retry).
 */
export function attemptLimit(timeoutMs: number, deadline: AbortSignal) {
  const signal = AbortSignal.any([deadline, AbortSignal.timeout(timeoutMs)]);
  const error = (): TransportError =>
    deadline.aborted
      ? new TransportError('stopped: the overall deadline was reached', false)
      : new TransportError(`no answer within ${timeoutMs / 1000} s (timeout)`);
  /** `work`, or the limit's error as soon as the signal fires, whichever comes first. */
  const race = <T>(work: Promise<T>): Promise<T> => {
    if (signal.aborted) return Promise.reject(error());
    work.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(error());
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  return { signal, error, race };
}
