import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhook } from '../../src/destinations/webhook.js';
import { composeMessage } from '../../src/message.js';
import { renderTemplate } from '../../src/render/template.js';
import { templateVariables } from '../../src/render/variables.js';
import { readRunContext } from '../../src/context.js';
import type { BuildInput } from '../../src/destinations/destination.js';
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
