import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { herald, type CliResult } from './herald-cli.js';

export interface ImportRun extends CliResult {
  /** The file `--output` wrote ('' when none was written). */
  config: string;
}

/**
 * `herald import --from <source> input.json --output notifications.yml` through the bundled CLI (herald-cli.ts: a
 * developer's shell, no secrets in the environment), with `input` saved as the API returns it, and the file it wrote.
 */
export async function heraldImport(source: string, input: unknown, args: string[] = []): Promise<ImportRun> {
  const folder = mkdtempSync(join(tmpdir(), 'herald-import-'));
  const run = await herald(
    ['import', '--from', source, 'input.json', '--output', 'notifications.yml', ...args],
    { 'input.json': JSON.stringify(input, null, 2) },
    {},
    folder,
  );
  const output = join(folder, 'notifications.yml');
  return { ...run, config: existsSync(output) ? readFileSync(output, 'utf8') : '' };
}
