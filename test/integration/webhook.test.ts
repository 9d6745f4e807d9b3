import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver, refusedUrl } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const push = () => githubEvent('push', (e) => e.head_commit);
const hook = (extra = '') => `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/ci\n    retry_backoff: 0.05\n${extra}`;
const bodies = () => receiver.requests.map((request) => JSON.parse(request.text));
/** Everything the step printed or wrote, where a secret must never appear. */
const everything = (run: RunResult) =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');

describe('generic webhook payload', () => {
  it('sends the documented generic JSON payload for a push with status success', async () => {
    const event = push();
    const run = await runAction({ eventName: 'push', event, inputs: { status: 'success' }, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/ci');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toMatch(/^Herald\/\d+\.\d+\.\d+/);
    expect(request!.headers['x-herald-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    const body = JSON.parse(request!.text);
    expect(body).toEqual({
      payload_version: 1,
      destination: 'hooks',
      trigger: 'success',
      status: 'success',
      message: 'CI succeeded on main in Codertocat/Hello-World (#42)',
      title: 'CI succeeded on main',
      repository: 'Codertocat/Hello-World',
      repository_url: event.repository.html_url,
      workflow: 'CI',
      job: 'build',
      run: { id: '1234567890', number: '42', attempt: '1', url: `${event.repository.html_url}/actions/runs/1234567890` },
      commit: {
        sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        message: event.head_commit.message,
        url: `${event.repository.html_url}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246`,
        author: event.head_commit.author.name,
      },
      ref: 'refs/heads/main',
      branch: 'main',
      tag: null,
      pull_request: null,
      environment: null,
      event_name: 'push',
      actor: 'Codertocat',
      started_at: null,
      duration_seconds: null,
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      failed_jobs: [],
    });
    expect(run.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '0' });
    expect(run.results).toEqual([
      expect.objectContaining({
        destination: 'hooks',
        type: 'webhook',
        trigger: 'success',
        status: 'successful',
        code: 200,
        attempts: 1,
        url: `${receiver.url}/ci`,
        response: 'ok',
        error: null,
        delivery_id: request!.headers['x-herald-delivery'],
        sent_at: expect.stringMatching(/^\d{4}-/),
        duration_ms: expect.any(Number),
      }),
    ]);
    expect(run.summary).toContain('<h3>Herald notifications</h3>');
    expect(run.summary).toMatch(/<td>hooks<\/td><td>webhook<\/td><td>success<\/td><td>✅ sent<\/td><td>200<\/td><td>1<\/td>/);
  });
});

describe('triggers, end to end', () => {
  it.each([
    ['started', 'started'],
    ['success', 'success'],
    ['failure', 'error'],
    ['cancelled', 'error'],
  ])('status %s sends trigger %s', async (status, trigger) => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status }, config: hook() });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(bodies()[0]).toMatchObject({ trigger, status });
  });

  it('a started step records its start time for the later steps of the job', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'started' }, config: hook() });
    expect(run.githubEnv).toMatch(/^HERALD_STARTED_AT<<ghadelimiter_[\w-]+\n\d{4}-\d\d-\d\dT[\d:.]+Z\n/);
    const later = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook(), env: { HERALD_STARTED_AT: new Date(Date.now() - 95_000).toISOString() } });
    expect(later.exitCode).toBe(0);
    expect(bodies()[1]).toMatchObject({ duration_seconds: expect.any(Number) });
    expect(bodies()[1].duration_seconds).toBeGreaterThanOrEqual(95);
  });

  it('workflow_run completed with failure: error about the triggering run', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    event.workflow_run.conclusion = 'timed_out';
    const run = await runAction({ eventName: 'workflow_run', event, config: hook(), env: { GITHUB_WORKFLOW: 'Notify' } });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(bodies()[0]).toMatchObject({
      trigger: 'error',
      status: 'timed_out',
      // This example's workflow_run.name is empty: the name comes from the event's workflow object.
      workflow: 'test',
      run: { id: String(event.workflow_run.id), url: event.workflow_run.html_url },
      commit: { sha: event.workflow_run.head_sha, message: event.workflow_run.head_commit.message },
      branch: event.workflow_run.head_branch,
      message: `test timed out on ${event.workflow_run.head_branch} in Codertocat/Hello-World (#${event.workflow_run.run_number})`,
    });
    expect(event.workflow_run.name).toBe('');
  });

  it('merge_group: the queue base branch, the head commit and the tested sha', async () => {
    const event = githubEvent('merge_group');
    const queue = event.merge_group;
    const run = await runAction({
      eventName: 'merge_group',
      event,
      inputs: { status: 'failure' },
      config: hook('    payload: \'{"branch": "<<branch>>", "ref": "<<ref>>", "sha": "<<sha>>", "author": "<<commitAuthor>>", "commit": "<<commitMessage>>", "message": "<<message>>"}\'\n'),
      env: { GITHUB_REF: queue.head_ref, GITHUB_SHA: queue.head_sha },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests[0]!.text).toBe(
      '{"branch": "main", "ref": "refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64", ' +
        '"sha": "2ffea6db159f6b6c47a24e778fb9ef40cf6b1c7d", "author": "Codertocat", ' +
        '"commit": "Merge pull request #2048 from octo-repo/update-readme\\n\\nUpdate README.md", "message": "CI failed on main in Codertocat/Hello-World (#42)"}',
    );
  });

  it('a started notification has no duration, even after an earlier started step', async () => {
    const env = { HERALD_STARTED_AT: new Date(Date.now() - 95_000).toISOString() };
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'started' }, config: hook(), env });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(bodies()[0]).toMatchObject({ trigger: 'started', started_at: env.HERALD_STARTED_AT, duration_seconds: null });
  });

  it('workflow_run requested: started', async () => {
    const run = await runAction({ eventName: 'workflow_run', event: githubEvent('workflow_run', (e) => e.action === 'requested'), config: hook() });
    expect(run.exitCode).toBe(0);
    expect(bodies()[0]).toMatchObject({ trigger: 'started' });
  });

  it('workflow_job completed with failure: error about that job', async () => {
    const event = githubEvent('workflow_job', (e) => e.action === 'completed' && e.workflow_job.conclusion === 'failure');
    const run = await runAction({ eventName: 'workflow_job', event, config: hook() });
    expect(run.exitCode).toBe(0);
    expect(bodies()[0]).toMatchObject({ trigger: 'error', status: 'failure', job: event.workflow_job.name, run: { url: event.workflow_job.html_url } });
  });

  it('workflow_job queued: started', async () => {
    await runAction({ eventName: 'workflow_job', event: githubEvent('workflow_job', (e) => e.action === 'queued'), config: hook() });
    expect(bodies()[0]).toMatchObject({ trigger: 'started' });
  });

  it.each([
    ['success', 'success'],
    ['in_progress', 'started'],
    ['failure', 'error'],
  ])('deployment_status %s: %s, with the environment', async (state, trigger) => {
    const event = githubEvent('deployment_status');
    event.deployment_status.state = state;
    const run = await runAction({ eventName: 'deployment_status', event, config: hook() });
    expect(run.exitCode).toBe(0);
    expect(bodies()[0]).toMatchObject({ trigger, environment: event.deployment.environment });
  });

  it('a workflow_job action that is no trigger (one GitHub adds later) sends nothing and does not fail', async () => {
    const event = { ...githubEvent('workflow_job', (e) => e.action === 'in_progress'), action: 'paused' };
    const run = await runAction({ eventName: 'workflow_job', event, config: hook() });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('::notice::Herald: a "workflow_job" event with action "paused" is not a notification trigger; nothing to send.');
    expect(receiver.requests).toHaveLength(0);
  });

  it('a push without a status fails with how to pass one', async () => {
    const run = await runAction({ eventName: 'push', event: push(), config: hook() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::Herald cannot tell the job');
    expect(run.stdout).toContain('status: ${{ job.status }}');
    expect(receiver.requests).toHaveLength(0);
  });

  it('routes by trigger and branch filters', async () => {
    const config = `${hook()}  other:\n    type: webhook\n    url: ${receiver.url}/other\nnotifications:\n  - triggers: [error]\n    to: [hooks]\n  - triggers: [success, error]\n    to: other\n    branches: ["release/*"]\n`;
    await runAction({ eventName: 'push', event: push(), inputs: { status: 'failure' }, config });
    await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config, env: { GITHUB_REF: 'refs/heads/release/2.0' } });
    await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config });
    expect(receiver.requests.map((r) => r.path)).toEqual(['/ci', '/other']);
  });
});

