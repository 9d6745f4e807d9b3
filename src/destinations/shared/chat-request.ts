import type { HttpRequest, Reply } from '../../transport/wire.js';
import { templateFor, type BuildInput, type Verdict } from '../destination.js';

/** What every chat destination's `payload` template is. */
export const CHAT_PAYLOAD = 'Template for the whole JSON body, replacing the default message.';

/** A JSON POST, the one request shape every chat service takes. */
export function postJson(url: string, body: unknown, extra: Partial<HttpRequest> = {}): HttpRequest {
  return {
    transport: 'http',
    method: 'POST',
    url,
    ...extra,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...extra.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** The user's `payload` template (per-trigger override first), rendered with JSON-escaped values; undefined if none. */
export function renderPayload(
  config: Parameters<typeof templateFor>[0],
  input: BuildInput,
): string | undefined {
  const template = templateFor(config, input.trigger, 'payload');
  return template === undefined ? undefined : input.render(template, 'json', 'payload');
}

/** The user's `text` template rendered with the platform's escaping; undefined if none. */
export function renderText(
  config: Parameters<typeof templateFor>[0],
  input: BuildInput,
  format: Parameters<BuildInput['render']>[1],
): string | undefined {
  const template = templateFor(config, input.trigger, 'text');
  return template === undefined ? undefined : input.render(template, format, 'text');
}

/**
 * A refusal in the service's own words, when its JSON body has them: "Teams error BadRequest: ... (HTTP 400)". No
 * answer, a 2xx, or a body without a message: nothing to add to the transport's own wording.
 */
export function serviceError(
  reply: Reply,
  service: string,
  read: (json: Record<string, any>) => { message?: unknown; code?: unknown },
): Verdict {
  if (reply.code === null || (reply.code >= 200 && reply.code < 300)) return {};
  const json = replyJson(reply);
  const { message, code } = json ? read(json) : {};
  if (typeof message !== 'string' || message === '') return {};
  return { error: `${service} error${code ? ` ${code}` : ''}: ${message} (HTTP ${reply.code})` };
}

/** The body as JSON, or undefined when it is not JSON. */
export function replyJson(reply: Reply): Record<string, any> | undefined {
  try {
    const value: unknown = JSON.parse(reply.body);
    return value !== null && typeof value === 'object' ? (value as Record<string, any>) : undefined;
  } catch {
    return undefined;
  }
}

/** Integer of a #rrggbb colour (Discord's embed colour). */
export const colourNumber = (hex: string): number => Number.parseInt(hex.replace(/^#/, ''), 16);
