import { z } from 'zod';
import { builtOnFirstUse, destinationSchema, type Destination } from './destination.js';
import { attachmentPost } from './attachment-message.js';
import { httpUrl, serviceError } from './chat-request.js';
import { hookKey } from './hook-key.js';

/** Rocket.Chat's default Message_MaxAllowedSize. */
const TEXT_LIMIT = 5000;

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'rocketchat',
    {
      url: httpUrl,
      username: z.string().min(1).optional(),
      icon_url: httpUrl.optional(),
      /** Self-hosted servers with an internal CA (AWX's rocketchat_no_verify_ssl). */
      insecure_skip_verify: z.boolean().default(false),
    },
    { text: 'markdown', payload: 'json' },
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