describe('templated payloads', () => {
  it('hostile commit messages give valid JSON holding exactly that text', async () => {
    const event = push();
    const hostile = `Merge "quotes" and back\\slashes\n\nnew lines, tab\t, emoji 🚀👍🏽, <<repository>>, {{repository}}, \${HOOK}, </script>, \u0000 nul, ${'x'.repeat(5000)}`;
    event.head_commit.message = hostile;
    const run = await runAction({
      eventName: 'push',
      event,
      inputs: { status: 'failure' },
      config: hook(`    payload: |\n      {"app": "<<repository>>", "event": "<<eventType>>", "commit": "<<commitMessage>>", "raw": <<json.event.head_commit.message>>}\n`),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(JSON.parse(receiver.requests[0]!.text)).toEqual({ app: 'Codertocat/Hello-World', event: 'error', commit: hostile, raw: hostile });
  });

  it('a template that renders invalid JSON fails that delivery only, with a Template Error', async () => {
    const config = `${hook('    payload: \'{"app": <<repository>>}\'\n')}  good:\n    type: webhook\n    url: ${receiver.url}/good\n`;
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/good']);
    const failed = run.results.find((r) => r.destination === 'hooks');
    expect(failed).toMatchObject({ status: 'failed', attempts: 0, code: null });
    expect(failed.error).toMatch(/^Template Error in payload: rendered payload is not valid JSON/);
    expect(run.stdout).toContain('::warning::Notification failed: hooks (webhook): Template Error in payload');
  });

  it('an unknown variable is a Template Warning on the delivery, which is still sent', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook(`    payload: '{"x": "<<comitMessage>>"}'\n`) });
    expect(receiver.requests[0]!.text).toBe('{"x": ""}');
    expect(run.results[0].warnings).toEqual(['Template Warning in payload: unknown variable "comitMessage" (it renders as nothing, or null under json.); see the README for the variables']);
    expect(run.stdout).toContain('::warning::hooks: Template Warning in payload');
  });

  it.each(['push', 'pull_request'])("the README's webhook example runs clean on a %s event", async (eventName) => {
    const example = /```yaml\n(destinations:\n  deploy-hook:[\s\S]*?)```/.exec(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))![1]!;
    const event = eventName === 'push' ? push() : githubEvent('pull_request', (e) => e.action === 'opened');
    const run = await runAction({
      eventName,
      event,
      inputs: { status: 'success' },
      config: example.replace('https://hooks.example.com/ci', `${receiver.url}/ci`),
      env: { HOOK_TOKEN: 'hook-token-1', HOOK_SECRET: 'hook-secret-1', ...(eventName === 'pull_request' && { GITHUB_HEAD_REF: event.pull_request.head.ref }) },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).not.toContain('::warning');
    expect(run.results[0]).toMatchObject({ status: 'successful', warnings: [] });
    const pr = eventName === 'pull_request' ? `, "pr": ${JSON.stringify(event.pull_request)}` : '';
    expect(receiver.requests[0]!.text).toBe(`{"repo": "Codertocat/Hello-World", "status": "success"${pr}}\n`);
  });

  it('Devtron payloads keep their {{ }} syntax with delimiters', async () => {
    await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook(`    delimiters: "{{ }}"\n    payload: '{"text": "App: {{repository}}, Event Type: {{eventType}}"}'\n`) });
    expect(receiver.requests[0]!.text).toBe('{"text": "App: Codertocat/Hello-World, Event Type: success"}');
  });
});

