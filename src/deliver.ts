import { randomUUID } from 'node:crypto';
import pRetry, { AbortError } from 'p-retry';
import type { Delivery } from './prepare.js';
import { mask } from './secrets.js';
import { transportFor } from './transport/index.js';
import type { TransportReply } from './transport/transport.js';

export type DeliveryStatus = 'successful' | 'failed' | 'skipped';

/** The record of one delivery: what the outputs, the summary and the logs show. Secrets are already masked. */
export interface DeliveryResult {
  destination: string;
  type: string;
  trigger: string;
  target: string | null;
  status: DeliveryStatus;
  code: number | null;
  attempts: number;
  duration_ms: number;
  sent_at: string | null;
  url: string | null;
  delivery_id: string | null;
  response: string | null;
  error: string | null;
  warnings: string[];
  /** Set on dry runs: what would have been sent. */
  payload?: string;
  /** The attempts, one line each, for the log. */
  log: string[];
}

export interface DeliverOptions {
  dryRun: boolean;
  /** Every delivery ends by then, retries included. */
  deadlineMs: number;
}

const RESPONSE_LIMIT = 1024;

/** Sends all deliveries at once; one slow or dead receiver never holds up or breaks the others. */
export async function deliverAll(deliveries: Delivery[], options: DeliverOptions): Promise<DeliveryResult[]> {
  const deadline = AbortSignal.timeout(options.deadlineMs);
  const deadlineAt = performance.now() + options.deadlineMs;
  return Promise.all(deliveries.map((delivery) => deliverOne(delivery, options, deadline, deadlineAt)));
}

class FailedReply extends Error {
  constructor(
    message: string,
    readonly reply: TransportReply,
  ) {
    super(message);
  }
}

async function deliverOne(delivery: Delivery, options: DeliverOptions, deadline: AbortSignal, deadlineAt: number): Promise<DeliveryResult> {
  const outbound = delivery.outbound;
  const result: DeliveryResult = {
    destination: delivery.destination,
    type: delivery.type,
    trigger: delivery.trigger,
    target: delivery.target,
    status: 'failed',
    code: null,
    attempts: 0,
    duration_ms: 0,
    sent_at: null,
    url: outbound ? mask(outbound.url) : null,
    delivery_id: null,
    response: null,
    error: delivery.error ? mask(delivery.error) : null,
    warnings: delivery.warnings.map((warning) => mask(warning)),
    log: [],
  };
  if (delivery.skipped) return { ...result, status: 'skipped', log: [`skipped: ${delivery.skipped}`] };
  if (!outbound) return result;
  if (options.dryRun) {
    return { ...result, status: 'skipped', payload: mask(outbound.body ?? ''), log: ['dry run: not sent'] };
  }

  const send = await transportFor(outbound);
  const deliveryId = randomUUID();
  const started = performance.now();
  result.delivery_id = deliveryId;
  result.sent_at = new Date().toISOString();
  const record = (reply: TransportReply) => {
    result.code = reply.code;
    result.response = truncate(mask(reply.body), reply.cut ?? false);
  };

  try {
    await pRetry(
      async (attempt) => {
        result.attempts = attempt;
        const reply = await send(outbound, { timeoutMs: delivery.timeoutMs, signal: deadline, deliveryId });
        record(reply);
        const verdict = delivery.interpret?.(reply) ?? {};
        if (reply.ok && !verdict.error) return;
        const retryAfterMs = verdict.retryAfterMs ?? reply.retryAfterMs;
        const failure = new FailedReply(verdict.error ?? reply.error ?? `${outbound.transport.toUpperCase()} ${reply.code}`, {
          ...reply,
          retryAfterMs,
        });
        throw reply.retryable || verdict.retryAfterMs !== undefined ? failure : new AbortError(failure);
      },
      {
        retries: delivery.retries,
        minTimeout: delivery.backoffMs,
        factor: 2,
        maxTimeout: 30_000,
        randomize: true,
        signal: deadline, // the overall deadline also ends a wait between attempts
        shouldRetry: ({ error }) => !(error instanceof Error && 'retryable' in error && error.retryable === false),
        onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
          result.log.push(`attempt ${attemptNumber}: ${mask(error.message)}`);
          const wait = error instanceof FailedReply ? error.reply.retryAfterMs : undefined;
          if (wait !== undefined && retriesLeft > 0) {
            // Waiting past the deadline would only hold the job up and end in the same failure.
            const left = deadlineAt - performance.now();
            if (wait > left) throw new Error(`${error.message}: asked to wait ${seconds(wait)} s; ${seconds(Math.max(0, left))} s were left`);
            result.log.push(`waiting ${seconds(wait)} s as the receiver asked (Retry-After)`);
            await sleep(wait, deadline);
          }
        },
      },
    );
    result.status = 'successful';
    result.error = null;
    result.log.push(`attempt ${result.attempts}: ${outbound.transport.toUpperCase()} ${result.code} delivered`);
  } catch (error) {
    const last = `attempt ${result.attempts}:`;
    if (!result.log.some((line) => line.startsWith(last))) result.log.push(`${last} ${mask((error as Error).message)}`);
    result.status = 'failed';
    result.error = mask(deadline.aborted ? `gave up: the overall deadline of ${options.deadlineMs / 1000} s was reached (${(error as Error).message})` : (error as Error).message);
  }
  result.duration_ms = Math.round(performance.now() - started);
  return result;
}

const seconds = (ms: number): number => Math.round(ms / 100) / 10;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** The first RESPONSE_LIMIT bytes, saying how long the answer was ("more than" when the transport stopped reading). */
function truncate(text: string, cut: boolean): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= RESPONSE_LIMIT && !cut) return text;
  const size = `${cut ? 'more than ' : ''}${bytes.length} bytes`;
  return `${bytes.subarray(0, RESPONSE_LIMIT).toString('utf8').replace(/\uFFFD$/, '')}… (${size}, truncated)`;
}
