import { z } from 'zod';
import { truncate } from '../render/truncate.js';
import { destinationSchema, type Destination, type Reply, type Verdict } from './destination.js';
import { messageAttachment } from './attachment-message.js';
import { httpUrl, postJson, renderPayload, renderText, replyJson } from './chat-request.js';
import { hookKey } from './hook-key.js';

/** Rocket.Chat's default Message_MaxAllowedSize. */
const TEXT_LIMIT = 5000;

const schema = destinationSchema(
  'rocketchat',
  {
    url: httpUrl,
    username: z.string().min(1).optional(),
    icon_url: httpUrl.optional(),
  },
  ['text', 'payload'],
);
export type RocketChatConfig = z.infer<typeof schema>;

/** A Rocket.Chat incoming webhook (AWX's fields): a coloured attachment with the facts. */
export const rocketchat: Destination<RocketChatConfig> = {
  type: 'rocketchat',
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
        ...(config.icon_url !== undefined && { icon_url: config.icon_url }),
        attachments: [messageAttachment(input.message)],
      }),
    ];
  },
  interpret(reply: Reply): Verdict {
    if (reply.code === null || (reply.code >= 200 && reply.code < 300)) return {};
    const json = replyJson(reply);
    const message = json?.error ?? json?.message;
    return typeof message === 'string' ? { error: `Rocket.Chat error: ${message} (HTTP ${reply.code})` } : {};
  },
};