describe('signature and secrets', () => {
  it('signs the exact bytes with HMAC-SHA512 and masks every secret', async () => {
    const secret = 'hmac-secret-value-123';
    const token = 'tok-abcdef-987654';
    const password = 'pa55-word-xyz';
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'success' },
      config: `destinations:
  hooks:
    type: webhook
    url: http://user:\${HOOK_PASSWORD}@127.0.0.1:${new URL(receiver.url).port}/ci?token=\${HOOK_TOKEN}
    secret: \${HOOK_SECRET}
    headers:
      X-Api-Key: \${HOOK_TOKEN}
`,
      env: { HOOK_SECRET: secret, HOOK_TOKEN: token, HOOK_PASSWORD: password },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const [request] = receiver.requests;
    const expected = createHmac('sha512', secret).update(request!.body).digest('hex');
    expect(request!.headers['x-herald-signature']).toBe(`sha512=${expected}`);
    expect(request!.headers['x-api-key']).toBe(token);
    expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`user:${password}`).toString('base64')}`);
    const printed = everything(run);
    for (const value of [secret, token, password]) expect(printed).not.toContain(value);
    expect(run.results[0].url).toBe(`http://user:****@127.0.0.1:${new URL(receiver.url).port}/ci?token=****`);
    expect(run.stdout).toContain(`::add-mask::${token}`);
  });

  it('masks a secret that the receiver echoes back in its response', async () => {
    receiver.respond((request) => ({ status: 200, body: `echo: ${request.headers.authorization}` }));
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'success' },
      config: hook('    headers:\n      Authorization: Bearer ${HOOK_TOKEN}\n'),
      env: { HOOK_TOKEN: 'echoed-token-5555' },
    });
    expect(run.results[0].response).toBe('echo: ****');
    expect(everything(run)).not.toContain('echoed-token-5555');
  });
  it('masks only secrets: a plain ${NAME} such as a stage name stays readable in this and later steps', async () => {
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'failure' },
      config: hook('    headers:\n      X-Stage: ${STAGE}\n      X-Deploy-Token: ${DEPLOY_TOKEN}\n      X-Region: ${REGION_KEY}\n'),
      env: { STAGE: 'main', DEPLOY_TOKEN: 'deploy-token-778899', REGION_KEY: 'eu' },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests[0]!.headers).toMatchObject({ 'x-stage': 'main', 'x-deploy-token': 'deploy-token-778899', 'x-region': 'eu' });
    const masks = run.stdout.split('\n').filter((line) => line.startsWith('::add-mask::'));
    expect(masks).toEqual(['::add-mask::deploy-token-778899']);
    expect(run.summary).toContain('CI failed on main in Codertocat/Hello-World (#42)');
  });
});

