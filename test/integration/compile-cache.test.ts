import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const send = (runnerTemp: string) =>
  runAction({
    eventName: 'push',
    event: githubEvent('push', (e) => e.head_commit),
    inputs: { status: 'success' },
    config: `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/ci\n`,
    env: { RUNNER_TEMP: runnerTemp },
  });

/** Every file under dir, recursively. */
const filesUnder = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);

describe('compiled code is cached for the later Herald steps of a job', () => {
  it('the first step fills a cache under RUNNER_TEMP, and a later step in the same job uses it and still delivers', async () => {
    const runnerTemp = mkdtempSync(join(tmpdir(), 'herald-job-'));
    const first = await send(runnerTemp);
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(filesUnder(join(runnerTemp, 'herald-compile-cache')).length).toBeGreaterThan(0);
    const later = await send(runnerTemp);
    expect(later.exitCode, later.stdout + later.stderr).toBe(0);
    expect(later.results[0]).toMatchObject({ status: 'successful', code: 200 });
    expect(receiver.requests).toHaveLength(2);
  });

  it('a RUNNER_TEMP where no cache can be made does not stop the step', async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), 'herald-job-')), 'file');
    writeFileSync(notADirectory, '');
    const run = await send(notADirectory);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200 });
  });
});
