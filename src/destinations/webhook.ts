import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { basicCredentials, secretsInHeaders, secretsInUrl } from '../secrets.js';
import { builtOnFirstUse, destinationSchema, templateFor, type BuildInput, type Destination } from './destination.js';
import { genericPayload } from './shared/generic-payload.js';
import { tfcPayload, tfcSays } from './shared/tfc-payload.js';

const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS'] as const;
const PAYLOAD_FORMATS = ['generic-v1', 'terraform-cloud-v1'] as const;

/** Where each built-in payload signs, unless signature_header and signature_prefix say otherwise. */
const SIGNATURE_DEFAULTS = {
  'generic-v1': { header: 'X-Herald-Signature', prefix: 'sha512=' },
  // Terraform Cloud's generic notifications: the bare hex digest in X-TFE-Notification-Signature.
  'terraform-cloud-v1': { header: 'X-TFE-Notification-Signature', prefix: '' },
} as const;

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'webhook',
    {
      url: httpUrl.describe('http:// or https:// URL. Credentials in it (https://user:pass@host) are sent as Basic auth and masked.'),
      method: z
        .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(METHODS))
        .default('POST')
        .describe('POST, PUT, PATCH, GET, DELETE or OPTIONS. GET and OPTIONS send no body.'),
      headers: z
        .record(z.string(), z.string())
        .default({})
        .describe("Extra headers; they win over Herald's own (Content-Type, Authorization)."),
      format: z
        .enum(['json', 'text'])
        .optional()
        .describe(
          'json or text. By default json when the payload starts with { or [, else text; it sets the Content-Type and the escaping. ' +
            'A json payload must render to valid JSON.',
        ),
      payload_format: z
        .enum(PAYLOAD_FORMATS)
        .default('generic-v1')
        .describe(
          'The built-in body sent when there is no payload template: generic-v1 (the generic JSON payload) or ' +
            "terraform-cloud-v1 (Terraform Cloud's run notification, signed as Terraform Cloud signs it).",
        ),
      secret: z
        .string()
        .min(1)
        .optional()
        .describe('Signs the exact body bytes with HMAC-SHA512; the hex digest goes into signature_header.'),
      signature_header: z
        .string()
        .min(1)
        .optional()
        .describe('Header for the signature: X-Herald-Signature, or X-TFE-Notification-Signature with payload_format terraform-cloud-v1.'),
      signature_prefix: z
        .string()
        .optional()
        .describe('Written before the hex digest: sha512=, or nothing with payload_format terraform-cloud-v1.'),
      username: z.string().optional().describe('Basic auth user.'),
      password: z.string().optional().describe('Basic auth password. A secret: masked as **** everywhere.'),
      insecure_skip_verify: z.boolean().default(false).describe('Accept any TLS certificate (self-signed endpoints).'),
      follow_redirects: z
        .boolean()
        .default(false)
        .describe('Follow redirects of a POST, PUT, PATCH or DELETE too (a GET or HEAD is always followed).'),
    },
    { payload: payloadFormat },
    { payload: 'A template for the body. Without it the body is the generic JSON payload (version 1).' },
  ),
);
export type WebhookConfig = z.infer<ReturnType<typeof schema>>;

/** Any HTTP endpoint: a templated payload (or the generic JSON one), optional HMAC-SHA512 signature and basic auth. */
export const webhook: Destination<WebhookConfig> = {
  type: 'webhook',
  get schema() {
    return schema();
  },
  secrets: (config) => [
    config.secret ?? '',
    config.password ?? '',
    ...(config.password ? basicCredentials(config.username ?? '', config.password) : []),
    ...secretsInHeaders(config.headers),
    ...secretsInUrl(config.url),
  ],
  skip: (config, trigger) =>
    config.payload_format === 'terraform-cloud-v1' && !tfcSays(trigger)
      ? `Terraform Cloud's payload has no trigger for ${trigger}`
      : undefined,
  build(config, input) {
    const template = templateFor(config, input.trigger, 'payload');
    const format = template === undefined ? 'json' : payloadFormat(config, template);
    const builtIn = config.payload_format === 'terraform-cloud-v1' ? tfcPayload : genericPayload;
    const body = template === undefined ? JSON.stringify(builtIn(input)) : input.render(template, format, 'payload');
    const headers: Record<string, string> = {
      'Content-Type': format === 'json' ? 'application/json' : 'text/plain; charset=utf-8',
    };
    if (config.username !== undefined || config.password !== undefined) {
      headers.Authorization = `Basic ${Buffer.from(`${config.username ?? ''}:${config.password ?? ''}`).toString('base64')}`;
    }
    if (config.secret) {
      const defaults = SIGNATURE_DEFAULTS[config.payload_format];
      headers[config.signature_header ?? defaults.header] = (config.signature_prefix ?? defaults.prefix) + sign(config.secret, body);
    }
    Object.assign(headers, config.headers);
    const sendsBody = !['GET', 'OPTIONS'].includes(config.method);
    return [
      {
        transport: 'http',
        method: config.method,
        url: config.url,
        headers,
        body: sendsBody ? body : undefined,
        insecureSkipVerify: config.insecure_skip_verify,
        followRedirects: config.follow_redirects,
      },
    ];
  },
};

/** A payload is JSON with `format: json`, text with `format: text`, and otherwise JSON when it starts with { or [. */
function payloadFormat(config: { format?: unknown }, template: string): 'json' | 'text' {
  if (config.format === 'json' || config.format === 'text') return config.format;
  return /^\s*[[{]/.test(template) ? 'json' : 'text';
}

/** HMAC-SHA512 of the exact body bytes, hex: what Terraform Cloud sends in X-TFE-Notification-Signature. */
export function sign(secret: string, body: string): string {
  return createHmac('sha512', secret).update(body, 'utf8').digest('hex');
}

export type { BuildInput };
