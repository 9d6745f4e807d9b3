import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importAwx, translateJinja } from '../../src/cli/import/awx.js';
import { importedConfigText } from '../../src/cli/import/config-yaml.js';
import { ImportError } from '../../src/cli/import/model.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/import/awx/${name}`, import.meta.url), 'utf8'));

const ROUTE_COMMENTS = [
  'AWX keeps on each job template which notification templates it sends on started, success, error and approvals,',
  'so the export does not say: every imported destination is routed to error.',
  'Give a destination its own route with the triggers its job templates used (started, success, error, approval).',
];
const TOP = ['Imported from AWX notification templates by `herald import --from awx`.'];

describe('importAwx: one template, as GET /api/v2/notification_templates/{id}/ returns it', () => {
  it('is one destination, its masked token a secret, its custom messages translated, routed to error with why', () => {
    expect(importAwx(fixture('one-template.json'), {})).toEqual({
      destinations: [
        {
          key: 'slack-ops',
          fields: {
            type: 'slack',
            token: '${SLACK_OPS_TOKEN}',
            channels: ['#ops', '#alerts'],
            messages: {
              started: { text: '<<workflow>> started by <<actor>>: <<runUrl>>' },
              approval: { text: '<<workflow>> waits for approval: <<runUrl>>' },
            },
          },
          comments: [
            'From AWX notification template "Slack #ops" (id 5).',
            "AWX's custom messages for workflow_approval.approved: no counterpart (GitHub says when a job waits for reviewers, Herald's approval trigger, not when it was approved).",
          ],
        },
      ],
      notifications: [{ triggers: ['error'], to: ['slack-ops'], comments: ROUTE_COMMENTS }],
      secrets: [{ name: 'SLACK_OPS_TOKEN', description: 'the Slack bot token (xoxb-...) of AWX notification template "Slack #ops"' }],
      comments: TOP,
    });
  });

  it('routes to the triggers given (--triggers), and says they were given', () => {
    const imported = importAwx(fixture('one-template.json'), { triggers: ['success', 'error'] });
    expect(imported.notifications).toEqual([
      {
        triggers: ['success', 'error'],
        to: ['slack-ops'],
        comments: [ROUTE_COMMENTS[0], 'so the export does not say: every imported destination is routed to success, error (--triggers).', ROUTE_COMMENTS[2]],
      },
    ]);
  });
});

describe('importAwx: the reference examples (names as the reference document writes them)', () => {
  const imported = importAwx(fixture('reference-examples.json'), {});

  it('maps each example as the README table says', () => {
    expect(imported.destinations.map(({ key, fields }) => ({ key, fields }))).toEqual([
      { key: 'slack-alerts', fields: { type: 'slack', token: '${SLACK_ALERTS_TOKEN}', channels: ['#ansible-alerts'] } },
      {
        key: 'email-alerts',
        fields: {
          type: 'email',
          host: 'smtp.example.com',
          port: 587,
          username: 'awx@example.com',
          password: '${EMAIL_ALERTS_PASSWORD}',
          use_tls: true,
          from: 'AWX <awx@example.com>',
          to: ['team@example.com'],
        },
      },
      {
        key: 'webhook-alert',
        fields: { type: 'webhook', url: 'https://example.com/webhook', headers: { 'Content-Type': 'application/json', Authorization: '${WEBHOOK_ALERT_AUTHORIZATION}' } },
      },
      { key: 'slack-ops', fields: { type: 'slack', token: '${SLACK_OPS_TOKEN}', channels: ['#ops', '#alerts'], hex_color: '#FF0000' } },
      { key: 'pagerduty', fields: { type: 'pagerduty', routing_key: '${PAGERDUTY_ROUTING_KEY}', client_name: 'AWX' } },
      {
        key: 'api-webhook',
        fields: { type: 'webhook', url: 'https://api.example.com/webhook', headers: { Authorization: '${API_WEBHOOK_AUTHORIZATION}', 'Content-Type': 'application/json' } },
      },
      { key: 'mattermost', fields: { type: 'mattermost', url: '${MATTERMOST_URL}', username: 'AWX', channel: 'ansible', icon_url: 'https://example.com/awx-icon.png' } },
      { key: 'production-alerts', fields: { type: 'slack', token: '${PRODUCTION_ALERTS_TOKEN}', channels: ['#production-alerts'], hex_color: '#FF0000' } },
    ]);
  });

  it('keeps what has no counterpart as comments, without the secrets', () => {
    expect(imported.destinations.find((destination) => destination.key === 'pagerduty')!.comments).toEqual([
      'From AWX notification template "PagerDuty" (id 5).',
      "token (a secret, not written here). No counterpart: AWX's PagerDuty REST API token; Herald sends through the Events API v2, which needs only the integration key, routing_key.",
      'subdomain: "mycompany". No counterpart: AWX\'s PagerDuty subdomain, for the REST API; the Events API v2 needs none.',
    ]);
    expect(imported.destinations.find((destination) => destination.key === 'webhook-alert')!.comments).toEqual([
      'From AWX notification template "Webhook Alert" (id 3).',
      "AWX's default body (the job's metadata) becomes Herald's generic JSON payload (version 1).",
    ]);
  });

  it('writes no secret the export showed in the clear, anywhere in the file', () => {
    const text = importedConfigText(imported);
    for (const secret of ['xoxb-your-slack-token', 'smtp_password', 'webhook-token', 'Bearer token', 'pagerduty-integration-key', 'service-api-key', 'hooks/webhook-id', 'xoxb-slack-bot-token', 'xoxb-your-token']) {
      expect(text).not.toContain(secret);
    }
    expect(imported.secrets.map((secret) => secret.name)).toEqual([
      'SLACK_ALERTS_TOKEN',
      'EMAIL_ALERTS_PASSWORD',
      'WEBHOOK_ALERT_AUTHORIZATION',
      'SLACK_OPS_TOKEN',
      'PAGERDUTY_ROUTING_KEY',
      'API_WEBHOOK_AUTHORIZATION',
      'MATTERMOST_URL',
      'PRODUCTION_ALERTS_TOKEN',
    ]);
  });
});

