import { z } from 'zod';
import type { Message } from '../message.js';
import type { TemplateVariables } from '../render/variables.js';
import type { TemplateFormat } from '../render/escape.js';
import type { Trigger } from '../triggers.js';
import { TRIGGERS } from '../triggers.js';

/** An HTTP request a destination wants sent. */
export interface HttpRequest {
  transport: 'http';
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Shown after the destination name when one destination sends several requests (a Slack channel, say). */
  label?: string;
  insecureSkipVerify?: boolean;
  /** Follow redirects of a POST, PUT, PATCH or DELETE too (GET and HEAD are always followed). */
  followRedirects?: boolean;
}

/** How to reach an SMTP server: the connection half of a mail message. */
export interface SmtpServer {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** Insist on STARTTLS; without it the upgrade happens only when the server offers it. */
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  insecureSkipVerify: boolean;
}

/** One e-mail for an SMTP server: every recipient in one message, sent over one connection. */
export interface MailMessage {
  transport: 'smtp';
  /** smtp://host:port or smtps://host:port, never with credentials: what the result shows. */
  url: string;
  smtp: SmtpServer;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  text?: string;
  html?: string;
  /** The message as a reader would see it (headers, then the text), for dry runs. */
  body: string;
  label?: string;
}

/** Everything a destination builds is sent by the transport named in `transport`. */
export type Outbound = HttpRequest | MailMessage;

/** What a transport got back. */
export interface Reply {
  /** HTTP status (or SMTP reply code); null when there was no answer. */
  code: number | null;
  body: string;
  headers: Record<string, string>;
}

/**
 * A destination's reading of a reply, for every reply: `error` fails a 2xx (Slack answers 200 {"ok":false}) or
 * words a failure better; `retryAfterMs` asks for a retry after that delay (Discord's retry_after in the body).
 */
export interface Verdict {
  error?: string;
  retryAfterMs?: number;
}

/** Renders one template of a destination; problems become warnings on the delivery, invalid JSON an error. */
export type Render = (template: string, format: TemplateFormat, field: string) => string;

export interface BuildInput {
  /** The destination's name in the config file. */
  name: string;
  trigger: Trigger;
  message: Message;
  vars: TemplateVariables;
  render: Render;
}

/** Fields every destination accepts. */
export interface CommonConfig {
  type: string;
  enabled: boolean;
  timeout: number;
  retries: number;
  retry_backoff: number;
  delimiters: '<< >>' | '{{ }}';
  messages?: Partial<Record<Trigger, Record<string, string | undefined>>>;
}

export interface Destination<C extends CommonConfig = CommonConfig> {
  type: string;
  /** Its config fields, validated with the rest of the file. */
  schema: z.ZodType<C>;
  /** Values to mask before anything is printed (the ones from ${NAME} are masked anyway). */
  secrets(config: C): string[];
  /** The requests to send; no I/O. */
  build(config: C, input: BuildInput): Outbound[];
  interpret?(reply: Reply): Verdict;
}

/**
 * The schema of one destination type: the common fields, its own fields, and its template fields, which can also be
 * overridden per trigger under `messages` (AWX's custom messages).
 */
export function destinationSchema<T extends string, S extends z.ZodRawShape, F extends string>(
  type: T,
  fields: S,
  templateFields: readonly F[],
) {
  const templates = Object.fromEntries(templateFields.map((field) => [field, z.string().optional()])) as Record<
    F,
    z.ZodOptional<z.ZodString>
  >;
  return z.strictObject({
    type: z.literal(type),
    enabled: z.boolean().default(true),
    timeout: z.number().positive().max(300).default(10),
    retries: z.number().int().min(0).max(10).default(3),
    retry_backoff: z.number().min(0).max(60).default(1),
    delimiters: z.enum(['<< >>', '{{ }}']).default('<< >>'),
    ...templates,
    messages: z.partialRecord(z.enum(TRIGGERS), z.strictObject(templates)).optional(),
    ...fields,
  });
}

/** The template for a field, with the per-trigger override under `messages` taking precedence. */
export function templateFor(
  config: { messages?: Partial<Record<Trigger, Record<string, string | undefined>>> } & Record<string, unknown>,
  trigger: Trigger,
  field: string,
): string | undefined {
  const override = config.messages?.[trigger]?.[field];
  if (override !== undefined) return override;
  const value = config[field];
  return typeof value === 'string' ? value : undefined;
}
