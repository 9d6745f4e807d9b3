import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { failedJobText, listFailedJobs, type Message } from '../message.js';
import type { TemplateVariables } from '../render/variables.js';
import { truncate } from '../render/truncate.js';
import { basicCredentials } from '../secrets.js';
import type { HttpRequest, Reply } from '../transport/wire.js';
import { builtOnFirstUse, destinationSchema, type BuildInput, type Destination, type Verdict } from './destination.js';
import { renderText, serviceError } from './shared/chat-request.js';

/**
 * One GSM-7 SMS segment (160 characters), what the default text aims at, and Twilio's limit on Body (1600 characters,
 * www.twilio.com/docs/messaging/api/message-resource), what a `text` template is cut to.
 */
export const TWILIO_LIMITS = { segment: 160, body: 1600 };

/**
 * A phone number: `+` and digits (E.164, +15551234567). YAML reads an unquoted +15551234567 as the number 15551234567,
 * so a positive integer is taken back as +15551234567.
 */
const phoneNumber = (what: string) =>
  z.preprocess(
    (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? `+${value}` : value),
    z.string().regex(/^\+\d{2,15}$/, `must be ${what} in E.164 form, a + and digits without spaces: +15551234567`),
  );

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'twilio',
    {
      account_sid: z
        .string()
        .regex(/^\S+$/, 'must be an Account SID (AC followed by 32 hex digits), without spaces')
        .describe('Account SID (AC...), the user name of the basic auth and part of the URL (AWX: account_sid).'),
      auth_token: z
        .string()
        .min(1)
        .describe('Auth token of the account (AWX: account_token). A secret.'),
      from_number: phoneNumber('a Twilio number')
        .describe('The Twilio number messages are sent from, E.164: +15551234567 (AWX: from_number).'),
      to_numbers: z
        .preprocess((value) => (Array.isArray(value) ? value : [value]), z.array(phoneNumber('a phone number')).min(1, 'needs at least one number'))
        .describe('Numbers to text, E.164 (+15551234567), one or a list (AWX: to_numbers). One message per number.'),
      api_url: httpUrl
        .default('https://api.twilio.com')
        .describe('Base of the REST API (a proxy or a test server); messages are POSTed to {api_url}/2010-04-01/Accounts/{account_sid}/Messages.json.'),
    },
    { text: 'text' },
    {
      text: `Template for the SMS text (Body), replacing the default one line; cut to ${TWILIO_LIMITS.body} characters.`,
    },
  ),
);
export type TwilioConfig = z.infer<ReturnType<typeof schema>>;

const messagesUrl = (config: TwilioConfig): string =>
  `${config.api_url.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.account_sid)}/Messages.json`;

/** Twilio's Programmable Messaging: one SMS per number, a form-encoded POST with basic auth. */
export const twilio: Destination<TwilioConfig> = {
  type: 'twilio',
  get schema() {
    return schema();
  },
  // The token, and the Authorization header made of it (what a proxy's error page may echo).
  secrets: (config) => [config.auth_token, ...basicCredentials(config.account_sid, config.auth_token)],
  build(config, input) {
    const url = messagesUrl(config);
    const [authorization] = basicCredentials(config.account_sid, config.auth_token);
    const text = twilioBody(config, input);
    return config.to_numbers.map(
      (to): HttpRequest => ({
        transport: 'http',
        method: 'POST',
        url,
        label: to,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: authorization },
        body: new URLSearchParams({ To: to, From: config.from_number, Body: text }).toString(),
      }),
    );
  },
  interpret: interpretTwilioReply,
};

/** 201 is a message queued; a refusal is {"code": 21211, "message": "The 'To' number ... is not a valid phone number.", "status": 400}. */
export function interpretTwilioReply(reply: Reply): Verdict {
  return serviceError(reply, 'Twilio', (json) => ({ message: json.message, code: json.code }));
}

/** The `text` template (cut to Twilio's 1600) or the default one line. */
export function twilioBody(config: TwilioConfig, input: BuildInput): string {
  const text = renderText(config, input, 'text');
  return text === undefined ? twilioText(input.message, input.vars) : truncate(text, TWILIO_LIMITS.body);
}

/**
 * The default SMS: the message's one line and the run's link, "CI failed on main in octo/app (#42) https://...", in one
 * 160-character segment where possible. Too long, the repository goes first (the link names it), then the title is cut
 * with "..." (the ellipsis character is not in the GSM alphabet and would make it a 70-character UCS-2 message). The
 * link is never cut: a cut link leads nowhere.
 */
export function twilioText(message: Message, vars: Pick<TemplateVariables, 'runNumber'>): string {
  const link = message.url ? ` ${message.url}` : '';
  const fits = (text: string) => text.length + link.length <= TWILIO_LIMITS.segment;
  const short = `${message.title}${vars.runNumber ? ` (#${vars.runNumber})` : ''}`;
  // What failed is worth more than the repository's name, which the link holds anyway.
  const failed = failedJobsShort(message);
  const candidates = failed ? [`${message.line}; ${failed}`, `${short}; ${failed}`, message.line, short] : [message.line, short];
  const fitting = candidates.find(fits);
  if (fitting !== undefined) return fitting + link;
  // A link too long for a segment of its own still gets 40 characters of title.
  const room = Math.max(40, TWILIO_LIMITS.segment - link.length);
  return cutGsm(short, room) + link;
}

/** "failed: build: Run tests", "failed: build: Run tests, and 2 more jobs"; empty when no job failed. */
function failedJobsShort(message: Message): string {
  const [first] = listFailedJobs(message, 1).jobs;
  if (!first) return '';
  const others = message.failedJobs.length - 1;
  return `failed: ${failedJobText(first)}${others > 0 ? `, and ${others} more job${others === 1 ? '' : 's'}` : ''}`;
}

/** `text` in at most `max` code units, ending in "..." when cut; a surrogate pair is never split. */
function cutGsm(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 3;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${text.slice(0, end).trimEnd()}...`;
}