describe('importAwx: a list of every type, with the API field names', () => {
  const imported = importAwx(fixture('notification-templates.json'), {});
  const destination = (key: string) => imported.destinations.find((candidate) => candidate.key === key)!;

  it('makes one destination per template, every one routed to error', () => {
    const keys = ['ops-e-mail', 'slack-ops', 'deploy-webhook', 'pagerduty-ops', 'mattermost-builds', 'rocket-chat-ops', 'on-call-sms', 'grafana-deploys', 'irc-ops', 'sns-ci-topic'];
    expect(imported.destinations.map((candidate) => [candidate.key, candidate.fields.type])).toEqual(
      keys.map((key, i) => [key, ['email', 'slack', 'webhook', 'pagerduty', 'mattermost', 'rocketchat', 'twilio', 'grafana', 'irc', 'sns'][i]]),
    );
    expect(imported.notifications).toEqual([{ triggers: ['error'], to: keys, comments: ROUTE_COMMENTS }]);
  });

  it('maps the full API names of mattermost, rocketchat, grafana, twilio, irc and awssns', () => {
    expect(destination('mattermost-builds').fields).toEqual({
      type: 'mattermost',
      url: '${MATTERMOST_BUILDS_URL}',
      username: 'AWX',
      channel: 'builds',
      icon_url: 'https://chat.example.com/awx.png',
    });
    expect(destination('rocket-chat-ops').fields).toEqual({ type: 'rocketchat', url: '${ROCKET_CHAT_OPS_URL}', username: 'AWX', insecure_skip_verify: true });
    expect(destination('grafana-deploys').fields).toEqual({
      type: 'grafana',
      url: 'https://grafana.example.com',
      api_key: '${GRAFANA_DEPLOYS_API_KEY}',
      dashboard_id: 14,
      panel_id: 2,
      tags: ['awx', 'deploy'],
    });
    expect(destination('grafana-deploys').comments).toEqual([
      'From AWX notification template "Grafana deploys" (id 12).',
      'isRegion: true. No counterpart: Herald annotates a region from the start of the run to its end when it knows the start, else a point.',
    ]);
    expect(destination('on-call-sms').fields).toEqual({
      type: 'twilio',
      account_sid: 'AC0123456789abcdef0123456789abcdef',
      auth_token: '${ON_CALL_SMS_AUTH_TOKEN}',
      from_number: '+15017122661',
      to_numbers: ['+15558675310', '+15558675311'],
    });
    expect(destination('irc-ops').fields).toEqual({
      type: 'irc',
      server: 'irc.example.com',
      port: 6697,
      nickname: 'awx-bot',
      password: '${IRC_OPS_PASSWORD}',
      use_ssl: true,
      targets: ['#ops', 'alice'],
    });
    expect(destination('sns-ci-topic').fields).toEqual({
      type: 'sns',
      topic_arn: 'arn:aws:sns:us-east-1:123456789012:awx-notifications',
      region: 'us-east-1',
      access_key_id: '${SNS_CI_TOPIC_ACCESS_KEY_ID}',
      secret_access_key: '${SNS_CI_TOPIC_SECRET_ACCESS_KEY}',
    });
  });

  it("turns custom messages into each type's templates: e-mail subject and body, a webhook's payload", () => {
    expect(destination('ops-e-mail').fields.messages).toEqual({
      error: { subject: '<<workflow>> failed', body: '<<workflow>> ended <<status>>.\nDetails: <<runUrl>>' },
    });
    expect(destination('deploy-webhook').fields).toEqual({
      type: 'webhook',
      url: 'https://deploy.example.com/awx/notify',
      headers: { 'Content-Type': 'application/json', Authorization: '${DEPLOY_WEBHOOK_AUTHORIZATION}', 'X-Source': 'awx' },
      messages: { error: { payload: '{"job": "<<workflow>>", "status": "<<status>>", "link": "<<runUrl>>"}' } },
    });
  });

  it('keeps a message with Jinja Herald cannot translate, and a part Herald has no template for, as comments', () => {
    expect(destination('pagerduty-ops').fields).toEqual({ type: 'pagerduty', routing_key: '${PAGERDUTY_OPS_ROUTING_KEY}', client_name: 'AWX' });
    expect(destination('pagerduty-ops').comments.slice(3)).toEqual([
      "AWX's custom message for error, not imported: Herald has no counterpart for {{ job_friendly_name }}:",
      "  {{ job_friendly_name }} #{{ job.id }} '{{ job.name }}' {{ job.status }}: {{ url }}",
      "AWX's custom body for error has no counterpart in a pagerduty destination:",
      '  {{ job_metadata }}',
    ]);
  });

  it('lists each secret once, with what to put in it', () => {
    expect(imported.secrets).toEqual([
      { name: 'OPS_E_MAIL_PASSWORD', description: 'the SMTP password of AWX notification template "Ops e-mail"' },
      { name: 'SLACK_OPS_TOKEN', description: 'the Slack bot token (xoxb-...) of AWX notification template "Slack #ops"' },
      { name: 'DEPLOY_WEBHOOK_AUTHORIZATION', description: 'the Authorization header of AWX notification template "Deploy webhook"' },
      { name: 'PAGERDUTY_OPS_ROUTING_KEY', description: 'the PagerDuty integration key (Events API v2) of AWX notification template "PagerDuty ops"' },
      { name: 'MATTERMOST_BUILDS_URL', description: 'the Mattermost incoming webhook URL (its key is in the path) of AWX notification template "Mattermost builds"' },
      { name: 'ROCKET_CHAT_OPS_URL', description: 'the Rocket.Chat incoming webhook URL (its token is in the path) of AWX notification template "Rocket.Chat ops"' },
      { name: 'ON_CALL_SMS_AUTH_TOKEN', description: 'the Twilio auth token of AWX notification template "On-call SMS"' },
      { name: 'GRAFANA_DEPLOYS_API_KEY', description: 'the Grafana service account token (or API key) of AWX notification template "Grafana deploys"' },
      { name: 'IRC_OPS_PASSWORD', description: 'the IRC server password of AWX notification template "IRC #ops"' },
      { name: 'SNS_CI_TOPIC_ACCESS_KEY_ID', description: 'the AWS access key id of AWX notification template "SNS ci topic"' },
      { name: 'SNS_CI_TOPIC_SECRET_ACCESS_KEY', description: 'the AWS secret access key of AWX notification template "SNS ci topic"' },
    ]);
  });

  it('takes a bare list of templates as the results', () => {
    expect(importAwx(fixture('notification-templates.json').results, {})).toEqual(imported);
  });

  it('says at the top when the list was one page of several', () => {
    const page = { ...fixture('notification-templates.json'), count: 42, next: '/api/v2/notification_templates/?page=2' };
    expect(importAwx(page, {}).comments).toEqual([
      ...TOP,
      'AWX listed 42 templates, this file held 10: import the next page too (/api/v2/notification_templates/?page=2), or ask for ?page_size=200.',
    ]);
  });
});

