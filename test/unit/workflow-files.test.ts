import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../scripts/action-env.mjs';

// GitHub's own rules for workflow and action files, as @action-validator/cli (pinned in package.json) checks them:
// the JSON schemas GitHub's syntax is written down in, and the globs in path filters.
const VALIDATOR = join(ROOT, 'node_modules/@action-validator/cli/cli.mjs');
const run = promisify(execFile);

/** Every workflow (.github/workflows, examples) and every action.yml of the repository. */
function workflowFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !['node_modules', '.git', 'dist', 'test', '.vitest'].includes(entry.name)) walk(path);
      else if (entry.isFile() && /^action\.ya?ml$/.test(entry.name)) found.push(path);
      else if (entry.isFile() && /\.ya?ml$/.test(entry.name) && /^(\.github\/workflows|examples)$/.test(relative(ROOT, dir))) found.push(path);
    }
  };
  walk(ROOT);
  return found.map((path) => relative(ROOT, path)).sort();
}

/** Runs the validator on a file; it takes action.yml / action.yaml as action metadata and any other file as a workflow. */
async function validate(file: string): Promise<string> {
  try {
    await run(process.execPath, [VALIDATOR, file]);
    return '';
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return `${stdout}${stderr}` || String(error);
  }
}

/**
 * The file as the validator can read it: its schema (0.6.0, the newest) predates `using: node24`, so node20 stands in
 * for it; the test below checks the main action really says node24.
 */
function checkable(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!/^\s+using: node24$/m.test(text)) return join(ROOT, file);
  const copy = join(mkdtempSync(join(tmpdir(), 'herald-validate-')), file.replace(/\//g, '_'));
  mkdirSync(copy);
  writeFileSync(join(copy, 'action.yml'), text.replace(/^(\s+using:) node24$/m, '$1 node20'));
  return join(copy, 'action.yml');
}

describe('workflow and action files pass GitHub’s rules', () => {
  const files = workflowFiles();

  it('finds every one of them', () => {
    expect(files).toEqual([
      '.github/workflows/ci.yml',
      '.github/workflows/notify-ci.yml',
      '.github/workflows/notify.yml',
      'action.yml',
      'examples/needs-summary.yml',
      'examples/notifier.yml',
      'examples/track-job.yml',
      'notify-finished/action.yml',
      'notify-started/action.yml',
    ]);
  });

  it.each(files)('%s', async (file) => {
    expect(await validate(checkable(file))).toBe('');
  });

  it('the main action runs on node24, which the validator is told is node20, with a post step that always runs', () => {
    expect(parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')).runs).toEqual({ using: 'node24', main: 'dist/index.js', post: 'dist/index.js', 'post-if': 'always()' });
  });

  it('the validator does catch a broken file: a workflow_call input of a type GitHub does not have', async () => {
    const text = readFileSync(join(ROOT, '.github/workflows/notify.yml'), 'utf8').replace('type: boolean', 'type: bool');
    const broken = join(mkdtempSync(join(tmpdir(), 'herald-validate-')), 'notify.yml');
    writeFileSync(broken, text);
    expect(await validate(broken)).toContain('"path": "/on/workflow_call/inputs/dry-run/type"');
  });
});
