import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/cli/import/model.js';
import { importTerraformCloud } from '../../src/cli/import/terraform-cloud.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/import/terraform-cloud/${name}`, import.meta.url), 'utf8'));

/** One configuration as GET /notification-configurations/:id returns it, with these attributes. */
const one = (attributes: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  data: { id: 'nc-1', type: 'notification-configurations', attributes: { name: 'Hook', enabled: true, token: null, ...attributes }, ...extra },
});

const importError = (input: unknown): ImportError => {
  try {
    importTerraformCloud(input, {});
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no ImportError');
};

describe('importTerraformCloud', () => {
  it('maps a list response with every destination type: routes by trigger set, secrets as placeholders, the rest as comments', () => {
    expect(importTerraformCloud(fixture('list.json'), {})).toEqual({
      "destinations": [
        {
          "key": "slack-devops",
          "fields": {
            "type": "slack",
            "webhook_url": "${SLACK_DEVOPS_WEBHOOK_URL}",
            "enabled": false
          },
          "comments": [
            "From Terraform Cloud notification configuration \"Slack: #devops\" (nc-W6VGEi8A7Cfoaf4K)"
          ]
        },
        {
          "key": "webhook-server-test",
          "fields": {
            "type": "webhook",
            "url": "https://httpstat.us/200",
            "payload_format": "terraform-cloud-v1",
            "secret": "${WEBHOOK_SERVER_TEST_TOKEN}"
          },
          "comments": [
            "From Terraform Cloud notification configuration \"Webhook server test\" (nc-JJKMJ8XbsJoLKrWQ)",
            "token: Terraform Cloud never shows it (write-only): set the configuration's token as secret, or remove \"secret\" if it had none",
        "the payload's notification_configuration_id is now \"webhook-server-test\" (the destination's name), not \"nc-JJKMJ8XbsJoLKrWQ\""
          ]
        },
        {
          "key": "teams-platform",
          "fields": {
            "type": "teams",
            "webhook_url": "${TEAMS_PLATFORM_WEBHOOK_URL}"
          },
          "comments": [
            "From Terraform Cloud notification configuration \"Teams: Platform\" (nc-4F8qTz1kLmN2pQrS)",
            "Terraform Cloud posts to an Office 365 connector URL; Herald posts to a Teams Workflows webhook (\"Post to a channel when a webhook request is received\"): create one for webhook_url"
          ]
        },
        {
          "key": "notify-organization-users-about-run",
          "fields": {
            "type": "email",
            "host": "${NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_HOST}",
            "port": "${NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PORT}",
            "username": "${NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_USERNAME}",
            "password": "${NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PASSWORD}",
            "from": "${NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_FROM}",
            "to": [
              "oncall@example.com"
            ]
          },
          "comments": [
            "From Terraform Cloud notification configuration \"Notify organization users about run\" (nc-Ym3kP9dWq2vRtXa7)",
            "Terraform Cloud sends mail through its own server; Herald sends through yours: set host, port, username, password and from",
            "Terraform Cloud users user-A2gL6nV8cRjWbXe1: mailed at their account's address, which the export does not hold: add them to \"to\"",
            "triggers assessment:drifted, assessment:check_failure: no equivalent (Herald reports workflow runs, not health assessments)"
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "error",
            "approval"
          ],
          "to": [
            "slack-devops",
            "notify-organization-users-about-run"
          ],
          "comments": [
            "Terraform Cloud triggers run:errored, run:needs_attention"
          ]
        },
        {
          "triggers": [
            "started",
            "success"
          ],
          "to": [
            "webhook-server-test"
          ],
          "comments": [
            "Terraform Cloud triggers run:applying, run:completed, run:created"
          ]
        },
        {
          "triggers": [
            "success",
            "error"
          ],
          "to": [
            "teams-platform"
          ],
          "comments": [
            "Terraform Cloud triggers run:errored, run:completed"
          ]
        }
      ],
      "secrets": [
        {
          "name": "SLACK_DEVOPS_WEBHOOK_URL",
          "description": "the Slack webhook URL of Terraform Cloud configuration \"Slack: #devops\""
        },
        {
          "name": "WEBHOOK_SERVER_TEST_TOKEN",
          "description": "the token (HMAC key) of Terraform Cloud configuration \"Webhook server test\""
        },
        {
          "name": "TEAMS_PLATFORM_WEBHOOK_URL",
          "description": "a Teams Workflows webhook URL, to replace the connector of Terraform Cloud configuration \"Teams: Platform\""
        },
        {
          "name": "NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_HOST",
          "description": "the SMTP server's host name, for Terraform Cloud configuration \"Notify organization users about run\"",
          "setting": true
        },
        {
          "name": "NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PORT",
          "description": "the SMTP server's port (587 with STARTTLS, 465 with use_ssl: true), for Terraform Cloud configuration \"Notify organization users about run\"",
          "setting": true
        },
        {
          "name": "NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_USERNAME",
          "description": "the SMTP user to log in as, for Terraform Cloud configuration \"Notify organization users about run\"",
          "setting": true
        },
        {
          "name": "NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PASSWORD",
          "description": "that SMTP user's password, for Terraform Cloud configuration \"Notify organization users about run\""
        },
        {
          "name": "NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_FROM",
          "description": "the sender address (ci@example.com), for Terraform Cloud configuration \"Notify organization users about run\"",
          "setting": true
        }
      ],
      "comments": [
        "Imported from 4 Terraform Cloud notification configurations.",
        "Terraform Cloud notifies per workspace: put this file in the repository whose workflow runs what the workspace ran."
      ]
    });
  });

  it('reads one configuration ({"data": {...}}) the same way', () => {
    const imported = importTerraformCloud(fixture('generic.json'), {});
    expect(imported.destinations).toEqual([
      {
        key: 'webhook-server-test',
        fields: { type: 'webhook', url: 'https://httpstat.us/200', payload_format: 'terraform-cloud-v1', secret: '${WEBHOOK_SERVER_TEST_TOKEN}' },
        comments: [
          'From Terraform Cloud notification configuration "Webhook server test" (nc-AeUQ2zfKZzW9TiGZ)',
          'token: Terraform Cloud never shows it (write-only): set the configuration\'s token as secret, or remove "secret" if it had none',
          'the payload\'s notification_configuration_id is now "webhook-server-test" (the destination\'s name), not "nc-AeUQ2zfKZzW9TiGZ"',
        ],
      },
    ]);
    expect(imported.notifications).toEqual([
      { triggers: ['started', 'success'], to: ['webhook-server-test'], comments: ['Terraform Cloud triggers run:applying, run:completed, run:created'] },
    ]);
  });

  it('reads the create request of an e-mail configuration: its users become a comment and "to" a placeholder', () => {
    const imported = importTerraformCloud(fixture('email-request.json'), {});
    expect(imported.destinations[0]!.fields.to).toBe('${NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_TO}');
    expect(imported.destinations[0]!.comments).toContain(
      'Terraform Cloud users organization-user-id: mailed at their account\'s address, which the export does not hold: add them to "to"',
    );
    expect(imported.notifications).toEqual([
      {
        triggers: ['started', 'success', 'error', 'approval'],
        to: ['notify-organization-users-about-run'],
        comments: ['Terraform Cloud triggers run:applying, run:completed, run:created, run:errored, run:needs_attention, run:planning'],
      },
    ]);
    expect(imported.secrets.map((secret) => secret.name)).toEqual([
      'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_HOST',
      'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PORT',
      'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_USERNAME',
      'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PASSWORD',
      'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_FROM',
      'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_TO',
    ]);
  });

  it('never writes a token or a URL credential into the file, even when the export holds them', () => {
    const imported = importTerraformCloud(
      one({ 'destination-type': 'generic', url: 'https://hooks.example.com/tfc?token=s3cr3t-value', token: 'tfc-hmac-key', triggers: ['run:errored'] }),
      {},
    );
    expect(imported.destinations[0]!.fields).toEqual({
      type: 'webhook',
      url: '${HOOK_WEBHOOK_URL}',
      payload_format: 'terraform-cloud-v1',
      secret: '${HOOK_TOKEN}',
    });
    expect(JSON.stringify(imported)).not.toMatch(/s3cr3t-value|tfc-hmac-key/);
  });

  it('accepts a bare resource and destination_type written with an underscore; a configuration without run triggers is not routed', () => {
    const imported = importTerraformCloud(
      { id: 'nc-2', type: 'notification-configurations', attributes: { name: 'Drift', destination_type: 'slack', url: 'https://hooks.slack.com/services/T/B/x', triggers: ['assessment:drifted'] } },
      {},
    );
    expect(imported.destinations).toEqual([
      {
        key: 'drift',
        fields: { type: 'slack', webhook_url: '${DRIFT_WEBHOOK_URL}' },
        comments: [
          'From Terraform Cloud notification configuration "Drift" (nc-2)',
          'triggers assessment:drifted: no equivalent (Herald reports workflow runs, not health assessments)',
          'no run trigger: not routed (add a route to use it)',
        ],
      },
    ]);
    expect(imported.notifications).toEqual([]);
  });

  it('reads triggers as the documentation spells them ("assessment:failed " with its space) and takes no unknown word for a trigger', () => {
    const imported = importTerraformCloud(one({ 'destination-type': 'generic', url: 'https://x.example/tfc', triggers: [' run:errored', 'assessment:failed ', 'constructor'] }), {});
    expect(imported.destinations[0]!.comments).toContain('triggers assessment:failed, constructor: no equivalent (Herald reports workflow runs, not health assessments)');
    expect(imported.notifications).toEqual([{ triggers: ['error'], to: ['hook'], comments: ['Terraform Cloud triggers run:errored'] }]);
  });

  it('gives two configurations with the same name distinct keys', () => {
    const configuration = (id: string) => ({ id, type: 'notification-configurations', attributes: { name: 'Ops', 'destination-type': 'slack', url: 'https://hooks.slack.com/services/T/B/x', triggers: ['run:errored'] } });
    const imported = importTerraformCloud({ data: [configuration('nc-1'), configuration('nc-2')] }, {});
    expect(imported.destinations.map((destination) => destination.key)).toEqual(['ops', 'ops-2']);
    expect(imported.notifications).toEqual([{ triggers: ['error'], to: ['ops', 'ops-2'], comments: ['Terraform Cloud triggers run:errored'] }]);
    expect(imported.secrets.map((secret) => secret.name)).toEqual(['OPS_WEBHOOK_URL', 'OPS_2_WEBHOOK_URL']);
  });

  it('names the object and the field of input it cannot map', () => {
    expect(importError(one({ 'destination-type': 'pagerduty', triggers: [] })).message).toBe(
      'data (name "Hook"), destination-type: "pagerduty" has no Herald equivalent: expected one of generic, slack, microsoft-teams, email',
    );
    expect(importError(one({ triggers: [] })).message).toBe(
      'data (name "Hook"), destination-type: missing: expected one of generic, slack, microsoft-teams, email',
    );
    expect(importError(one({ 'destination-type': 'slack', url: null, triggers: [] })).message).toBe('data (name "Hook"), url: a slack configuration needs its url');
    expect(importError(one({ 'destination-type': 'generic', url: 'https://x.example', triggers: 'run:errored' })).message).toBe(
      'data (name "Hook"), triggers: expected a list of strings, got "run:errored"',
    );
    expect(importError({ data: [{ id: 'ws-1', type: 'workspaces', attributes: {} }] }).message).toBe(
      'data[0], type: expected "notification-configurations", got "workspaces"',
    );
    expect(importError({ data: [{ id: 'nc-1', type: 'notification-configurations' }] }).message).toBe('data[0], attributes: expected an object, got nothing');
    expect(importError({ results: [] }).message).toBe(
      'data: expected a Terraform Cloud notification-configurations response: {"data": [...]} or {"data": {...}}; this object has the fields results',
    );
    expect(importError('nc-1').message).toBe(
      'data: expected a Terraform Cloud notification-configurations response: {"data": [...]} or {"data": {...}}, got "nc-1"',
    );
  });
});
