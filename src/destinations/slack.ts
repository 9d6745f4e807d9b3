import type { KnownBlock, MessageAttachment } from '@slack/types';
import { z } from 'zod';
import { httpUrl, oneOrMany } from '../config/fields.js';
import { factOf, failedJobsLabel, type Fact, type Message } from '../message.js';
import { failedJobList } from '../render/failed-job-lines.js';
import { escapers } from '../render/escape.js';
import { TemplateError } from '../render/template.js';
import { truncate, truncateEscaped } from '../render/truncate.js';
import { builtOnFirstUse, destinationSchema, type BuildInput, type Destination, type MessageHandle, type Verdict } from './destination.js';
import type { Outbound, Reply } from '../transport/wire.js';
import { CHAT_PAYLOAD, postJson, renderPayload, renderText, replyJson } from './shared/chat-request.js';
import { secretUrl } from '../secrets.js';
import { parseRetryAfter } from '../transport/retry-after.js';

/** Block Kit's limits (docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = { blocks: 50, header: 150, sectionText: 3000, fields: 10, fieldText: 2000, buttonText: 75, url: 3000, text: 40000 };

const channelList = oneOrMany(z.string().min(1), 'needs at least one channel');

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'slack',
    {
      webhook_url: httpUrl.optional().describe('Incoming webhook URL (one of webhook_url or token). A secret: masked as **** everywhere.'),
      token: z
        .string()
        .min(1)
        .optional()
        .describe('Bot token (xoxb-...; one of webhook_url or token); Herald calls chat.postMessage with Authorization: Bearer. A secret.'),
      channels: channelList
        .optional()
        .describe('Channel names or IDs, one string or a list; required with token, not allowed with webhook_url. One request per channel.'),
      api_url: httpUrl
        .default('https://slack.com/api')
        .describe('Base of the Web API, for GovSlack (https://slack-gov.com/api), a proxy or tests.'),
      hex_color: z
        .string()
        .regex(/^#?[0-9a-fA-F]{6}$/, 'must be a colour like "#2eb886"')
        .optional()
        .describe("Colour of the attachment bar, #rrggbb; the outcome's colour by default."),
      username: z.string().min(1).optional().describe('Name to post as (bot tokens need chat:write.customize).'),
      icon_url: httpUrl.optional().describe('Icon to post with.'),
      icon_emoji: z.string().min(1).optional().describe('Icon to post with, as an emoji (:bell:).'),
      thread_replies: z
        .boolean()
        .default(false)
        .describe(
          'With token, when an error edits the earlier message (track-job, update-messages): also post it as a reply in ' +
            "that message's thread, since an edit notifies no one.",
        ),
    },
    { text: 'slack', payload: 'json' },
    {
      text: 'Template for the message text shown above the card (and in notifications). Values have &, < and > escaped, so they cannot mention or link.',
      payload: `${CHAT_PAYLOAD} With token, channel is set per channel.`,
    },
  ).superRefine((config, ctx) => {
    if (config.webhook_url !== undefined && config.token !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['token'],
        message: 'set either webhook_url (an incoming webhook) or token + channels (a bot token), not both',
      });
    } else if (config.webhook_url === undefined && config.token === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'needs webhook_url (an incoming webhook) or token + channels (a bot token posting with chat.postMessage)',
      });
    } else if (config.token !== undefined && config.channels === undefined) {
      ctx.addIssue({ code: 'custom', path: ['channels'], message: 'a bot token needs channels to post to, e.g. channels: ["#ci"]' });
    } else if (config.webhook_url !== undefined && config.channels !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels'],
        message: 'an incoming webhook posts to its own channel; channels needs token instead of webhook_url',
      });
    }
    if (config.webhook_url !== undefined && config.thread_replies) {
      ctx.addIssue({
        code: 'custom',
        path: ['thread_replies'],
        message: 'an incoming webhook cannot edit what it posted, so there is no thread to reply in; thread_replies needs token + channels',
      });
    }
  }),
);
export type SlackConfig = z.infer<ReturnType<typeof schema>>;

/** Slack: an incoming webhook, or a bot token posting with chat.postMessage to each channel. */
export const slack: Destination<SlackConfig> = {
  type: 'slack',
  get schema() {
    return schema();
  },
  secrets: (config) => [...(config.webhook_url ? secretUrl(config.webhook_url, 1) : []), config.token ?? ''],
  build(config, input) {
    const payload = renderPayload(config, input);
    const body = payload ?? JSON.stringify(slackMessage(config, input));
    if (config.webhook_url !== undefined) return [postJson(config.webhook_url, body)];
    const api = config.api_url.replace(/\/+$/, '');
    const headers = { Authorization: `Bearer ${config.token}` };
    const message: unknown = JSON.parse(body);
    if (message === null || typeof message !== 'object' || Array.isArray(message)) {
      throw new TemplateError('in payload: chat.postMessage needs a JSON object');
    }
    return (config.channels ?? []).flatMap((channel): Outbound[] => {
      const earlier = slackHandle(input.previous?.[channel]);
      if (!earlier) return [postJson(`${api}/chat.postMessage`, { ...message, channel }, { headers, label: channel })];
      // chat.update takes no username or icon: the message keeps the ones it was posted with.
      const { username: _username, icon_url: _url, icon_emoji: _emoji, ...edit } = message as Record<string, unknown>;
      const update = postJson(`${api}/chat.update`, { ...edit, ...earlier }, { headers, label: channel });
      if (!config.thread_replies || input.trigger !== 'error') return [update];
      const reply = { ...message, channel: earlier.channel, thread_ts: earlier.ts };
      return [update, postJson(`${api}/chat.postMessage`, reply, { headers, label: `${channel} (thread reply)` })];
    });
  },
  interpret: interpretSlackReply,
};