describe('delivery', () => {
  it('retries a 503 until it succeeds, with the same delivery id', async () => {
    receiver.respond((_request, index) => (index < 2 ? { status: 503, body: 'busy' } : { status: 202, body: 'accepted' }));
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook() });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers['x-herald-delivery'])).size).toBe(1);
    expect(new Set(receiver.requests.map((r) => r.text)).size).toBe(1);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 202, attempts: 3, response: 'accepted' });
    expect(run.stdout).toContain('attempt 1: HTTP 503');
  });

  it('waits as long as a 429 Retry-After asks before retrying', async () => {
    receiver.respond((_request, index) => (index === 0 ? { status: 429, headers: { 'Retry-After': '1' }, body: 'slow down' } : { status: 200, body: 'ok' }));
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook() });
    expect(run.results[0]).toMatchObject({ status: 'successful', attempts: 2 });
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(run.stdout).toContain('Retry-After');
  });

  it('ends a delivery at once when Retry-After asks for longer than the time left', async () => {
    receiver.respond(() => ({ status: 429, headers: { 'Retry-After': '120' }, body: 'slow down' }));
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success', timeout: '20' }, config: hook() });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 429, attempts: 1 });
    expect(run.results[0].error).toMatch(/^HTTP 429: asked to wait 120 s; (20|19\.\d) s were left before the overall deadline$/);
  });

  it('does not retry other 4xx answers, and records them', async () => {
    receiver.respond(() => ({ status: 404, body: 'no such hook' }));
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'failure' }, config: hook() });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 404, attempts: 1, response: 'no such hook', error: 'HTTP 404' });
    expect(run.outputs).toMatchObject({ sent: '0', failed: '1' });
    expect(run.stdout).toContain('::warning::Notification failed: hooks (webhook): HTTP 404');
  });

  it('a refused connection fails alone: the working destination still gets its message', async () => {
    const dead = await refusedUrl();
    const config = `destinations:\n  dead:\n    type: webhook\n    url: ${dead}/x\n    retries: 1\n    retry_backoff: 0.05\n  alive:\n    type: webhook\n    url: ${receiver.url}/alive\n`;
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'failure' }, config });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests.map((r) => r.path)).toEqual(['/alive']);
    expect(run.results.find((r) => r.destination === 'dead')).toMatchObject({ status: 'failed', attempts: 2, code: null, error: 'connection refused (ECONNREFUSED)' });
    expect(run.results.find((r) => r.destination === 'alive')).toMatchObject({ status: 'successful' });
  });

  it('fail-on-error fails the step when a delivery fails', async () => {
    receiver.respond(() => ({ status: 400, body: 'bad' }));
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'failure', 'fail-on-error': 'true' }, config: hook() });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::1 of 1 notifications failed:%0Ahooks (webhook): HTTP 400');
  });

  it('a receiver that never answers is cut off by the request timeout, and a slow one does not hold up the others', async () => {
    const slow = await Receiver.start(() => ({ status: 200, delayMs: 20_000 }));
    try {
      const config = `destinations:\n  slow:\n    type: webhook\n    url: ${slow.url}/slow\n    timeout: 0.5\n    retries: 0\n  fast:\n    type: webhook\n    url: ${receiver.url}/fast\n`;
      const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config });
      expect(run.exitCode).toBe(0);
      expect(run.results.find((r) => r.destination === 'slow')).toMatchObject({ status: 'failed', error: 'no answer within 0.5 s (timeout)' });
      expect(run.results.find((r) => r.destination === 'fast')).toMatchObject({ status: 'successful' });
    } finally {
      await slow.close();
    }
  });

  it('a retry that would come after the overall deadline ends the delivery at once', async () => {
    receiver.respond(() => ({ status: 503 }));
    const config = `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/ci\n    retry_backoff: 30\n`;
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success', timeout: '1' }, config });
    expect(run.exitCode).toBe(0);
    expect(run.results[0].status).toBe('failed');
    expect(run.results[0].error).toMatch(/^HTTP 503: the next retry was due in 30 s; (0\.\d|1) s were left before the overall deadline$/);
    expect(run.durationMs).toBeLessThan(15_000);
  });
});

