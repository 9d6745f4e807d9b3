import { z } from 'zod';

/** An http(s) URL field. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** A string holding a `${NAME}`, which Herald fills in before validating: any field may hold one (for the JSON Schema). */
export const HOLDS_VARIABLE = { type: 'string', pattern: '\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\}' };

/**
 * An http(s) URL whose path and query may hold template tags (checked with the destination's delimiters, which this
 * field cannot see: see shared/templated-request.ts). For editors: a URL, one with a tag after its host, or a ${NAME}.
 */
export const templatedHttpUrl = z.string().meta({
  anyOf: [{ format: 'uri' }, { pattern: '^https?://[^/?#]+[/?#].*(<<|\\{\\{)' }, HOLDS_VARIABLE],
});

/** One value or a list of them: `to: ops@example.com` is `to: [ops@example.com]`. */
export const oneOrList = <T extends z.ZodType>(list: T) => z.preprocess((value) => (typeof value === 'string' ? [value] : value), list);

/** One value or a non-empty list of them: `to: hooks` is `to: [hooks]`. Problems with a single value are reported at the value. */
export const oneOrMany = <T extends z.ZodType>(item: T, empty: string) => oneOrList(z.array(item).min(1, empty));
