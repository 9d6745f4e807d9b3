import { z } from 'zod';

/** One thing wrong with the config file, at a key path. */
export interface Problem {
  path: (string | number)[];
  message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
  /** The known key an unknown key was meant to be, whose "is required" problem it explains. */
  meant?: string;
}

export const formatPath = (path: (string | number)[]): string =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') || '(top level)';

/** The source text of the value at a key path (a flow mapping exactly as written), when there is one. */
export type SourceText = (path: (string | number)[]) => string | undefined;

/** Zod issues in a user's words, with did-you-mean for unknown keys and values. */
export function problemsFromZod(
  error: z.ZodError,
  schema: z.ZodType,
  data: unknown,
  prefix: (string | number)[] = [],
  sourceText?: SourceText,
): Problem[] {
  const problems = error.issues.flatMap((issue): Problem[] => {
    // A single value where a list is expected is read as a one-item list: its problems belong to the value, not to [0].
    const { path, value } = asWritten(data, issue.path.filter((p): p is string | number => typeof p !== 'symbol'));
    const full = [...prefix, ...path];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, path);
        return issue.keys.map((key) => ({
          path: [...full, key],
          atKey: true,
          meant: closest(key, known),
          message: `unknown key "${key}"${suggest(key, known, 'keys')}${known.length ? ` Allowed here: ${known.join(', ')}.` : ''}`,
        }));
      }
      case 'invalid_type': {
        if (value === undefined) return [{ path: full, message: `"${path.at(-1) ?? 'value'}" is required (${article(issue.expected)})` }];
        const template = issue.expected === 'string' && isTemplate(schemaAt(schema, path));
        const quoting = template ? quoteHint(full, value, sourceText?.(full)) : '';
        return [{ path: full, message: `must be ${article(issue.expected)}, not ${describe(value)}${hint(issue.expected, value)}${quoting}` }];
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        return [
          {
            path: full,
            message: `${JSON.stringify(value)} is not allowed${typeof value === 'string' ? suggest(value, options) : ''} Use one of: ${options.join(', ')}.`,
          },
        ];
      }
      case 'invalid_union':
        return [{ path: full, message: issue.message }];
      default:
        return [{ path: full, message: issue.message.replace(/^Invalid input: /, '') }];
    }
  });
  return withoutRequiredMisspelt(problems);
}

/**
 * One mistake, one message: `Type: webhook` is an unknown key whose message already says to write `type`, so the
 * "type is required" it causes is left out.
 */
