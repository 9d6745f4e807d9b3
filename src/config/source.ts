import { readFile } from 'node:fs/promises';
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UserError } from '../user-error.js';

/** The parsed file and a way back from a key path to its line and column. */
export interface ConfigSource {
  file: string;
  data: unknown;
  locate(path: (string | number)[], atKey?: boolean): { line: number; col: number } | undefined;
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
    const lines = doc.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      return `${file}:${pos.line}:${pos.col}: invalid YAML: ${error.message.split('\n')[0]}`;
    });
    throw new UserError(`${lines.join('\n')}\nFix the file's syntax (indentation, quotes, colons) and run again.`);
  }
  return {
    file,
    data: doc.toJS({ maxAliasCount: 100 }),
    locate: (path, atKey) => {
      const offset = offsetOf(doc, path, atKey);
      return offset === undefined ? undefined : lineCounter.linePos(offset);
    },
  };
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
