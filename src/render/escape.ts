import { percentEncode } from './percent-encode.js';

/**
 * How a value is written into a template, by where the rendered text lands: a JSON string, plain text, HTML, the
 * text of a chat message (Slack's mrkdwn, Markdown for Discord / Mattermost / Rocket.Chat, Google Chat's syntax, the
 * Markdown of a Teams Adaptive Card, Telegram's MarkdownV2; Telegram's HTML mode is `html`), IRC's one-line texts, a
 * URL's path or query (`url`), or an HTTP header's value (`header`).
 */
export type TemplateFormat = 'json' | 'text' | 'html' | 'slack' | 'markdown' | 'googlechat' | 'teams' | 'markdownv2' | 'irc' | 'url' | 'header';

/** C0 and C1 control characters and DEL: CR and LF would start a new header line, NUL ends it in some servers. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;

/** Text as one header line: every run of control characters (CR, LF, NUL, tab, ...) becomes one space. */
export const headerSafe = (text: string): string => text.replace(CONTROL_CHARACTERS, ' ');

const JSON_VALUE = Symbol('herald.json');

/**
 * A view of `value` in which every node renders as a JSON literal: `<<json.event.pull_request>>` inserts the object,
 * `<<json.prTitle>>` a quoted string, a path that leads nowhere `null` (like Grafana OnCall's `tojson`).
 */
export function jsonLiteralView(value: unknown): object {
  const isObject = value !== null && typeof value === 'object';
  const child = (prop: string) => (isObject && Object.hasOwn(value as object, prop) ? (value as Record<string, unknown>)[prop] : undefined);
  return new Proxy(
    {},
    {
      has: (_target, prop) => typeof prop === 'string',
      get: (_target, prop) => {
        if (prop === JSON_VALUE) return { value };
        if (prop === Symbol.toPrimitive) return () => toJson(value);
        return typeof prop === 'string' ? jsonLiteralView(child(prop)) : undefined;
      },
    },
  );
}

const toJson = (value: unknown): string => JSON.stringify(value === undefined ? null : value);

function jsonLiteral(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const holder = (value as Record<symbol, { value: unknown } | undefined>)[JSON_VALUE];
  return holder ? toJson(holder.value) : undefined;
}

/** Objects and arrays inserted with a plain tag render as their JSON text. */
function plain(value: unknown): string {
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or an attribute value: & < > " ' as entities. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** `<a href="url">text</a>` with both escaped, or the escaped text alone when there is no URL. */
export const htmlLink = (text: string, url?: string): string => (url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text));

/** Slack's three control characters; `<!channel>`, `<@U123>` and `<url|text>` need a raw `<`. */
const SLACK_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * A zero-width space after every `@` that starts a word, so `@everyone`, `@here`, `@channel`, `@all` and `@user` stay
 * readable but mention nobody (what discord.js's cleanContent does).
 */
export const breakMentions = (text: string): string => text.replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZERO_WIDTH_SPACE}`);

/** `[text](url)` is a link only with `](` adjacent; a zero-width space between them leaves the text as written. */
export const breakMarkdownLinks = (text: string): string => text.replace(/\](?=\()/g, `]${ZERO_WIDTH_SPACE}`);

/**
 * CommonMark lets a backslash escape any ASCII punctuation; these are the ones chat markdown acts on anywhere (with `[`
 * and `]` escaped, parentheses cannot form a link), and `#` where it would start a heading.
 */
const escapeMarkdown = (text: string): string => text.replace(/[\\`*_~|<>[\]]/g, '\\$&').replace(/^(\s*)#/gm, '$1\\#');

/**
 * Telegram's MarkdownV2 (core.telegram.org/bots/api#markdownv2-style): outside code and link targets every one of
 * these characters must be backslash-escaped, or the whole message is refused.
 */
export const escapeMarkdownV2 = (text: string): string => text.replace(/[_*[\]()~`>#+\-=|{}.!\\]/g, '\\$&');

/** A MarkdownV2 link target, the `(...)` of `[text](url)`: there only `)` and `\` must be escaped. */
export const escapeMarkdownV2Url = (url: string): string => url.replace(/[)\\]/g, '\\$&');

export const escapers: Record<TemplateFormat, (value: unknown) => string> = {
  /** JSON string content: the payload stays valid JSON whatever the value holds. */
  json: (value) => jsonLiteral(value) ?? JSON.stringify(plain(value)).slice(1, -1),
  text: (value) => jsonLiteral(value) ?? plain(value),
  html: (value) => escapeHtml(jsonLiteral(value) ?? plain(value)),
  /** Slack mrkdwn: &, < and > as entities, which Slack shows as the characters but never reads as a mention or link. */
  slack: (value) => (jsonLiteral(value) ?? plain(value)).replace(/[&<>]/g, (c) => SLACK_ESCAPES[c]!),
  /** Discord, Mattermost, Rocket.Chat: formatting characters backslash-escaped, mentions broken. */
  markdown: (value) => breakMentions(escapeMarkdown(jsonLiteral(value) ?? plain(value))),
  /** Google Chat text: `<users/all>` and `<url|text>` need a raw `<` directly before the name; a zero-width space breaks them. */
  googlechat: (value) => (jsonLiteral(value) ?? plain(value)).replace(/</g, `<${ZERO_WIDTH_SPACE}`),
  /** Teams: an Adaptive Card link is `[text](url)`; a zero-width space between `]` and `(` leaves it text. */
  teams: (value) => breakMarkdownLinks(jsonLiteral(value) ?? plain(value)),
  /** Telegram MarkdownV2: every special character backslash-escaped (Telegram HTML uses `html`). */
  markdownv2: (value) => escapeMarkdownV2(jsonLiteral(value) ?? plain(value)),
  /** IRC: each line of the template is a message, so a value's line breaks (and NUL) become spaces, never a new line. */
  irc: (value) => (jsonLiteral(value) ?? plain(value)).replace(/[\r\n\0]+/g, ' '),
  /**
   * A URL's path or query: RFC 3986 percent-encoding of everything but the unreserved characters, `/` included, so
   * a value is one path segment or one query value (`feat/a b&c` is `feat%2Fa%20b%26c`) and never a new one.
   */
  url: (value) => percentEncode(jsonLiteral(value) ?? plain(value)),
  /** An HTTP header's value: control characters as spaces, so no value can end the line and start a header. */
  header: (value) => headerSafe(jsonLiteral(value) ?? plain(value)),
};
