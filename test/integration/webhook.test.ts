import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver, refusedUrl } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const push = () => githubEvent('push', (e) => e.head_commit);

describe('generic webhook', () => {
  it('sends the documented generic JSON payload for a push with status success', async () => {
    const event = push();
    const run = await runAction({
      eventName: 'push',
      event,
      inputs: { status: 'success' },
      config: `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/ci\n`,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/ci');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toMatch(/^Herald\/\d+\.\d+\.\d+/);
    const body = JSON.parse(request!.text);
    expect(body).toMatchObject({
      payload_version: 1,
      destination: 'hooks',
      trigger: 'success',
      status: 'success',
      repository: 'Codertocat/Hello-World',
      workflow: 'CI',
      job: 'build',
      run: { id: '1234567890', number: '42', attempt: '1', url: 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890' },
      commit: { sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', message: event.head_commit.message },
      ref: 'refs/heads/main',
      branch: 'main',
      event_name: 'push',
      actor: 'Codertocat',
    });
    expect(body.message).toBe('CI succeeded on main in Codertocat/Hello-World (#42)');
    expect(run.outputs.sent).toBe('1');
    expect(run.results[0]).toMatchObject({ destination: 'hooks', type: 'webhook', trigger: 'success', status: 'successful', code: 200, attempts: 1, response: 'ok' });
    expect(run.summary).toContain('Herald notifications');
  });
});
