import { z } from 'zod';
import { oneOrList } from '../../config/fields.js';
import { failedJobsLabel, failedJobText, listFailedJobs, type Message } from '../../message.js';
import { escapers, htmlLink } from '../../render/escape.js';
import { templateFor, type BuildInput, type CommonConfig } from '../destination.js';

/** The template fields of every e-mail destination and their escaping, each overridable per trigger under `messages`. */
export const MAIL_TEMPLATES = { subject: 'text', body: 'text', html: 'html' } as const;

export const MAIL_TEMPLATE_DESCRIPTIONS = {
  subject: 'Template for the subject; values as they are, line breaks become spaces. Default: [owner/repo] <title> (#<run number>).',
  body: 'Template for the plain-text part; values as they are. With body or html, only the parts you write are sent.',
  html: 'Template for the HTML part; values are HTML-escaped. With body or html, only the parts you write are sent.',
};

/**
 * One address ("ops@example.com" or "CI <ci@example.com>"). Line breaks are refused here, so no config value can
 * start a header of its own.
 */
const address = z
  .string()
  .trim()
  .regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an e-mail address such as ops@example.com or "CI <ci@example.com>", on one line')
  .refine(
    (value) => !/[,;]/.test(value.replace(/"[^"]*"/g, '')) || value.split('@').length <= 2,
    'holds several addresses: write one address per list item, e.g. to: [a@example.com, b@example.com]',
  );

/** One address or a list of them. */
const addresses = oneOrList(z.array(address));

/** Sender and recipients, the same for SMTP and SES. */
export const mailAddressFields = {
  from: address.describe('Sender: ci@example.com or "CI <ci@example.com>". Also the envelope sender (MAIL FROM).'),
  to: addresses.pipe(z.array(address).min(1, 'needs at least one recipient')).describe('One recipient or a list.'),
  cc: addresses.default([]).describe('One address or a list.'),
  bcc: addresses.default([]).describe('One address or a list; they get the message but appear in no header.'),
  reply_to: addresses.default([]).describe('One address or a list, for the Reply-To header.'),
};

/** What every e-mail destination's config has: addresses and the three templates. */
export interface MailConfig extends Pick<CommonConfig, 'messages'> {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  reply_to: string[];
  subject?: string;
  body?: string;
  html?: string;
}

export interface MailContent {
  subject: string;
  /** Plain-text part; absent when only an `html` template is set. */
  text?: string;
  /** HTML part; absent when only a `body` template is set. */
  html?: string;
}

/**
 * Subject, text and HTML for this trigger. The defaults come from the Message; a `body` or `html` template replaces
 * both default parts, so a custom text never hides behind the default HTML that mail clients prefer.
 */
export function composeMail(config: MailConfig, input: BuildInput): MailContent {
  const template = (field: keyof typeof MAIL_TEMPLATES) => templateFor({ ...config }, input.trigger, field);
  const subjectTemplate = template('subject');
  const bodyTemplate = template('body');
  const htmlTemplate = template('html');
  const subject = oneLine(
    subjectTemplate === undefined ? defaultSubject(input) : input.render(subjectTemplate, 'text', 'subject'),
  );
  if (bodyTemplate === undefined && htmlTemplate === undefined) {
    return { subject, text: defaultText(input), html: defaultHtml(input) };
  }
  return {
    subject,
    ...(bodyTemplate !== undefined && { text: input.render(bodyTemplate, 'text', 'body') }),
    ...(htmlTemplate !== undefined && { html: input.render(htmlTemplate, 'html', 'html') }),
  };
}

/** A subject is one line: line breaks in a value (a commit message, say) become spaces. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ').trim();

/** "[octo/app] CI failed on main (#42)" */
export function defaultSubject({ message, vars }: BuildInput): string {
  const repository = vars.repository ? `[${vars.repository}] ` : '';
  const run = vars.runNumber ? ` (#${vars.runNumber})` : '';
  return `${repository}${message.title}${run}`;
}

/** The message's line, its facts one per line with their links, and the run's link. */
export function defaultText({ name, message }: BuildInput): string {
  const facts = message.facts.map((fact) => `${fact.label}: ${fact.value}${fact.url ? ` <${angleTarget(fact.url)}>` : ''}`);
  return [
    message.line,
    '',
    ...(message.description ? [message.description, ''] : []),
    ...facts,
    ...failedJobsText(message),
    ...(message.url ? ['', `View the run: ${message.url}`] : []),
    '',
    '-- ',
    `Sent by Herald (destination "${name}")`,
    '',
  ].join('\n');
}

/** A blank line, "Failed jobs:", a line per job with its link ("- build: Run tests <url>"), how many more. */
function failedJobsText(message: Message): string[] {
  if (message.failedJobs.length === 0) return [];
  const { jobs, more } = listFailedJobs(message);
  return [
    '',
    `${failedJobsLabel(message)}:`,
    ...jobs.map((job) => `- ${failedJobText(job)}${job.url ? ` <${angleTarget(job.url)}>` : ''}`),
    ...(more ? [more] : []),
  ];
}

/** A URL written as `<url>` in plain text: a `>` or a space in it would end it early. */
const angleTarget = (url: string): string => url.replace(/[<>\s]/g, encodeURIComponent);

/** The same as the text, as a small HTML page with inline styles (mail clients drop style sheets). */
export function defaultHtml({ name, message }: BuildInput): string {
  const h = escapers.html;
  const rows = message.facts
    .map(
      (fact) =>
        `<tr><th align="left" style="padding:2px 12px 2px 0;color:#57606a;font-weight:normal">${h(fact.label)}</th>` +
        `<td style="padding:2px 0">${htmlLink(fact.value, fact.url)}</td></tr>`,
    )
    .join('\n');
  const button = message.url
    ? `<p><a href="${h(message.url)}" style="display:inline-block;padding:6px 12px;background:${h(message.colour)};color:#ffffff;text-decoration:none;border-radius:4px">View the run</a></p>`
    : '';
  return `<!DOCTYPE html>
<html>
<body style="font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2328">
<div style="border-left:4px solid ${h(message.colour)};padding:4px 12px">
<h2 style="margin:0 0 8px;font-size:18px">${h(message.emoji)} ${h(message.line)}</h2>
${message.description ? `<p style="margin:0 0 8px">${h(message.description)}</p>\n` : ''}<table cellpadding="0" cellspacing="0" style="border-collapse:collapse">
${rows}
</table>
${failedJobsHtml(message)}${button}
</div>
<p style="color:#57606a;font-size:12px">Sent by Herald (destination &quot;${h(name)}&quot;)</p>
</body>
</html>
`;
}

/** "Failed jobs" and a list of them, each name linked to its page; empty when there are none. */
function failedJobsHtml(message: Message): string {
  if (message.failedJobs.length === 0) return '';
  const h = escapers.html;
  const { jobs, more } = listFailedJobs(message);
  const items = jobs.map((job) => `<li>${htmlLink(job.name, job.url)}${job.detail ? `: ${h(job.detail)}` : ''}</li>`);
  return `<p style="margin:8px 0 4px;font-weight:bold">${h(failedJobsLabel(message))}</p>
<ul style="margin:0 0 8px;padding-left:20px">
${[...items, ...(more ? [`<li style="color:#57606a">${h(more)}</li>`] : [])].join('\n')}
</ul>
`;
}

/** The message as a reader sees it: headers, then the text part (or the HTML when there is no text). */
export function readableMail(
  mail: { from: string; to: string[]; cc: string[]; bcc: string[]; replyTo: string[] },
  content: MailContent,
): string {
  const header = (name: string, values: string[]) => (values.length ? [`${name}: ${values.join(', ')}`] : []);
  const lines = [
    `From: ${mail.from}`,
    ...header('To', mail.to),
    ...header('Cc', mail.cc),
    ...header('Bcc', mail.bcc),
    ...header('Reply-To', mail.replyTo),
    `Subject: ${content.subject}`,
  ];
  const parts = [content.text !== undefined && 'text', content.html !== undefined && 'HTML'].filter(Boolean);
  lines.push(`Parts: ${parts.join(' and ')}`, '', content.text ?? content.html ?? '');
  return lines.join('\n');
}
