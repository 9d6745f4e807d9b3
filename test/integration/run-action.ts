import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { ENTRY, parseCommandFile, prepareWorkspace, type Workspace, type WorkspaceOptions } from '../../scripts/action-env.mjs';

export interface RunResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  githubEnv: string;
  /** What the step saved for its post step (GITHUB_STATE), by name. */
  state: Record<string, string>;
  /** GITHUB_OUTPUT as written, byte for byte. */
  outputFile: string;
  results: any[];
  durationMs: number;
}

/** Runs dist/index.js on Node 24 the way the GitHub runner does, and reads back its outputs and summary. */
export async function runAction(options: WorkspaceOptions): Promise<RunResult> {
  return runStep(prepareWorkspace(options));
}

/**
 * A job with Herald's step and its post step, as the runner runs them: the step, the job's other steps (nothing
 * here), then the post step (action.yml's `post`) with fresh command files, the same inputs evaluated again
 * (`postInputs`: `status: ${{ job.status }}` is now the job's final status), STATE_<name> for each value the step
 * saved, and the variables it exported to GITHUB_ENV.
 */
export async function runWithPost(options: WorkspaceOptions, postInputs: Record<string, string>): Promise<{ main: RunResult; post: RunResult }> {
  const prepared = prepareWorkspace(options);
  const main = await runStep(prepared);
  for (const file of [prepared.files.output, prepared.files.summary, prepared.files.env, prepared.files.state]) await writeFile(file, '');
  const env = {
    ...prepared.env,
    ...parseCommandFile(main.githubEnv),
    ...Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value])),
    ...Object.fromEntries(Object.entries(postInputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
  };
  return { main, post: await runStep({ ...prepared, env }) };
}

async function runStep({ workspace, files, env }: Workspace): Promise<RunResult> {
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
  const outputFile = await readFile(files.output, 'utf8');
  const outputs = parseCommandFile(outputFile);
  return {
    exitCode,
    stdout,
    stderr,
    outputs,
    outputFile,
    summary: await readFile(files.summary, 'utf8'),
    githubEnv: await readFile(files.env, 'utf8'),
    state: parseCommandFile(await readFile(files.state, 'utf8')),
    results: outputs.results ? JSON.parse(outputs.results) : [],
    durationMs,
  };
}
