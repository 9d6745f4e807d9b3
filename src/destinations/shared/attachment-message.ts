import { failedJobsLabel, isSentence, type Message } from '../../message.js';
import { escapers } from '../../render/escape.js';
import { failedJobList } from '../../render/failed-job-lines.js';
import { markdownLink } from '../../render/markdown-link.js';
import { truncate } from '../../render/truncate.js';
import type { HttpRequest } from '../../transport/wire.js';
import type { BuildInput } from '../destination.js';
import { postJson, renderPayload, renderText } from './chat-request.js';

/** Cut long values here: both services take far more, but a 5,000-character commit message is not worth reading. */
const VALUE_LIMIT = 1000;

/**
 * The Slack-style message attachment that Mattermost and Rocket.Chat incoming webhooks both take: a colour bar, the title
 * linked to the run, and the facts as Markdown fields (values escaped, links kept).
 */
export function messageAttachment(message: Message) {
  return {
    fallback: truncate(`${message.emoji} ${message.line}`, 300),
    color: message.colour,
    title: truncate(`${message.emoji} ${message.title}`, 250),
    ...(message.url && { title_link: message.url }),
    ...(message.description && { text: markdownLink(message.description, undefined, VALUE_LIMIT) }),
    fields: [
      ...message.facts.map((fact) => ({
        short: !isSentence(fact),
        title: fact.label,
        value: markdownLink(fact.value, fact.url, VALUE_LIMIT),
      })),
      ...failedJobsField(message),
    ],
  };
}

/** The failed jobs as one long field, a line per job: "- [build](url): Run tests". */
function failedJobsField(message: Message) {
  if (message.failedJobs.length === 0) return [];
  const value = failedJobList(message, VALUE_LIMIT, { escape: escapers.markdown, link: markdownLink }, '- ');
  return [{ short: false, title: failedJobsLabel(message), value }];
}

type TemplateConfig = Parameters<typeof renderPayload>[0] & { insecure_skip_verify?: boolean };

/**
 * The POST of a Mattermost or Rocket.Chat incoming webhook: the user's payload template, or the user's `text` (Markdown
 * escaped, cut to `textLimit`), the set `fields` (username, channel, icon_url) and the attachment.
 */
export function attachmentPost(
  url: string,
  config: TemplateConfig,
  input: BuildInput,
  textLimit: number,
  fields: Record<string, string | undefined>,
): HttpRequest {
  const payload = renderPayload(config, input);
  const tls = { insecureSkipVerify: config.insecure_skip_verify ?? false };
  if (payload !== undefined) return postJson(url, payload, tls);
  const text = renderText(config, input, 'markdown');
  const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  return postJson(url, {
    ...(text !== undefined && { text: truncate(text, textLimit) }),
    ...set,
    attachments: [messageAttachment(input.message)],
  }, tls);
}
