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
  const tags = tagsOf(delimiters);
  const view = { ...variables, json: jsonLiteralView(variables) };
  const tokens = parseTemplate(template, delimiters);
  let text: string;
  try {
    text = Mustache.render(template, view, {}, { tags, escape: escapers[format] });
  } catch (error) {
    throw new TemplateError(`template does not render: ${(error as Error).message}`);
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

const tagsOf = (delimiters: Delimiters) => delimiters.split(' ') as [string, string];

/** A Mustache token: type, name or text, start, end, and for sections their tokens. */
type Token = [string, string, number, number, Token[]?];

/**
 * The template's tokens, or a TemplateError that says what to fix. Herald has no partials, so `<<> name>>` is refused
 * rather than rendered as nothing.
 */
function parseTemplate(template: string, delimiters: Delimiters): Token[] {
  const [open, close] = tagsOf(delimiters);
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template, [open, close]) as Token[];
  } catch (error) {
    throw new TemplateError(`template does not parse: ${parseProblem((error as Error).message, template, open, close)}`);
  }
  const partial = findToken(tokens, (token) => token[0] === '>');
  if (partial) {
    throw new TemplateError(
      `template does not parse: ${open}> ${partial[1]}${close} is a partial, and Herald has no partials; write ${open}${partial[1]}${close} for a variable${at(template, partial[2])}`,
    );
  }
  return tokens;
}

/** Mustache's parse errors ("Unclosed section "x" at 6") in words that say how to fix them. */
function parseProblem(message: string, template: string, open: string, close: string): string {
  const [, kind, name, index] = /^(Unclosed section|Unopened section|Unclosed tag) (?:"(.*)" )?at (\d+)/.exec(message) ?? [];
  const where = index === undefined ? '' : at(template, Number(index));
  if (kind === 'Unclosed section') {
    // Mustache notices at the end of the template; the section's opening tag is what the reader looks for.
    const opening = Math.max(template.lastIndexOf(`${open}#${name}`), template.lastIndexOf(`${open}^${name}`));
    return `the section "${name}" is never closed: end it with ${open}/${name}${close}${opening >= 0 ? at(template, opening) : where}`;
  }
  if (kind === 'Unopened section') return `${open}/${name}${close} closes a section that is not open: open it with ${open}#${name}${close} or remove it${where}`;
  if (kind === 'Unclosed tag') return `a tag opened with ${open} is never closed with ${close}${where}`;
  if (message.startsWith('Invalid tags')) return `${message}: change delimiters with ${open}={{ }}=${close}, two tags and a space between them`;
  return message;
}

/** " (line 3 of the template)" for multi-line templates, where the field's own line is not enough. */
function at(template: string, index: number): string {
  return template.includes('\n') ? ` (line ${template.slice(0, index).split('\n').length} of the template)` : '';
}

function findToken(tokens: Token[], test: (token: Token) => boolean): Token | undefined {
  for (const token of tokens) {
    if (test(token)) return token;
    const inner = token[4] && findToken(token[4], test);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * What is wrong with a template whatever the variables hold, or undefined: it does not parse, or it lands in JSON and
 * no way of filling it can be JSON. Checked when the config is loaded, with the same settings as renderTemplate.
 */
export function checkTemplate(template: string, format: TemplateFormat, delimiters: Delimiters = '<< >>'): string | undefined {
  let tokens: Token[];
  try {
    tokens = parseTemplate(template, delimiters);
  } catch (error) {
    return (error as Error).message;
  }
  const [open, close] = tagsOf(delimiters);
  const raw = (format === 'url' || format === 'header') && findToken(tokens, (token) => token[0] === '&' || token[0] === '{');
  if (raw) {
    return (
      `${template.slice(raw[2], raw[3])} inserts the value unescaped, which a ${format === 'url' ? 'URL' : 'header'} does not allow: ` +
      `write ${open}${raw[1]}${close}, which ${format === 'url' ? 'URL-encodes it' : 'keeps it on one line'}`
    );
  }
  if (format !== 'json') return undefined;
  let first: { text: string; error: string } | undefined;
  for (const probe of probes(tokens)) {
    try {
      JSON.parse(probe);
      return undefined;
    } catch (error) {
      first ??= { text: probe, error: (error as Error).message.replace(/ in JSON at position.*$/s, '') };
    }
  }
  return (
    `cannot be valid JSON whatever the variables hold: ${first!.error}, in ${excerpt(first!.text)} ` +
    `(each variable written as 1). Check the quotes, commas and braces around the tags; a text value needs quotes: "${open}message${close}".`
  );
}

/** The template's text before its first tag (all of it when it has none); undefined when it does not parse. */
export function textBeforeFirstTag(template: string, delimiters: Delimiters = '<< >>'): string | undefined {
  let tokens: Token[];
  try {
    tokens = parseTemplate(template, delimiters);
  } catch {
    return undefined;
  }
  const tag = tokens.find((token) => token[0] !== 'text');
  return tag ? template.slice(0, tag[2]) : template;
}

/**
 * The template rendered with every variable as `1` and each section name taken or not (all combinations for up to 8
 * names, else all taken and none taken): if none of these is JSON, no real values make it JSON.
 */
function probes(tokens: Token[]): string[] {
  const names = new Set<string>();
  findToken(tokens, (token) => (['#', '^'].includes(token[0]) && names.add(token[1]), false));
  const sections = [...names];
  const count = sections.length <= 8 ? 2 ** sections.length : 2;
  return Array.from({ length: count }, (_, n) => {
    const taken = new Set(sections.filter((_, i) => (sections.length <= 8 ? (n >> i) & 1 : n === 0)));
    const write = (list: Token[]): string =>
      list
        .map(([type, value, , , inner]) => {
          if (type === 'text') return value;
          if (type === 'name' || type === '&' || type === '{') return '1';
          if (type === '#') return taken.has(value) ? write(inner ?? []) : '';
          if (type === '^') return taken.has(value) ? '' : write(inner ?? []);
          return '';
        })
        .join('');
    return write(tokens);
  });
}

/**
 * Names used outside sections that resolve to nothing (inside a section a name may belong to the section's item). A
 * section asks whether a value is there, so `<<#event.pull_request>>` is fine on a push; only its first name must exist.
 */
function unknownVariables(tokens: Token[], variables: object): string[] {
  const context = new Mustache.Context(variables);
  const unknown = new Set<string>();
  for (const [type, name] of tokens) {
    if (!['name', '&', '{', '#', '^'].includes(type)) continue;
    // json.* always resolves (to null at worst): check the path it mirrors.
    const path = name.startsWith('json.') ? name.slice('json.'.length) : name;
    const checked = type === '#' || type === '^' ? path.split('.')[0]! : path;
    if (name !== 'json' && context.lookup(checked) === undefined) unknown.add(name);
  }
  return [...unknown];
}

const excerpt = (text: string): string => (text.length > 200 ? `${text.slice(0, 200)}…` : text);
