import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { builtOnFirstUse, destinationSchema, type Destination } from './destination.js';
import { attachmentPost } from './shared/attachment-message.js';
import { CHAT_PAYLOAD, serviceError } from './shared/chat-request.js';
import { hookKey } from './shared/hook-key.js';

/** Rocket.Chat's default Message_MaxAllowedSize. */
const TEXT_LIMIT = 5000;

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'rocketchat',
    {
      url: httpUrl.describe('Incoming webhook URL (https://rocket.example.com/hooks/ID/TOKEN). ID and token are masked.'),
      username: z.string().min(1).optional().describe("Name to post as; the integration's by default."),
      icon_url: httpUrl.optional().describe("Avatar to post with; the integration's by default."),
      insecure_skip_verify: z
        .boolean()
        .default(false)
        .describe("Accept any TLS certificate (a self-hosted server with an internal CA; AWX's rocketchat_no_verify_ssl)."),
    },
    { text: 'markdown', payload: 'json' },
    { text: 'Template for the message text above the attachment. Values are Markdown-escaped.', payload: CHAT_PAYLOAD },
  ),
);
export type RocketChatConfig = z.infer<ReturnType<typeof schema>>;

/** A Rocket.Chat incoming webhook (AWX's fields): a coloured attachment with the facts. */
export const rocketchat: Destination<RocketChatConfig> = {
  type: 'rocketchat',
  get schema() {
    return schema();
  },
  secrets: (config) => hookKey(config.url),
  build(config, input) {
    return [attachmentPost(config.url, config, input, TEXT_LIMIT, { username: config.username, icon_url: config.icon_url })];
  },
  interpret: (reply) => serviceError(reply, 'Rocket.Chat', (json) => ({ message: json.error ?? json.message })),
};
