import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { httpUrl } from '../config/fields.js';
import { basicCredentials, secretsInHeaders, secretsInUrl } from '../secrets.js';
import { builtOnFirstUse, destinationSchema, templateFor, type BuildInput, type Destination } from './destination.js';
import { genericPayload } from './shared/generic-payload.js';

const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS'] as const;

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
      secret: z
        .string()
        .min(1)
        .optional()
        .describe('Signs the exact body bytes with HMAC-SHA512; the hex digest goes into signature_header.'),
      signature_header: z
        .string()
        .min(1)
        .default('X-Herald-Signature')
        .describe('Header for the signature. Terraform Cloud receivers: X-TFE-Notification-Signature.'),
      signature_prefix: z.string().default('sha512=').describe('Written before the hex digest. Terraform Cloud receivers: "".'),
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
  build(config, input) {
    const template = templateFor(config, input.trigger, 'payload');
    const format = template === undefined ? 'json' : payloadFormat(config, template);
    const body =
      template === undefined ? JSON.stringify(genericPayload(input)) : input.render(template, format, 'payload');
    const headers: Record<string, string> = {
      'Content-Type': format === 'json' ? 'application/json' : 'text/plain; charset=utf-8',
    };
    if (config.username !== undefined || config.password !== undefined) {
      headers.Authorization = `Basic ${Buffer.from(`${config.username ?? ''}:${config.password ?? ''}`).toString('base64')}`;
    }
    if (config.secret) {
      headers[config.signature_header] = config.signature_prefix + sign(config.secret, body);
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
