import { z } from 'zod';
import type { Message } from '../message.js';
import type { TemplateVariables } from '../render/variables.js';
import type { TemplateFormat } from '../render/escape.js';
import { checkTemplate } from '../render/template.js';
import { baseTrigger, MESSAGE_TRIGGERS, type Trigger } from '../outcome.js';
import type { Outbound, Reply } from '../transport/wire.js';

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
  /** Refuse private, loopback, link-local and cloud metadata addresses; unset takes the file's top-level setting. */
  block_private_addresses?: boolean;
  messages?: Partial<Record<Trigger, Record<string, string | undefined>>>;
}

export interface Destination<C extends CommonConfig = CommonConfig> {
  type: string;
  /** Its config fields, validated with the rest of the file. */
  schema: z.ZodType<C>;
  /** Values to mask before anything is printed (the ones from ${NAME} are masked anyway). */
  secrets(config: C): string[];
  /**
   * Why this trigger sends nothing here (PagerDuty has no event for a start), or undefined; the delivery is recorded as
   * skipped with that reason. A build() that returns no requests is recorded as skipped too, never dropped.
   */
  skip?(config: C, trigger: Trigger): string | undefined;
  /** The requests to send; no I/O. */
  build(config: C, input: BuildInput): Outbound[];
  interpret?(reply: Reply): Verdict;
}

/**
 * How a template field's values are escaped, which says whether it must render to JSON: a format, or for a field
 * that can be either (the webhook's payload) a function of the config and the template.
 */
export type TemplateKind = TemplateFormat | ((config: Record<string, unknown>, template: string) => TemplateFormat);

/**
 * The schema of one destination type: the common fields, its own fields, and its template fields with their
 * formats, which can also be overridden per trigger under `messages` (AWX's custom messages). Templates are checked
 * when the config is loaded: one that does not parse, or a JSON one that no values can make JSON, is a config error.
 * Every field carries a description (the README's wording): the JSON Schema that editors complete with shows it.
 */
export function destinationSchema<T extends string, S extends z.ZodRawShape, F extends string>(
  type: T,
  fields: S,
  templateFields: Record<F, TemplateKind>,
  templateDescriptions: Record<F, string>,
) {
  const kinds = Object.entries(templateFields) as [F, TemplateKind][];
  const templates = Object.fromEntries(
    kinds.map(([field]) => [field, z.string().meta({ template: true }).optional().describe(templateDescriptions[field])]),
  ) as Record<F, z.ZodOptional<z.ZodString>>;
  const checkTemplates = z.superRefine((config: Record<string, unknown>, ctx) => {
    const delimiters = config.delimiters ?? '<< >>';
    if (delimiters !== '<< >>' && delimiters !== '{{ }}') return;
    const check = (template: unknown, kind: TemplateKind, path: (string | number)[]) => {
      if (typeof template !== 'string') return;
      const problem = checkTemplate(template, typeof kind === 'function' ? kind(config, template) : kind, delimiters);
      if (problem) ctx.addIssue({ code: 'custom', path, message: problem });
    };
    const messages = (config.messages ?? {}) as Record<string, Record<string, unknown> | undefined>;
    for (const [field, kind] of kinds) {
      check(config[field], kind, [field]);
      for (const trigger of MESSAGE_TRIGGERS) check(messages[trigger]?.[field], kind, ['messages', trigger, field]);
    }
  }, { when: () => true });
  return z.strictObject({
    type: z.literal(type).describe(`The kind of destination: ${type}.`),
    enabled: z.boolean().default(true).describe('false keeps the destination but skips it (it shows as skipped in the results).'),
    timeout: z
      .number()
      .positive()
      .max(300)
      .default(10)
      .describe('Seconds one attempt may take (connect, send, answer; for SMTP and IRC the whole conversation), at most 300.'),
    retries: z
      .number()
      .int()
      .min(0)
      .max(10)
      .default(3)
      .describe("Retries after the first attempt (0 to 10), on network errors, 5xx, 408 and 429. A receiver's Retry-After is honoured."),
    retry_backoff: z
      .number()
      .min(0)
      .max(60)
      .default(1)
      .describe('Seconds before the first retry; doubles each time, with random jitter (x1 to x2), at most 30 s.'),
    delimiters: z.enum(['<< >>', '{{ }}']).default('<< >>').describe('Template tags; "{{ }}" for templates pasted from Devtron.'),
    block_private_addresses: z
      .boolean()
      .optional()
      .describe(
        'true refuses to send to loopback, private, link-local and cloud metadata addresses (checked after DNS, on every redirect). ' +
          "Unset: the file's top-level block_private_addresses, else false.",
      ),
    ...templates,
    messages: z
      .partialRecord(z.enum(MESSAGE_TRIGGERS), z.strictObject(templates))
      .optional()
      .describe(
        "Per-trigger templates that replace the destination's templates for that trigger (AWX's custom messages): " +
          `messages: {error: {payload: '...'}}. The keys are ${MESSAGE_TRIGGERS.join(', ')} (a test notification).`,
      ),
    ...fields,
  }).check(checkTemplates);
}

/** The template for a field, with the per-trigger override under `messages` taking precedence. */
export function templateFor(
  config: { messages?: Partial<Record<Trigger, Record<string, string | undefined>>> } & Record<string, unknown>,
  trigger: Trigger,
  field: string,
): string | undefined {
  // A status change falls back to the template of the trigger it refines: messages.broken, else messages.error.
  const override = config.messages?.[trigger]?.[field] ?? config.messages?.[baseTrigger(trigger)]?.[field];
  if (override !== undefined) return override;
  const value = config[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * A destination's schema, built the first time it is asked for: a run builds only the schemas of the types its config
 * names (building all of them took about 5 ms of every run).
 */
export function builtOnFirstUse<S>(build: () => S): () => S {
  let schema: S | undefined;
  return () => (schema ??= build());
}
