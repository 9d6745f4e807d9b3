import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { factOf, failedJobsLabel, failedJobText, listFailedJobs, type Message } from '../message.js';
import { escapers } from '../render/escape.js';
import { truncate, truncateEscaped } from '../render/truncate.js';
import { builtOnFirstUse, destinationSchema, type Destination } from './destination.js';
import { CHAT_PAYLOAD, colourNumber, postJson, renderPayload, renderText, serviceError } from './shared/chat-request.js';
import { secretUrl } from '../secrets.js';

/** Google Chat takes 4,096 characters of text; card text is kept short enough to read. */
export const GOOGLE_CHAT_LIMITS = { text: 4096, title: 200, value: 1000 };

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'googlechat',
    { webhook_url: httpUrl.describe('Space webhook URL (with its key and token). A secret.') },
    { text: 'googlechat', payload: 'json' },
    { text: 'Template for the message text above the card.', payload: CHAT_PAYLOAD },
  ),
);
export type GoogleChatConfig = z.infer<ReturnType<typeof schema>>;

/** A Google Chat space webhook: a cardsV2 card with the facts and a button to the run. */
export const googlechat: Destination<GoogleChatConfig> = {
  type: 'googlechat',
  get schema() {
    return schema();
  },
  secrets: (config) => secretUrl(config.webhook_url),
  build(config, input) {
    const body = renderPayload(config, input) ?? JSON.stringify(googleChatMessage(input.message, renderText(config, input, 'googlechat')));
    return [postJson(config.webhook_url, body)];
  },
  interpret: (reply) =>
    serviceError(reply, 'Google Chat', (json) => ({ message: json.error?.message, code: json.error?.status })),
};

const html = (text: string): string => escapers.html(text);

/** A #rrggbb colour as Google's Color message (floats 0..1). */
function rgb(hex: string) {
  const n = colourNumber(hex);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255, alpha: 1 };
}

export function googleChatMessage(message: Message, text: string | undefined) {
  const repository = factOf(message, 'repository')?.value;
  const widgets: object[] = message.description
    ? [{ textParagraph: { text: truncateEscaped(message.description, GOOGLE_CHAT_LIMITS.value, html) } }]
    : [];
  widgets.push(...message.facts.map((fact) => ({
    decoratedText: {
      topLabel: html(fact.label),
      text: truncateEscaped(fact.value, GOOGLE_CHAT_LIMITS.value, html),
      wrapText: true,
      ...(fact.url && { onClick: { openLink: { url: fact.url } } }),
    },
  })));
  if (message.url) {
    widgets.push({ buttonList: { buttons: [{ text: 'View run', color: rgb(message.colour), onClick: { openLink: { url: message.url } } }] } });
  }
  return {
    ...(text !== undefined && { text: truncate(text, GOOGLE_CHAT_LIMITS.text) }),
    cardsV2: [
      {
        cardId: 'herald-run',
        card: {
          header: {
            title: truncate(`${message.emoji} ${message.title}`, GOOGLE_CHAT_LIMITS.title),
            ...(repository && { subtitle: truncate(`${repository} · ${message.verb}`, GOOGLE_CHAT_LIMITS.title) }),
          },
          sections: [{ widgets }, ...failedJobsSection(message)],
        },
      },
    ],
  };
}

/** A section headed "Failed jobs", a row per job ("build: Run tests") that opens the job's page, then how many more. */
function failedJobsSection(message: Message): object[] {
  if (message.failedJobs.length === 0) return [];
  const { jobs, more } = listFailedJobs(message);
  const widgets: object[] = jobs.map((job) => ({
    decoratedText: {
      text: truncateEscaped(failedJobText(job), GOOGLE_CHAT_LIMITS.value, html),
      wrapText: true,
      ...(job.url && { onClick: { openLink: { url: job.url } } }),
    },
  }));
  if (more) widgets.push({ textParagraph: { text: html(more) } });
  return [{ header: failedJobsLabel(message), widgets }];
}
