import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { heraldImport } from './import-cli.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

const SECRETS = {
  INCIDENT_BRIDGE_X_API_KEY: 'oncall-api-key-5f1e',
  INCIDENT_BRIDGE_AUTHORIZATION_HEADER: 'Bearer oncall-bridge-token-77aa',
  FORWARDER_WEBHOOK_URL: '', // the receiver's URL with its token, set once it listens
  FORWARDER_PASSWORD: 'forwarder-pa55',
};

let hooks: Receiver;
beforeAll(async () => {
  hooks = await Receiver.start();
  SECRETS.FORWARDER_WEBHOOK_URL = `${hooks.url}/forward?token=forwarder-query-token`;
});
afterAll(async () => {
  await hooks.close();
});

/** GET /api/v1/webhooks/ of an OnCall with three webhooks: two that fire on a failure, one on acknowledge. */
const oncallExport = () => ({
  next: null,
  previous: null,
  results: [
    {
      id: 'WH3Q5PZ1K7ZLR',
      name: 'Incident bridge',
      is_webhook_enabled: true,
      team: null,
      data: '{"title": "{{ alert_group.title }}"}',
      username: null,
      password: null,
      authorization_header: '****************',
      trigger_template: null,
      headers: '{"X-Source": "oncall", "X-Api-Key": "****************"}',
      url: `${hooks.url}/incidents`,
      forward_all: false,
      http_method: 'POST',
      trigger_type: 'alert group created',
      integration_filter: null,
    },
    {
      id: 'WHR6B1Y9V3NKD',
      name: 'Forwarder',
      is_webhook_enabled: true,
      team: null,
      data: null,
      username: 'forwarder',
      password: '****************',
      authorization_header: null,
      trigger_template: null,
      headers: null,
      url: 'https://forward.example.com/oncall?token=****************',
      forward_all: true,
      http_method: 'PUT',
      trigger_type: 'escalation',
      integration_filter: null,
    },
    {
      id: 'WHP9D5F2H8JQS',
      name: 'Ack tracker',
      is_webhook_enabled: true,
      team: null,
      data: null,
      username: null,
      password: null,
      authorization_header: null,
      trigger_template: null,
      headers: null,
      url: `${hooks.url}/acks`,
      forward_all: true,
      http_method: 'POST',
      trigger_type: 'acknowledge',
      integration_filter: null,
    },
  ],
  page_size: 50,
  count: 3,
  current_page_number: 1,
  total_pages: 1,
});