describe('TLS', () => {
  it('refuses a self-signed certificate without retrying, and accepts it with insecure_skip_verify', async () => {
    const secure = await Receiver.start(undefined, { tls: true });
    try {
      const config = `destinations:\n  strict:\n    type: webhook\n    url: ${secure.url}/strict\n  relaxed:\n    type: webhook\n    url: ${secure.url}/relaxed\n    insecure_skip_verify: true\n`;
      const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config });
      expect(secure.requests.map((r) => r.path)).toEqual(['/relaxed']);
      expect(run.results.find((r) => r.destination === 'strict')).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: 'self-signed TLS certificate (set insecure_skip_verify: true to accept it) (DEPTH_ZERO_SELF_SIGNED_CERT)',
      });
      expect(run.results.find((r) => r.destination === 'relaxed')).toMatchObject({ status: 'successful', code: 200 });
    } finally {
      await secure.close();
    }
  });
});

describe('dry run', () => {
  it('renders everything, sends nothing, and shows the payloads in the summary', async () => {
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'failure', 'dry-run': 'true' },
      config: hook(`    payload: '{"token": "\${HOOK_TOKEN}", "sha": "<<shortSha>>"}'\n`),
      env: { HOOK_TOKEN: 'dry-run-secret-42' },
    });
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    expect(run.outputs).toMatchObject({ sent: '0', failed: '0', skipped: '1' });
    expect(run.results[0]).toMatchObject({ status: 'skipped', payload: '{"token": "****", "sha": "6113728"}' });
    expect(run.summary).toContain('dry run: nothing was sent');
    expect(run.summary).toContain('{&quot;token&quot;: &quot;****&quot;, &quot;sha&quot;: &quot;6113728&quot;}');
    expect(everything(run)).not.toContain('dry-run-secret-42');
  });

  it('a disabled destination is skipped and says why', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook('    enabled: false\n') });
    expect(receiver.requests).toHaveLength(0);
    expect(run.results[0]).toMatchObject({ status: 'skipped' });
    expect(run.summary).toContain('destination is disabled (enabled: false)');
  });
});

