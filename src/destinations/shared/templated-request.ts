import { httpUrl } from '../../config/fields.js';
import { headerSafe } from '../../render/escape.js';
import { checkTemplate, TemplateError, textBeforeFirstTag, type Delimiters } from '../../render/template.js';
import type { Render } from '../destination.js';

/**
 * A URL and headers whose values may be templates (Grafana OnCall's outgoing webhooks template both): values are
 * URL-encoded in the URL and kept to one line in a header, and the host is never templated, so where a request goes is
 * known when the config is loaded.
 */

/** The scheme and host (with port and user info), up to the `/`, `?` or `#` that must come before any tag. */
const LITERAL_ORIGIN = /^https?:\/\/[^/?#]+(?=[/?#])/i;

/** What a header name may be: an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** What a header value written in the config may not hold (a tab is allowed): a line break would start a new header. */
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** What is wrong with a `url` that may be a template, or undefined. */
export function urlTemplateProblem(url: string, delimiters: Delimiters): string | undefined {
  const problem = checkTemplate(url, 'url', delimiters);
  if (problem) return problem;
  const literal = textBeforeFirstTag(url, delimiters) ?? url;
  if (literal === url) return httpUrl.safeParse(url).success ? undefined : 'must be an http:// or https:// URL';
  const origin = LITERAL_ORIGIN.exec(literal)?.[0];
  if (origin === undefined || !httpUrl.safeParse(origin).success) {
    const [open, close] = delimiters.split(' ');
    return (
      `a template may only come after the host: write the scheme and host as they are, then /, ? or # and the tags ` +
      `(https://hooks.example.com/deploy/${open}branch${close}), so that where Herald sends is known before any value is filled in`
    );
  }
  return undefined;
}

/** Each header whose name or value is wrong, with what is wrong. */
export function headerTemplateProblems(headers: Record<string, string>, delimiters: Delimiters): { name: string; message: string }[] {
  return Object.entries(headers).flatMap(([name, value]) => {
    if (!HEADER_NAME.test(name)) {
      return [{ name, message: `"${name}" is not a header name: letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only, no spaces or colons` }];
    }
    const problem = headerValueProblem(value) ?? checkTemplate(value, 'header', delimiters);
    return problem ? [{ name, message: problem }] : [];
  });
}

/** What is wrong with a header value as written in the config (a secret pasted with its newline, say), or undefined. */
export function headerValueProblem(value: string): string | undefined {
  return LINE_BREAKING.test(value) ? 'holds a line break or another control character: a header value is one line of text' : undefined;
}

/**
 * The URL with its values filled in, URL-encoded. It is checked again after rendering: still http(s), still the host
 * the config names (the config check keeps tags after the host; this holds whatever a template does with delimiters).
 */
export function renderUrl(template: string, render: Render, delimiters: Delimiters): string {
  const literal = textBeforeFirstTag(template, delimiters) ?? template;
  if (literal === template) return template;
  const rendered = render(template, 'url', 'url');
  const expected = new URL(LITERAL_ORIGIN.exec(literal)?.[0] ?? template).origin;
  let origin: string | undefined;
  try {
    origin = new URL(rendered).origin;
  } catch {
    // Left undefined: reported below.
  }
  if (origin !== expected) throw new TemplateError(`in url: the rendered URL ${rendered} does not go to ${expected}, the host the config names`);
  return rendered;
}

/**
 * The headers with their values filled in, each one line of text (a value's CR, LF, NUL and other control characters
 * are spaces) and, where it is not ASCII, its UTF-8 bytes: what Node sends as they are (it refuses characters
 * beyond Latin-1) and what receivers decode.
 */
export function renderHeaders(headers: Record<string, string>, render: Render): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, template]) => [name, utf8Bytes(headerSafe(render(template, 'header', `headers.${name}`)).trim())]),
  );
}

/** The text's UTF-8 bytes, one character each (Latin-1): how a string becomes those bytes on the wire. */
const utf8Bytes = (text: string): string => (/[^\u0000-\u007f]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text);
