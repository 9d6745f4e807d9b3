import { z } from 'zod';
import { truncate } from '../render/truncate.js';
import { destinationSchema, type Destination, type Reply, type Verdict } from './destination.js';
import { messageAttachment } from './attachment-message.js';
import { httpUrl, postJson, renderPayload, renderText, replyJson } from './chat-request.js';
import { hookKey } from './hook-key.js';

/** Mattermost's post limit (16,383 characters). */
const TEXT_LIMIT = 16383;

const schema = destinationSchema(
  'mattermost',
  {
    url: httpUrl,
    username: z.string().min(1).optional(),
    channel: z.string().min(1).optional(),
    icon_url: httpUrl.optional(),
  },
  ['text', 'payload'],
);
export type MattermostConfig = z.infer<typeof schema>;

/** A Mattermost incoming webhook (AWX's fields): a coloured attachment with the facts. */
export const mattermost: Destination<MattermostConfig> = {
  type: 'mattermost',
  schema,
  secrets: (config) => hookKey(config.url),
  build(config, input) {
    const payload = renderPayload(config, input);
    if (payload !== undefined) return [postJson(config.url, payload)];
    const text = renderText(config, input, 'markdown');
    return [
      postJson(config.url, {
        ...(text !== undefined && { text: truncate(text, TEXT_LIMIT) }),
        ...(config.username !== undefined && { username: config.username }),
        ...(config.channel !== undefined && { channel: config.channel }),
        ...(config.icon_url !== undefined && { icon_url: config.icon_url }),
        attachments: [messageAttachment(input.message)],
      }),
    ];
  },
  interpret(reply: Reply): Verdict {
    if (reply.code === null || (reply.code >= 200 && reply.code < 300)) return {};
    const message = replyJson(reply)?.message;
    return typeof message === 'string' ? { error: `Mattermost error: ${message} (HTTP ${reply.code})` } : {};
  },
};
