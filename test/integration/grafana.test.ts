import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

const ADDED = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"message":"Annotation added","id":1}' };

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start(() => ADDED);
});
afterEach(async () => {
  await receiver.close();
});

const TOKEN = 'glsa_HeraldTest0123456789abcdefABCDEF_0a1b2c3d';
// A Grafana served under a sub-path, written with a trailing slash.
const config = (url: string, extra = '') => `destinations:
  deploys:
    type: grafana
    url: ${url}/grafana/
    api_key: \${GRAFANA_TOKEN}
    retry_backoff: 0.05${extra}
`;
const env = { GRAFANA_TOKEN: TOKEN };
const run = (status: string, extra = '', more: Record<string, string> = {}) =>
  runAction({ eventName: 'push', event: pushEvent(), inputs: { status }, config: config(receiver.url, extra), env: { ...env, ...more } });

const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';

describe('grafana, run as the runner runs dist/index.js', () => {
  it('a completed workflow_run is a region from run_started_at to its completion on the dashboard panel, byte for byte', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    event.workflow_run.conclusion = 'failure';
    event.workflow_run.name = 'Deploy';
    event.workflow_run.run_started_at = '2020-10-05T16:31:00Z';
    event.workflow_run.updated_at = '2020-10-05T16:33:49Z';
    const result = await runAction({
      eventName: 'workflow_run',
      event,
      config: config(receiver.url, '\n    dashboard_uid: cIBgcSjkk\n    panel_id: 2'),
      env,
    });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/grafana/api/annotations' });
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
    const runUrl = event.workflow_run.html_url;
    expect(request!.text).toBe(
      `{"dashboardUID":"cIBgcSjkk","panelId":2,"time":${Date.parse('2020-10-05T16:31:00Z')},"timeEnd":${Date.parse('2020-10-05T16:33:49Z')},` +
        `"tags":["herald","error","Codertocat/Hello-World"],` +
        `"text":"Deploy failed on master in Codertocat/Hello-World (#163) <a href=\\"${runUrl}\\">View run</a>"}`,
    );
    expect(result.results[0]).toMatchObject({ destination: 'deploys', type: 'grafana', status: 'successful', code: 200, attempts: 1 });
  });

  it('a start is a point at the start a started step recorded; the failure after it a region from there to now', async () => {
    const started = await run('started', '', { HERALD_STARTED_AT: '2026-01-01T10:00:00.000Z' });
    expect(started.exitCode, started.stdout + started.stderr).toBe(0);
    expect(receiver.requests[0]!.text).toBe(
      `{"time":${Date.parse('2026-01-01T10:00:00Z')},"tags":["herald","started","Codertocat/Hello-World"],` +
        `"text":"CI started on main in Codertocat/Hello-World (#42) <a href=\\"${RUN_URL}\\">View run</a>"}`,
    );

    const failed = await run('failure', '', { HERALD_STARTED_AT: '2026-01-01T10:00:00.000Z' });
    expect(failed.exitCode, failed.stdout + failed.stderr).toBe(0);
    const region = JSON.parse(receiver.requests[1]!.text);
    expect(region.time).toBe(Date.parse('2026-01-01T10:00:00Z'));
    // The end is the start plus the run's duration in whole seconds, so about now.
    expect((region.timeEnd - region.time) % 1000).toBe(0);
    expect(Math.abs(region.timeEnd - Date.now())).toBeLessThan(60_000);
    expect(region.tags).toEqual(['herald', 'error', 'Codertocat/Hello-World']);
  });

  it('a test notification is a point annotation tagged test', async () => {
    const tested = await runAction({ eventName: 'push', event: pushEvent(), inputs: { test: 'true' }, config: config(receiver.url, '\n    tags: [deploy, prod]'), env });
    expect(tested.exitCode, tested.stdout + tested.stderr).toBe(0);
    const body = JSON.parse(receiver.requests[0]!.text);
    expect(Object.keys(body)).toEqual(['time', 'tags', 'text']);
    expect(Math.abs(body.time - Date.now())).toBeLessThan(60_000);
    expect(body.tags).toEqual(['deploy', 'prod', 'test']);
    expect(body.text).toBe(`Test notification from Herald in Codertocat/Hello-World (#42) <a href="${RUN_URL}">View run</a>`);
    expect(tested.results[0]).toMatchObject({ status: 'successful', code: 200, trigger: 'test' });
  });

  it('a hostile commit message in the text template stays escaped text inside valid JSON', async () => {
    const commit = 'Fix "quotes" </a><script>alert(\'x\')</script> & more\nsecond line';
    const result = await runAction({
      eventName: 'push',
      event: pushEvent(commit),
      inputs: { status: 'success' },
      config: config(receiver.url, "\n    text: '<b><<workflow>></b> <<commitMessage>>'"),
      env,
    });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(receiver.requests[0]!.text).text).toBe(
      '<b>CI</b> Fix &quot;quotes&quot; &lt;/a&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more\nsecond line',
    );
  });

  it("a 401 is a failed delivery in Grafana's words, not retried", async () => {
    receiver.respond(() => ({
      status: 401,
      headers: { 'content-type': 'application/json' },
      body: '{"message":"Invalid API key","messageId":"api-key.invalid","statusCode":401,"traceID":""}',
    }));
    const failed = await run('failure', '\n    retries: 2');
    expect(failed.exitCode, failed.stdout + failed.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(failed.results[0]).toMatchObject({ status: 'failed', code: 401, attempts: 1 });
    expect(failed.results[0].error).toBe('Grafana error: Invalid API key (HTTP 401)');
  });

  it('a 200 without an annotation id (a proxy\'s sign-in page) is a failure that says to check url', async () => {
    receiver.respond(() => ({ status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Sign in</title>' }));
    const failed = await run('failure');
    expect(failed.results[0]).toMatchObject({ status: 'failed', code: 200, attempts: 1 });
    expect(failed.results[0].error).toBe('Grafana did not answer with an annotation id (HTTP 200): is url the base URL of Grafana, with its sub-path?');
  });

  it('a 503 is retried with the same annotation', async () => {
    receiver.respond((_request, index) => (index === 0 ? { status: 503, body: '' } : ADDED));
    const retried = await run('failure');
    expect(retried.exitCode, retried.stdout + retried.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(retried.results[0]).toMatchObject({ status: 'successful', code: 200, attempts: 2 });
  });
});