function withoutRequiredMisspelt(problems: Problem[]): Problem[] {
  const meant = new Set(problems.flatMap((problem) => (problem.meant ? [formatPath([...problem.path.slice(0, -1), problem.meant])] : [])));
  return problems.filter((problem) => !(/^"[^"]+" is required/.test(problem.message) && meant.has(formatPath(problem.path))));
}

/** The path as the user wrote it and the value there: an index into a value that is not a list is dropped. */
function asWritten(data: unknown, path: (string | number)[]): { path: (string | number)[]; value: unknown } {
  let value: any = data;
  const written: (string | number)[] = [];
  for (const part of path) {
    if (typeof part === 'number' && value !== undefined && value !== null && !Array.isArray(value)) continue;
    written.push(part);
    value = value?.[part];
  }
  return { path: written, value };
}

function article(expected: string): string {
  const words: Record<string, string> = {
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
    record: 'a mapping (key: value)',
  };
  return words[expected] ?? expected;
}

/** How to write the value the user meant: YAML 1.2 reads `yes` and `on` as text, and quotes make a number text. */
function hint(expected: string, value: unknown): string {
  if (typeof value !== 'string') return '';
  const word = value.trim().toLowerCase();
  if (expected === 'boolean') {
    if (['yes', 'on', 'true', 'y'].includes(word)) return ` ("${value}"): write true, without quotes`;
    if (['no', 'off', 'false', 'n'].includes(word)) return ` ("${value}"): write false, without quotes`;
  }
  if (expected === 'number' && word !== '' && Number.isFinite(Number(word))) return ` ("${value}"): write ${Number(word)}, without quotes`;
  return '';
}

/**
 * A template is text, but YAML reads an unquoted `{"text": "hi"}` as a mapping and `- a` lines as a list: how to write
 * what they wrote as text, quoted on one line or as a `|` block.
 */
function quoteHint(path: (string | number)[], value: unknown, written: string | undefined): string {
  if (value === null || typeof value !== 'object') return '';
  const key = String(path.at(-1));
  const flow = written !== undefined && /^[[{]/.test(written) ? written : undefined;
  const text =
    flow ??
    (Array.isArray(value) && value.every((item) => typeof item !== 'object') ? value.join('\n') : JSON.stringify(value, null, 2));
  const reads = Array.isArray(value) ? 'a list' : 'a mapping';
  const block = `${key}: |\n${text.replace(/^/gm, '  ')}`;
  if (text.includes('\n')) return `. YAML reads it as ${reads}; a template is text: write it as a | block:\n${block}`;
  return `. YAML reads it as ${reads}; a template is text: quote it, ${key}: '${text.replace(/'/g, "''")}', or write it as a | block:\n${block}`;
}

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}

/** Wrappers that change whether a value may be missing, not what it is. */
const WRAPPERS = ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'];

/** The schema inside optional, default and preprocess wrappers: the one that says what the value is. */
function unwrap(schema: z.ZodType | undefined): any {
  let node: any = schema;
  for (;;) {
    const def = node?._zod?.def;
    if (def && WRAPPERS.includes(def.type)) node = def.innerType;
    else if (def?.type === 'pipe') node = def.in?._zod?.def?.type === 'transform' ? def.out : def.in;
    else return node;
  }
}

/** Template fields carry `.meta({ template: true })` (destinationSchema), so a mapping there gets the "quote it" hint. */
function isTemplate(schema: z.ZodType | undefined): boolean {
  for (let node: any = schema; node; node = WRAPPERS.includes(node._zod?.def?.type) ? node._zod.def.innerType : undefined) {
    if (node.meta?.()?.template === true) return true;
  }
  return false;
}

/** The schema that checks the value at `path`, walking through optional, default, record and array wrappers. */
export function schemaAt(schema: z.ZodType, path: (string | number)[]): z.ZodType | undefined {
  let node: any = schema;
  for (const part of path) {
    const def = unwrap(node)?._zod?.def;
    if (def?.type === 'object') node = def.shape[part];
    else if (def?.type === 'record') node = def.valueType;
    else if (def?.type === 'array') node = def.element;
    else return undefined;
  }
  return node;
}

/** What a field takes when it is a plain number or boolean (through optional and default), for typing ${NAME}. */
export function scalarTypeAt(schema: z.ZodType, path: (string | number)[]): 'number' | 'boolean' | undefined {
  const type = unwrap(schemaAt(schema, path))?._zod?.def?.type;
  return type === 'number' || type === 'boolean' ? type : undefined;
}

/** The keys an object schema allows at `path` (a record with known keys, such as `messages`, counts as one). */
export function keysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  const def = unwrap(schemaAt(schema, path))?._zod?.def;
  if (def?.type === 'object') return Object.keys(def.shape);
  if (def?.type === 'record' && def.keyType?._zod?.def?.type === 'enum') return Object.values(def.keyType._zod.def.entries);
  return [];
}

/**
 * " Did you mean "method"?" when a known word is close enough, ". Keys are case-sensitive: write "type"." when it
 * differs only in case, else ".".
 */
export function suggest(word: string, known: string[], noun = 'names'): string {
  const best = closest(word, known);
  if (best === undefined) return '.';
  if (best.toLowerCase() === word.toLowerCase()) return `. ${noun[0]!.toUpperCase()}${noun.slice(1)} are case-sensitive: write "${best}".`;
  return `. Did you mean "${best}"?`;
}

/** The known word the user most likely meant: the same letters in another case, else the nearest close enough. */
function closest(word: string, known: string[]): string | undefined {
  const sameLetters = known.find((candidate) => candidate !== word && candidate.toLowerCase() === word.toLowerCase());
  if (sameLetters !== undefined) return sameLetters;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