/** A kept chat.postMessage answer, when it has what chat.update needs. */
function slackHandle(handle: MessageHandle | undefined): { channel: string; ts: string } | undefined {
  return typeof handle?.channel === 'string' && typeof handle.ts === 'string' ? { channel: handle.channel, ts: handle.ts } : undefined;
}

/** chat.update's refusals that a new message gets round: the message is gone, or this token may not edit it. */
const EDIT_REFUSALS = ['message_not_found', 'cant_update_message', 'edit_window_closed', 'missing_scope'];

/**
 * chat.postMessage answers 200 {"ok":false,"error":"..."}; an incoming webhook answers 4xx with the code as text. A
 * message posted or updated with a token is kept by its channel and ts, a thread reply is not (it is never edited).
 */
export function interpretSlackReply(reply: Reply): Verdict {
  const json = replyJson(reply);
  if (json?.ok === false) {
    const error = `Slack error: ${String(json.error ?? 'unknown')}`;
    if (EDIT_REFUSALS.includes(json.error)) return { error, fallback: true };
    if (json.error !== 'ratelimited') return { error };
    return { error, retryAfterMs: parseRetryAfter(reply.headers?.['retry-after']) ?? 1000 };
  }
  if (json?.ok === true && typeof json.channel === 'string' && typeof json.ts === 'string' && json.message?.thread_ts === undefined) {
    return { keep: { channel: json.channel, ts: json.ts } };
  }
  if (reply.code !== null && reply.code >= 400 && /^[a-z_]{2,64}$/.test(reply.body.trim())) {
    return { error: `Slack error: ${reply.body.trim()} (HTTP ${reply.code})` };
  }
  return {};
}

const mrkdwn = (text: string): string => escapers.slack(text);
/** What would end a `<url|text>` link early (`>`, `|`, a space) is percent-encoded. */
const linkTarget = (url: string): string => url.replace(/[<>|\s]/g, encodeURIComponent);

/** `<url|text>` with the text escaped and cut to `max` in all. */
function slackLink(text: string, url: string | undefined, max: number): string {
  if (!url) return truncateEscaped(text, max, mrkdwn);
  const target = linkTarget(url);
  return `<${target}|${truncateEscaped(text, Math.max(1, max - target.length - 3), mrkdwn)}>`;
}

const field = (fact: Fact, max: number): string => {
  const label = `*${mrkdwn(fact.label)}*\n`;
  return label + slackLink(fact.value, fact.url, max - label.length);
};

/** "*Failed jobs*", a bullet per job (its name linked to its page, then its failed steps), "and 2 more failed jobs". */
function failedJobsText(message: Message): string {
  const heading = `*${failedJobsLabel(message)}*\n`;
  return heading + failedJobList(message, SLACK_LIMITS.sectionText - heading.length, { escape: mrkdwn, link: slackLink }, '• ');
}

/** The default message: a coloured attachment with a header, the facts, the commit and a button to the run. */
export function slackMessage(config: SlackConfig, input: BuildInput) {
  const { message } = input;
  const text = renderText(config, input, 'slack');
  const blocks = slackBlocks(message);
  const attachment: MessageAttachment = {
    color: config.hex_color ? `#${config.hex_color.replace(/^#/, '')}` : message.colour,
    fallback: truncate(`${message.emoji} ${message.line}`, 300),
    blocks,
  };
  return {
    ...(text !== undefined && { text: truncate(text, SLACK_LIMITS.text) }),
    ...(config.username !== undefined && { username: config.username }),
    ...(config.icon_url !== undefined && { icon_url: config.icon_url }),
    ...(config.icon_emoji !== undefined && { icon_emoji: config.icon_emoji }),
    attachments: [attachment],
  };
}

export function slackBlocks(message: Message): KnownBlock[] {
  const commit = factOf(message, 'commit');
  const fields = message.facts.filter((fact) => fact !== commit).slice(0, SLACK_LIMITS.fields);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(`${message.emoji} ${message.title}`, SLACK_LIMITS.header), emoji: true } },
  ];
  if (message.description) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(message.description, SLACK_LIMITS.sectionText, mrkdwn) } });
  }
  if (fields.length > 0) {
    blocks.push({
      type: 'section',
      fields: fields.map((fact) => ({ type: 'mrkdwn', text: field(fact, SLACK_LIMITS.fieldText) })),
    });
  }
  if (commit) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: field(commit, SLACK_LIMITS.sectionText) } });
  if (message.failedJobs.length > 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: failedJobsText(message) } });
  if (message.url && message.url.length <= SLACK_LIMITS.url) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'View run', emoji: true }, url: message.url }],
    });
  }
  return blocks.slice(0, SLACK_LIMITS.blocks);
}
