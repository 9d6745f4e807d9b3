import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Reads a file of the folder the command ran in (what `--output` wrote). */
  read(name: string): string;
}

/**
 * Runs the bundled `herald` as a developer's shell does: node in a fresh folder holding `files`, with only the
 * variables given (no GITHUB_*, no secrets).
 */
export function runCli(args: string[], files: Record<string, string>, env: Record<string, string> = {}): Promise<CliRun> {
  const folder = mkdtempSync(join(tmpdir(), 'herald-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    writeFileSync(join(folder, name), text);
  }
  const read = (name: string) => readFileSync(join(folder, name), 'utf8');
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: folder, env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr, read }),
    );
  });
}
