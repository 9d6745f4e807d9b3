import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { inject } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RunOptions {
  /** The config file's text, written to .github/notifications.yml in a fresh workspace. */
  config?: string;
  configPath?: string;
  inputs?: Record<string, string>;
  eventName: string;
  event: object;
  env?: Record<string, string>;
}

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

/** The action's input defaults, read from action.yml as the runner does. */
async function inputDefaults(): Promise<Record<string, string>> {
  const action = parse(await readFile(join(ROOT, 'action.yml'), 'utf8'));
  return Object.fromEntries(Object.entries(action.inputs as Record<string, { default?: string }>).map(([k, v]) => [k, v.default ?? '']));
}

const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** Runs dist/index.js on Node 24 the way the GitHub runner does, and reads back its outputs and summary. */
export async function runAction(options: RunOptions): Promise<RunResult> {
  const workspace = await mkdtemp(join(tmpdir(), 'herald-'));
  const files = {
    event: join(workspace, '_event.json'),
    output: join(workspace, '_output'),
    summary: join(workspace, '_summary'),
    env: join(workspace, '_env'),
  };
  await writeFile(files.event, JSON.stringify(options.event));
  for (const file of [files.output, files.summary, files.env]) await writeFile(file, '');
  if (options.config !== undefined) {
    const configFile = join(workspace, options.configPath ?? '.github/notifications.yml');
    await mkdir(dirname(configFile), { recursive: true });
    await writeFile(configFile, options.config);
  }
  const inputs = { ...(await inputDefaults()), ...options.inputs };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: workspace,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'build',
    GITHUB_RUN_ID: '1234567890',
    GITHUB_RUN_NUMBER: '42',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'Codertocat',
    GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    GITHUB_REF: 'refs/heads/main',
    RUNNER_TEMP: workspace,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [inputVariable(name), value])),
    ...options.env,
  };
  const started = performance.now();
  const child = spawn(inject('node24'), [join(ROOT, 'dist/index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
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

/** Parses the runner's file-command format: name<<DELIMITER\nvalue\nDELIMITER. */
export function parseCommandFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]!);
    values[name!] = value.join('\n');
  }
  return values;
}