describe('bad configs', () => {
  it('fail the step with one annotation per problem, on the file at its line and column, and no stack trace', async () => {
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'success' },
      config: `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}\n    methd: PUT\nnotifications:\n  - triggers: failure\n    to: [hooks]\n`,
    });
    expect(run.exitCode).toBe(1);
    const file = '.github/notifications.yml';
    expect(run.stdout).toContain(
      `Config file ${file} has 2 problems:\n` +
        `::error title=Herald config,file=${file},line=5,col=5::${file}:5:5: destinations.hooks.methd: unknown key "methd". Did you mean "method"? Allowed here: `,
    );
    expect(run.stdout).toContain(
      `\n::error title=Herald config,file=${file},line=7,col=15::${file}:7:15: notifications[0].triggers: "failure" is a job status, not a trigger; ` +
        'failures and cancellations are routed with "error". Use one of: started, success, error, fixed, broken, approval.\n',
    );
    expect(run.stdout.match(/unknown key "methd"/g)).toHaveLength(1);
    expect(run.stdout.match(/^::error/gm)).toHaveLength(2);
    expect(run.stdout + run.stderr).not.toMatch(/\s+at .+:\d+:\d+\)?$/m);
    expect(receiver.requests).toHaveLength(0);
  });

  it('annotations name the file relative to the repository when the config path is absolute', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'herald-repo-'));
    mkdirSync(join(workspace, 'ci'));
    writeFileSync(join(workspace, 'ci/notify.yml'), 'destinations:\n  hooks:\n    Type: webhook\n    url: https://example.com\n');
    const config = join(workspace, 'ci/notify.yml');
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success', config }, env: { GITHUB_WORKSPACE: workspace } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `::error title=Herald config,file=ci/notify.yml,line=3,col=5::${config}:3:5: destinations.hooks.Type: unknown key "Type". Keys are case-sensitive: write "type".\n`,
    );
  });

  it('broken YAML is annotated at its line too', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook('    url: https://example.com/again\n') });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error title=Herald config,file=.github/notifications.yml,line=6,col=5::.github/notifications.yml:6:5: the key "url" appears twice in one mapping (first on line 4); keep one of them.\n' +
        "Fix the file's syntax (indentation, quotes, colons) and run again.",
    );
  });

  it('a missing file says where it looked', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::Config file .github/notifications.yml not found.');
  });

  it('a missing secret names the variable and the key', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: hook('    secret: ${HOOK_SECRET}\n') });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('destinations.hooks.secret: environment variable HOOK_SECRET is not set.');
  });

  it('a config given as .json works too', async () => {
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'success', config: 'notify.json' },
      configPath: 'notify.json',
      config: JSON.stringify({ destinations: { hooks: { type: 'webhook', url: `${receiver.url}/json` } } }),
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests[0]!.path).toBe('/json');
  });
});

