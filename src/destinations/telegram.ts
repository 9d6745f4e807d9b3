import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { failedJobsLabel, type Fact, type Message } from '../message.js';
import { failedJobList } from '../render/failed-job-lines.js';
import { escapeHtml, escapeMarkdownV2, escapeMarkdownV2Url } from '../render/escape.js';
import { TemplateError } from '../render/template.js';
import { truncate, truncateEscaped } from '../render/truncate.js';
import { builtOnFirstUse, destinationSchema, type BuildInput, type Destination, type Verdict } from './destination.js';
import type { Outbound, Reply } from '../transport/wire.js';
import { CHAT_PAYLOAD, postJson, renderPayload, renderText, replyJson } from './shared/chat-request.js';
import { secretUrl } from '../secrets.js';

/** sendMessage's limit on `text` (core.telegram.org/bots/api#sendmessage), counted here on the markup, which is never shorter. */
export const TELEGRAM_LIMITS = { text: 4096, title: 256, factValue: 1000, failedJobs: 1500 };

type ParseMode = 'HTML' | 'MarkdownV2';

/**
 * A numeric chat id (-1001234567890; YAML reads a bare one as a number) or a public @channelname. Strings are only
 * checked for spaces: `herald preview` fills an unset ${TELEGRAM_CHAT_ID} with a stand-in that must pass.
 */
const chatId = z.union([
  z.number().int(),
  z.string().regex(/^\S+$/, 'must be a chat id (-1001234567890) or a public @channelname, without spaces'),
]);

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'telegram',
    {
      bot_token: z
        .string()
        .regex(/^\S+$/, 'must be a bot token from @BotFather, like 123456789:AAH..., without spaces')
        .describe('Bot token from @BotFather (123456789:AAH...). A secret: it sits in the URL path, which is masked too.'),
      chat_ids: z
        .preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(chatId).min(1, 'needs at least one chat id'))
        .describe('Chat ids (-1001234567890) or public @channelnames, one or a list. One sendMessage per chat.'),
      parse_mode: z
        .enum(['HTML', 'MarkdownV2'])
        .default('HTML')
        .describe('How Telegram reads the text, HTML or MarkdownV2; values in text are escaped for it.'),
      message_thread_id: z.number().int().positive().optional().describe('Topic of a forum supergroup to post in.'),
      disable_notification: z.boolean().optional().describe('true sends silently: members get no sound.'),
      api_url: httpUrl
        .default('https://api.telegram.org')
        .describe('Base of the Bot API, for a local Bot API server, a proxy or tests.'),
    },
    { text: (config) => (config.parse_mode === 'MarkdownV2' ? 'markdownv2' : 'html'), payload: 'json' },
    {
      text: 'Template for the whole message text, replacing the default. Values are escaped for parse_mode.',
      payload: `${CHAT_PAYLOAD} chat_id is set per chat.`,
    },
  ),
);
export type TelegramConfig = z.infer<ReturnType<typeof schema>>;

const methodUrl = (config: TelegramConfig, method: string): string => `${config.api_url.replace(/\/+$/, '')}/bot${config.bot_token}/${method}`;
const sendMessageUrl = (config: TelegramConfig): string => methodUrl(config, 'sendMessage');

/** sendMessage's fields that editMessageText does not take: an edit stays where and how the message was posted. */
const SEND_ONLY = ['message_thread_id', 'disable_notification', 'protect_content', 'reply_parameters', 'message_effect_id', 'allow_paid_broadcast'];

/** Telegram's Bot API: sendMessage to each chat, the default message in HTML or MarkdownV2. */
export const telegram: Destination<TelegramConfig> = {
  type: 'telegram',
  get schema() {
    return schema();
  },
  // The URL, its path /bot<token>/sendMessage (what an error page echoes) and the token.
  secrets: (config) => [...secretUrl(sendMessageUrl(config)), config.bot_token],
  build(config, input) {
    const payload = renderPayload(config, input);
    const message: unknown = payload === undefined ? telegramMessage(config, input) : JSON.parse(payload);
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      throw new TemplateError('in payload: sendMessage needs a JSON object');
    }
    return config.chat_ids.map((chat): Outbound => {
      const label = String(chat);
      const earlier = input.previous?.[label];
      if (earlier?.message_id === undefined) {
        const body = payload === undefined ? { chat_id: chat, ...message } : { ...message, chat_id: chat };
        return postJson(sendMessageUrl(config), body, { label });
      }
      const edit = Object.fromEntries(Object.entries(message).filter(([field]) => !SEND_ONLY.includes(field)));
      const body = { ...edit, chat_id: earlier.chat_id ?? chat, message_id: earlier.message_id };
      return postJson(methodUrl(config, 'editMessageText'), body, { label });
    });
  },
  interpret: interpretTelegramReply,
};

/** editMessageText's refusals that a new message gets round: the message is gone, or too old or not the bot's. */
const EDIT_REFUSALS = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;

/**
 * Every answer is {"ok": bool}; a refusal has error_code and description, a 429 parameters.retry_after (seconds). A
 * message sent or edited is kept by its chat and message ids.
 */
