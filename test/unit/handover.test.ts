import { describe, expect, it } from 'vitest';
import type { DeliveryResult } from '../../src/deliver.js';
import { keptMessages, MESSAGES_LIMIT_BYTES, parseHandover, previousOf, type SentMessage } from '../../src/handover.js';

const result = (destination: string, target: string | null, handle?: DeliveryResult['handle']) => ({ destination, target, handle }) as DeliveryResult;

describe('the messages handed from one step to the next', () => {
  it('are the results that kept a handle, with destination and target', () => {
    const results = [result('team', '#ci', { channel: 'C1', ts: '1.2' }), result('hooks', null), result('chat', null, { message_id: '118' })];
    expect(keptMessages(results)).toEqual([
      { destination: 'team', target: '#ci', handle: { channel: 'C1', ts: '1.2' } },
      { destination: 'chat', target: null, handle: { message_id: '118' } },
    ]);
  });

  it(`stay within ${MESSAGES_LIMIT_BYTES / 1024} KiB as JSON, the first ones kept`, () => {
    const results = Array.from({ length: 2000 }, (_, i) => result('team', `#channel-${i}`, { channel: `C${i}`, ts: `${i}.000100` }));
    const kept = keptMessages(results);
    expect(Buffer.byteLength(JSON.stringify(kept))).toBeLessThanOrEqual(MESSAGES_LIMIT_BYTES);
    expect(kept.length).toBeGreaterThan(500);
    expect(kept[0]!.target).toBe('#channel-0');
  });

  it("are found by destination, keyed by target ('' for a destination with one)", () => {
    const messages: SentMessage[] = [
      { destination: 'team', target: '#ci', handle: { channel: 'C1', ts: '1.2' } },
      { destination: 'chat', target: null, handle: { message_id: '118' } },
    ];
    expect(previousOf(messages, 'team')).toEqual({ '#ci': { channel: 'C1', ts: '1.2' } });
    expect(previousOf(messages, 'chat')).toEqual({ '': { message_id: '118' } });
    expect(previousOf(messages, 'ops')).toBeUndefined();
  });

  it('read back from the state: a missing or broken one is no start time and no messages', () => {
    expect(parseHandover('{"startedAt":"2026-01-01T10:00:00.000Z","messages":[{"destination":"chat","target":null,"handle":{"message_id":"118"}}]}')).toEqual({
      startedAt: '2026-01-01T10:00:00.000Z',
      messages: [{ destination: 'chat', target: null, handle: { message_id: '118' } }],
    });
    for (const broken of ['', 'not json', '{"messages":{"a":1}}']) expect(parseHandover(broken)).toEqual({ startedAt: '', messages: [] });
  });
});
