import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const push = () => githubEvent('push', (e) => e.head_commit);
const hook = () => `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/ci\n    retry_backoff: 0.05\n`;

/** What a later step sees when Herald sent nothing: outputs it can always parse, and one line in the job summary. */
function expectNothingSent(run: RunResult, { status, summary }: { status: string; summary: string }) {
  expect(receiver.requests).toHaveLength(0);
  expect(run.outputs).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status, trigger: '' });
  expect(JSON.parse(run.outputs.results!)).toEqual([]);
  expect(run.summary).toBe(`<b>Herald</b>: ${summary}\n`);
}

describe('a status that sends nothing', () => {
  it('status skipped (needs.<job>.result) succeeds, sends nothing, and says so in a notice, the outputs and the summary', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'skipped' }, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('::notice::Herald: status "skipped": the job or step did not run; nothing to send.\n');
    expectNothingSent(run, { status: 'skipped', summary: 'ℹ️ status &quot;skipped&quot;: the job or step did not run; nothing was sent.' });
  });

  it('status is case-insensitive and trimmed (" Cancelled ")', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: ' Cancelled ' }, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(receiver.requests[0]!.text)).toMatchObject({ trigger: 'error', status: 'cancelled' });
    expect(run.outputs).toMatchObject({ sent: '1', status: 'cancelled', trigger: 'error' });
  });

  it('a misspelt status fails with a did-you-mean, and still writes the outputs and a summary line', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'sucess' }, config: hook() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error::Input "status" is "sucess", which Herald does not know. Did you mean "success"? Use one of started, success, failure, cancelled, skipped, waiting,',
    );
    expectNothingSent(run, { status: '', summary: '❌ failed before sending anything; the error is in the log and the annotations.' });
  });

  it('workflow_run waiting for approval (action_required) is not "started": nothing is sent yet, and a notice says why', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'requested' && e.workflow_run.conclusion === 'action_required');
    const run = await runAction({ eventName: 'workflow_run', event, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    const reason = 'the run of "test" is waiting for approval (action_required); nothing is sent until it runs';
    expect(run.stdout).toContain(`::notice::Herald: ${reason}; nothing to send.\n`);
    expectNothingSent(run, { status: 'action_required', summary: `ℹ️ ${reason.replace(/"/g, '&quot;')}; nothing was sent.` });
  });

  it('workflow_run completed without a conclusion: a notice, nothing sent', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === null);
    const run = await runAction({ eventName: 'workflow_run', event, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('::notice::Herald: the run of "Manually triggered workflow" is completed but has no conclusion; nothing to send.\n');
    expectNothingSent(run, { status: '', summary: 'ℹ️ the run of &quot;Manually triggered workflow&quot; is completed but has no conclusion; nothing was sent.' });
  });

  it('a deployment status that is no trigger names its state', async () => {
    const event = githubEvent('deployment_status');
    event.deployment_status.state = 'inactive';
    const run = await runAction({ eventName: 'deployment_status', event, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain('::notice::Herald: deployment status "inactive" is not a notification trigger; nothing to send.\n');
    expectNothingSent(run, { status: 'inactive', summary: 'ℹ️ deployment status &quot;inactive&quot; is not a notification trigger; nothing was sent.' });
  });
});

describe('workflow_run conclusions that are sent', () => {
  it('workflow_run neutral is routed as success and worded neutrally', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    event.workflow_run.conclusion = 'neutral';
    const run = await runAction({ eventName: 'workflow_run', event, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    const body = JSON.parse(receiver.requests[0]!.text);
    expect(body).toMatchObject({ trigger: 'success', status: 'neutral', title: 'test finished (neutral) on master' });
  });

  it('workflow_run startup_failure is an error that says "failed to start"', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    event.workflow_run.conclusion = 'startup_failure';
    await runAction({ eventName: 'workflow_run', event, config: hook() });
    expect(JSON.parse(receiver.requests[0]!.text)).toMatchObject({
      trigger: 'error',
      status: 'startup_failure',
      title: 'test failed to start on master',
    });
  });
});

describe('outputs on every failing path', () => {
  it('an invalid config fails the step and still writes the outputs and a summary line', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'failure' }, config: `${hook()}    methd: PUT\n` });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Config file .github/notifications.yml has 1 problem:');
    expect(run.stdout).toMatch(/^::error .*::.*unknown key "methd"/m);
    expectNothingSent(run, { status: '', summary: '❌ failed before sending anything; the error is in the log and the annotations.' });
  });

  it('an unexpected error (a bug: an event value that no string can be made of) still writes the outputs and a summary line', async () => {
    const event = push();
    event.head_commit.message = { toString: 1 };
    const run = await runAction({ eventName: 'push', event, inputs: { status: 'success' }, config: hook() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::Herald failed unexpectedly; please report this: TypeError');
    expectNothingSent(run, { status: '', summary: '❌ failed before sending anything; the error is in the log and the annotations.' });
  });

  it('an output file that cannot be written does not turn the failure into a crash', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'failure' }, config: `${hook()}    methd: PUT\n`, env: { GITHUB_OUTPUT: '/' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::warning::Herald could not write its outputs: EISDIR');
    expect(run.stderr).toBe('');
  });

  it('a push without a status fails and still writes the outputs', async () => {
    const run = await runAction({ eventName: 'push', event: push(), config: hook() });
    expect(run.exitCode).toBe(1);
    expectNothingSent(run, { status: '', summary: '❌ failed before sending anything; the error is in the log and the annotations.' });
  });
});
