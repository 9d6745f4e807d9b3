import { z } from 'zod';

/** One thing wrong with the config file, at a key path. */
export interface Problem {
  path: (string | number)[];
  message: string;
  /** Point at the key itself rather than its value (unknown keys). */
  atKey?: boolean;
}

export const formatPath = (path: (string | number)[]): string =>
  path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') || '(top level)';

/** Zod issues in a user's words, with did-you-mean for unknown keys and values. */
export function problemsFromZod(error: z.ZodError, schema: z.ZodType, data: unknown, prefix: (string | number)[] = []): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const full = [...prefix, ...path];
    switch (issue.code) {
      case 'unrecognized_keys': {
        const known = keysAt(schema, path);
        return issue.keys.map((key) => ({
          path: [...full, key],
          atKey: true,
          message: `unknown key "${key}"${suggest(key, known)}${known.length ? ` Allowed here: ${known.join(', ')}.` : ''}`,
        }));
      }
      case 'invalid_type': {
        const value = valueAt(data, path);
        if (value === undefined) return [{ path: full, message: `"${path.at(-1) ?? 'value'}" is required (${article(issue.expected)})` }];
        return [{ path: full, message: `must be ${article(issue.expected)}, not ${describe(value)}${hint(issue.expected, value)}` }];
      }
      case 'invalid_value': {
        const value = valueAt(data, path);
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

function describe(value: unknown): string {
  if (value === null) return 'empty (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  let value: any = data;
  for (const part of path) value = value?.[part];
  return value;
}

/** The keys an object schema allows at `path`, walking through optional, default, record and array wrappers. */
export function keysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let node: any = schema;
  let remaining = [...path];
  for (;;) {
    const def = node?._zod?.def;
    if (!def) return [];
    if (['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'].includes(def.type)) node = def.innerType;
    else if (def.type === 'pipe') node = def.in?._zod?.def?.type === 'transform' ? def.out : def.in;
    else if (remaining.length === 0) return def.type === 'object' ? Object.keys(def.shape) : [];
    else if (def.type === 'object') node = def.shape[remaining.shift() as string];
    else if (def.type === 'record') (remaining.shift(), (node = def.valueType));
    else if (def.type === 'array') (remaining.shift(), (node = def.element));
    else return [];
  }
}

/** " Did you mean "method"?" when a known word is close enough, else "." */
export function suggest(word: string, known: string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? `. Did you mean "${best}"?` : '.';
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