describe('Grafana OnCall parity: templated url and headers, forward_all, authorization_header', () => {
  /** The X- headers a receiver got, as the lines were sent (name, value), other than Herald's own X-Herald-Delivery. */
  const customHeaders = (raw: string[]) =>
    raw.flatMap((name, i) => (i % 2 === 0 && /^x-/i.test(name) && name !== 'X-Herald-Delivery' ? [`${name}: ${raw[i + 1]}`] : []));

  it('URL-encodes values in the path and query, and keeps a hostile commit message on one header line', async () => {
    const event = push();
    event.head_commit.message = 'x\r\nX-Injected: 1\r\n\r\nGET /evil HTTP/1.1';
    const run = await runAction({
      eventName: 'push',
      event,
      inputs: { status: 'success' },
      env: { GITHUB_REF: 'refs/heads/feat/a b&c' },
      config:
        `destinations:\n  hooks:\n    type: webhook\n    url: ${receiver.url}/deploy/<<branch>>?ref=<<branch>>&sha=<<shortSha>>\n` +
        `    headers:\n      X-Commit: "commit: <<commitMessage>>"\n      X-Branch: <<branch>>\n    payload: '{"ok": true}'\n`,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.path).toBe('/deploy/feat%2Fa%20b%26c?ref=feat%2Fa%20b%26c&sha=6113728');
    expect(customHeaders(request!.rawHeaders)).toEqual(['X-Commit: commit: x X-Injected: 1 GET /evil HTTP/1.1', 'X-Branch: feat/a b&c']);
    expect(request!.headers['x-injected']).toBeUndefined();
    expect(request!.text).toBe('{"ok": true}');
    expect(run.results[0]).toMatchObject({ status: 'successful', url: `${receiver.url}/deploy/feat%2Fa%20b%26c?ref=feat%2Fa%20b%26c&sha=6113728`, warnings: [] });
  });

  it('sends non-ASCII header text as its UTF-8 bytes, with a body or without', async () => {
    const event = push();
    event.head_commit.message = 'Café ✓ 🎉\n\nmore';
    for (const method of ['POST', 'GET']) {
      const run = await runAction({ eventName: 'push', event, inputs: { status: 'success' }, config: hook(`    method: ${method}\n    headers:\n      X-Commit: <<commitTitle>>\n      X-Team: Zürich\n`) });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    }
    for (const request of receiver.requests) {
      // Node reads header bytes as Latin-1, one character a byte.
      expect(Buffer.from(request.headers['x-commit'] as string, 'latin1').toString('utf8')).toBe('Café ✓ 🎉');
      expect(Buffer.from(request.headers['x-team'] as string, 'latin1').toString('utf8')).toBe('Zürich');
    }
    expect(receiver.requests.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it('a template in the host is a config error at its line, and nothing is sent', async () => {
    const run = await runAction({ eventName: 'push', event: push(), inputs: { status: 'success' }, config: 'destinations:\n  hooks:\n    type: webhook\n    url: https://<<branch>>.example.com/x\n' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error title=Herald config,file=.github/notifications.yml,line=4,col=10::.github/notifications.yml:4:10: destinations.hooks.url: ' +
        'a template may only come after the host: write the scheme and host as they are, then /, ? or # and the tags ' +
        '(https://hooks.example.com/deploy/<<branch>>), so that where Herald sends is known before any value is filled in\n',
    );
    expect(receiver.requests).toHaveLength(0);
  });

  it("forward_all sends the runner's event file byte for byte, as application/json, signed", async () => {
    const event = push();
    const eventText = `${JSON.stringify(event, null, 2)}\n`;
    const run = await runAction({
      eventName: 'push',
      event,
      eventText,
      inputs: { status: 'success' },
      config: hook('    forward_all: true\n    secret: forward-secret-1234\n'),
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const [request] = receiver.requests;
    expect(request!.body.equals(Buffer.from(eventText, 'utf8'))).toBe(true);
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-herald-signature']).toBe(`sha512=${createHmac('sha512', 'forward-secret-1234').update(request!.body).digest('hex')}`);
  });

  it('forward_all in a test notification sends the event of the run that tests', async () => {
    const event = githubEvent('workflow_dispatch');
    const run = await runAction({ eventName: 'workflow_dispatch', event, inputs: { test: 'true' }, config: hook('    forward_all: true\n') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(JSON.parse(receiver.requests[0]!.text)).toEqual(event);
    expect(run.results[0]).toMatchObject({ trigger: 'test', status: 'successful' });
  });

  it('forward_all sends a 5 MB push whole; a dry run of it stays within GitHub\'s output limit', async () => {
    const event = push();
    event.commits = Array.from({ length: 5000 }, (_, i) => ({ ...event.head_commit, id: String(i).padStart(40, '0'), message: `commit ${i} ${'x'.repeat(600)}` }));
    const eventText = JSON.stringify(event, null, 2);
    expect(Buffer.byteLength(eventText)).toBeGreaterThan(5_000_000);
    const sent = await runAction({ eventName: 'push', event, eventText, inputs: { status: 'success' }, config: hook('    forward_all: true\n') });
    expect(sent.exitCode, sent.stderr).toBe(0);
    expect(receiver.requests[0]!.text).toBe(eventText);
    const dry = await runAction({ eventName: 'push', event, eventText, inputs: { status: 'success', 'dry-run': 'true' }, config: hook('    forward_all: true\n') });
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(Buffer.byteLength(dry.outputs.results!)).toBeLessThan(1_000_000);
    expect(dry.results[0].payload).toMatch(/\n… \(cut by Herald: the first [\d,]+ of [\d,]+ bytes, to stay within GitHub's 1 MB limit on an output; the step's log has the whole payload\)$/);
  });

  it('authorization_header is sent as written and shows as **** in the results', async () => {
    receiver.respond((request) => ({ status: 401, body: `bad credentials: ${request.headers.authorization}` }));
    const run = await runAction({
      eventName: 'push',
      event: push(),
      inputs: { status: 'success' },
      config: hook('    retries: 0\n    authorization_header: Bearer oncall-abc-123\n'),
    });
    expect(receiver.requests[0]!.headers.authorization).toBe('Bearer oncall-abc-123');
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 401, response: 'bad credentials: ****' });
    expect(everything(run)).not.toContain('oncall-abc-123');
  });
});
