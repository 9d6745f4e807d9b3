/**
 * The Retry-After header: delay-seconds or an HTTP date, as milliseconds to wait; undefined when absent or unreadable.
 * A leaf module with no imports: the HTTP transport and the destinations that read a throttled answer share it.
 */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
