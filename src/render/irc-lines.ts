/** IRC's limit on one line, CR LF included (RFC 2812, 2.3): what a message's text is fitted into. */
export const IRC_LINE_BYTES = 512;

/** Bytes of one code point in UTF-8 (a lone surrogate is written as U+FFFD, three bytes). */
const utf8Bytes = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * `text` as IRC message texts of at most `maxBytes` UTF-8 bytes each: one per line of `text`, a longer line split at
 * spaces, a word longer than a whole line split between characters (never inside one). Blank lines are dropped (IRC
 * refuses an empty message) and NUL removed: CR, LF and NUL end an IRC line, so none of them is ever in a text.
 */
export function splitIrcText(text: string, maxBytes: number): string[] {
  if (maxBytes < 4) throw new RangeError(`an IRC text needs room for one character, got ${maxBytes} bytes`);
  const texts: string[] = [];
  for (const line of text.replace(/\0/g, '').split(/\r\n|\r|\n/)) {
    let rest = line.trimEnd();
    while (rest.trim() !== '') {
      const fits = fittingPrefix(rest, maxBytes);
      if (fits === rest.length) {
        texts.push(rest);
        break;
      }
      // At the last space that leaves something on this line; a word longer than a line is cut where it no longer fits.
      const space = rest.lastIndexOf(' ', fits);
      const cut = space > 0 && rest.slice(0, space).trim() !== '' ? space : fits;
      texts.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
  }
  return texts;
}

/** The length (in UTF-16 code units) of the longest start of `text` that is at most `maxBytes` in UTF-8, whole code points only. */
function fittingPrefix(text: string, maxBytes: number): number {
  let bytes = 0;
  let length = 0;
  for (const char of text) {
    bytes += utf8Bytes(char.codePointAt(0)!);
    if (bytes > maxBytes) break;
    length += char.length;
  }
  return length;
}
