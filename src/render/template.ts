import Mustache from 'mustache';
import { escapers, jsonLiteralView, type TemplateFormat } from './escape.js';

export type Delimiters = '<< >>' | '{{ }}';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface Rendered {
  text: string;
  warnings: string[];
}

/**
 * Renders a Mustache template whose tags are `<< >>` (or Devtron's `{{ }}`). Values are inserted once and never
 * evaluated as templates; each is escaped for `format`. `json` output must parse as JSON.
 */
export function renderTemplate(
  template: string,
  variables: object,
  format: TemplateFormat,
  delimiters: Delimiters = '<< >>',
): Rendered {
  const tags = delimiters.split(' ') as [string, string];
  const view = { ...variables, json: jsonLiteralView(variables) };
  let tokens: unknown[];
  let text: string;
  try {
    tokens = Mustache.parse(template, tags);
    text = Mustache.render(template, view, {}, { tags, escape: escapers[format] });
  } catch (error) {
    throw new TemplateError(`template does not parse: ${(error as Error).message}`);
  }
  const warnings = unknownVariables(tokens, variables).map(
    (name) => `unknown variable "${name}" (it renders as nothing, or null under json.); see the README for the variables`,
  );
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (error) {
      throw new TemplateError(`rendered payload is not valid JSON (${(error as Error).message}): ${excerpt(text)}`);
    }
  }
  return { text, warnings };
}

/**
 * Names used outside sections that resolve to nothing (inside a section a name may belong to the section's item). A
 * section asks whether a value is there, so `<<#event.pull_request>>` is fine on a push; only its first name must exist.
 */
function unknownVariables(tokens: unknown[], variables: object): string[] {
  const context = new Mustache.Context(variables);
  const unknown = new Set<string>();
  for (const [type, name] of tokens as [string, string][]) {
    if (!['name', '&', '{', '#', '^'].includes(type)) continue;
    // json.* always resolves (to null at worst): check the path it mirrors.
    const path = name.startsWith('json.') ? name.slice('json.'.length) : name;
    const checked = type === '#' || type === '^' ? path.split('.')[0]! : path;
    if (name !== 'json' && context.lookup(checked) === undefined) unknown.add(name);
  }
  return [...unknown];
}

const excerpt = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
