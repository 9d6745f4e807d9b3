import type { Verdict } from './destinations/destination.js';
import type { TransportReply } from './transport/transport.js';

/** What one attempt came to, and what the engine knows when it decides what to do next. */
export interface AttemptOutcome {
  /** The receiver's answer, or */
  reply?: TransportReply;
  /** why there was none (a TransportError: refused, timed out, TLS). */
  error?: { message: string; retryable: boolean };
  /** The destination's reading of the answer (Slack's 200 {"ok":false}, Discord's retry_after). */
  verdict: Verdict;
  /** 1 for the first attempt. */
  attempt: number;
  /** Retries allowed after the first attempt. */
  retries: number;
  /** Wait before the first retry; it doubles with each one, jitter included at most MAX_BACKOFF_MS. */
  backoffMs: number;
  /** Until the overall deadline. */
  timeLeftMs: number;
  /** "HTTP", "SMTP": how a bare status code is worded. */
  protocol: string;
  /** A number in [0, 1) for the jitter; Math.random unless a test fixes it. */
  random?: () => number;
}

export type Decision =
  | { action: 'success' }
  | { action: 'retry'; afterMs: number; reason: string; asked: boolean }
  | { action: 'fail'; reason: string };

export const MAX_BACKOFF_MS = 30_000;

/**
 * The one place that decides after an attempt: delivered, try again after N ms, or give up. A 2xx the destination
 * accepts is a delivery; a refusal that asking again cannot change is a failure; a retryable one is retried after the
 * receiver's Retry-After or the backoff (×1 to ×2 jitter), unless the retries are used up or the wait would end after
 * the deadline, which fails it at once instead of holding the job.
 */
export function decideNext(outcome: AttemptOutcome): Decision {
  const { reply, error, verdict } = outcome;
  if (reply?.ok && !verdict.error) return { action: 'success' };

  const reason = reply ? (verdict.error ?? reply.error ?? `${outcome.protocol} ${reply.code}`) : (error?.message ?? 'no answer');
  const retryable = reply ? reply.retryable || verdict.retryAfterMs !== undefined : (error?.retryable ?? true);
  if (!retryable || outcome.attempt > outcome.retries) return { action: 'fail', reason };

  const askedMs = verdict.retryAfterMs ?? reply?.retryAfterMs;
  const afterMs = askedMs ?? backoff(outcome.attempt, outcome.backoffMs, outcome.random ?? Math.random);
  if (afterMs > outcome.timeLeftMs) {
    const left = `${seconds(Math.max(0, outcome.timeLeftMs))} s were left`;
    const why = askedMs !== undefined ? `asked to wait ${seconds(afterMs)} s` : `the next retry was due in ${seconds(afterMs)} s`;
    return { action: 'fail', reason: `${reason}: ${why}; ${left} before the overall deadline` };
  }
  return { action: 'retry', afterMs, reason, asked: askedMs !== undefined };
}

function backoff(attempt: number, baseMs: number, random: () => number): number {
  return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1) * (1 + random()));
}

/** Milliseconds as seconds with one decimal: 1500 -> 1.5. */
export const seconds = (ms: number): number => Math.round(ms / 100) / 10;
