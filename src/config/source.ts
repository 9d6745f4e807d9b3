import { readFile, stat } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { UserError } from '../user-error.js';
import { ConfigError } from './config-error.js';

/** The parsed file and a way back from a key path to its line and column. */
export interface ConfigSource {
  file: string;
  data: unknown;
  locate(path: (string | number)[], atKey?: boolean): { line: number; col: number } | undefined;
  /** The value at path as written in the file. */
  textAt(path: (string | number)[]): string | undefined;
}

/** A notifications config is a few KB; a file past this is the wrong file, and parsing it would hold the job. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export async function readConfigSource(file: string): Promise<ConfigSource> {
  let text: string;
  try {
    const size = (await stat(file)).size;
    if (size > MAX_CONFIG_BYTES) throw tooLarge(file, size);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UserError(
        `Config file ${file} not found. Create it (see the README's quick start), or point the "config" input at yours. ` +
          'Did the job run actions/checkout first?',
      );
    }
    throw new UserError(`Config file ${file} cannot be read: ${(error as Error).message}`);
  }
  return parseConfigSource(file, text);
}

export function parseConfigSource(file: string, text: string): ConfigSource {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_CONFIG_BYTES) throw tooLarge(file, bytes);
  const lineCounter = new LineCounter();
  // YAML 1.2 is a superset of JSON, so .json files take the same path and keep line numbers. yaml's own uniqueKeys
  // check compares every pair of keys (a second for 16,000 destinations); duplicateKeys() does it with a set.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const problems = [
    // One mistake can make yaml report the same thing at several places (a deep nesting): say it once.
    ...doc.errors
      .map((error) => ({ file, ...lineCounter.linePos(error.pos[0]), path: '', message: yamlProblem(error.message) }))
      .filter((problem, i, all) => all.findIndex((other) => other.message === problem.message) === i),
    ...(doc.errors.length === 0 ? duplicateKeys(doc, lineCounter).map((problem) => ({ file, path: '', ...problem })) : []),
  ];
  if (problems.length > 0) throw new ConfigError(file, problems, "Fix the file's syntax (indentation, quotes, colons) and run again.");
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = /alias/i.test((error as Error).message)
      ? `its aliases (*name) expand to too many values, as in a "billion laughs" file; write the values out instead.`
      : yamlProblem((error as Error).message);
    let alias: Node | undefined;
    visit(doc, { Alias: (_, node) => ((alias = node), visit.BREAK) });
    throw new ConfigError(file, [{ file, ...lineCounter.linePos(alias?.range?.[0] ?? 0), path: '', message }]);
  }
  return {
    file,
    data,
    locate: (path, atKey) => {
      // An empty file has no node at all: its problems are at its start.
      return lineCounter.linePos(offsetOf(doc, path, atKey) ?? 0);
    },
    textAt: (path) => {
      const node = doc.getIn(path, true) as Node | undefined;
      return node?.range ? text.slice(node.range[0], node.range[1]).trim() : undefined;
    },
  };
}

/** Every key repeated in its mapping, by name and with where it first appears (YAML says only "Map keys must be unique"). */
function duplicateKeys(doc: Document, lineCounter: LineCounter): { line: number; col: number; message: string }[] {
  const found: { line: number; col: number; message: string }[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Map<unknown, Node>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const first = seen.get(pair.key.value);
        if (!first) {
          seen.set(pair.key.value, pair.key);
          continue;
        }
        const here = lineCounter.linePos(pair.key.range[0]);
        const at = lineCounter.linePos(first.range![0]);
        const where = at.line === here.line ? ` (first at column ${at.col} of this line)` : ` (first on line ${at.line})`;
        found.push({ ...here, message: `the key "${String(pair.key.value)}" appears twice in one mapping${where}; keep one of them.` });
      }
      return undefined;
    },
  });
  return found;
}

/** yaml's message in a user's words where it has a better one. */
function yamlProblem(message: string): string {
  if (/call stack/i.test(message)) return 'the file nests lists or mappings too deeply to read; a notifications config needs a few levels.';
  return `invalid YAML: ${message.split('\n')[0]}`;
}

function tooLarge(file: string, bytes: number): UserError {
  const size = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new UserError(
    `Config file ${file} is ${size(bytes)}; Herald reads config files up to ${size(MAX_CONFIG_BYTES)}. ` +
      'A notifications config is a few KB: check that the "config" input points at it.',
  );
}

/** The node at path, or the nearest ancestor that exists (a missing key is reported at its parent). */
function offsetOf(doc: Document, path: (string | number)[], atKey?: boolean): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const parentPath = path.slice(0, depth - 1);
    const key = path[depth - 1];
    if (atKey && depth === path.length && key !== undefined) {
      const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as any)?.value === key || item.key === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return keyNode.range[0];
      }
      continue;
    }
    const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as Node | null | undefined;
    if (node && typeof node === 'object' && node.range) return node.range[0];
  }
  return undefined;
}
