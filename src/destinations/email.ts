import { z } from 'zod';
import { builtOnFirstUse, destinationSchema, type Destination, type MailMessage, type Reply, type Verdict } from './destination.js';
import { composeMail, MAIL_TEMPLATES, mailAddressFields, readableMail } from './mail-content.js';

const schema = builtOnFirstUse(() =>
  destinationSchema(
    'email',
    {
      host: z.string().trim().min(1, 'needs the SMTP server, e.g. smtp.example.com'),
      /** 587 (STARTTLS) unless use_ssl, then 465. */
      port: z.number().int().min(1).max(65535).optional(),
      username: z.string().optional(),
      password: z.string().optional(),
      /** STARTTLS, required (AWX's name); on unless use_ssl. */
      use_tls: z.boolean().optional(),
      /** Implicit TLS from the first byte (port 465). */
      use_ssl: z.boolean().default(false),
      insecure_skip_verify: z.boolean().default(false),
      ...mailAddressFields,
    },
    MAIL_TEMPLATES,
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
        url: `${secure ? 'smtps' : 'smtp'}://${hostForUrl(config.host)}:${port}`,
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
  const stage = reply.headers.command;
  return { error: `the SMTP server refused ${stage ? `${stage}` : 'the message'}: ${reply.body}` };
}

const hostForUrl = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
