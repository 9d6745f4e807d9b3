import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start(() => ({ status: 202, headers: { 'content-type': 'application/json' }, body: '{"status":"success","message":"Event processed","dedup_key":"k"}' }));
});
afterEach(async () => {
  await receiver.close();
});

const KEY = 'pdRoutingKey0123456789abcdef0123';
const config = (url: string, extra = '') => `destinations:
  on-call:
    type: pagerduty
    routing_key: \${PAGERDUTY_ROUTING_KEY}
    api_url: ${url}/pd
    retry_backoff: 0.05${extra}
`;
const run = (status: string, extra = '') =>
  runAction({ eventName: 'push', event: pushEvent(), inputs: { status }, config: config(receiver.url, extra), env: { PAGERDUTY_ROUTING_KEY: KEY } });

const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';

describe('pagerduty, run as the runner runs dist/index.js', () => {
  it('a break triggers an incident and the fix resolves it through the same dedup key, byte for byte', async () => {
    const broken = await run('failure');
    expect(broken.exitCode, broken.stdout + broken.stderr).toBe(0);
    const fixed = await run('success');
    expect(fixed.exitCode, fixed.stdout + fixed.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    const [trigger, resolve] = receiver.requests;
    for (const request of [trigger!, resolve!]) {
      expect(request).toMatchObject({ method: 'POST', path: '/pd/v2/enqueue' });
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    // The one value that differs from run to run: when it was sent.
    const timestamp: string = JSON.parse(trigger!.text).payload.timestamp;
    expect(Math.abs(Date.parse(timestamp) - Date.now())).toBeLessThan(60_000);
    expect(trigger!.text).toBe(
      `{"routing_key":"${KEY}","event_action":"trigger","dedup_key":"Codertocat/Hello-World/CI/main",` +
        `"payload":{"summary":"CI failed on main in Codertocat/Hello-World (#42)","source":"Codertocat/Hello-World","severity":"critical",` +
        `"timestamp":"${timestamp}","custom_details":{"repository":"Codertocat/Hello-World","workflow":"CI / build","branch":"main",` +
        `"commit":"6113728 Adding a .gitignore file","actor":"Codertocat"}},"client":"GitHub Actions","client_url":"${RUN_URL}",` +
        `"links":[{"href":"${RUN_URL}","text":"Workflow run"},` +
        `{"href":"https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246","text":"Commit 6113728"}]}`,
    );
    expect(resolve!.text).toBe(`{"routing_key":"${KEY}","event_action":"resolve","dedup_key":"Codertocat/Hello-World/CI/main"}`);
    for (const result of [broken.results[0], fixed.results[0]]) expect(result).toMatchObject({ status: 'successful', code: 202, attempts: 1 });
  });

  it('a test notification triggers an info incident under a key of its own', async () => {
    const tested = await runAction({ eventName: 'push', event: pushEvent(), inputs: { test: 'true' }, config: config(receiver.url), env: { PAGERDUTY_ROUTING_KEY: KEY } });
    expect(tested.exitCode, tested.stdout + tested.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const event = JSON.parse(receiver.requests[0]!.text);
    expect(event).toMatchObject({ event_action: 'trigger', dedup_key: 'herald-test/Codertocat/Hello-World/CI/main' });
    expect(event.payload).toMatchObject({ severity: 'info', summary: 'Test notification from Herald in Codertocat/Hello-World (#42)' });
    expect(tested.results[0]).toMatchObject({ status: 'successful', code: 202, trigger: 'test' });
  });

  it('a start sends nothing and is recorded as skipped, with the reason', async () => {
    const started = await run('started');
    expect(started.exitCode, started.stdout + started.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    expect(started.results).toHaveLength(1);
    expect(started.results[0]).toMatchObject({ destination: 'on-call', type: 'pagerduty', trigger: 'started', status: 'skipped' });
    expect(started.outputs.skipped).toBe('1');
    expect(started.stdout).toContain('skipped: PagerDuty has no event for a start (error and broken trigger an incident, success and fixed resolve it)');
  });

  it("a 400 is a failed delivery in PagerDuty's words, not retried", async () => {
    receiver.respond(() => ({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: '{"status":"invalid event","message":"Event object is invalid","errors":["\'payload.severity\' is missing or blank"]}',
    }));
    const failed = await run('failure', '\n    retries: 2');
    expect(failed.exitCode, failed.stdout + failed.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(failed.results[0]).toMatchObject({ status: 'failed', code: 400, attempts: 1 });
    expect(failed.results[0].error).toBe("PagerDuty error: Event object is invalid: 'payload.severity' is missing or blank (HTTP 400)");
  });

  it('a 429 (the rate limit) is retried with backoff, with the same event', async () => {
    receiver.respond((_request, index) =>
      index === 0 ? { status: 429, body: '' } : { status: 202, headers: { 'content-type': 'application/json' }, body: '{"status":"success","message":"Event processed"}' },
    );
    const retried = await run('failure');
    expect(retried.exitCode, retried.stdout + retried.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(retried.results[0]).toMatchObject({ status: 'successful', code: 202, attempts: 2 });
  });
});
