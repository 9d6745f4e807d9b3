import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { COLOURS, factOf, failedJobsLabel, failedJobText, listFailedJobs, type Message } from '../message.js';
import { breakMarkdownLinks } from '../render/escape.js';
import { byteLength, truncate, truncateEscaped } from '../render/truncate.js';
import { builtOnFirstUse, destinationSchema, type BuildInput, type Destination } from './destination.js';
import { CHAT_PAYLOAD, postJson, renderPayload, renderText, serviceError } from './shared/chat-request.js';
import { secretUrl } from '../secrets.js';

/** Teams refuses a message over 28 KB; keep a margin for what the Workflow adds around the card. */
export const TEAMS_MAX_BYTES = 27 * 1024;

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'teams',
    {
      webhook_url: httpUrl.describe(
        'URL of a Teams Workflows (Power Automate) webhook ("Post to a channel when a webhook request is received"). A secret.',
      ),
    },
    { text: 'text', payload: 'json' },
    { text: "Template for a paragraph under the title. A value's Markdown link [text](url) is broken up.", payload: CHAT_PAYLOAD },
  ),
);
export type TeamsConfig = z.infer<ReturnType<typeof schema>>;

/** Microsoft Teams through a Workflows (Power Automate) webhook: an Adaptive Card 1.4 with the facts and links. */
export const teams: Destination<TeamsConfig> = {
  type: 'teams',
  get schema() {
    return schema();
  },
  secrets: (config) => secretUrl(config.webhook_url),
  build(config, input) {
    const body = renderPayload(config, input) ?? JSON.stringify(teamsMessage(input, renderText(config, input, 'teams')));
    return [postJson(config.webhook_url, body)];
  },
  interpret: (reply) => serviceError(reply, 'Teams', (json) => ({ message: json.error?.message, code: json.error?.code })),
};

/** Adaptive Card container styles for Message.colour, the nearest Teams has to a colour bar. */
const STYLES: Record<string, string> = {
  [COLOURS.started]: 'accent',
  [COLOURS.success]: 'good',
  [COLOURS.error]: 'attention',
  [COLOURS.fixed]: 'good',
  [COLOURS.broken]: 'attention',
  [COLOURS.approval]: 'warning',
  [COLOURS.cancelled]: 'emphasis',
};

/** The card wrapped as a Teams message; values are cut until the whole message fits in TEAMS_MAX_BYTES. */
export function teamsMessage(input: Pick<BuildInput, 'message'>, text?: string) {
  for (let limit = 2000; ; limit = Math.floor(limit / 2)) {
    const message = {
      type: 'message',
      attachments: [
        { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: adaptiveCard(input.message, text, limit) },
      ],
    };
    if (byteLength(JSON.stringify(message)) <= TEAMS_MAX_BYTES || limit < 20) return message;
  }
}

export function adaptiveCard(message: Message, text: string | undefined, limit: number) {
  // Card text is Markdown: a value's [text](url) is broken up, so only the card's own buttons link.
  const cut = (value: string) => truncateEscaped(value, limit, breakMarkdownLinks);
  const links = [
    { title: 'View run', url: message.url },
    { title: 'View commit', url: factOf(message, 'commit')?.url },
    { title: 'View pull request', url: factOf(message, 'pull_request')?.url },
  ].filter((link): link is { title: string; url: string } => Boolean(link.url));
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body: [
      {
        type: 'Container',
        style: STYLES[message.colour] ?? 'default',
        bleed: true,
        items: [{ type: 'TextBlock', text: cut(`${message.emoji} ${message.title}`), weight: 'Bolder', size: 'Medium', wrap: true }],
      },
      ...(message.description ? [{ type: 'TextBlock', text: cut(message.description), wrap: true }] : []),
      ...(text !== undefined ? [{ type: 'TextBlock', text: truncate(text, limit * 4), wrap: true }] : []),
      { type: 'FactSet', facts: message.facts.map((fact) => ({ title: fact.label, value: cut(fact.value) })) },
      ...failedJobItems(message, cut),
    ],
    actions: links.map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url })),
    msteams: { width: 'Full' },
  };
}

/**
 * The failed jobs under a heading, one row each ("build: Run tests") that opens the job's page when clicked (a
 * Container's selectAction: a Markdown link would need the name escaped, and Adaptive Card Markdown has no escape).
 */
function failedJobItems(message: Message, cut: (value: string) => string): object[] {
  if (message.failedJobs.length === 0) return [];
  const { jobs, more } = listFailedJobs(message);
  return [
    { type: 'TextBlock', text: failedJobsLabel(message), weight: 'Bolder', spacing: 'Medium', wrap: true },
    ...jobs.map((job) => ({
      type: 'Container',
      ...(job.url && { selectAction: { type: 'Action.OpenUrl', title: 'View job', url: job.url } }),
      items: [{ type: 'TextBlock', text: cut(failedJobText(job)), color: 'Attention', spacing: 'None', wrap: true }],
    })),
    ...(more ? [{ type: 'TextBlock', text: more, isSubtle: true, spacing: 'None', wrap: true }] : []),
  ];
}
