import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { builtOnFirstUse, destinationSchema, type Destination, type Verdict } from './destination.js';
import type { HttpRequest, Reply } from '../transport/wire.js';
import { signedAwsPost } from './shared/aws-request.js';
import { composeMail, MAIL_TEMPLATE_DESCRIPTIONS, MAIL_TEMPLATES, mailAddressFields } from './shared/mail-content.js';
import { parseRetryAfter } from '../transport/retry-after.js';

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'ses',
    {
      access_key_id: z.string().trim().min(1).describe('Access key id of a user or role allowed ses:SendEmail. Masked.'),
      secret_access_key: z.string().min(1).describe('Its secret key. Masked.'),
      session_token: z.string().min(1).optional().describe('Session token of temporary credentials (STS, OIDC). Masked.'),
      region: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1 or eu-west-1')
        .default('us-east-1')
        .describe('The SES region where from is verified, e.g. eu-west-1.'),
      api_url: httpUrl
        .optional()
        .describe(
          'Another endpoint: a VPC endpoint, a proxy, LocalStack (default https://email.{region}.amazonaws.com). The path /v2/email/outbound-emails is added.',
        ),
      ...mailAddressFields,
    },
    MAIL_TEMPLATES,
    MAIL_TEMPLATE_DESCRIPTIONS,
  ),
);
export type SesConfig = z.infer<ReturnType<typeof schema>>;

const SEND_EMAIL_PATH = '/v2/email/outbound-emails';

/** E-mail through Amazon SES v2 SendEmail, signed with SigV4 (aws4): one message to all recipients. */
export const ses: Destination<SesConfig> = {
  type: 'ses',
  get schema() {
    return schema();
  },
  secrets: (config) => [config.access_key_id, config.secret_access_key, config.session_token ?? ''],
  build(config, input): HttpRequest[] {
    const content = composeMail(config, input);
    const utf8 = (data: string) => ({ Data: data, Charset: 'UTF-8' });
    const request = {
      FromEmailAddress: config.from,
      Destination: { ToAddresses: config.to, CcAddresses: config.cc, BccAddresses: config.bcc },
      ReplyToAddresses: config.reply_to,
      Content: {
        Simple: {
          Subject: utf8(content.subject),
          Body: {
            ...(content.text !== undefined && { Text: utf8(content.text) }),
            ...(content.html !== undefined && { Html: utf8(content.html) }),
          },
        },
      },
    };
    const body = JSON.stringify(request);
    const url = new URL(`${(config.api_url ?? `https://email.${config.region}.amazonaws.com`).replace(/\/+$/, '')}${SEND_EMAIL_PATH}`);
    return [signedAwsPost(url, 'ses', config.region, 'application/json', body, config)];
  },
  interpret: describeSesReply,
};

/**
 * The error types AWS SDKs retry as throttling (@smithy/service-error-classification) that SES v2 answers with: a 429
 * TooManyRequestsException, or a 400 for a sending rate or quota exceeded.
 */
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);

/** Without a Retry-After, a throttled request is tried again after this long (plus the retry backoff). */
const THROTTLED_WAIT_MS = 1000;

/**
 * SES's own words for a refusal: the error type (x-amzn-ErrorType, or __type/code in the body) and its message,
 * e.g. "SES 400 MessageRejected: Email address is not verified. ...". Throttling is retried, whatever the status.
 */
export function describeSesReply(reply: Reply): Verdict {
  if (reply.code !== null && reply.code >= 200 && reply.code < 300) return {};
  let parsed: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(reply.body);
    if (value && typeof value === 'object') parsed = value as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy's error page): the status and the raw body will do.
  }
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  // "MessageRejected", "MessageRejected:http://internal.amazon.com/...", "com.amazonaws.sesv2#MessageRejected"
  const type = (text(reply.headers?.['x-amzn-errortype']) ?? text(parsed.__type) ?? text(parsed.code) ?? '')
    .split(':')[0]!
    .split('#')
    .at(-1);
  const message = text(parsed.message) ?? text(parsed.Message) ?? (reply.body.trim() || undefined);
  const what = [type, message].filter(Boolean).join(': ');
  const error = `SES ${reply.code ?? ''}${what ? ` ${what}` : ''}`.trim();
  if (!type || !THROTTLING.has(type)) return { error };
  return { error, retryAfterMs: parseRetryAfter(reply.headers?.['retry-after']) ?? THROTTLED_WAIT_MS };
}
