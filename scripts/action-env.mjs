// How the GitHub runner starts a JavaScript action: shared by the integration tests, the demo and the benchmark.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '..');
export const ENTRY = join(ROOT, 'dist/index.js');

/**
 * The action's input defaults, read from action.yml as the runner does. An expression (`${{ github.token }}`) is the
 * runner's to evaluate: here it is empty, as in a fork's pull request, and a test passes the input itself.
 */
export function inputDefaults() {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  const value = (input) => (/^\$\{\{.*\}\}$/s.test(String(input.default ?? '').trim()) ? '' : (input.default ?? ''));
  return Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, value(input)]));
}

/**
 * A fresh workspace with the event payload, the config file and the runner's command files, and the environment
 * the runner gives the step (INPUT_* with defaults, GITHUB_*). `eventText` is the event file's text, when its bytes
 * matter (the event's JSON otherwise).
 */
export function prepareWorkspace({ eventName, event, eventText, config, configPath = '.github/notifications.yml', inputs = {}, env = {} }) {
  const workspace = mkdtempSync(join(tmpdir(), 'herald-'));
  const files = {
    event: join(workspace, '_event.json'),
    output: join(workspace, '_output'),
    summary: join(workspace, '_summary'),
    env: join(workspace, '_env'),
    state: join(workspace, '_state'),
  };
  writeFileSync(files.event, eventText ?? JSON.stringify(event));
  for (const file of [files.output, files.summary, files.env, files.state]) writeFileSync(file, '');
  if (config !== undefined) {
    const configFile = join(workspace, configPath);
    mkdirSync(dirname(configFile), { recursive: true });
    writeFileSync(configFile, config);
  }
  const allInputs = { ...inputDefaults(), ...inputs };
  const runnerEnv = {
    PATH: process.env.PATH ?? '',
    HOME: workspace,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_STATE: files.state,
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
    ...Object.fromEntries(Object.entries(allInputs).map(([name, value]) => [`INPUT_${name.replace(/ /g, '_').toUpperCase()}`, value])),
    ...env,
  };
  return { workspace, files, env: runnerEnv };
}

/** Parses the runner's file-command format: name<<DELIMITER\nvalue\nDELIMITER, or name=value on one line. */
export function parseCommandFile(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const single = /^([^<=]+)=(.*)$/.exec(lines[i]);
    if (single) {
      values[single[1]] = single[2];
      continue;
    }
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i]);
    values[name] = value.join('\n');
  }
  return values;
}
