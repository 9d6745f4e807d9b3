import { escapers } from './escape.js';
import { truncateEscaped } from './truncate.js';

const markdown = (text: string): string => escapers.markdown(text);
/** Percent-encodes what would end a Markdown link target early; encodeURIComponent leaves `(` and `)` as they are. */
const linkTarget = (url: string): string =>
  url.replace(/[()<>\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));

/**
 * `[text](url)` with the text Markdown-escaped, in at most `max` characters, or the escaped text alone when there is no
 * URL or it does not fit; never empty (Discord refuses an empty field value).
 */
export function markdownLink(text: string, url: string | undefined, max: number): string {
  const target = url ? linkTarget(url) : '';
  if (target && target.length + 5 < max) return `[${truncateEscaped(text, max - target.length - 4, markdown)}](${target})`;
  return truncateEscaped(text, max, markdown) || '-';
}
