import { describe, expect, it } from 'vitest';
import { decideNext, type AttemptOutcome } from '../../src/retry-policy.js';
import { parseRetryAfter } from '../../src/transport/retry-after.js';
import type { TransportReply } from '../../src/transport/transport.js';

const reply = (code: number, extra: Partial<TransportReply> = {}): TransportReply => ({
  ok: code >= 200 && code < 300,
  retryable: code >= 500 || code === 408 || code === 429,
  code,
  body: '',
  headers: {},
  ...extra,
});
const outcome = (extra: Partial<AttemptOutcome>): AttemptOutcome => ({
  verdict: {},
  attempt: 1,
  retries: 3,
  backoffMs: 1000,
  timeLeftMs: 60_000,
  protocol: 'HTTP',
  random: () => 0.5,
  ...extra,
});

describe('decideNext', () => {
  it('a 2xx the destination accepts is a delivery', () => {
    expect(decideNext(outcome({ reply: reply(204) }))).toEqual({ action: 'success' });
  });

  it("a 2xx the destination refuses fails with the destination's words (Slack's ok:false)", () => {
    expect(decideNext(outcome({ reply: reply(200), verdict: { error: 'Slack error: channel_not_found' } }))).toEqual({
      action: 'fail',
      reason: 'Slack error: channel_not_found',
    });
  });

  it('a 4xx is not retried; a 5xx is, after the backoff with jitter, doubling each time', () => {
    expect(decideNext(outcome({ reply: reply(404) }))).toEqual({ action: 'fail', reason: 'HTTP 404' });
    expect(decideNext(outcome({ reply: reply(503) }))).toEqual({ action: 'retry', afterMs: 1500, reason: 'HTTP 503', asked: false });
    expect(decideNext(outcome({ reply: reply(503), attempt: 3 }))).toMatchObject({ action: 'retry', afterMs: 6000 });
    expect(decideNext(outcome({ reply: reply(503), attempt: 3, random: () => 0 }))).toMatchObject({ afterMs: 4000 });
  });

  it('the backoff never exceeds 30 s, jitter included', () => {
    expect(decideNext(outcome({ reply: reply(503), attempt: 8, retries: 10, random: () => 0.99 }))).toMatchObject({ afterMs: 30_000 });
  });

  it('gives up when the retries are used up', () => {
    expect(decideNext(outcome({ reply: reply(503), attempt: 4 }))).toEqual({ action: 'fail', reason: 'HTTP 503' });
    expect(decideNext(outcome({ reply: reply(503), retries: 0 }))).toEqual({ action: 'fail', reason: 'HTTP 503' });
  });

  it("waits as long as the receiver asks (Retry-After, or the destination's retry_after), even on a 4xx it marks", () => {
    expect(decideNext(outcome({ reply: reply(429, { retryAfterMs: 5000 }) }))).toEqual({ action: 'retry', afterMs: 5000, reason: 'HTTP 429', asked: true });
    expect(decideNext(outcome({ reply: reply(200), verdict: { error: 'Slack error: ratelimited', retryAfterMs: 2000 } }))).toMatchObject({
      action: 'retry',
      afterMs: 2000,
      asked: true,
    });
  });

  it('fails at once when the wait would end after the deadline, and says how long', () => {
    expect(decideNext(outcome({ reply: reply(429, { retryAfterMs: 120_000 }), timeLeftMs: 10_000 }))).toEqual({
      action: 'fail',
      reason: 'HTTP 429: asked to wait 120 s; 10 s were left before the overall deadline',
    });
    expect(decideNext(outcome({ reply: reply(503), backoffMs: 8000, timeLeftMs: 2000 }))).toEqual({
      action: 'fail',
      reason: 'HTTP 503: the next retry was due in 12 s; 2 s were left before the overall deadline',
    });
  });

  it('no answer: retried unless the transport says asking again cannot help', () => {
    expect(decideNext(outcome({ error: { message: 'connection refused (ECONNREFUSED)', retryable: true } }))).toMatchObject({ action: 'retry', reason: 'connection refused (ECONNREFUSED)' });
    expect(decideNext(outcome({ error: { message: 'self-signed TLS certificate', retryable: false } }))).toEqual({ action: 'fail', reason: 'self-signed TLS certificate' });
  });

  it("prefers the destination's words, then the transport's, then the status code", () => {
    expect(decideNext(outcome({ reply: reply(307, { retryable: false, error: 'HTTP 307 to https://x/, not followed' }) }))).toEqual({
      action: 'fail',
      reason: 'HTTP 307 to https://x/, not followed',
    });
    expect(decideNext(outcome({ reply: reply(550, { retryable: false }), protocol: 'SMTP' }))).toEqual({ action: 'fail', reason: 'SMTP 550' });
  });
});

describe('parseRetryAfter', () => {
  it('reads delay-seconds and HTTP dates, never a negative wait', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
