import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/action-env.mjs';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runComposite } from './run-composite.js';

const config = `destinations:
  hooks:
    type: webhook
    url: \${HOOK_URL}
    headers:
      Authorization: Bearer \${HOOK_TOKEN}
    payload: '{"trigger": "<<eventType>>", "status": "<<status>>", "repository": "<<repository>>", "knows_start": <<#startedAt>>true<</startedAt>><<^startedAt>>false<</startedAt>>}'
`;

describe('the composite actions, expanded as the runner expands them', () => {
  let receiver: Receiver;
  beforeAll(async () => (receiver = await Receiver.start()));
  afterAll(() => receiver.close());

  const secrets = () => ({ HOOK_URL: `${receiver.url}/ci`, HOOK_TOKEN: 'tok-3f9a27c1' });
  const common = () => ({ eventName: 'push', event: githubEvent('push', (e) => e.head_commit), config, stepEnv: secrets() });

  it('notify-started sends started with the secrets of the step env, and leaves the start time for later steps', async () => {
    receiver.requests.length = 0;
    const run = await runComposite(join(ROOT, 'notify-started'), common());
    expect(run.exitCodes).toEqual([0]);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.path).toBe('/ci');
    expect(request!.headers.authorization).toBe('Bearer tok-3f9a27c1');
    expect(request!.body.toString('utf8')).toBe('{"trigger": "started", "status": "started", "repository": "Codertocat/Hello-World", "knows_start": false}');
    expect(run.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '0' });
    expect(JSON.parse(run.outputs.results!)[0]).toMatchObject({ destination: 'hooks', trigger: 'started', status: 'successful', code: 200 });
    expect(run.githubEnv.HERALD_STARTED_AT).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(run.stdout).toContain('::add-mask::tok-3f9a27c1');
  });

  it('notify-finished with status: ${{ job.status }} of a failed job sends error, with the start time notify-started left', async () => {
    receiver.requests.length = 0;
    const started = await runComposite(join(ROOT, 'notify-started'), common());
    const finished = await runComposite(join(ROOT, 'notify-finished'), {
      ...common(),
      with: { status: 'failure' },
      stepEnv: { ...secrets(), HERALD_STARTED_AT: started.githubEnv.HERALD_STARTED_AT! },
    });
    expect(finished.exitCodes).toEqual([0]);
    expect(receiver.requests.map((request) => request.body.toString('utf8'))).toEqual([
      '{"trigger": "started", "status": "started", "repository": "Codertocat/Hello-World", "knows_start": false}',
      '{"trigger": "error", "status": "failure", "repository": "Codertocat/Hello-World", "knows_start": true}',
    ]);
    expect(finished.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '0' });
  });

  it('notify-finished passes its inputs through: success, a dry run that sends nothing', async () => {
    receiver.requests.length = 0;
    const run = await runComposite(join(ROOT, 'notify-finished'), { ...common(), with: { status: 'success', 'dry-run': 'true' } });
    expect(run.exitCodes).toEqual([0]);
    expect(receiver.requests).toHaveLength(0);
    expect(run.outputs).toMatchObject({ sent: '0', failed: '0', skipped: '1' });
    expect(JSON.parse(run.outputs.results!)[0].payload).toBe(
      '{"trigger": "success", "status": "success", "repository": "Codertocat/Hello-World", "knows_start": false}',
    );
  });

  it('notify-finished reads the config named by its config input', async () => {
    receiver.requests.length = 0;
    const run = await runComposite(join(ROOT, 'notify-finished'), {
      ...common(),
      configPath: 'ci/herald.yml',
      with: { status: 'cancelled', config: 'ci/herald.yml' },
    });
    expect(run.exitCodes).toEqual([0]);
    expect(receiver.requests.map((request) => request.body.toString('utf8'))).toEqual([
      '{"trigger": "error", "status": "cancelled", "repository": "Codertocat/Hello-World", "knows_start": false}',
    ]);
  });

  it('on a runner whose node is older than 20 the step fails with what to do, and sends nothing', async () => {
    receiver.requests.length = 0;
    const bin = mkdtempSync(join(tmpdir(), 'herald-old-node-'));
    writeFileSync(join(bin, 'node'), '#!/bin/sh\nif [ "$1" = --version ]; then echo v18.20.4; exit 0; fi\nexit 1\n');
    chmodSync(join(bin, 'node'), 0o755);
    const run = await runComposite(join(ROOT, 'notify-started'), { ...common(), stepEnv: { ...secrets(), PATH: `${bin}:/usr/bin:/bin` } });
    expect(run.exitCodes).toEqual([1]);
    expect(run.stdout).toBe(
      "::error::Herald's notify-started runs dist/index.js with the node on PATH, which must be Node 20 or newer (found: v18.20.4). Add actions/setup-node before this step.\n",
    );
    expect(receiver.requests).toHaveLength(0);
  });

  it("notify-started's messages output, passed to notify-finished's update-messages, has the Discord message edited", async () => {
    receiver.requests.length = 0;
    receiver.respond((request) =>
      request.method === 'POST' ? { status: 200, body: '{"id":"1180000000000000000","channel_id":"9"}' } : { status: 200, body: '{"id":"1180000000000000000"}' },
    );
    const chat = `destinations:\n  chat:\n    type: discord\n    webhook_url: \${HOOK_URL}/11/\${HOOK_TOKEN}\n    payload: '{"content": "<<status>>"}'\n`;
    try {
      const started = await runComposite(join(ROOT, 'notify-started'), { ...common(), config: chat });
      expect(started.outputs.messages).toBe('[{"destination":"chat","target":null,"handle":{"message_id":"1180000000000000000"}}]');
      const finished = await runComposite(join(ROOT, 'notify-finished'), {
        ...common(),
        config: chat,
        with: { status: 'success', 'update-messages': started.outputs.messages! },
      });
      expect(finished.exitCodes).toEqual([0]);
      expect(receiver.requests.map((request) => [request.method, request.path, request.text])).toEqual([
        ['POST', '/ci/11/tok-3f9a27c1?wait=true', '{"content":"started","allowed_mentions":{"parse":[]}}'],
        ['PATCH', '/ci/11/tok-3f9a27c1/messages/1180000000000000000', '{"content":"success","allowed_mentions":{"parse":[]}}'],
      ]);
      expect(finished.outputs).toMatchObject({ sent: '1', failed: '0' });
    } finally {
      receiver.respond(() => ({ status: 200, body: 'ok' }));
    }
  });
});
