import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { percentEncode } from '../render/percent-encode.js';
import { byteLength, truncate } from '../render/truncate.js';
import type { HttpRequest, Reply } from '../transport/wire.js';
import { builtOnFirstUse, destinationSchema, templateFor, type BuildInput, type Destination, type Verdict } from './destination.js';
import { signedAwsPost } from './shared/aws-request.js';
import { defaultSubject, defaultText } from './shared/mail-content.js';
import { parseRetryAfter } from '../transport/retry-after.js';

/** Publish's limits (docs.aws.amazon.com/sns/latest/api/API_Publish.html): the message with its attributes, the subject. */
export const SNS_LIMITS = { messageBytes: 256 * 1024, subject: 100, attributes: 10 };

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** arn:aws:sns:<region>:<account>:<name>, in any partition (aws, aws-cn, aws-us-gov). */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:[A-Za-z0-9_-]{1,256}$/;

/** Why a message attribute name is refused: letters, digits, _ - and . (not first, last, nor twice in a row), not AWS. or Amazon. */
function attributeNameProblem(name: string): string | undefined {
  if (!/^(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/.test(name)) {
    return 'an attribute name must be 1 to 256 letters, digits, _, - or . (not first, last or twice in a row)';
  }
  if (/^(aws|amazon)\./i.test(name)) return 'an attribute name must not start with AWS. or Amazon. (reserved)';
  return undefined;
}

const messageAttributes = z.record(z.string(), z.string()).superRefine((attributes, ctx) => {
  for (const name of Object.keys(attributes)) {
    const problem = attributeNameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', path: [name], message: problem });
  }
  if (Object.keys(attributes).length > SNS_LIMITS.attributes) ctx.addIssue({ code: 'custom', message: `at most ${SNS_LIMITS.attributes} attributes` });
});

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'sns',
    {
      topic_arn: z
        .string()
        .trim()
        // A FIFO topic needs a MessageGroupId (and a deduplication id) on every Publish: not supported yet.
        .refine((arn) => !arn.endsWith('.fifo'), 'is a FIFO topic, which Herald does not publish to yet (it needs a MessageGroupId)')
        .regex(TOPIC_ARN, 'must be an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:ci-notifications')
        .describe('ARN of the standard (not FIFO) topic to publish to: arn:aws:sns:<region>:<account>:<name>.'),
      access_key_id: z.string().trim().min(1).describe('Access key id of a user or role allowed sns:Publish on the topic. Masked.'),
      secret_access_key: z.string().min(1).describe('Its secret key. Masked.'),
      session_token: z.string().min(1).optional().describe('Session token of temporary credentials (STS, OIDC). Masked.'),
      region: z
        .string()
        .regex(REGION, 'must be an AWS region such as us-east-1 or eu-west-1')
        .optional()
        .describe("The topic's region; by default the one in topic_arn."),
      message_attributes: messageAttributes
        .optional()
        .describe('Message attributes, name: value, each sent as a String attribute (for subscription filter policies). At most 10.'),
      api_url: httpUrl
        .optional()
        .describe('Another endpoint: a VPC endpoint, a proxy, LocalStack (default https://sns.{region}.amazonaws.com).'),
    },
    { subject: 'text', text: 'text' },
    {
      subject:
        'Template for the Subject (what e-mail subscribers see): made printable ASCII on one line, cut at 100 characters. ' +
        'Default: [owner/repo] <title> (#<run number>).',
      text: 'Template for the Message; values as they are. Default: the one-line story, the facts and the link to the run.',
    },
  ),
);
export type SnsConfig = z.infer<ReturnType<typeof schema>>;

/** The region a topic lives in: the region field, else the one in its ARN. */
export const snsRegion = (config: Pick<SnsConfig, 'region' | 'topic_arn'>): string => config.region ?? TOPIC_ARN.exec(config.topic_arn)![1]!;

