import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { templatedHttpUrl } from '../config/fields.js';
import { eventText } from '../event-text.js';
import { MESSAGE_TRIGGERS } from '../outcome.js';
import { basicCredentials, isKeyedWebhookUrl, secretsInHeaders, secretsInUrl, secretUrl } from '../secrets.js';
import { builtOnFirstUse, destinationSchema, templateFor, type BuildInput, type Destination } from './destination.js';
import { genericPayload } from './shared/generic-payload.js';
import { headerTemplateProblems, headerValueProblem, renderHeaders, renderUrl, urlTemplateProblem } from './shared/templated-request.js';
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
      url: templatedHttpUrl.describe(
        'http:// or https:// URL. Credentials in it (https://user:pass@host) are sent as Basic auth and masked. ' +
          'Its path and query may hold template tags, after the host: values are URL-encoded, / too (https://hooks.example.com/deploy/<<branch>>).',
      ),
      method: z
        .preprocess((v) => (typeof v === 'string' ? v.toUpperCase() : v), z.enum(METHODS))
        .default('POST')
        .describe('POST, PUT, PATCH, GET, DELETE or OPTIONS. GET and OPTIONS send no body.'),
      headers: z
        .record(z.string(), z.string())
        .default({})
        .describe(
          "Extra headers; they win over Herald's own (Content-Type, Authorization). Values may be templates: a value's " +
            'line breaks and other control characters become spaces, so it cannot start a header of its own.',
        ),
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
      forward_all: z
        .boolean()
        .default(false)
        .describe(
          "true sends the GitHub event payload as it is (the runner's event file, byte for byte) as application/json, " +
            "like Grafana OnCall's forward whole payload. Not with a payload template or payload_format: terraform-cloud-v1.",
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
      authorization_header: z
        .string()
        .min(1)
        .optional()
        .describe('The Authorization header, sent as written (Bearer abc, Token xyz). A secret: masked as **** everywhere, the credential after the scheme too.'),
      insecure_skip_verify: z.boolean().default(false).describe('Accept any TLS certificate (self-signed endpoints).'),
      follow_redirects: z
        .boolean()
        .default(false)
        .describe('Follow redirects of a POST, PUT, PATCH or DELETE too (a GET or HEAD is always followed).'),
    },
    { payload: payloadFormat },
    { payload: 'A template for the body. Without it the body is the generic JSON payload (version 1).' },
  ).check(z.superRefine(checkWebhook, { when: () => true })),
);
export type WebhookConfig = z.infer<ReturnType<typeof schema>>;

/**
 * Any HTTP endpoint: a templated payload (or the generic JSON one, or the GitHub event as it is), optional HMAC-SHA512
 * signature, basic auth or an Authorization header, and a URL and headers that may be templates (Grafana OnCall's).
 */
