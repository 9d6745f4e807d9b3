/**
 * RFC 3986 percent-encoding: encodeURIComponent, plus `! ' ( ) *`, which it leaves as they are (a `)` would end a
 * Markdown link early; AWS's Query API signs them encoded).
 */
export const percentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