describe('herald import --from grafana-oncall, then the imported config run as the runner runs dist/index.js', () => {
  it('writes a config that validates and delivers: authorization_header sent and masked, forward_all the event as it is, acknowledge kept disabled', async () => {
    const imported = await heraldImport('grafana-oncall', oncallExport());
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.config).toBe(`# yaml-language-server: $schema=https://raw.githubusercontent.com/herald-notify/herald/v1/schema/notifications.schema.json
# Imported from 3 Grafana OnCall outgoing webhooks.

destinations:
  # From Grafana OnCall outgoing webhook 'Incident bridge' (WH3Q5PZ1K7ZLR).
  # Its data template is Jinja2, which Herald's templates (Mustache, << >>) do not read: Herald sends its generic JSON payload instead; write a payload template to send your own body. The template was:
  #   {"title": "{{ alert_group.title }}"}
  incident-bridge:
    type: webhook
    url: ${hooks.url}/incidents
    headers:
      X-Source: oncall
      X-Api-Key: \${INCIDENT_BRIDGE_X_API_KEY}
    authorization_header: \${INCIDENT_BRIDGE_AUTHORIZATION_HEADER}

  # From Grafana OnCall outgoing webhook 'Forwarder' (WHR6B1Y9V3NKD).
  # OnCall called it as an escalation step: Herald has no escalation chain, it sends once on error.
  forwarder:
    type: webhook
    url: \${FORWARDER_WEBHOOK_URL}
    method: PUT
    forward_all: true
    username: forwarder
    password: \${FORWARDER_PASSWORD}

  # From Grafana OnCall outgoing webhook 'Ack tracker' (WHP9D5F2H8JQS).
  # OnCall sent it on "acknowledge", which a workflow run has no equivalent of.
  # Kept disabled: route it to a trigger and remove enabled: false to use it.
  ack-tracker:
    type: webhook
    url: ${hooks.url}/acks
    forward_all: true
    enabled: false

notifications:
  - triggers: [error]
    to: [incident-bridge, forwarder]
`);
    expect(imported.stdout).toBe(
      [
        'Wrote notifications.yml: 3 destinations, 1 route, checked as `herald validate` does.',
        "Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):",
        "  INCIDENT_BRIDGE_X_API_KEY: the X-Api-Key header of OnCall webhook 'Incident bridge'",
        "  INCIDENT_BRIDGE_AUTHORIZATION_HEADER: the Authorization header of OnCall webhook 'Incident bridge'",
        "  FORWARDER_WEBHOOK_URL: the URL of OnCall webhook 'Forwarder' (it carries a key)",
        "  FORWARDER_PASSWORD: the basic auth password of OnCall webhook 'Forwarder'",
        'and pass them to the Herald step:',
        '  env:',
        ...Object.keys(SECRETS).map((name) => `    ${name}: \${{ secrets.${name} }}`),
        '',
      ].join('\n'),
    );

    const event = githubEvent('push', (e) => e.head_commit);
    const run = await runAction({ eventName: 'push', event, inputs: { status: 'failure' }, config: imported.config, env: SECRETS });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results.map((result) => [result.destination, result.status])).toEqual([
      ['incident-bridge', 'successful'],
      ['forwarder', 'successful'],
    ]);

    const [incident] = hooks.requests.filter((request) => request.path === '/incidents');
    expect(incident!.method).toBe('POST');
    expect(incident!.headers.authorization).toBe(SECRETS.INCIDENT_BRIDGE_AUTHORIZATION_HEADER);
    expect(incident!.headers['x-api-key']).toBe(SECRETS.INCIDENT_BRIDGE_X_API_KEY);
    expect(incident!.headers['x-source']).toBe('oncall');
    expect(JSON.parse(incident!.text)).toEqual(
      expect.objectContaining({ payload_version: 1, destination: 'incident-bridge', trigger: 'error', repository: 'Codertocat/Hello-World' }),
    );

    const [forwarded] = hooks.requests.filter((request) => request.path.startsWith('/forward'));
    expect(forwarded!.method).toBe('PUT');
    expect(forwarded!.path).toBe('/forward?token=forwarder-query-token');
    expect(forwarded!.headers.authorization).toBe(`Basic ${Buffer.from(`forwarder:${SECRETS.FORWARDER_PASSWORD}`).toString('base64')}`);
    expect(forwarded!.text).toBe(JSON.stringify(event));
    expect(hooks.requests.filter((request) => request.path === '/acks')).toEqual([]);

    const printed = [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');
    for (const secret of [...Object.values(SECRETS), 'oncall-bridge-token-77aa', 'forwarder-query-token']) expect(printed).not.toContain(secret);
  });
});

describe('every grafana-oncall fixture imports to a config that passes the check', () => {
  it.each(['list', 'webhook', 'webhooks'])('%s.json', async (name) => {
    const input = JSON.parse(readFileSync(new URL(`../fixtures/import/grafana-oncall/${name}.json`, import.meta.url), 'utf8'));
    const imported = await heraldImport('grafana-oncall', input);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Wrote notifications.yml: \d+ destinations?, \d+ routes?, checked as `herald validate` does.\n/);
  });
});

describe('input herald cannot import', () => {
  it('is one line naming the webhook and the field, exit 1, and nothing written', async () => {
    const imported = await heraldImport('grafana-oncall', { results: [{ name: 'Pager', url: 'https://pager.example.com', trigger_type: 'snooze' }] });
    expect(imported).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'herald import: results[0] (name "Pager"), trigger_type: "snooze" is not an OnCall trigger type: write one of escalation, alert group created, ' +
        'acknowledge, resolve, silence, unsilence, unresolve, unacknowledge, status change, personal notification\n',
      config: '',
    });
  });
});