export const webhook: Destination<WebhookConfig> = {
  type: 'webhook',
  get schema() {
    return schema();
  },
  secrets: (config) => [
    config.secret ?? '',
    ...(config.authorization_header ? secretsInHeaders({ Authorization: config.authorization_header }) : []),
    config.password ?? '',
    ...(config.password ? basicCredentials(config.username ?? '', config.password) : []),
    ...secretsInHeaders(config.headers),
    ...(isKeyedWebhookUrl(config.url) ? secretUrl(config.url, 1) : secretsInUrl(config.url)),
  ],
  skip: (config, trigger) =>
    config.payload_format === 'terraform-cloud-v1' && !tfcSays(trigger)
      ? `Terraform Cloud's payload has no trigger for ${trigger}`
      : undefined,
  build(config, input) {
    const url = renderUrl(config.url, input.render, config.delimiters);
    const template = templateFor(config, input.trigger, 'payload');
    const format = template === undefined ? 'json' : payloadFormat(config, template);
    const builtIn = config.payload_format === 'terraform-cloud-v1' ? tfcPayload : genericPayload;
    const body = config.forward_all
      ? eventText(input.vars.event)
      : template === undefined
        ? JSON.stringify(builtIn(input))
        : input.render(template, format, 'payload');
    const headers: Record<string, string> = {
      'Content-Type': format === 'json' ? 'application/json' : 'text/plain; charset=utf-8',
    };
    if (config.username !== undefined || config.password !== undefined) {
      [headers.Authorization] = basicCredentials(config.username ?? '', config.password ?? '');
    }
    if (config.authorization_header !== undefined) headers.Authorization = config.authorization_header;
    if (config.secret) {
      const defaults = SIGNATURE_DEFAULTS[config.payload_format];
      headers[config.signature_header ?? defaults.header] = (config.signature_prefix ?? defaults.prefix) + sign(config.secret, body);
    }
    Object.assign(headers, renderHeaders(config.headers, input.render));
    const sendsBody = !['GET', 'OPTIONS'].includes(config.method);
    return [
      {
        transport: 'http',
        method: config.method,
        url,
        headers,
        body: sendsBody ? body : undefined,
        insecureSkipVerify: config.insecure_skip_verify,
        followRedirects: config.follow_redirects,
      },
    ];
  },
};

/**
 * What the fields say together: templates in the URL and headers (checked like every template, with the
 * destination's delimiters), and one source for the body and one for the Authorization header.
 */
function checkWebhook(config: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const delimiters = config.delimiters === '{{ }}' ? '{{ }}' : '<< >>';
  if (typeof config.url === 'string') {
    const wrong = urlTemplateProblem(config.url, delimiters);
    if (wrong) problem(['url'], wrong);
  }
  const headers = isRecord(config.headers) ? (config.headers as Record<string, string>) : {};
  if (Object.values(headers).every((value) => typeof value === 'string')) {
    for (const { name, message } of headerTemplateProblems(headers, delimiters)) problem(['headers', name], message);
  }
  const authorization = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
  if (typeof config.authorization_header === 'string') {
    const wrong = headerValueProblem(config.authorization_header);
    if (wrong) problem(['authorization_header'], `${wrong} (a secret saved with a trailing newline?)`);
    if (authorization) {
      problem(['authorization_header'], `headers.${authorization} sets the Authorization header too: keep one (authorization_header is masked as a secret)`);
    }
    if (config.username !== undefined || config.password !== undefined) {
      problem(
        ['authorization_header'],
        'username and password send basic auth in the Authorization header: keep authorization_header (a token: Bearer ..., Token ...) or username and password, not both',
      );
    }
    if (typeof config.url === 'string' && hasUserInfo(config.url)) {
      problem(['authorization_header'], 'the URL\'s user:password@ sends basic auth in the Authorization header: keep authorization_header or the credentials in the URL, not both');
    }
  }
  if (config.forward_all === true) {
    const messages = isRecord(config.messages) ? (config.messages as Record<string, unknown>) : {};
    const payloads = [
      ...(config.payload !== undefined ? [['payload']] : []),
      ...MESSAGE_TRIGGERS.filter((trigger) => isRecord(messages[trigger]) && (messages[trigger] as Record<string, unknown>).payload !== undefined).map(
        (trigger) => ['messages', trigger, 'payload'],
      ),
    ];
    for (const path of payloads) {
      problem(path, 'forward_all sends the GitHub event as it is, and a payload template makes a body of its own: keep one (remove forward_all or this payload)');
    }
    if (config.payload_format === 'terraform-cloud-v1') {
      problem(['payload_format'], "forward_all sends the GitHub event as it is, and terraform-cloud-v1 Terraform Cloud's payload: keep one");
    }
    if (config.format === 'text') problem(['format'], 'forward_all always sends JSON (application/json): remove format: text');
  }
}

const isRecord = (value: unknown): boolean => value !== null && typeof value === 'object' && !Array.isArray(value);

function hasUserInfo(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

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
