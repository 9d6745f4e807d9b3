import type { Outbound, Reply } from '../destinations/destination.js';

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
