import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adaptiveCardProblems } from '../fixtures/chat-validators.js';
import { DEVTRON_SAMPLES } from '../fixtures/devtron-samples.js';
import { githubEvent } from '../fixtures/events.js';
import { Receiver, type Received } from './receiver.js';
import { runAction } from './run-action.js';

const TOKEN = 'tfc-notification-token-5f2e';

/**
 * A receiver written from Terraform Cloud's "Notification Authenticity": the HMAC-SHA512 of the request body, keyed
 * with the configuration's token, hex, compared with X-TFE-Notification-Signature; a request that does not match is
 * dropped (403).
 */
function verifiesLikeTerraformCloud(request: Received) {
  const expected = Buffer.from(createHmac('sha512', TOKEN).update(request.body).digest('hex'));
  const given = Buffer.from(String(request.headers['x-tfe-notification-signature'] ?? ''));
  const valid = given.length === expected.length && timingSafeEqual(given, expected);
  return valid ? { status: 200, body: 'ok' } : { status: 403, body: 'invalid signature' };
}

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start(verifiesLikeTerraformCloud);
});
afterEach(async () => {
  await receiver.close();
});

const tfc = (extra = '') =>
  `destinations:\n  tfc-receiver:\n    type: webhook\n    url: ${receiver.url}/tfc\n    payload_format: terraform-cloud-v1\n    secret: ${TOKEN}\n    retries: 0\n${extra}`;
const STARTED_AT = '2026-11-23T10:00:00.000Z';

describe('Terraform Cloud receivers work unchanged (payload_format: terraform-cloud-v1)', () => {
  it.each([
    ['started', 'run:created', 'pending'],
    ['success', 'run:completed', 'applied'],
    ['failure', 'run:errored', 'errored'],
    ['cancelled', 'run:errored', 'canceled'],
  ])('status %s: the v1 run payload with trigger %s, run_status %s, signed as Terraform Cloud signs', async (status, trigger, runStatus) => {
    const event = githubEvent('push', (e) => e.head_commit);
    const run = await runAction({ eventName: 'push', event, inputs: { status }, config: tfc(), env: { HERALD_STARTED_AT: STARTED_AT } });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results).toEqual([expect.objectContaining({ destination: 'tfc-receiver', status: 'successful', code: 200 })]);
    const [request] = receiver.requests;
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-herald-signature']).toBeUndefined();
    const updatedAt = JSON.parse(request!.text).notifications[0].run_updated_at;
    expect(updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const line = {
      started: 'CI started on main in Codertocat/Hello-World (#42)',
      success: 'CI succeeded on main in Codertocat/Hello-World (#42)',
      failure: 'CI failed on main in Codertocat/Hello-World (#42)',
      cancelled: 'CI was cancelled on main in Codertocat/Hello-World (#42)',
    }[status];
    expect(request!.text).toBe(
      JSON.stringify({
        payload_version: 1,
        notification_configuration_id: 'tfc-receiver',
        run_url: `${event.repository.html_url}/actions/runs/1234567890`,
        run_id: 'run-1234567890',
        run_message: event.head_commit.message,
        run_created_at: STARTED_AT,
        run_created_by: 'Codertocat',
        workspace_id: 'Codertocat/Hello-World',
        workspace_name: 'Hello-World',
        organization_name: 'Codertocat',
        notifications: [{ message: line, trigger, run_status: runStatus, run_updated_at: updatedAt, run_updated_by: 'Codertocat' }],
      }),
    );
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(TOKEN);
  });

  it("a test notification is Terraform Cloud's verification request, signed", async () => {
    const run = await runAction({
      eventName: 'workflow_dispatch',
      event: githubEvent('workflow_dispatch', (e) => e.sender.login === 'octocat'),
      inputs: { test: 'true' },
      config: tfc(),
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results).toEqual([expect.objectContaining({ trigger: 'test', status: 'successful', code: 200 })]);
    expect(receiver.requests[0]!.text).toBe(
      '{"payload_version":1,"notification_configuration_id":"tfc-receiver","run_url":null,"run_id":null,"run_message":null,' +
        '"run_created_at":null,"run_created_by":null,"workspace_id":null,"workspace_name":null,"organization_name":null,' +
        '"notifications":[{"message":"Verification of tfc-receiver","trigger":"verification","run_status":null,"run_updated_at":null,"run_updated_by":null}]}',
    );
  });

  it('the receiver drops a body signed with another token: the delivery fails with its answer', async () => {
    const run = await runAction({
      eventName: 'push',
      event: githubEvent('push', (e) => e.head_commit),
      inputs: { status: 'success' },
      config: tfc().replace(`secret: ${TOKEN}`, 'secret: another-token'),
    });
    expect(run.results).toEqual([expect.objectContaining({ status: 'failed', code: 403, response: 'invalid signature' })]);
  });
});

describe("Devtron's sample payloads pasted as they are (delimiters: \"{{ }}\")", () => {
  it("the Teams sample arrives as Devtron would send it, with Devtron's eventType and no warnings", async () => {
    receiver.respond(() => ({ status: 202, body: '' }));
    const config = JSON.stringify({
      destinations: { devtron: { type: 'teams', webhook_url: `${receiver.url}/teams`, delimiters: '{{ }}', payload: DEVTRON_SAMPLES.teams } },
    });
    const run = await runAction({ eventName: 'pull_request', event: githubEvent('pull_request', (e) => e.action === 'opened'), inputs: { status: 'failure' }, config });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).not.toContain('::warning');
    expect(run.results).toEqual([expect.objectContaining({ status: 'successful', warnings: [] })]);
    expect(receiver.requests[0]!.text).toBe(
      DEVTRON_SAMPLES.teams.replace('{{devtronAppName}}', 'Hello-World').replace('{{eventType}}', 'fail'),
    );
    expect(adaptiveCardProblems(JSON.parse(receiver.requests[0]!.text).attachments[0].content)).toEqual([]);
  });
});
