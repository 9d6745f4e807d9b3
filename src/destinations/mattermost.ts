import { z } from 'zod';
import { builtOnFirstUse, destinationSchema, type Destination } from './destination.js';
import { attachmentPost } from './attachment-message.js';
import { httpUrl, serviceError } from './chat-request.js';
import { hookKey } from './hook-key.js';

/** Mattermost's post limit (16,383 characters). */
const TEXT_LIMIT = 16383;

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'mattermost',
    {
      url: httpUrl,
      username: z.string().min(1).optional(),
      channel: z.string().min(1).optional(),
      icon_url: httpUrl.optional(),
      /** Self-hosted servers with an internal CA (AWX's mattermost_no_verify_ssl). */
      insecure_skip_verify: z.boolean().default(false),
    },
    { text: 'markdown', payload: 'json' },
  ),
);
export type MattermostConfig = z.infer<ReturnType<typeof schema>>;

/** A Mattermost incoming webhook (AWX's fields): a coloured attachment with the facts. */
export const mattermost: Destination<MattermostConfig> = {
  type: 'mattermost',
  get schema() {
    return schema();
  },
  secrets: (config) => hookKey(config.url),
  build(config, input) {
    return [attachmentPost(config.url, config, input, TEXT_LIMIT, { username: config.username, channel: config.channel, icon_url: config.icon_url })];
  },
  interpret: (reply) => serviceError(reply, 'Mattermost', (json) => ({ message: json.message })),
};
