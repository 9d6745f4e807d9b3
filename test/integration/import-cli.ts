import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

export interface ImportRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The file `--output` wrote ('' when none was written). */
  config: string;
}

/**
 * Runs the bundled `herald import --from <source> input.json --output notifications.yml` as a developer's shell does
 * (this machine's node, a fresh folder, no secrets in the environment) and reads back what it wrote.
 */
export function heraldImport(source: string, input: unknown, args: string[] = []): Promise<ImportRun> {
  const folder = mkdtempSync(join(tmpdir(), 'herald-import-'));
  writeFileSync(join(folder, 'input.json'), JSON.stringify(input, null, 2));
  const output = join(folder, 'notifications.yml');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, 'import', '--from', source, 'input.json', '--output', 'notifications.yml', ...args],
      { cwd: folder, env: { PATH: process.env.PATH } },
      (error, stdout, stderr) => {
        let config = '';
        try {
          config = readFileSync(output, 'utf8');
        } catch {
          // Nothing written: the run failed before the check passed.
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr, config });
      },
    );
  });
}
