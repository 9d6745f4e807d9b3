import type { APIEmbed, APIEmbedField, RESTPostAPIWebhookWithTokenJSONBody } from 'discord-api-types/v10';
import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { failedJobsLabel, isSentence, type Message } from '../message.js';
import { escapers } from '../render/escape.js';
import { failedJobList } from '../render/failed-job-lines.js';
import { markdownLink } from '../render/markdown-link.js';
import { TemplateError } from '../render/template.js';
import { truncate } from '../render/truncate.js';
import { builtOnFirstUse, destinationSchema, type BuildInput, type Destination, type Verdict } from './destination.js';
import type { Reply } from '../transport/wire.js';
import { CHAT_PAYLOAD, colourNumber, postJson, renderPayload, renderText, replyJson, serviceError } from './shared/chat-request.js';
import { secretUrl } from '../secrets.js';

/** Discord's message and embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = { content: 2000, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, embed: 6000, username: 80 };

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'discord',
    {
      webhook_url: httpUrl.describe('Channel webhook URL. A secret.'),
      username: z
        .string()
        .min(1)
        .max(DISCORD_LIMITS.username)
        .optional()
        .describe("Name to post as (at most 80 characters); the webhook's name by default."),
      avatar_url: httpUrl.optional().describe("Avatar to post with; the webhook's avatar by default."),
    },
    { text: 'markdown', payload: 'json' },
    { text: 'Template for content, the text above the embed. Values are Markdown-escaped.', payload: CHAT_PAYLOAD },
  ),
);
export type DiscordConfig = z.infer<ReturnType<typeof schema>>;

/** Mentions are never parsed, whatever a commit message holds. */
const NO_MENTIONS = { parse: [] as [] };

/** A Discord channel webhook: an embed coloured by trigger, with `allowed_mentions` that pings nobody. */
export const discord: Destination<DiscordConfig> = {
  type: 'discord',
  get schema() {
    return schema();
  },
  secrets: (config) => secretUrl(config.webhook_url, 1),
  build(config, input) {
    const payload = renderPayload(config, input);
    const messageId = input.previous?.['']?.message_id;
    const send = (body: string | object) =>
      messageId === undefined ? postJson(webhookUrl(config.webhook_url, 'wait'), body) : editRequest(config.webhook_url, String(messageId), body);
    if (payload === undefined) return [send(discordMessage(config, input))];
    const message: unknown = JSON.parse(payload);
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      throw new TemplateError('in payload: a Discord webhook needs a JSON object');
    }
    // A payload that says nothing about mentions gets none; one that sets allowed_mentions is sent as written.
    return [send('allowed_mentions' in message ? payload : { ...message, allowed_mentions: NO_MENTIONS })];
  },
  interpret: interpretDiscordReply,
};

/**
 * The webhook URL with `?wait=true` (Discord then answers with the message, whose id a later step edits, and says so
 * when it could not save it), or with /messages/{id} for an edit; a thread_id in the URL stays.
 */
function webhookUrl(webhook: string, to: 'wait' | { messageId: string }): string {
  // By hand rather than with URL, which would rewrite the URL (a :443, an escape) so that its masking no longer matches.
  const [path, query] = webhook.split(/\?(.*)/s, 2) as [string, string | undefined];
  if (to === 'wait') return `${webhook}${query === undefined ? '?' : '&'}wait=true`;
  return `${path.replace(/\/+$/, '')}/messages/${encodeURIComponent(to.messageId)}${query === undefined ? '' : `?${query}`}`;
}

/** PATCH /webhooks/{id}/{token}/messages/{message_id}, without the fields only a new message takes. */
function editRequest(webhook: string, messageId: string, body: string | object) {
  const { username: _username, avatar_url: _avatar, tts: _tts, thread_name: _thread, ...edit } =
    (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
  return postJson(webhookUrl(webhook, { messageId }), edit, { method: 'PATCH' });
}

/** Discord's codes for an edit that a new message gets round: Unknown Message, a message by another author. */
const EDIT_REFUSALS = [10008, 50005];

/**
 * A 429 carries retry_after (seconds, a float) in its body; other errors carry {message, code}. A message Discord
 * answers with (`?wait=true`, an edit) is kept by its id.
 */
export function interpretDiscordReply(reply: Reply): Verdict {
  const verdict = serviceError(reply, 'Discord', (json) => ({ message: json.message, code: json.code }));
  const json = replyJson(reply);
  const retryAfter = Number(json?.retry_after);
  if (reply.code === 429 && Number.isFinite(retryAfter) && retryAfter >= 0) verdict.retryAfterMs = Math.ceil(retryAfter * 1000);
  if (EDIT_REFUSALS.includes(json?.code)) verdict.fallback = true;
  const ok = reply.code !== null && reply.code >= 200 && reply.code < 300;
  if (ok && typeof json?.id === 'string') verdict.keep = { message_id: json.id };
  return verdict;
}

export function discordMessage(config: DiscordConfig, input: BuildInput): RESTPostAPIWebhookWithTokenJSONBody {
  const text = renderText(config, input, 'markdown');
  return {
    ...(text !== undefined && { content: truncate(text, DISCORD_LIMITS.content) }),
    ...(config.username !== undefined && { username: config.username }),
    ...(config.avatar_url !== undefined && { avatar_url: config.avatar_url }),
    embeds: [discordEmbed(input.message, input.vars.timestamp)],
    allowed_mentions: NO_MENTIONS,
  };
}

/** Title linked to the run, facts as fields; values are cut so the embed stays under 6000 characters in all. */
export function discordEmbed(message: Message, timestamp: string): APIEmbed {
  const title = truncate(`${message.emoji} ${message.title}`, DISCORD_LIMITS.title);
  const failed = failedJobsField(message);
  const facts = message.facts.slice(0, DISCORD_LIMITS.fields - (failed ? 1 : 0));
  const names = facts.map((fact) => truncate(fact.label, DISCORD_LIMITS.fieldName));
  const description = message.description && markdownLink(message.description, undefined, DISCORD_LIMITS.description);
  const room = DISCORD_LIMITS.embed - title.length - (description?.length ?? 0) - names.reduce((sum, name) => sum + name.length, 0) -
    (failed ? failed.name.length + failed.value.length : 0);
  const perValue = Math.min(DISCORD_LIMITS.fieldValue, Math.floor(room / Math.max(1, facts.length)));
  const fields = facts.map((fact, i): APIEmbedField => {
    return { name: names[i]!, value: markdownLink(fact.value, fact.url, perValue), inline: !isSentence(fact) };
  });
  if (failed) fields.push(failed);
  return {
    title,
    ...(description && { description }),
    ...(message.url && { url: message.url }),
    color: colourNumber(message.colour),
    fields,
    ...(timestamp && { timestamp }),
  };
}

/** The failed jobs as one field, a line per job ("- [build](url): Run tests"); undefined when there are none. */
function failedJobsField(message: Message): APIEmbedField | undefined {
  if (message.failedJobs.length === 0) return undefined;
  const value = failedJobList(message, DISCORD_LIMITS.fieldValue, { escape: escapers.markdown, link: markdownLink }, '- ');
  return { name: failedJobsLabel(message), value, inline: false };
}
