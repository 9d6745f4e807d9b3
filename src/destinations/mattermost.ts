import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { builtOnFirstUse, destinationSchema, type Destination } from './destination.js';
import { attachmentPost } from './shared/attachment-message.js';
import { CHAT_PAYLOAD, serviceError } from './shared/chat-request.js';
import { hookKey } from './shared/hook-key.js';

/** Mattermost's post limit (16,383 characters). */
const TEXT_LIMIT = 16383;

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'mattermost',
    {
      url: httpUrl.describe('Incoming webhook URL (https://chat.example.com/hooks/KEY). The key is masked; the server stays visible.'),
      username: z
        .string()
        .min(1)
        .optional()
        .describe('Name to post as (needs "Enable integrations to override usernames"); the webhook\'s by default.'),
      channel: z.string().min(1).optional().describe("Channel to post to; the webhook's by default."),
      icon_url: httpUrl
        .optional()
        .describe('Icon to post with (needs "Enable integrations to override profile picture icons"); the webhook\'s by default.'),
      insecure_skip_verify: z
        .boolean()
        .default(false)
        .describe("Accept any TLS certificate (a self-hosted server with an internal CA; AWX's mattermost_no_verify_ssl)."),
    },
    { text: 'markdown', payload: 'json' },
    { text: 'Template for the message text above the attachment. Values are Markdown-escaped.', payload: CHAT_PAYLOAD },
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
