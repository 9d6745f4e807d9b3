import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inputDefaults, ROOT } from '../../scripts/action-env.mjs';
import { githubEvent } from '../fixtures/events.js';
import { interpolate } from './expressions.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/notify.yml'), 'utf8'));
const call = workflow.on.workflow_call;
const job = workflow.jobs.notify;
const heraldStep = job.steps.find((step: { id?: string }) => step.id === 'herald');

/** The workflow's inputs as the runner gives them to expressions: its defaults under the caller's `with:`. */
function callInputs(given: Record<string, unknown>): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [name, input] of Object.entries<{ default?: unknown }>(call.inputs)) inputs[name] = input.default ?? '';
  for (const [name, value] of Object.entries(given)) {
    if (!(name in inputs)) throw new Error(`the workflow has no input "${name}"`);
    inputs[name] = value;
  }
  return inputs;
}

describe('the reusable workflow .github/workflows/notify.yml', () => {
  it('takes the inputs of the Herald action (and checkout), typed, and hands every one of them to Herald', () => {
    expect(Object.keys(call.inputs)).toEqual(['config', 'status', 'dry-run', 'fail-on-error', 'timeout', 'test', 'destinations', 'checkout']);
    expect(Object.fromEntries(Object.entries<{ type: string; default: unknown }>(call.inputs).map(([name, input]) => [name, [input.type, input.default]]))).toEqual({
      config: ['string', '.github/notifications.yml'],
      status: ['string', ''],
      'dry-run': ['boolean', false],
      'fail-on-error': ['boolean', false],
      timeout: ['number', 60],
      test: ['boolean', false],
      destinations: ['string', ''],
      checkout: ['boolean', true],
    });
    // Every input of the action is one of the workflow's (`test` is the action's test mode), passed under its own name,
    // but github-token: a token is no input to pass around, and its default, github.token, is the called job's own.
    expect(Object.keys(inputDefaults()).filter((name) => !(name in call.inputs))).toEqual(['github-token']);
    expect(heraldStep.with).toEqual(Object.fromEntries(['config', 'status', 'dry-run', 'fail-on-error', 'timeout', 'test', 'destinations'].map((name) => [name, `\${{ inputs.${name} }}`])));
    expect(heraldStep.env).toEqual({ HERALD_SECRETS: '${{ toJSON(secrets) }}' });
  });

  it('gives the outputs results, sent, failed and skipped from the Herald step', () => {
    for (const name of ['results', 'sent', 'failed', 'skipped']) {
      expect(call.outputs[name].value).toBe(`\${{ jobs.notify.outputs.${name} }}`);
      expect(job.outputs[name]).toBe(`\${{ steps.herald.outputs.${name} }}`);
    }
    expect(Object.keys(call.outputs)).toEqual(['results', 'sent', 'failed', 'skipped']);
  });

  it("runs Herald from its own repository at its own commit, after the caller's checkout, and never from the caller's", () => {
    const names = job.steps.map((step: { uses?: string; run?: string }) => step.uses ?? 'run');
    expect(names).toEqual(['actions/checkout@v4', 'run', 'actions/checkout@v4', './.herald-action']);
    expect(job.steps[0].if).toBe('inputs.checkout');
    expect(job.steps[1].if).toBe("job.workflow_sha == ''");
    expect(job.steps[2].with).toEqual({
      repository: '${{ job.workflow_repository }}',
      ref: '${{ job.workflow_sha }}',
      path: '.herald-action',
      'persist-credentials': false,
    });
  });

  describe('its Herald step, run as the runner runs it (dist/index.js with the with: as INPUT_*)', () => {
    let receiver: Receiver;
    beforeAll(async () => (receiver = await Receiver.start()));
    afterAll(() => receiver.close());

    const config = `destinations:
  alerts:
    type: webhook
    url: \${ALERTS_URL}
    payload: '{"event": "<<eventType>>", "status": "<<status>>", "signed": "\${Deploy_Signature}"}'
`;

    async function runStep(given: Record<string, unknown>, secrets: Record<string, string>) {
      const contexts = { inputs: callInputs(given), secrets: { github_token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a', ...secrets } };
      const evaluated = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([name, value]) => [name, interpolate(String(value), contexts)]));
      return runAction({ eventName: 'push', event: githubEvent('push', (e) => e.head_commit), config, inputs: evaluated(heraldStep.with), env: evaluated(heraldStep.env) });
    }

    it('every secret the caller passed fills ${NAME} by its name, whatever the name, and is masked', async () => {
      receiver.requests.length = 0;
      const hookUrl = `${receiver.url}/hooks/in-7c1d55e0a9`;
      const run = await runStep({ status: 'failure' }, { ALERTS_URL: hookUrl, DEPLOY_SIGNATURE: 'sig-90d1f3aa' });
      expect(run.exitCode).toBe(0);
      expect(receiver.requests.map((request) => [request.path, request.body.toString('utf8')])).toEqual([
        ['/hooks/in-7c1d55e0a9', '{"event": "error", "status": "failure", "signed": "sig-90d1f3aa"}'],
      ]);
      // Neither name says "secret", yet both are masked: everything in HERALD_SECRETS is a secret.
      expect(run.stdout).toContain(`::add-mask::${hookUrl}\n`);
      expect(run.stdout).toContain('::add-mask::sig-90d1f3aa\n');
      expect(run.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '0' });
      expect(run.results[0].url).toBe('****');
    });

    it('its boolean and number inputs arrive as the words the action reads', async () => {
      receiver.requests.length = 0;
      const run = await runStep({ status: 'success', 'dry-run': true, timeout: 5 }, { ALERTS_URL: `${receiver.url}/hooks/in-7c1d55e0a9`, DEPLOY_SIGNATURE: 'sig-90d1f3aa' });
      expect(run.exitCode).toBe(0);
      expect(receiver.requests).toHaveLength(0);
      expect(run.outputs).toMatchObject({ sent: '0', failed: '0', skipped: '1' });
      expect(run.results[0].payload).toBe('{"event": "success", "status": "success", "signed": "****"}');
    });

    it('a secret the caller did not pass is named, with the ones it did', async () => {
      const run = await runStep({ status: 'success' }, { DEPLOY_SIGNATURE: 'sig-90d1f3aa' });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain(
        'environment variable ALERTS_URL is not set, and HERALD_SECRETS has no secret named ALERTS_URL (it has DEPLOY_SIGNATURE, github_token). ' +
          'Check that the secret exists, and call the workflow with "secrets: inherit".',
      );
    });
  });
});
