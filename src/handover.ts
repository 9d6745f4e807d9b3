import * as core from '@actions/core';
import { z } from 'zod';
import type { DeliveryResult } from './deliver.js';
import type { MessageHandle } from './destinations/destination.js';
import { UserError } from './user-error.js';

/** A message a step posted that a later step can edit: where it went and the service's handle of it. */
export interface SentMessage {
  destination: string;
  target: string | null;
  handle: MessageHandle;
}

/** What the main step of `track-job` leaves its post step (core.saveState): when the job started, and its messages. */
export interface Handover {
  startedAt: string;
  messages: SentMessage[];
}

/** The name of the one state value the main step saves for the post step (STATE_herald there). */
const HANDOVER_STATE = 'herald';

/** A runner caps what a step leaves (state, outputs): the messages kept stay well under, the first ones first. */
export const MESSAGES_LIMIT_BYTES = 64 * 1024;

const sentMessages = z.array(
  z.strictObject({
    destination: z.string().min(1),
    target: z.string().nullable(),
    handle: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
);

/** The messages the deliveries kept a handle of, bounded to MESSAGES_LIMIT_BYTES as JSON. */
export function keptMessages(results: DeliveryResult[]): SentMessage[] {
  const messages: SentMessage[] = [];
  let bytes = 2;
  for (const { destination, target, handle } of results) {
    if (!handle) continue;
    const message = { destination, target, handle };
    bytes += Buffer.byteLength(JSON.stringify(message)) + 1;
    if (bytes > MESSAGES_LIMIT_BYTES) break;
    messages.push(message);
  }
  return messages;
}

/**
 * The `update-messages` input (a `messages` output of an earlier Herald step) or the saved state, read back; `where`
 * names it in the error. Empty text is no messages.
 */
export function parseMessages(text: string, where: string): SentMessage[] {
  if (text.trim() === '') return [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${where} is not JSON (${(error as Error).message}). Pass the messages output of an earlier Herald step: \${{ steps.<id>.outputs.messages }}.`);
  }
  const parsed = sentMessages.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(
      `${where} is not a list of Herald messages (at ${issue.path.join('.') || 'the top'}: ${issue.message}). ` +
        'Pass the messages output of an earlier Herald step unchanged: ${{ steps.<id>.outputs.messages }}.',
    );
  }
  return parsed.data;
}

/** The main step's: what the post step needs, in the runner's step state (no secret: ids and a time). */
export function saveHandover(startedAt: string, results: DeliveryResult[]): void {
  core.saveState(HANDOVER_STATE, JSON.stringify({ startedAt, messages: keptMessages(results) } satisfies Handover));
}

/** The post step's: what its main step saved; none (the main step failed first) is an empty handover. */
export const readHandover = (): Handover => parseHandover(core.getState(HANDOVER_STATE));

/** The saved state, read back; a missing or unreadable one is an empty handover. */
export function parseHandover(text: string): Handover {
  try {
    const value = JSON.parse(text) as { startedAt?: unknown; messages?: unknown };
    return {
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      messages: parseMessages(JSON.stringify(value.messages ?? []), 'The saved state'),
    };
  } catch {
    return { startedAt: '', messages: [] };
  }
}

/** The handles of one destination's messages, by target ('' for a destination with one target). */
export function previousOf(messages: SentMessage[], destination: string): Record<string, MessageHandle> | undefined {
  const mine = messages.filter((message) => message.destination === destination);
  if (mine.length === 0) return undefined;
  return Object.fromEntries(mine.map((message) => [message.target ?? '', message.handle]));
}