export function interpretTelegramReply(reply: Reply): Verdict {
  const json = replyJson(reply);
  const sent = json?.result;
  if (json?.ok === true && typeof sent?.message_id === 'number') {
    return { keep: { ...(sent.chat?.id !== undefined && { chat_id: sent.chat.id }), message_id: sent.message_id } };
  }
  if (json?.ok !== false) return {};
  const code = json.error_code ?? reply.code;
  const description = String(json.description ?? 'unknown');
  const verdict: Verdict = { error: `Telegram error${code ? ` ${code}` : ''}: ${description}` };
  if (EDIT_REFUSALS.test(description)) verdict.fallback = true;
  const retryAfter = Number(json.parameters?.retry_after);
  if (reply.code === 429 && Number.isFinite(retryAfter) && retryAfter >= 0) verdict.retryAfterMs = Math.ceil(retryAfter * 1000);
  return verdict;
}

/** The sendMessage fields other than chat_id: the `text` template or the default message. */
export function telegramMessage(config: TelegramConfig, input: BuildInput) {
  const text = renderText(config, input, config.parse_mode === 'MarkdownV2' ? 'markdownv2' : 'html');
  return {
    text: text === undefined ? telegramText(input.message, config.parse_mode) : cutMarkup(text, TELEGRAM_LIMITS.text, config.parse_mode),
    parse_mode: config.parse_mode,
    // A message full of GitHub links would otherwise show a preview of the first one.
    link_preview_options: { is_disabled: true },
    ...(config.message_thread_id !== undefined && { message_thread_id: config.message_thread_id }),
    ...(config.disable_notification !== undefined && { disable_notification: config.disable_notification }),
  };
}

/** How each parse mode writes bold, a link and plain text. */
const MARKUP: Record<ParseMode, { escape: (text: string) => string; bold: (escaped: string) => string; link: (escaped: string, url: string) => string }> = {
  HTML: {
    escape: escapeHtml,
    bold: (escaped) => `<b>${escaped}</b>`,
    link: (escaped, url) => `<a href="${escapeHtml(url)}">${escaped}</a>`,
  },
  MarkdownV2: {
    escape: escapeMarkdownV2,
    bold: (escaped) => `*${escaped}*`,
    link: (escaped, url) => `[${escaped}](${escapeMarkdownV2Url(url)})`,
  },
};

/** Emoji and title in bold, the description, one line per fact (linked where it has a page), a link to the run. */
export function telegramText(message: Message, mode: ParseMode): string {
  const { escape, bold, link } = MARKUP[mode];
  const title = bold(truncateEscaped(`${message.emoji} ${message.title}`, TELEGRAM_LIMITS.title, escape));
  const description = message.description ? truncateEscaped(message.description, TELEGRAM_LIMITS.factValue, escape) : undefined;
  const labels = message.facts.map((fact) => `${bold(escape(`${fact.label}:`))} `);
  const linkOf = (fact: Fact) => (fact.url ? link('', fact.url).length : 0);
  const runLink = message.url ? link(escape('View run'), message.url) : undefined;
  const failed = message.failedJobs.length > 0 ? failedJobsText(message, mode) : undefined;
  const fixed = [title, description, failed, runLink].reduce((sum, part) => sum + (part?.length ?? 0) + 1, 0) +
    message.facts.reduce((sum, fact, i) => sum + labels[i]!.length + linkOf(fact) + 1, 0);
  const perValue = Math.min(TELEGRAM_LIMITS.factValue, Math.floor((TELEGRAM_LIMITS.text - fixed) / Math.max(1, message.facts.length)));
  const facts = message.facts.map((fact, i) => {
    const value = truncateEscaped(fact.value, Math.max(1, perValue), escape);
    return labels[i]! + (fact.url ? link(value, fact.url) : value);
  });
  return [title, description, ...facts, failed, runLink].filter((line) => line !== undefined).join('\n');
}

/** "Failed jobs:" in bold, then a line per job, its name linked to its page: "• build: Run tests". */
function failedJobsText(message: Message, mode: ParseMode): string {
  const { escape, bold, link } = MARKUP[mode];
  const heading = `${bold(escape(`${failedJobsLabel(message)}:`))}\n`;
  const linked = (text: string, url: string, max: number) => link(truncateEscaped(text, Math.max(1, max - link('', url).length), escape), url);
  return heading + failedJobList(message, TELEGRAM_LIMITS.failedJobs - heading.length, { escape, link: linked }, escape('• '));
}

/**
 * A rendered `text` template cut to `max` with an ellipsis, never inside an HTML tag or entity or after a MarkdownV2
 * backslash, so a long value does not leave a half escape that makes Telegram refuse the message.
 */
export function cutMarkup(text: string, max: number, mode: ParseMode): string {
  if (text.length <= max) return text;
  let cut = truncate(text, max).slice(0, -1);
  if (mode === 'HTML') cut = cut.replace(/<[^>]*$|&[#\w]*$/, '');
  else cut = cut.replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
  return `${cut}…`;
}
