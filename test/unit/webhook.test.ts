import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhook } from '../../src/destinations/webhook.js';
import { composeMessage } from '../../src/message.js';
import { renderTemplate } from '../../src/render/template.js';
import { templateVariables } from '../../src/render/variables.js';
import { readRunContext } from '../../src/context.js';
import type { BuildInput } from '../../src/destinations/destination.js';
import { buildInput } from '../fixtures/build-input.js';
import { githubEvent } from '../fixtures/events.js';
import { httpRequests } from '../fixtures/outbound.js';

const run = readRunContext(
  { payload: githubEvent('push', (e) => e.head_commit), eventName: 'push', sha: 'ffac537e6cbbf934b08745a378932722df287a53', ref: 'refs/heads/main', workflow: 'CI', job: 'build', runId: '1', runNumber: '2', runAttempt: '1', actor: 'octocat', serverUrl: 'https://github.com' },
  { GITHUB_REPOSITORY: 'Codertocat/Hello-World' },
);
const outcome = { trigger: 'error', status: 'failure' } as const;
const message = composeMessage(run, outcome);
const input: BuildInput = {
  name: 'hooks',
  trigger: 'error',
  message,
  vars: templateVariables(run, outcome, message, 'hooks'),
  render: (template, format) => renderTemplate(template, input.vars, format).text,
};
const config = (extra: Record<string, unknown> = {}) => webhook.schema.parse({ type: 'webhook', url: 'https://example.com/hook', ...extra });

