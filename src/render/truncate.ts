export const ELLIPSIS = '…';

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/**
 * `text` cut to at most `max` UTF-16 code units (the unit Slack's, Discord's and Teams' limits are counted in, and never
 * fewer than Unicode characters), ending in an ellipsis when cut; a surrogate pair is never split.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < 1) return '';
  let end = max - ELLIPSIS.length;
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + ELLIPSIS;
}

/** UTF-8 size of a string, for byte limits such as Teams' 28 KB per message. */
export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * `escape(text)` in at most `max` code units: the raw text is cut (with an ellipsis) before escaping, so an escape
 * sequence (`&amp;`, `\*`) is never cut in half.
 */
export function truncateEscaped(text: string, max: number, escape: (text: string) => string): string {
  const whole = escape(text);
  if (whole.length <= max) return whole;
  // The longest cut whose escaped form fits: escaping only ever lengthens, so a binary search finds it.
  let fits = 0;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const middle = Math.floor((fits + tooLong) / 2);
    if (escape(truncate(text, middle)).length <= max) fits = middle;
    else tooLong = middle;
  }
  return escape(truncate(text, fits));
}
