import { z } from 'zod';
import type { Reply } from './destination.js';
import { templateFor, type BuildInput, type HttpRequest } from './destination.js';

/** An http(s) URL field of a chat destination. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

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