describe('importAwx: secrets in URLs', () => {
  const webhook = (url: string) =>
    importAwx({ name: 'Hook', notification_type: 'webhook', notification_configuration: { url, http_method: 'POST', headers: {} } }, {}).destinations[0]!.fields.url;

  it.each([
    ['a Slack incoming webhook', 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['a Discord webhook', 'https://discord.com/api/webhooks/123456789012345678/abcDEF-token'],
    ['a Teams webhook', 'https://contoso.webhook.office.com/webhookb2/1234/IncomingWebhook/abcd/efgh'],
    ['a Teams Workflows URL', 'https://prod-00.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=XYZ'],
    ['a Google Chat webhook', 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=KEY&token=TOKEN'],
    ['a token in the query', 'https://ci.example.com/hook?token=abc123'],
    ['credentials in the URL', 'https://user:pa55@ci.example.com/hook'],
  ])('%s is a secret', (_, url) => {
    expect(webhook(url)).toBe('${HOOK_URL}');
  });

  it('a plain URL stays in the file', () => {
    expect(webhook('https://deploy.example.com/awx/notify?team=ops')).toBe('https://deploy.example.com/awx/notify?team=ops');
  });
});

describe('importAwx: input it cannot import names the object and the field', () => {
  const error = (input: unknown) => {
    try {
      importAwx(input, {});
    } catch (thrown) {
      expect(thrown).toBeInstanceOf(ImportError);
      return (thrown as ImportError).message;
    }
    throw new Error('no ImportError');
  };
  const SHAPES =
    'expected what GET /api/v2/notification_templates/ returns ({"count": ..., "results": [...]}), or one template (with notification_type and notification_configuration)';

  it('a type Herald does not have', () => {
    expect(error(fixture('unknown-type.json'))).toBe(
      'results[1] (name "Old HipChat room"), notification_type: "hipchat" is not a type Herald has; it imports email, slack, twilio, pagerduty, grafana, webhook, mattermost, rocketchat, irc, awssns.',
    );
  });

  it('not the shapes AWX returns', () => {
    expect(error('hello')).toBe(`the input: is not an object: ${SHAPES}`);
    expect(error({ data: [] })).toBe(`the input: is not AWX notification templates: ${SHAPES}`);
    expect(error({ count: 0, results: [] })).toBe('results: the list is empty: there is no notification template to import');
    expect(error({ results: [7] })).toBe(`results[0]: is not an object: ${SHAPES}`);
  });

  it('a template without a name, or without its configuration', () => {
    expect(error({ results: [{ notification_type: 'slack', notification_configuration: {} }] })).toBe(
      'results[0], name: every notification template has a name; this one has none (or it is not text)',
    );
    expect(error({ name: 'Ops', notification_type: 'slack', notification_configuration: 'token' })).toBe(
      'the template (name "Ops"), notification_configuration: is not an object: the fields of the notification type',
    );
  });

  it('a header that is not text', () => {
    expect(error({ name: 'Hook', notification_type: 'webhook', notification_configuration: { url: 'https://x.example.com', headers: { 'X-Retries': 3 } } })).toBe(
      'the template (name "Hook"), notification_configuration.headers.X-Retries: must be text, not 3',
    );
  });
});

describe('translateJinja', () => {
  it("translates the README table's variables, with or without spaces and whitespace control", () => {
    expect(translateJinja('{{job.name}} {{ job.status }} {{- url -}} #{{ job.id }} by {{ job.created_by }}')).toEqual({
      text: '<<workflow>> <<status>><<runUrl>>#<<runId>> by <<actor>>',
      untranslated: [],
    });
  });

  it('lists what it cannot translate: other variables, filters, statements', () => {
    expect(translateJinja('{{ job.name | upper }} {% if job.status %}x{% endif %} {{ job_friendly_name }} {{ job.name }}').untranslated).toEqual([
      '{{ job.name | upper }}',
      '{% if job.status %}',
      '{% endif %}',
      '{{ job_friendly_name }}',
    ]);
  });
});
