import { describe, expect, it } from 'vitest';
import { isWellFormed } from '../fixtures/build-input.js';
import { fitPayloads } from '../../src/payload-limits.js';

const bytes = (text: string) => Buffer.byteLength(JSON.stringify(text));
const total = (payloads: (string | undefined)[]) => payloads.reduce((sum, payload) => sum + (payload === undefined ? 0 : bytes(payload)), 0);

describe('fitting dry-run payloads into a byte budget', () => {
  it('keeps payloads that fit whole', () => {
    const payloads = ['{"a": 1}', undefined, '{"b": 2}'];
    expect(fitPayloads(payloads, 1000, bytes, 'the limit')).toEqual({ payloads, cut: 0 });
  });

  it('keeps the small ones whole and lets the large ones share the rest, each with a note', () => {
    const small = 'x'.repeat(100);
    const large = 'y'.repeat(10_000);
    const { payloads, cut } = fitPayloads([small, large, undefined, large], 5_000, bytes, 'the limit');
    expect(cut).toBe(2);
    expect(payloads[0]).toBe(small);
    expect(payloads[2]).toBeUndefined();
    expect(total(payloads)).toBeLessThanOrEqual(5_000);
    expect(total(payloads)).toBeGreaterThan(4_900);
    const [shown, note] = payloads[1]!.split('\n… ');
    expect(note).toBe(`(cut by Herald: the first ${shown!.length.toLocaleString('en-US')} of 10,000 bytes, to stay within the limit; the step's log has the whole payload)`);
  });

  it('never splits a surrogate pair, and measures escaped text as written', () => {
    const emoji = '"🚀'.repeat(5000);
    const { payloads } = fitPayloads([emoji], 2_001, bytes, 'the limit');
    const shown = payloads[0]!.split('\n… ')[0]!;
    expect(isWellFormed(shown)).toBe(true);
    expect(bytes(payloads[0]!)).toBeLessThanOrEqual(2_001);
  });
});
