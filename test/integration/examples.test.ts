import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../../scripts/action-env.mjs';
import { githubEvent } from '../fixtures/events.js';
import { evaluate, interpolate, type Contexts } from './expressions.js';
import { Receiver } from './receiver.js';
import { runAction, runWithPost } from './run-action.js';

const workflow = (file: string) => parse(readFileSync(join(ROOT, file), 'utf8'));
const evaluated = (values: Record<string, unknown> | undefined, contexts: Contexts) =>
  Object.fromEntries(Object.entries(values ?? {}).map(([name, value]) => [name, interpolate(String(value), contexts)]));

describe('examples/needs-summary.yml: one notification for the whole workflow', () => {
  const summary = workflow('examples/needs-summary.yml');
  const notify = summary.jobs.notify;
  const herald = notify.steps.find((step: { uses?: string }) => step.uses === 'herald-notify/herald@v1');
  const statusOf = (results: Record<string, string>) =>
    interpolate(herald.with.status, { needs: Object.fromEntries(Object.entries(results).map(([job, result]) => [job, { result }])) });

  it('runs after every other job, also when one failed or the run was cancelled', () => {
    expect(notify.needs).toEqual(Object.keys(summary.jobs).filter((job) => job !== 'notify'));
    expect(notify.if).toBe('always()');
  });

  it.each([
    [{ build: 'success', test: 'success' }, 'success'],
    [{ build: 'failure', test: 'cancelled' }, 'failure'],
    [{ build: 'success', test: 'failure' }, 'failure'],
    [{ build: 'cancelled', test: 'success' }, 'cancelled'],
    [{ build: 'skipped', test: 'success' }, 'success'],
    [{ build: 'skipped', test: 'skipped' }, 'skipped'],
  ])('needs %o give status %s', (results, status) => {
    expect(statusOf(results)).toBe(status);
  });

  describe('run through dist/index.js', () => {
    let receiver: Receiver;
    beforeAll(async () => (receiver = await Receiver.start()));
    afterAll(() => receiver.close());
    const config = `destinations:\n  team:\n    type: webhook\n    url: \${SLACK_WEBHOOK_URL}\n    payload: '{"event": "<<eventType>>", "status": "<<status>>"}'\n`;
    const run = (results: Record<string, string>) =>
      runAction({
        eventName: 'push',
        event: githubEvent('push', (e) => e.head_commit),
        config,
        inputs: { status: statusOf(results) },
        env: evaluated(herald.env, { secrets: { SLACK_WEBHOOK_URL: `${receiver.url}/team` } }),
      });

    it('a failed job is one error notification for the workflow', async () => {
      receiver.requests.length = 0;
      const result = await run({ build: 'success', test: 'failure' });
      expect(result.exitCode).toBe(0);
      expect(receiver.requests.map((request) => request.body.toString('utf8'))).toEqual(['{"event": "error", "status": "failure"}']);
    });

    it('every job skipped sends nothing, and the step succeeds', async () => {
      receiver.requests.length = 0;
      const result = await run({ build: 'skipped', test: 'skipped' });
      expect(result.exitCode).toBe(0);
      expect(receiver.requests).toHaveLength(0);
      expect(result.outputs).toMatchObject({ status: 'skipped', trigger: '', sent: '0' });
    });
  });
});