/** Amazon SNS Publish (Query API, form-encoded), signed with SigV4 (aws4): one message to the topic. */
export const sns: Destination<SnsConfig> = {
  type: 'sns',
  get schema() {
    return schema();
  },
  secrets: (config) => [config.access_key_id, config.secret_access_key, config.session_token ?? ''],
  build(config, input): HttpRequest[] {
    const region = snsRegion(config);
    const body = formEncode(publishParameters(config, input));
    const url = new URL((config.api_url ?? `https://sns.${region}.amazonaws.com`).replace(/\/*$/, '/'));
    return [signedAwsPost(url, 'sns', region, 'application/x-www-form-urlencoded; charset=utf-8', body, config)];
  },
  interpret: interpretSnsReply,
};

/** The Publish parameters in the order they are sent. */
export function publishParameters(config: SnsConfig, input: BuildInput): [string, string][] {
  const template = (field: 'subject' | 'text') => {
    const value = templateFor({ ...config }, input.trigger, field);
    return value === undefined ? undefined : input.render(value, 'text', field);
  };
  const subject = snsSubject(template('subject') ?? defaultSubject(input));
  const attributes = Object.entries(config.message_attributes ?? {}).flatMap(([name, value], i): [string, string][] => [
    [`MessageAttributes.entry.${i + 1}.Name`, name],
    [`MessageAttributes.entry.${i + 1}.Value.DataType`, 'String'],
    [`MessageAttributes.entry.${i + 1}.Value.StringValue`, value],
  ]);
  // The 256 KB limit counts the message and the attributes (names, types, values) together.
  const attributeBytes = attributes.reduce((sum, [, value]) => sum + byteLength(value), 0);
  const text = cutToBytes(template('text') ?? defaultText(input), SNS_LIMITS.messageBytes - attributeBytes - 1024);
  return [
    ['Action', 'Publish'],
    ['Version', '2010-03-31'],
    ['TopicArn', config.topic_arn],
    // SNS refuses an empty Message.
    ['Message', text === '' ? ' ' : text],
    ...(subject ? [['Subject', subject] as [string, string]] : []),
    ...attributes,
  ];
}

/**
 * A Subject SNS accepts: printable ASCII only (accents dropped, "café" is "cafe"; emoji and other characters removed),
 * one line, spaces collapsed, at most 100 characters with "..." when cut; empty when nothing is left (then none is sent).
 */
export function snsSubject(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  return ascii.length <= SNS_LIMITS.subject ? ascii : `${ascii.slice(0, SNS_LIMITS.subject - 3).trimEnd()}...`;
}

/** `text` cut (with an ellipsis) so that its UTF-8 form fits in `max` bytes. */
function cutToBytes(text: string, max: number): string {
  if (byteLength(text) <= max) return text;
  // A character is at most 4 bytes (2 code units): start where it must fit, shrink until it does.
  let length = Math.floor(max / 2);
  while (length > 0 && byteLength(truncate(text, length)) > max) length = Math.floor(length * 0.9);
  return truncate(text, length);
}

/** application/x-www-form-urlencoded as the AWS Query API signs it: RFC 3986 encoding (%20, never +). */
export function formEncode(parameters: [string, string][]): string {
  return parameters.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}

/** The error codes that mean "too fast, ask again" (the AWS SDK retries them as throttling). */
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'Throttled', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'KMSThrottling']);

/** Without a Retry-After, a throttled request is tried again after this long. */
const THROTTLED_WAIT_MS = 1000;

const XML_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The text of the first <name> element, entities decoded; undefined when there is none. */
function xmlText(xml: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
  if (!match) return undefined;
  return match[1]!
    .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name: string) => {
      if (name.startsWith('#x')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
      return XML_ENTITIES[name] ?? entity;
    })
    .trim();
}

/**
 * A 200 PublishResponse (with its MessageId) is a delivery. An ErrorResponse is a failure in SNS's words, "SNS error
 * AuthorizationError: ... (HTTP 403)"; Throttling is retried after Retry-After or a second, other client errors are not
 * (a 5xx is retried anyway). An answer without <Code> (a proxy's page) is left to the transport's wording.
 */
export function interpretSnsReply(reply: Reply): Verdict {
  if (reply.code === null || (reply.code >= 200 && reply.code < 300)) return {};
  const code = xmlText(reply.body, 'Code');
  if (!code) return {};
  const message = xmlText(reply.body, 'Message');
  const error = `SNS error ${code}${message ? `: ${message}` : ''} (HTTP ${reply.code})`;
  if (!THROTTLING.has(code)) return { error };
  return { error, retryAfterMs: parseRetryAfter(reply.headers?.['retry-after']) ?? THROTTLED_WAIT_MS };
}
