import { z } from 'zod';
import { builtOnFirstUse, destinationSchema, type Destination, type Verdict } from './destination.js';
import type { MailMessage, Reply } from '../transport/wire.js';
import { serverUrl } from './shared/server-url.js';
import { composeMail, MAIL_TEMPLATE_DESCRIPTIONS, MAIL_TEMPLATES, mailAddressFields, readableMail } from './shared/mail-content.js';

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'email',
    {
      host: z.string().trim().min(1, 'needs the SMTP server, e.g. smtp.example.com').describe('SMTP server name or IP address.'),
      port: z.number().int().min(1).max(65535).optional().describe('SMTP port: 587 by default, 465 with use_ssl.'),
      username: z
        .string()
        .optional()
        .describe('User to authenticate as (AUTH PLAIN or LOGIN, whichever the server offers). Without it, no AUTH.'),
      password: z.string().optional().describe('Its password. A secret: masked as **** everywhere, even when written in the file.'),
      use_tls: z
        .boolean()
        .optional()
        .describe(
          'STARTTLS, required (true unless use_ssl): the connection must be upgraded to TLS before AUTH and the message. ' +
            'false sends without encryption when the server offers none.',
        ),
      use_ssl: z.boolean().default(false).describe('TLS from the first byte ("SMTPS", usually port 465). Cannot be combined with use_tls: true.'),
      insecure_skip_verify: z.boolean().default(false).describe('Accept a certificate that does not verify (self-signed, another host name).'),
      ...mailAddressFields,
    },
    MAIL_TEMPLATES,
    MAIL_TEMPLATE_DESCRIPTIONS,
  ).refine((config) => !(config.use_tls && config.use_ssl), {
    path: ['use_tls'],
    message:
      'use_tls (STARTTLS) and use_ssl (TLS from the start) exclude each other: port 465 usually wants use_ssl: true, port 587 use_tls: true',
  }),
);
export type EmailConfig = z.infer<ReturnType<typeof schema>>;

/** E-mail over SMTP (nodemailer, loaded only when a run sends mail): one message to all recipients. */
export const email: Destination<EmailConfig> = {
  type: 'email',
  get schema() {
    return schema();
  },
  secrets: (config) => [config.password ?? ''],
  build(config, input): MailMessage[] {
    const content = composeMail(config, input);
    const secure = config.use_ssl;
    const port = config.port ?? (secure ? 465 : 587);
    const addresses = { from: config.from, to: config.to, cc: config.cc, bcc: config.bcc, replyTo: config.reply_to };
    return [
      {
        transport: 'smtp',
        url: serverUrl(secure ? 'smtps' : 'smtp', config.host, port),
        smtp: {
          host: config.host,
          port,
          secure,
          requireTLS: !secure && (config.use_tls ?? true),
          ...(config.username !== undefined && { auth: { user: config.username, pass: config.password ?? '' } }),
          insecureSkipVerify: config.insecure_skip_verify,
        },
        ...addresses,
        ...content,
        body: readableMail(addresses, content),
      },
    ];
  },
  interpret: describeSmtpReply,
};

/** Words a refusal after the stage it happened at: "the server refused AUTH PLAIN: 535 5.7.8 ...". */
export function describeSmtpReply(reply: Reply): Verdict {
  if (reply.code === null || reply.code < 400) return {};
  const stage = reply.stage;
  return { error: `the SMTP server refused ${stage ? `${stage}` : 'the message'}: ${reply.body}` };
}
