/**
 * GitHub's limits on what a step writes: 1 MiB of job summary, 1 MB per output. Herald aims below them, leaving room
 * for what GitHub adds and for a later step's summary line.
 */
export const SUMMARY_TARGET_BYTES = 900 * 1024;
export const OUTPUT_TARGET_BYTES = 900_000;

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Dry-run payloads cut so that together, each measured by `size` as it is written (JSON- or HTML-escaped), they take at
 * most `budget` bytes: small payloads stay whole, the large ones share what is left equally, and every cut one ends in
 * a note saying how much of it is shown and where the whole payload is. Undefined entries (no payload) stay undefined.
 */
export function fitPayloads(
  payloads: (string | undefined)[],
  budget: number,
  size: (text: string) => number,
  limit: string,
): { payloads: (string | undefined)[]; cut: number } {
  const sizes = payloads.map((payload) => (payload === undefined ? 0 : size(payload)));
  if (sizes.reduce((sum, bytes) => sum + bytes, 0) <= budget) return { payloads, cut: 0 };

  const fitted = [...payloads];
  const order = payloads.flatMap((payload, i) => (payload === undefined ? [] : [i])).sort((a, b) => sizes[a]! - sizes[b]!);
  let remaining = Math.max(0, budget);
  let cut = 0;
  order.forEach((i, position) => {
    const share = Math.floor(remaining / (order.length - position));
    if (sizes[i]! <= share) {
      remaining -= sizes[i]!;
      return;
    }
    fitted[i] = cutPayload(payloads[i]!, share, size, limit);
    remaining -= Math.min(remaining, size(fitted[i]!));
    cut++;
  });
  return { payloads: fitted, cut };
}

/** The longest start of `text` that, with its note, measures at most `max`; a surrogate pair is never split. */
function cutPayload(text: string, max: number, size: (text: string) => number, limit: string): string {
  const whole = utf8(text);
  const shown = (end: number) => {
    const start = text.slice(0, end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end);
    return `${start}\n… (cut by Herald: the first ${utf8(start).toLocaleString('en-US')} of ${whole.toLocaleString('en-US')} bytes, to stay within ${limit}; the step's log has the whole payload)`;
  };
  // Measured sizes only grow with the length shown, so a binary search finds the longest start that fits.
  let fits = 0;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (size(shown(middle)) <= max) fits = middle;
    else tooLong = middle;
  }
  return shown(fits);
}
