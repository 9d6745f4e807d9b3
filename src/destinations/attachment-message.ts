import type { Message } from '../message.js';
import { markdownLink } from '../render/markdown-link.js';
import { truncate } from '../render/truncate.js';

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
    fields: message.facts.map((fact) => ({
      short: fact.label !== 'Commit' && fact.label !== 'Pull request',
      title: fact.label,
      value: markdownLink(fact.value, fact.url, VALUE_LIMIT),
    })),
  };
}
