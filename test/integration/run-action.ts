import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { ENTRY, parseCommandFile, prepareWorkspace, type WorkspaceOptions } from '../../scripts/action-env.mjs';

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  githubEnv: string;
  results: any[];
  durationMs: number;
}

/** Runs dist/index.js on Node 24 the way the GitHub runner does, and reads back its outputs and summary. */
export async function runAction(options: WorkspaceOptions): Promise<RunResult> {
  const { workspace, files, env } = prepareWorkspace(options);
  const started = performance.now();
  const child = spawn(inject('node24'), [ENTRY], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Decode as a stream: a character split across two chunks must not become two U+FFFD.
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const durationMs = performance.now() - started;
  const outputs = parseCommandFile(await readFile(files.output, 'utf8'));
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    summary: await readFile(files.summary, 'utf8'),
    githubEnv: await readFile(files.env, 'utf8'),
    results: outputs.results ? JSON.parse(outputs.results) : [],
    durationMs,
  };
}
