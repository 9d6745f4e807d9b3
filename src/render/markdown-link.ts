import { escapers } from './escape.js';
import { truncateEscaped } from './truncate.js';

const markdown = (text: string): string => escapers.markdown(text);
const linkTarget = (url: string): string => url.replace(/[()<>\s]/g, encodeURIComponent);

/**
 * `[text](url)` with the text Markdown-escaped, in at most `max` characters, or the escaped text alone when there is no
 * URL or it does not fit; never empty (Discord refuses an empty field value).
 */
export function markdownLink(text: string, url: string | undefined, max: number): string {
  const target = url ? linkTarget(url) : '';
  if (target && target.length + 5 < max) return `[${truncateEscaped(text, max - target.length - 4, markdown)}](${target})`;
  return truncateEscaped(text, max, markdown) || '-';
}
