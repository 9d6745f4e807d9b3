import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { inject } from 'vitest';
import { parse } from 'yaml';
import { ENTRY, inputDefaults, parseCommandFile, prepareWorkspace, type WorkspaceOptions } from '../../scripts/action-env.mjs';
import { interpolate, type Contexts } from './expressions.js';

export interface CompositeRun {
  /** Each step's exit code, in order. */
  exitCodes: (number | null)[];
  stdout: string;
  stderr: string;
  /** The composite's outputs, from its `outputs.*.value`. */
  outputs: Record<string, string>;
  summary: string;
  /** What the steps wrote to GITHUB_ENV, for the job's later steps. */
  githubEnv: Record<string, string>;
}

export interface CompositeOptions extends Omit<WorkspaceOptions, 'inputs'> {
  /** The caller's `with:`. */
  with?: Record<string, string>;
  /** The caller's step `env:` (secrets), which the composite's steps inherit. */
  stepEnv?: Record<string, string>;
}

interface Step {
  id?: string;
  if?: string;
  run?: string;
  shell?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

/**
 * Runs a composite action as the runner expands it: its input defaults under the caller's `with:`, ${{ }} filled
 * from `inputs`, `github.action_path` and `steps`, each `run:` step with bash (`bash --noprofile --norc -eo pipefail`)
 * and GITHUB_ACTION_PATH set to the action's folder, a `uses:` of Herald itself as dist/index.js with its `with:` as
 * INPUT_*, and `node` on PATH being Node 24. The runner gives a composite's steps no INPUT_* of their own.
 */
export async function runComposite(actionDir: string, options: CompositeOptions): Promise<CompositeRun> {
  const action = parse(readFileSync(join(actionDir, 'action.yml'), 'utf8'));
  if (action.runs?.using !== 'composite') throw new Error(`${actionDir} is not a composite action`);
  const inputs: Record<string, string> = {};
  for (const [name, input] of Object.entries<{ default?: string }>(action.inputs ?? {})) inputs[name] = input.default ?? '';
  for (const [name, value] of Object.entries(options.with ?? {})) {
    if (!(name in inputs)) throw new Error(`${actionDir} has no input "${name}"`);
    inputs[name] = value;
  }

  const { workspace, env: runnerEnv } = prepareWorkspace({ ...options, inputs: {} });
  const baseEnv: Record<string, string | undefined> = Object.fromEntries(Object.entries(runnerEnv).filter(([name]) => !name.startsWith('INPUT_')));
  baseEnv.PATH = `${dirname(inject('node24'))}${delimiter}${baseEnv.PATH ?? ''}`;
  Object.assign(baseEnv, options.stepEnv);
  const summaryFile = join(workspace, '_summary');
  const steps: Record<string, { outputs: Record<string, string> }> = {};
  const githubEnv: Record<string, string> = {};
  const run: CompositeRun = { exitCodes: [], stdout: '', stderr: '', outputs: {}, summary: '', githubEnv };

  for (const [index, step] of (action.runs.steps as Step[]).entries()) {
    if (step.if !== undefined) throw new Error(`step ${index}: "if" is not supported by this test's runner`);
    const contexts: Contexts = { inputs, steps, github: { action_path: actionDir, workspace }, runner: { temp: workspace } };
    const files = { output: join(workspace, `_output_${index}`), env: join(workspace, `_env_${index}`) };
    for (const file of Object.values(files)) writeFileSync(file, '');
    const env: Record<string, string | undefined> = {
      ...baseEnv,
      ...githubEnv,
      GITHUB_ACTION_PATH: actionDir,
      GITHUB_OUTPUT: files.output,
      GITHUB_ENV: files.env,
      GITHUB_STEP_SUMMARY: summaryFile,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) env[name] = interpolate(String(value), contexts);

    let command: string[];
    if (step.run !== undefined) {
      if (step.shell !== 'bash') throw new Error(`step ${index}: only shell: bash is supported by this test's runner`);
      const script = join(workspace, `_step_${index}.sh`);
      writeFileSync(script, interpolate(step.run, contexts));
      command = ['bash', '--noprofile', '--norc', '-eo', 'pipefail', script];
    } else if (step.uses !== undefined && /^(\.\/?|herald-notify\/herald@.+)$/.test(step.uses)) {
      const given = Object.fromEntries(Object.entries(step.with ?? {}).map(([name, value]) => [name, interpolate(String(value), contexts)]));
      for (const [name, value] of Object.entries({ ...inputDefaults(), ...given })) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
      command = [inject('node24'), ENTRY];
    } else throw new Error(`step ${index}: "uses: ${step.uses}" is not supported by this test's runner`);

    const child = spawn(command[0]!, command.slice(1), { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (run.stdout += chunk));
    child.stderr.on('data', (chunk) => (run.stderr += chunk));
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    run.exitCodes.push(exitCode);
    if (step.id) steps[step.id] = { outputs: parseCommandFile(await readFile(files.output, 'utf8')) };
    Object.assign(githubEnv, parseCommandFile(await readFile(files.env, 'utf8')));
    if (exitCode !== 0) break;
  }

  const contexts: Contexts = { inputs, steps };
  for (const [name, output] of Object.entries<{ value: string }>(action.outputs ?? {})) run.outputs[name] = interpolate(output.value, contexts);
  run.summary = await readFile(summaryFile, 'utf8');
  return run;
}
