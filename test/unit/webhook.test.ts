import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhook } from '../../src/destinations/webhook.js';
import { composeMessage } from '../../src/message.js';
import { renderTemplate } from '../../src/render/template.js';
import { templateVariables } from '../../src/render/variables.js';
import { readRunContext } from '../../src/context.js';
import type { BuildInput } from '../../src/destinations/destination.js';
import { buildInput, pushEvent } from '../fixtures/build-input.js';
import { keepEventText } from '../../src/event-text.js';
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
/** The config errors of a webhook, as key path: message. */
const problems = (extra: Record<string, unknown>) =>
  webhook.schema.safeParse({ type: 'webhook', url: 'https://example.com/hook', ...extra }).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

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

  it.each([
    ['https://discord.com/api/webhooks/1187654321/AbCdEf-discord-token', 'AbCdEf-discord-token'],
    ['https://hooks.slack.com/services/T000/B000/slack-webhook-key', 'slack-webhook-key'],
    ['https://chat.example.com/hooks/xoxwebhookkey12345', 'xoxwebhookkey12345'],
  ])('masks a webhook URL that is a key as a whole, as the Slack and Discord destinations do: %s', (url, token) => {
    const secrets = webhook.secrets(config({ url }));
    expect(secrets).toEqual(expect.arrayContaining([url, new URL(url).pathname, token]));
  });

  it('leaves a plain URL alone: masking its path would hide those words in every later log line', () => {
    expect(webhook.secrets(config({ url: 'https://ci.example.com/notify/deployments' })).filter(Boolean)).toEqual([]);
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

describe('webhook: templated url and headers (Grafana OnCall outgoing webhooks template both)', () => {
  const onBranch = (branch: string, commitMessage?: string) => buildInput('error', { ref: `refs/heads/${branch}`, commitMessage });

  it('URL-encodes a value in the path and in the query, / included (RFC 3986: one value, one segment)', () => {
    const [request] = httpRequests(
      webhook.build(config({ url: 'https://hooks.example.com/deploy/<<branch>>/status?ref=<<branch>>&run=<<runId>>' }), onBranch('feat/a b&c')),
    );
    expect(request!.url).toBe('https://hooks.example.com/deploy/feat%2Fa%20b%26c/status?ref=feat%2Fa%20b%26c&run=1234567890');
  });

  it('encodes every reserved character and non-ASCII text as UTF-8, and leaves the unreserved ones', () => {
    const [request] = httpRequests(webhook.build(config({ url: 'https://hooks.example.com/q?x=<<branch>>' }), onBranch("a?b#c=d+e;f,g@h:i!j'k(l)m*n%o~p_q.r-s café")));
    expect(request!.url).toBe('https://hooks.example.com/q?x=a%3Fb%23c%3Dd%2Be%3Bf%2Cg%40h%3Ai%21j%27k%28l%29m%2An%25o~p_q.r-s%20caf%C3%A9');
  });

  it('a URL without tags is sent as written', () => {
    const [request] = httpRequests(webhook.build(config({ url: 'https://hooks.example.com/a%20b?x=1' }), onBranch('main')));
    expect(request!.url).toBe('https://hooks.example.com/a%20b?x=1');
  });

  it('with delimiters "{{ }}" the URL takes {{ }} tags', () => {
    const [request] = httpRequests(
      webhook.build(config({ delimiters: '{{ }}', url: 'https://hooks.example.com/{{devtronAppName}}/{{branch}}' }), buildInput('error', { delimiters: '{{ }}', ref: 'refs/heads/a/b' })),
    );
    expect(request!.url).toBe('https://hooks.example.com/Hello-World/a%2Fb');
  });

  it('a hostile commit message in a header stays one header line: CR, LF and NUL become spaces', () => {
    const [request] = httpRequests(
      webhook.build(config({ headers: { 'X-Commit': 'msg: <<commitMessage>>', 'X-Branch': '<<branch>>' } }), onBranch('main', 'x\r\nX-Injected: 1\0\r\n\r\nbody')),
    );
    expect(request!.headers['X-Commit']).toBe('msg: x X-Injected: 1 body');
    expect(request!.headers['X-Branch']).toBe('main');
    expect(Object.keys(request!.headers)).not.toContain('X-Injected');
  });

  it('non-ASCII header text is sent as its UTF-8 bytes (Node refuses characters beyond Latin-1)', () => {
    const [request] = httpRequests(webhook.build(config({ headers: { 'X-Commit': '<<commitTitle>>' } }), onBranch('main', 'café ✓ 🎉')));
    expect(Buffer.from(request!.headers['X-Commit']!, 'latin1').toString('utf8')).toBe('café ✓ 🎉');
  });

  it('a template that would move the request to another host is a config error', () => {
    for (const url of ['https://<<repository>>.example.com/hook', 'https://hooks.example.com<<branch>>', 'https://hooks.example.com:<<runId>>/', '<<url>>']) {
      expect(() => config({ url }), url).toThrow(/a template may only come after the host/);
    }
  });

  it('an unescaped tag in a URL or header is a config error: every value is encoded', () => {
    expect(() => config({ url: 'https://hooks.example.com/<<&branch>>' })).toThrow(/<<&branch>> inserts the value unescaped, which a URL does not allow: write <<branch>>/);
    expect(() => config({ headers: { 'X-B': '<<{commitMessage}>>' } })).toThrow(/<<\{commitMessage\}>> inserts the value unescaped, which a header does not allow/);
  });

  it('an unclosed section in a URL or header is a config error at its key', () => {
    expect(problems({ url: 'https://hooks.example.com/<<#prNumber>>pr', headers: { 'X-PR': '<<#prNumber>>' } })).toEqual([
      'url: template does not parse: the section "prNumber" is never closed: end it with <</prNumber>>',
      'headers.X-PR: template does not parse: the section "prNumber" is never closed: end it with <</prNumber>>',
    ]);
  });

  it('a header value with a line break, or a name that is no header name, is a config error', () => {
    expect(problems({ headers: { 'X-A': 'a\r\nX-Injected: 1', 'X A:': 'a' } })).toEqual([
      'headers.X-A: holds a line break or another control character: a header value is one line of text',
      `headers.X A:: "X A:" is not a header name: letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only, no spaces or colons`,
    ]);
  });

  it('a URL that is not http(s) is still a config error', () => {
    expect(() => config({ url: 'ftp://example.com/x' })).toThrow(/must be an http:\/\/ or https:\/\/ URL/);
    expect(() => config({ url: 'ftp://example.com/<<branch>>' })).toThrow(/a template may only come after the host/);
  });

  it('a secret in a templated URL is declared a secret', () => {
    const secrets = webhook.secrets(config({ url: 'https://u:pa55word@hooks.example.com/<<branch>>?token=abc12345&b=<<branch>>' }));
    expect(secrets).toEqual(expect.arrayContaining(['pa55word', 'abc12345']));
  });
});

describe('webhook: authorization_header', () => {
  it('sends the Authorization header as written', () => {
    const [request] = httpRequests(webhook.build(config({ authorization_header: 'Token xyz-123' }), input));
    expect(request!.headers.Authorization).toBe('Token xyz-123');
  });

  it('is a secret: the whole value and the credential after its scheme', () => {
    expect(webhook.secrets(config({ authorization_header: 'Bearer abc.def' }))).toEqual(expect.arrayContaining(['Bearer abc.def', 'abc.def']));
    expect(webhook.secrets(config({ authorization_header: 'rawtoken1' }))).toContain('rawtoken1');
  });

  it('with a line break (a secret saved with its newline) it is a config error', () => {
    expect(problems({ authorization_header: 'Bearer abc\n' })).toEqual([
      'authorization_header: holds a line break or another control character: a header value is one line of text (a secret saved with a trailing newline?)',
    ]);
  });

  it('with basic auth, an Authorization header or credentials in the URL it is a config error saying which to keep', () => {
    expect(problems({ authorization_header: 'Bearer abc', username: 'u', password: 'p', headers: { authorization: 'Bearer x' }, url: 'https://u:p@example.com/' })).toEqual([
      'authorization_header: headers.authorization sets the Authorization header too: keep one (authorization_header is masked as a secret)',
      'authorization_header: username and password send basic auth in the Authorization header: keep authorization_header (a token: Bearer ..., Token ...) or username and password, not both',
      "authorization_header: the URL's user:password@ sends basic auth in the Authorization header: keep authorization_header or the credentials in the URL, not both",
    ]);
  });
});

describe('webhook: forward_all (Grafana OnCall forward whole payload)', () => {
  it('sends the event as JSON, whatever the trigger', () => {
    const event = pushEvent();
    for (const trigger of ['error', 'started', 'test'] as const) {
      const [request] = httpRequests(webhook.build(config({ forward_all: true }), buildInput(trigger, { event })));
      expect(request!.headers['Content-Type']).toBe('application/json');
      expect(JSON.parse(request!.body!)).toEqual(event);
    }
  });

  it("sends the text of the runner's event file byte for byte", () => {
    const text = '{ "ref":"refs/heads/main",\n  "n": 1.50, "s": "caf\\u00e9" }\n';
    const event = JSON.parse(text);
    keepEventText(event, text);
    const [request] = httpRequests(webhook.build(config({ forward_all: true, secret: 'shh' }), buildInput('success', { event })));
    expect(request!.body).toBe(text);
    expect(request!.headers['X-Herald-Signature']).toBe(`sha512=${createHmac('sha512', 'shh').update(text).digest('hex')}`);
  });

  it('with a payload template, per trigger too, payload_format terraform-cloud-v1 or format text it is a config error', () => {
    const both = 'forward_all sends the GitHub event as it is, and a payload template makes a body of its own: keep one (remove forward_all or this payload)';
    expect(problems({ forward_all: true, payload: '{}', messages: { error: { payload: '{}' } }, payload_format: 'terraform-cloud-v1', format: 'text' })).toEqual([
      `payload: ${both}`,
      `messages.error.payload: ${both}`,
      "payload_format: forward_all sends the GitHub event as it is, and terraform-cloud-v1 Terraform Cloud's payload: keep one",
      'format: forward_all always sends JSON (application/json): remove format: text',
    ]);
  });
});
