import { randomUUID } from 'node:crypto';
import type { Delivery } from './prepare.js';
import { decideNext, seconds } from './retry-policy.js';
import { mask } from './secrets.js';
import { transportFor } from './transport/index.js';
import { TransportError, type TransportReply } from './transport/transport.js';

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
  /** Why it was not sent: a disabled destination, a route's filter, a dry run. */
  reason: string | null;
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

async function deliverOne(delivery: Delivery, options: DeliverOptions, deadline: AbortSignal, deadlineAt: number): Promise<DeliveryResult> {
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
    url: delivery.state === 'ready' ? mask(delivery.outbound.url) : null,
    delivery_id: null,
    response: null,
    error: null,
    reason: null,
    warnings: delivery.warnings.map((warning) => mask(warning)),
    log: delivery.note ? [delivery.note] : [],
  };
  if (delivery.state === 'skipped') return { ...result, status: 'skipped', reason: mask(delivery.reason), log: [`skipped: ${mask(delivery.reason)}`] };
  if (delivery.state === 'broken') return { ...result, error: mask(delivery.error) };
  const { outbound } = delivery;
  if (options.dryRun) return { ...result, status: 'skipped', reason: 'dry run', payload: mask(outbound.body ?? ''), log: ['dry run: not sent'] };

  let send;
  try {
    send = await transportFor(outbound);
  } catch (error) {
    // A destination's bug (an unknown transport) or a chunk that cannot load fails this delivery, not the run.
    return { ...result, error: `Herald could not load the ${outbound.transport} transport (${String(error)}); please report this` };
  }
  const protocol = outbound.transport.toUpperCase();
  const deliveryId = randomUUID();
  const started = performance.now();
  result.delivery_id = deliveryId;
  result.sent_at = new Date().toISOString();

  for (let attempt = 1; ; attempt++) {
    result.attempts = attempt;
    let reply: TransportReply | undefined;
    let error: TransportError | undefined;
    try {
      reply = await send(outbound, { timeoutMs: delivery.timeoutMs, signal: deadline, deliveryId, blockPrivateAddresses: delivery.blockPrivateAddresses });
      result.code = reply.code;
      result.response = truncate(mask(reply.body), reply.cut ?? false);
    } catch (thrown) {
      error = thrown instanceof TransportError ? thrown : new TransportError(String(thrown));
    }
    const verdict = reply ? (delivery.interpret?.(reply) ?? {}) : {};
    const next = decideNext({ reply, error, verdict, attempt, retries: delivery.retries, backoffMs: delivery.backoffMs, timeLeftMs: deadlineAt - performance.now(), protocol });
    if (next.action === 'success') {
      result.status = 'successful';
      result.log.push(`attempt ${attempt}: ${protocol}${result.code === null ? '' : ` ${result.code}`} delivered`);
      break;
    }
    result.log.push(`attempt ${attempt}: ${mask(next.reason)}`);
    if (next.action === 'fail') {
      result.error = mask(deadline.aborted ? `gave up: the overall deadline of ${options.deadlineMs / 1000} s was reached (${next.reason})` : next.reason);
      break;
    }
    result.log.push(`waiting ${seconds(next.afterMs)} s${next.asked ? ' as the receiver asked (Retry-After)' : ''}`);
    await sleep(next.afterMs, deadline);
  }
  result.duration_ms = Math.round(performance.now() - started);
  return result;
}

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