describe('the workflow_run notifiers', () => {
  it('examples/notifier.yml reports started and completed runs of the workflows it names, the status from the event', () => {
    const notifier = workflow('examples/notifier.yml');
    expect(notifier.on).toEqual({ workflow_run: { workflows: ['CI', 'Deploy'], types: ['requested', 'completed'] } });
    const herald = notifier.jobs.notify.steps.find((step: { uses?: string }) => step.uses === 'herald-notify/herald@v1');
    expect(herald.with).toBeUndefined();
  });

  describe('.github/workflows/notify-ci.yml, this repository’s own, run through dist/index.js', () => {
    const notifyCi = workflow('.github/workflows/notify-ci.yml');
    const herald = notifyCi.jobs.notify.steps.find((step: { uses?: string }) => step.uses === './');
    const config = readFileSync(join(ROOT, '.github/herald-ci.yml'), 'utf8');
    let receiver: Receiver;
    beforeAll(async () => (receiver = await Receiver.start()));
    afterAll(() => receiver.close());

    const run = (secrets: Record<string, string>, event: Record<string, any>) => {
      const contexts = { secrets };
      return runAction({
        eventName: 'workflow_run',
        event,
        config,
        configPath: '.github/herald-ci.yml',
        inputs: evaluated(herald.with, contexts),
        env: evaluated(herald.env, contexts),
      });
    };
    const completed = () => githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');

    it('watches CI, started and completed', () => {
      expect(notifyCi.on).toEqual({ workflow_run: { workflows: ['CI'], types: ['requested', 'completed'] } });
      expect(evaluate("secrets.HERALD_CI_WEBHOOK_URL == ''", { secrets: {} })).toBe(true);
    });

    it('without the secret it is a dry run that renders the notification into the summary', async () => {
      receiver.requests.length = 0;
      const result = await run({}, completed());
      expect(result.exitCode).toBe(0);
      expect(result.outputs).toMatchObject({ trigger: 'success', sent: '0', skipped: '1' });
      expect(JSON.parse(result.results[0].payload)).toMatchObject({ payload_version: 1, trigger: 'success', status: 'success' });
    });

    it('with the secret it sends to that webhook the triggering run’s result', async () => {
      receiver.requests.length = 0;
      const event = completed();
      event.workflow_run.conclusion = 'failure';
      const result = await run({ HERALD_CI_WEBHOOK_URL: `${receiver.url}/herald-ci` }, event);
      expect(result.exitCode).toBe(0);
      expect(receiver.requests.map((request) => request.path)).toEqual(['/herald-ci']);
      expect(JSON.parse(receiver.requests[0]!.text)).toMatchObject({
        trigger: 'error',
        status: 'failure',
        run: { id: String(event.workflow_run.id), url: event.workflow_run.html_url },
      });
    });
  });
});

describe('examples/track-job.yml: one step for the whole job, run as the runner runs a step and its post step', () => {
  const job = workflow('examples/track-job.yml').jobs.build;
  const herald = job.steps.find((step: { uses?: string }) => step.uses === 'herald-notify/herald@v1');
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await Receiver.start(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ok: true, channel: 'C024BE91L', ts: '1503435956.000247', message: {} }),
    }));
  });
  afterAll(() => receiver.close());

  it('comes before the work, and needs no if: (action.yml runs its post step always)', () => {
    expect(job.steps.indexOf(herald)).toBe(1);
    expect(herald.if).toBeUndefined();
  });

  it('sends started while the job runs (job.status is success then) and edits it to failed after a failed step', async () => {
    const contexts = (status: string) => ({ job: { status }, secrets: { SLACK_BOT_TOKEN: 'xoxb-example-7' } });
    const config = `destinations:\n  team:\n    type: slack\n    token: \${SLACK_BOT_TOKEN}\n    channels: "#ci"\n    api_url: ${receiver.url}/api\n    payload: '{"text": "<<status>>"}'\n`;
    const { main, post } = await runWithPost(
      { eventName: 'push', event: githubEvent('push', (e) => e.head_commit), config, inputs: evaluated(herald.with, contexts('success')), env: evaluated(herald.env, contexts('success')) },
      evaluated(herald.with, contexts('failure')),
    );
    expect([main.exitCode, post.exitCode]).toEqual([0, 0]);
    expect(receiver.requests.map((request) => [request.path, request.text])).toEqual([
      ['/api/chat.postMessage', '{"text":"started","channel":"#ci"}'],
      ['/api/chat.update', '{"text":"failure","channel":"C024BE91L","ts":"1503435956.000247"}'],
    ]);
  });
});