describe('webhook destination', () => {
  it('signs the exact body with HMAC-SHA512', () => {
    const [request] = httpRequests(webhook.build(config({ secret: 'shh' }), input));
    const expected = createHmac('sha512', 'shh').update(request!.body!).digest('hex');
    expect(request!.headers['X-Herald-Signature']).toBe(`sha512=${expected}`);
  });

  it('signs the way Terraform Cloud does with another header and no prefix', () => {
    const [request] = httpRequests(webhook.build(config({ secret: 'shh', signature_header: 'X-TFE-Notification-Signature', signature_prefix: '' }), input));
    expect(request!.headers['X-TFE-Notification-Signature']).toBe(createHmac('sha512', 'shh').update(request!.body!).digest('hex'));
  });

  it('sends basic auth and custom headers; custom headers win', () => {
    const [request] = httpRequests(webhook.build(config({ username: 'u', password: 'p', headers: { 'X-Team': 'web', 'Content-Type': 'application/vnd.x+json' } }), input));
    expect(request!.headers).toMatchObject({ Authorization: `Basic ${Buffer.from('u:p').toString('base64')}`, 'X-Team': 'web', 'Content-Type': 'application/vnd.x+json' });
  });

  it('renders a text payload as text/plain', () => {
    const [request] = httpRequests(webhook.build(config({ payload: '<<message>>' }), input));
    expect(request!.headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(request!.body).toBe('CI failed on main in Codertocat/Hello-World (#2)');
  });

  it('uses the per-trigger payload from messages', () => {
    const [request] = httpRequests(webhook.build(config({ payload: '{"x": 1}', messages: { error: { payload: '{"failed": "<<shortSha>>"}' } } }), input));
    expect(request!.body).toBe('{"failed": "ffac537"}');
  });

  it('sends no body with GET', () => {
    const [request] = httpRequests(webhook.build(config({ method: 'get' }), input));
    expect(request!.method).toBe('GET');
    expect(request!.body).toBeUndefined();
  });

  it('declares passwords, signing secrets, auth headers and URL credentials as secrets', () => {
    const secrets = webhook.secrets(
      config({ url: 'https://user:pa55@example.com/h?token=abc123&x=1', password: 'pw', secret: 'sig', headers: { Authorization: 'Bearer tok', 'X-Team': 'web' } }),
    );
    expect(secrets).toEqual(expect.arrayContaining(['pw', 'sig', 'Bearer tok', 'tok', 'pa55', 'abc123']));
    expect(secrets).not.toContain('web');
  });
});

describe("webhook with payload_format: terraform-cloud-v1 (Terraform Cloud's run notification)", () => {
  const tfc = (extra: Record<string, unknown> = {}) => config({ payload_format: 'terraform-cloud-v1', ...extra });
  const body = (trigger: 'started' | 'success' | 'error' | 'test', extra: Record<string, unknown> = {}) =>
    JSON.parse(httpRequests(webhook.build(tfc(extra), buildInput(trigger)))[0]!.body!);

  it('sends the documented v1 run payload, field for field', () => {
    const push = githubEvent('push', (e) => e.head_commit);
    expect(body('error')).toEqual({
      payload_version: 1,
      notification_configuration_id: 'chat',
      run_url: `${push.repository.html_url}/actions/runs/1234567890`,
      run_id: 'run-1234567890',
      run_message: push.head_commit.message,
      run_created_at: '2026-01-01T10:00:00.000Z',
      run_created_by: 'Codertocat',
      workspace_id: 'Codertocat/Hello-World',
      workspace_name: 'Hello-World',
      organization_name: 'Codertocat',
      notifications: [
        {
          message: 'CI failed on main in Codertocat/Hello-World (#42)',
          trigger: 'run:errored',
          run_status: 'errored',
          run_updated_at: '2026-01-01T10:03:25.000Z',
          run_updated_by: 'Codertocat',
        },
      ],
    });
  });

  it.each([
    ['started', 'run:created', 'pending'],
    ['success', 'run:completed', 'applied'],
    ['error', 'run:errored', 'errored'],
  ] as const)('%s is the trigger %s with run_status %s', (trigger, tfcTrigger, runStatus) => {
    expect(body(trigger).notifications[0]).toMatchObject({ trigger: tfcTrigger, run_status: runStatus });
  });

  it('a cancellation is run:errored with run_status canceled, as Terraform Cloud reports a cancelled run', () => {
    const input = buildInput('error');
    const cancelled = { ...input, vars: { ...input.vars, status: 'cancelled' } };
    const [request] = httpRequests(webhook.build(tfc(), cancelled));
    expect(JSON.parse(request!.body!).notifications[0]).toMatchObject({ trigger: 'run:errored', run_status: 'canceled' });
  });

  it("a test notification is Terraform Cloud's verification request: no run, every run field null", () => {
    expect(body('test')).toEqual({
      payload_version: 1,
      notification_configuration_id: 'chat',
      run_url: null,
      run_id: null,
      run_message: null,
      run_created_at: null,
      run_created_by: null,
      workspace_id: null,
      workspace_name: null,
      organization_name: null,
      notifications: [{ message: 'Verification of chat', trigger: 'verification', run_status: null, run_updated_at: null, run_updated_by: null }],
    });
  });

  it('signs as Terraform Cloud does by default: the bare hex HMAC-SHA512 in X-TFE-Notification-Signature', () => {
    const [request] = httpRequests(webhook.build(tfc({ secret: 'shh' }), buildInput('success')));
    expect(request!.headers['X-TFE-Notification-Signature']).toBe(createHmac('sha512', 'shh').update(request!.body!).digest('hex'));
    expect(request!.headers['X-Herald-Signature']).toBeUndefined();
  });

  it('signature_header and signature_prefix still win', () => {
    const [request] = httpRequests(webhook.build(tfc({ secret: 'shh', signature_header: 'X-Sig', signature_prefix: 'sha512=' }), buildInput('success')));
    expect(request!.headers['X-Sig']).toBe(`sha512=${createHmac('sha512', 'shh').update(request!.body!).digest('hex')}`);
  });

  it('a payload template replaces the built-in payload, and is signed the Terraform Cloud way', () => {
    const [request] = httpRequests(webhook.build(tfc({ secret: 'shh', payload: '{"run": "<<runId>>"}' }), buildInput('success')));
    expect(request!.body).toBe('{"run": "1234567890"}');
    expect(request!.headers['X-TFE-Notification-Signature']).toBe(createHmac('sha512', 'shh').update(request!.body!).digest('hex'));
  });

  it('an unknown payload_format is a config error that lists the formats', () => {
    expect(() => config({ payload_format: 'terraform-cloud' })).toThrow(/generic-v1.*terraform-cloud-v1/s);
  });
});
