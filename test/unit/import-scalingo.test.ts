import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/cli/import/model.js';
import { importScalingo } from '../../src/cli/import/scalingo.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/import/scalingo/${name}`, import.meta.url), 'utf8'));

const importError = (input: unknown): ImportError => {
  try {
    importScalingo(input, {});
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('no ImportError');
};

/** A notifier as GET /v1/apps/:app/notifiers/:id returns it, with these fields. */
const notifier = (fields: Record<string, unknown>) => ({
  notifier: { id: 'no-1', name: 'Hook', active: true, type: 'webhook', send_all_alerts: false, send_all_events: false, selected_event_ids: [], type_data: { webhook_url: 'https://hooks.example.com/scalingo' }, ...fields },
});

describe('importScalingo', () => {
  it('maps a notifiers list with every platform: deployments to success and error, secrets as placeholders, the rest as comments', () => {
    expect(importScalingo(fixture('notifiers.json'), {})).toEqual({
      "destinations": [
        {
          "key": "my-notifier",
          "fields": {
            "type": "slack",
            "webhook_url": "${MY_NOTIFIER_WEBHOOK_URL}"
          },
          "comments": [
            "From Scalingo notifier \"My notifier\" (no-824fd8bb-0efe-4b7b-9605-1b98110abeef) of app my-app",
            "send_all_events: only deployments have an equivalent; the other app events (crash, restart, scale, addons, ...) have none"
          ]
        },
        {
          "key": "deploy-hook",
          "fields": {
            "type": "webhook",
            "url": "${DEPLOY_HOOK_WEBHOOK_URL}"
          },
          "comments": [
            "From Scalingo notifier \"Deploy hook\" (no-3c1f2a9e-7b5d-4e8a-9f60-2d1e0c9b8a71) of app my-app",
            "Scalingo posted its event JSON ({\"type\": \"deployment\", \"type_data\": {...}}); Herald posts its generic JSON payload (or a \"payload\" template)",
            "events crash, repeated_crash: no equivalent (Herald reports workflow runs, not the app's life)"
          ]
        },
        {
          "key": "rocket-ops",
          "fields": {
            "type": "rocketchat",
            "url": "${ROCKET_OPS_WEBHOOK_URL}",
            "enabled": false
          },
          "comments": [
            "From Scalingo notifier \"Rocket #ops\" (no-5e7a9c1b-3d2f-4a6e-8b0c-9d1e2f3a4b5c) of app my-app",
            "send_all_events: only deployments have an equivalent; the other app events (crash, restart, scale, addons, ...) have none",
            "send_all_alerts: Scalingo alerts (metrics over a limit) have no equivalent"
          ]
        },
        {
          "key": "default-myapp-notifier",
          "fields": {
            "type": "email",
            "host": "${DEFAULT_MYAPP_NOTIFIER_SMTP_HOST}",
            "port": "${DEFAULT_MYAPP_NOTIFIER_SMTP_PORT}",
            "username": "${DEFAULT_MYAPP_NOTIFIER_SMTP_USERNAME}",
            "password": "${DEFAULT_MYAPP_NOTIFIER_SMTP_PASSWORD}",
            "from": "${DEFAULT_MYAPP_NOTIFIER_SMTP_FROM}",
            "to": [
              "ops@example.com"
            ]
          },
          "comments": [
            "From Scalingo notifier \"Default 'myapp' notifier\" (no-253ea554-bfe3-419c-aaaa-0bfc5bf51beef) of app myapp",
            "Scalingo sends mail through its own server; Herald sends through yours: set host, port, username, password and from",
            "Scalingo users us-07c2180c-b4b4-123a-1234-fabcdbea: mailed at their account's address, which the export does not hold: add them to \"to\"",
            "selected event type ids 59c52a9c7651ce001f62f578: GET /v1/event_types names them; if one is \"deployment\", route this destination to [success, error]",
            "no deployment event selected: not routed (add a route to use it)"
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "success",
            "error"
          ],
          "to": [
            "my-notifier",
            "deploy-hook",
            "rocket-ops"
          ],
          "comments": [
            "Scalingo events deployment: how a deployment ended"
          ]
        }
      ],
      "secrets": [
        {
          "name": "MY_NOTIFIER_WEBHOOK_URL",
          "description": "the Slack webhook URL of Scalingo notifier \"My notifier\""
        },
        {
          "name": "DEPLOY_HOOK_WEBHOOK_URL",
          "description": "the webhook URL of Scalingo notifier \"Deploy hook\" (it carries a credential)"
        },
        {
          "name": "ROCKET_OPS_WEBHOOK_URL",
          "description": "the Rocket.Chat webhook URL of Scalingo notifier \"Rocket #ops\""
        },
        {
          "name": "DEFAULT_MYAPP_NOTIFIER_SMTP_HOST",
          "description": "the SMTP server's host name, for Scalingo notifier \"Default 'myapp' notifier\"",
          "setting": true
        },
        {
          "name": "DEFAULT_MYAPP_NOTIFIER_SMTP_PORT",
          "description": "the SMTP server's port (587 with STARTTLS, 465 with use_ssl: true), for Scalingo notifier \"Default 'myapp' notifier\"",
          "setting": true
        },
        {
          "name": "DEFAULT_MYAPP_NOTIFIER_SMTP_USERNAME",
          "description": "the SMTP user to log in as, for Scalingo notifier \"Default 'myapp' notifier\"",
          "setting": true
        },
        {
          "name": "DEFAULT_MYAPP_NOTIFIER_SMTP_PASSWORD",
          "description": "that SMTP user's password, for Scalingo notifier \"Default 'myapp' notifier\""
        },
        {
          "name": "DEFAULT_MYAPP_NOTIFIER_SMTP_FROM",
          "description": "the sender address (ci@example.com), for Scalingo notifier \"Default 'myapp' notifier\"",
          "setting": true
        }
      ],
      "comments": [
        "Imported from 4 Scalingo notifiers.",
        "Scalingo notifies when the app deploys; Herald when the workflow that deploys it ends: run it in that workflow."
      ]
    });
  });

  it('reads the older notifications list and a bare notification (deployments only) alike', () => {
    const expected = (app: string) => ({
      destinations: [
        {
          key: 'slack-notification',
          fields: { type: 'slack', webhook_url: '${SLACK_NOTIFICATION_WEBHOOK_URL}' },
          comments: [`From Scalingo notifier "slack notification" (575a917de6d67217900386e6)${app}`],
        },
      ],
      notifications: [{ triggers: ['success', 'error'], to: ['slack-notification'], comments: ['Scalingo events deployment: how a deployment ended'] }],
      secrets: [{ name: 'SLACK_NOTIFICATION_WEBHOOK_URL', description: 'the Slack webhook URL of Scalingo notifier "slack notification"' }],
      comments: [
        'Imported from 1 Scalingo notifier.',
        'Scalingo notifies when the app deploys; Herald when the workflow that deploys it ends: run it in that workflow.',
      ],
    });
    expect(importScalingo(fixture('notifications.json'), {})).toEqual(expected(''));
    expect(importScalingo(fixture('notification.json'), {})).toEqual(expected(' of app 57554e06e6d67206b7ed2f28'));
  });

  it('keeps a webhook URL without a credential as it is, routes a selected deployment event, and maps active: false', () => {
    const imported = importScalingo(notifier({ active: false, selected_event_ids: ['deployment'] }), {});
    expect(imported.destinations[0]!.fields).toEqual({ type: 'webhook', url: 'https://hooks.example.com/scalingo', enabled: false });
    expect(imported.notifications).toEqual([{ triggers: ['success', 'error'], to: ['hook'], comments: ['Scalingo events deployment: how a deployment ended'] }]);
    expect(imported.secrets).toEqual([]);
  });

  it('reads the platform from "platform" when there is no type, and an e-mail notifier without addresses gets "to" as a placeholder', () => {
    const imported = importScalingo(notifier({ type: undefined, platform: { name: 'email' }, type_data: { user_ids: ['us-1'], emails: [] } }), {});
    expect(imported.destinations[0]!.fields).toEqual({
      type: 'email',
      host: '${HOOK_SMTP_HOST}',
      port: '${HOOK_SMTP_PORT}',
      username: '${HOOK_SMTP_USERNAME}',
      password: '${HOOK_SMTP_PASSWORD}',
      from: '${HOOK_SMTP_FROM}',
      to: '${HOOK_TO}',
    });
  });

  it('names the object and the field of input it cannot map', () => {
    expect(importError(notifier({ type: 'discord' })).message).toBe(
      'notifier (name "Hook"), type: "discord" has no Herald equivalent: expected one of slack, webhook, rocket_chat, email',
    );
    expect(importError(notifier({ type_data: {} })).message).toBe('notifier (name "Hook"), type_data.webhook_url: a webhook notifier needs its webhook_url');
    expect(importError(notifier({ active: 'yes' })).message).toBe('notifier (name "Hook"), active: expected true or false, got "yes"');
    expect(importError(notifier({ selected_event_ids: ['Deployment succeeded'] })).message).toBe(
      'notifier (name "Hook"), selected_event_ids: "Deployment succeeded" is not a Scalingo event type name or id',
    );
    expect(importError({ notifiers: [42] }).message).toBe('notifiers[0]: expected an object, got a number (42)');
    expect(importError({ apps: [] }).message).toBe(
      'notifiers: expected a Scalingo notifiers response: {"notifiers": [...]}, {"notifier": {...}}, or the older {"notifications": [...]}; this object has the fields apps',
    );
  });
});
