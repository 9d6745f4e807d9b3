import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the bundled `herald` as a developer's shell does: node (this machine's, 20 or newer) in `folder` (a new one by
 * default) holding `files`, with only the variables given (no GITHUB_*, no secrets).
 */
export function herald(
  args: string[],
  files: Record<string, string> = {},
  env: Record<string, string> = {},
  folder = mkdtempSync(join(tmpdir(), 'herald-cli-')),
): Promise<CliResult> {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: folder, env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });
}
