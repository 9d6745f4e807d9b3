import { z } from 'zod';

/** An http(s) URL field. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** One value or a list of them: `to: ops@example.com` is `to: [ops@example.com]`. */
export const oneOrList = <T extends z.ZodType>(list: T) => z.preprocess((value) => (typeof value === 'string' ? [value] : value), list);

/** One value or a non-empty list of them: `to: hooks` is `to: [hooks]`. Problems with a single value are reported at the value. */
export const oneOrMany = <T extends z.ZodType>(item: T, empty: string) => oneOrList(z.array(item).min(1, empty));
