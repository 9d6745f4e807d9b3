import { readFile } from 'node:fs/promises';
import { isMap, isScalar, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
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

export async function readConfigSource(file: string): Promise<ConfigSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
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
  const lineCounter = new LineCounter();
  // YAML 1.2 is a superset of JSON, so .json files take the same path and keep line numbers.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      const message = error.code === 'DUPLICATE_KEY' ? duplicateKey(doc, error, lineCounter) : undefined;
      return { file, ...pos, path: '', message: message ?? `invalid YAML: ${error.message.split('\n')[0]}` };
    });
    throw new ConfigError(file, problems, "Fix the file's syntax (indentation, quotes, colons) and run again.");
  }
  return {
    file,
    data: doc.toJS({ maxAliasCount: 100 }),
    locate: (path, atKey) => {
      const offset = offsetOf(doc, path, atKey);
      return offset === undefined ? undefined : lineCounter.linePos(offset);
    },
    textAt: (path) => {
      const node = doc.getIn(path, true) as Node | undefined;
      return node?.range ? text.slice(node.range[0], node.range[1]).trim() : undefined;
    },
  };
}

/** The repeated key by name, and where it first appears: YAML itself says only "Map keys must be unique". */
function duplicateKey(doc: Document, error: YAMLError, lineCounter: LineCounter): string | undefined {
  let message: string | undefined;
  visit(doc, {
    Map(_, map) {
      const repeated = map.items.find((pair) => (pair.key as Node | null)?.range?.[0] === error.pos[0]);
      if (!repeated || !isScalar(repeated.key)) return undefined;
      const key = repeated.key.value;
      const first = map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
      const range = first !== repeated ? (first?.key as Node | undefined)?.range : undefined;
      const at = range && lineCounter.linePos(range[0]);
      const here = lineCounter.linePos(error.pos[0]);
      const where = !at ? '' : at.line === here.line ? ` (first at column ${at.col} of this line)` : ` (first on line ${at.line})`;
      message = `the key "${String(key)}" appears twice in one mapping${where}; keep one of them.`;
      return visit.BREAK;
    },
  });
  return message;
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
