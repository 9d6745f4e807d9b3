import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Receiver } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const hook = () => `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/ci\n    retry_backoff: 0.05\n`;

/** An event file holding exactly `text`, outside the workspace the runner prepares. */
function eventFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'herald-event-')), 'event.json');
  writeFileSync(file, text);
  return file;
}

/** Runs with GITHUB_EVENT_PATH pointing at `file` (undefined: not set at all). */
const runWithEventPath = (file: string | undefined) =>
  runAction({ eventName: 'push', event: {}, inputs: { status: 'success' }, config: hook(), env: { GITHUB_EVENT_PATH: file } });

/** A broken event file: one error line, no stack trace, nothing sent, and the outputs and summary line still written. */
function expectOneClearError(run: RunResult, error: string) {
  expect(run.exitCode).toBe(1);
  expect(run.stderr).toBe('');
  expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([`::error::${error}`]);
  expect(run.stdout).not.toMatch(/^\s+at /m);
  expect(receiver.requests).toHaveLength(0);
  expect(run.outputs).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status: '', trigger: '', messages: '[]' });
  expect(run.summary).toBe('<b>Herald</b>: ❌ failed before sending anything; the error is in the log and the annotations.\n');
}

describe('a broken event file is one clear error', () => {
  it('a file that is not JSON names the file and what the parser says', async () => {
    const file = eventFile('{"ref": "refs/heads/main", "head_commit": {"id": ');
    const run = await runWithEventPath(file);
    expectOneClearError(
      run,
      `The event file ${file} (GITHUB_EVENT_PATH) is not valid JSON: Unexpected end of JSON input; the runner writes it as a JSON object.`,
    );
  });

  it('garbage: the parser names the first character that is wrong', async () => {
    const file = eventFile('garbage');
    const run = await runWithEventPath(file);
    expectOneClearError(
      run,
      `The event file ${file} (GITHUB_EVENT_PATH) is not valid JSON: Unexpected token 'g', "garbage" is not valid JSON; the runner writes it as a JSON object.`,
    );
  });

  it('an empty file says it is empty', async () => {
    const file = eventFile('\n');
    const run = await runWithEventPath(file);
    expectOneClearError(run, `The event file ${file} (GITHUB_EVENT_PATH) is empty; the runner writes it as a JSON object.`);
  });

  it('JSON that is not an object (null, a list) says what it holds', async () => {
    const nullFile = eventFile('null');
    expectOneClearError(await runWithEventPath(nullFile), `The event file ${nullFile} (GITHUB_EVENT_PATH) holds null, not an object; the runner writes it as a JSON object.`);
    const listFile = eventFile('[{"ref": "refs/heads/main"}]');
    expectOneClearError(await runWithEventPath(listFile), `The event file ${listFile} (GITHUB_EVENT_PATH) holds a list, not an object; the runner writes it as a JSON object.`);
  });

  it('a directory where the file should be cannot be read, and says why', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'herald-event-dir-'));
    const run = await runWithEventPath(directory);
    expectOneClearError(run, `The event file ${directory} (GITHUB_EVENT_PATH) cannot be read: EISDIR: illegal operation on a directory, read`);
  });
});

describe('no event file (a local run, act) is an empty event and a notice', () => {
  const message = (body: any) => ({ title: body.title, message: body.message, commit: body.commit, ref: body.ref, branch: body.branch, actor: body.actor });
  const fromEnvironmentAlone = {
    title: 'CI succeeded on main',
    message: 'CI succeeded on main in Codertocat/Hello-World (#42)',
    commit: {
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      message: null,
      url: 'https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      author: null,
    },
    ref: 'refs/heads/main',
    branch: 'main',
    actor: 'Codertocat',
  };

  it('GITHUB_EVENT_PATH not set: the notification is built from the GITHUB_* variables', async () => {
    const run = await runWithEventPath(undefined);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      '::notice::Herald: GITHUB_EVENT_PATH is not set (not a GitHub runner?), so the event is empty: the notification is built from the GITHUB_* variables alone.\n',
    );
    expect(message(JSON.parse(receiver.requests[0]!.text))).toEqual(fromEnvironmentAlone);
    expect(run.outputs).toMatchObject({ sent: '1', failed: '0', status: 'success', trigger: 'success' });
  });

  it('GITHUB_EVENT_PATH naming a file that does not exist: the same, and the notice names the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'herald-event-')), 'missing.json');
    const run = await runWithEventPath(file);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      `::notice::Herald: the event file ${file} (GITHUB_EVENT_PATH) does not exist, so the event is empty: the notification is built from the GITHUB_* variables alone.\n`,
    );
    expect(message(JSON.parse(receiver.requests[0]!.text))).toEqual(fromEnvironmentAlone);
  });
});
