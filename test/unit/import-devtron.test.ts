import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importDevtron } from '../../src/cli/import/devtron.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../fixtures/import/devtron/${name}.json`, import.meta.url), 'utf8'));
const imported = (input: unknown, triggers?: string[]) => importDevtron(input, { triggers });

describe('herald import --from devtron', () => {
  it('configurations and notifications: payloads keep {{ }}, one e-mail destination per list of recipients, events to triggers, environments to a filter', () => {
    expect(imported(fixture('notifications'))).toEqual({
      "destinations": [
        {
          "key": "discord-deploys",
          "fields": {
            "type": "webhook",
            "url": "${DISCORD_DEPLOYS_WEBHOOK_URL}",
            "headers": {
              "Content-Type": "application/json"
            },
            "delimiters": "{{ }}",
            "payload": "{\n    \"content\": \"Automation Notification at Devtron \\n App : {{devtronAppName}} \\n Event Type : {{eventType}}\"\n}\n"
          },
          "comments": [
            "From Devtron webhook configuration 'Discord deploys' (id 1).",
            "Its description: Discord's sample payload"
          ]
        },
        {
          "key": "teams-release-channel",
          "fields": {
            "type": "webhook",
            "url": "${TEAMS_RELEASE_CHANNEL_WEBHOOK_URL}",
            "delimiters": "{{ }}",
            "payload": "{\n    \"type\": \"message\",\n    \"attachments\": [\n        {\n            \"contentType\": \"application/vnd.microsoft.card.adaptive\",\n            \"contentUrl\": null,\n            \"content\": {\n                \"$schema\": \"http://adaptivecards.io/schemas/adaptive-card.json\",\n                \"type\": \"AdaptiveCard\",\n                \"version\": \"1.2\",\n                \"body\": [\n                    {\n                        \"type\": \"TextBlock\",\n                        \"text\": \"Automation Notification for Devtron \\n *App* : {{devtronAppName}} \\n *Event Type* : {{eventType}}\"\n                    }\n                ]\n            }\n        }\n    ]\n}\n"
          },
          "comments": [
            "From Devtron webhook configuration 'Teams release channel' (id 2)."
          ]
        },
        {
          "key": "audit-log",
          "fields": {
            "type": "webhook",
            "url": "https://audit.example.com/devtron",
            "headers": {
              "Content-Type": "application/json",
              "Authorization": "${AUDIT_LOG_AUTHORIZATION}"
            },
            "delimiters": "{{ }}",
            "payload": "{\"app\": \"{{devtronAppName}}\", \"env\": \"{{devtronEnvName}}\", \"event\": \"{{eventType}}\", \"by\": \"{{devtronTriggeredByEmail}}\", \"commit\": \"{{devtronBuildGitCommitHash}}\", \"link\": \"{{buildHistoryLink}}\"}"
          },
          "comments": [
            "From Devtron webhook configuration 'audit-log' (id 3)."
          ]
        },
        {
          "key": "deployments",
          "fields": {
            "type": "slack",
            "webhook_url": "${DEPLOYMENTS_WEBHOOK_URL}"
          },
          "comments": [
            "From Devtron Slack configuration 'deployments' (id 1).",
            "It posts to the Slack channel 'deployments' (the incoming webhook's own channel).",
            "Devtron project id 1: Herald has no projects."
          ]
        },
        {
          "key": "email-ses-2024",
          "fields": {
            "type": "ses",
            "access_key_id": "${EMAIL_SES_2024_ACCESS_KEY_ID}",
            "secret_access_key": "${EMAIL_SES_2024_SECRET_ACCESS_KEY}",
            "region": "ap-south-1",
            "from": "devtron@example.com",
            "to": [
              "oncall@example.com",
              "sre@example.com"
            ]
          },
          "comments": [
            "From Devtron SES configuration 'Email SES 2024' (id 1).",
            "It was the default e-mail configuration."
          ]
        },
        {
          "key": "email-ses-2024-2",
          "fields": {
            "type": "ses",
            "access_key_id": "${EMAIL_SES_2024_ACCESS_KEY_ID}",
            "secret_access_key": "${EMAIL_SES_2024_SECRET_ACCESS_KEY}",
            "region": "ap-south-1",
            "from": "devtron@example.com",
            "to": [
              "qa@example.com"
            ]
          },
          "comments": [
            "From Devtron SES configuration 'Email SES 2024' (id 1).",
            "It was the default e-mail configuration.",
            "The same configuration as above, for the recipients of another notification."
          ]
        },
        {
          "key": "email-smtp-2024",
          "fields": {
            "type": "email",
            "host": "email-smtp.ap-south-1.amazonaws.com",
            "port": 587,
            "username": "AKIAWEAVHF123ABCD123",
            "password": "${EMAIL_SMTP_2024_PASSWORD}",
            "from": "ci@example.com",
            "to": [
              "qa@example.com"
            ]
          },
          "comments": [
            "From Devtron SMTP configuration 'Email SMTP 2024' (id 1)."
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "started",
            "success",
            "error"
          ],
          "to": [
            "deployments",
            "audit-log"
          ],
          "comments": [
            "Devtron notification 11 (CI pipelines).",
            "Devtron sent it for the applications payments-api: they are not GitHub repositories; to keep that filter, add repositories: [owner/payments-api] with the repositories' real names."
          ]
        },
        {
          "triggers": [
            "error",
            "approval"
          ],
          "to": [
            "email-ses-2024",
            "discord-deploys"
          ],
          "comments": [
            "Devtron notification 12 (CD pipelines).",
            "Devtron sent it for the projects platform: Herald has no projects."
          ],
          "filters": {
            "environments": [
              "production"
            ]
          }
        },
        {
          "triggers": [
            "success"
          ],
          "to": [
            "email-smtp-2024",
            "teams-release-channel",
            "email-ses-2024-2"
          ],
          "comments": [
            "Devtron notification 13 (CD pipelines).",
            "Devtron events with no equivalent in Herald, not imported: image scanning.",
            "Devtron sent it for the clusters default_cluster: Herald has no clusters.",
            "Devtron sent it for All non-prod environments: Herald cannot tell production environments apart; list them in environments."
          ],
          "filters": {
            "environments": [
              "staging"
            ]
          }
        }
      ],
      "secrets": [
        {
          "name": "DISCORD_DEPLOYS_WEBHOOK_URL",
          "description": "the webhook URL of Devtron webhook configuration 'Discord deploys' (it carries a key)"
        },
        {
          "name": "TEAMS_RELEASE_CHANNEL_WEBHOOK_URL",
          "description": "the webhook URL of Devtron webhook configuration 'Teams release channel' (it carries a key)"
        },
        {
          "name": "AUDIT_LOG_AUTHORIZATION",
          "description": "the Authorization header of Devtron webhook configuration 'audit-log'"
        },
        {
          "name": "DEPLOYMENTS_WEBHOOK_URL",
          "description": "the Slack incoming webhook URL of Devtron Slack configuration 'deployments'"
        },
        {
          "name": "EMAIL_SES_2024_ACCESS_KEY_ID",
          "description": "the AWS access key id of Devtron SES configuration 'Email SES 2024'"
        },
        {
          "name": "EMAIL_SES_2024_SECRET_ACCESS_KEY",
          "description": "the AWS secret access key of Devtron SES configuration 'Email SES 2024'"
        },
        {
          "name": "EMAIL_SMTP_2024_PASSWORD",
          "description": "the SMTP password of Devtron SMTP configuration 'Email SMTP 2024'"
        }
      ],
      "comments": [
        "Imported from 6 Devtron notification configurations and 3 notifications."
      ]
    });
  });

  it("GET /orchestrator/notification/channel's answer alone: every destination routed to Devtron's three events, e-mail recipients to set", () => {
    expect(imported(fixture('channels'))).toEqual({
      "destinations": [
        {
          "key": "discord-deploys",
          "fields": {
            "type": "webhook",
            "url": "${DISCORD_DEPLOYS_WEBHOOK_URL}",
            "headers": {
              "Content-Type": "application/json"
            },
            "delimiters": "{{ }}",
            "payload": "{\n    \"content\": \"Automation Notification at Devtron \\n App : {{devtronAppName}} \\n Event Type : {{eventType}}\"\n}\n"
          },
          "comments": [
            "From Devtron webhook configuration 'Discord deploys' (id 1).",
            "Its description: Discord's sample payload"
          ]
        },
        {
          "key": "teams-release-channel",
          "fields": {
            "type": "webhook",
            "url": "${TEAMS_RELEASE_CHANNEL_WEBHOOK_URL}",
            "delimiters": "{{ }}",
            "payload": "{\n    \"type\": \"message\",\n    \"attachments\": [\n        {\n            \"contentType\": \"application/vnd.microsoft.card.adaptive\",\n            \"contentUrl\": null,\n            \"content\": {\n                \"$schema\": \"http://adaptivecards.io/schemas/adaptive-card.json\",\n                \"type\": \"AdaptiveCard\",\n                \"version\": \"1.2\",\n                \"body\": [\n                    {\n                        \"type\": \"TextBlock\",\n                        \"text\": \"Automation Notification for Devtron \\n *App* : {{devtronAppName}} \\n *Event Type* : {{eventType}}\"\n                    }\n                ]\n            }\n        }\n    ]\n}\n"
          },
          "comments": [
            "From Devtron webhook configuration 'Teams release channel' (id 2)."
          ]
        },
        {
          "key": "audit-log",
          "fields": {
            "type": "webhook",
            "url": "https://audit.example.com/devtron",
            "headers": {
              "Content-Type": "application/json",
              "Authorization": "${AUDIT_LOG_AUTHORIZATION}"
            },
            "delimiters": "{{ }}",
            "payload": "{\"app\": \"{{devtronAppName}}\", \"env\": \"{{devtronEnvName}}\", \"event\": \"{{eventType}}\", \"by\": \"{{devtronTriggeredByEmail}}\", \"commit\": \"{{devtronBuildGitCommitHash}}\", \"link\": \"{{buildHistoryLink}}\"}"
          },
          "comments": [
            "From Devtron webhook configuration 'audit-log' (id 3)."
          ]
        },
        {
          "key": "deployments",
          "fields": {
            "type": "slack",
            "webhook_url": "${DEPLOYMENTS_WEBHOOK_URL}"
          },
          "comments": [
            "From Devtron Slack configuration 'deployments' (id 1).",
            "It posts to the Slack channel 'deployments' (the incoming webhook's own channel).",
            "Devtron project id 1: Herald has no projects."
          ]
        },
        {
          "key": "email-ses-2024",
          "fields": {
            "type": "ses",
            "access_key_id": "${EMAIL_SES_2024_ACCESS_KEY_ID}",
            "secret_access_key": "${EMAIL_SES_2024_SECRET_ACCESS_KEY}",
            "region": "ap-south-1",
            "from": "devtron@example.com",
            "to": "${EMAIL_SES_2024_TO}"
          },
          "comments": [
            "From Devtron SES configuration 'Email SES 2024' (id 1).",
            "It was the default e-mail configuration."
          ]
        },
        {
          "key": "email-smtp-2024",
          "fields": {
            "type": "email",
            "host": "email-smtp.ap-south-1.amazonaws.com",
            "port": 587,
            "username": "AKIAWEAVHF123ABCD123",
            "password": "${EMAIL_SMTP_2024_PASSWORD}",
            "from": "ci@example.com",
            "to": "${EMAIL_SMTP_2024_TO}"
          },
          "comments": [
            "From Devtron SMTP configuration 'Email SMTP 2024' (id 1)."
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "started",
            "success",
            "error"
          ],
          "to": [
            "discord-deploys",
            "teams-release-channel",
            "audit-log",
            "deployments",
            "email-ses-2024",
            "email-smtp-2024"
          ],
          "comments": [
            "The input had no notifications (GET /orchestrator/notification), which say what each configuration is for: routed to Devtron's three events (trigger, success, failure)."
          ]
        }
      ],
      "secrets": [
        {
          "name": "DISCORD_DEPLOYS_WEBHOOK_URL",
          "description": "the webhook URL of Devtron webhook configuration 'Discord deploys' (it carries a key)"
        },
        {
          "name": "TEAMS_RELEASE_CHANNEL_WEBHOOK_URL",
          "description": "the webhook URL of Devtron webhook configuration 'Teams release channel' (it carries a key)"
        },
        {
          "name": "AUDIT_LOG_AUTHORIZATION",
          "description": "the Authorization header of Devtron webhook configuration 'audit-log'"
        },
        {
          "name": "DEPLOYMENTS_WEBHOOK_URL",
          "description": "the Slack incoming webhook URL of Devtron Slack configuration 'deployments'"
        },
        {
          "name": "EMAIL_SES_2024_ACCESS_KEY_ID",
          "description": "the AWS access key id of Devtron SES configuration 'Email SES 2024'"
        },
        {
          "name": "EMAIL_SES_2024_SECRET_ACCESS_KEY",
          "description": "the AWS secret access key of Devtron SES configuration 'Email SES 2024'"
        },
        {
          "name": "EMAIL_SES_2024_TO",
          "description": "the recipients for Devtron SES configuration 'Email SES 2024' (no notification in the input names any)"
        },
        {
          "name": "EMAIL_SMTP_2024_PASSWORD",
          "description": "the SMTP password of Devtron SMTP configuration 'Email SMTP 2024'"
        },
        {
          "name": "EMAIL_SMTP_2024_TO",
          "description": "the recipients for Devtron SMTP configuration 'Email SMTP 2024' (no notification in the input names any)"
        }
      ],
      "comments": [
        "Imported from 6 Devtron notification configurations."
      ]
    });
  });

  it('one webhook configuration', () => {
    expect(imported(fixture('webhook'))).toEqual({
      "destinations": [
        {
          "key": "discord-deploys",
          "fields": {
            "type": "webhook",
            "url": "${DISCORD_DEPLOYS_WEBHOOK_URL}",
            "headers": {
              "Content-Type": "application/json"
            },
            "delimiters": "{{ }}",
            "payload": "{\n    \"content\": \"Automation Notification at Devtron \\n App : {{devtronAppName}} \\n Event Type : {{eventType}}\"\n}\n"
          },
          "comments": [
            "From Devtron webhook configuration 'Discord deploys'."
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "started",
            "success",
            "error"
          ],
          "to": [
            "discord-deploys"
          ],
          "comments": [
            "The input had no notifications (GET /orchestrator/notification), which say what each configuration is for: routed to Devtron's three events (trigger, success, failure)."
          ]
        }
      ],
      "secrets": [
        {
          "name": "DISCORD_DEPLOYS_WEBHOOK_URL",
          "description": "the webhook URL of Devtron webhook configuration 'Discord deploys' (it carries a key)"
        }
      ],
      "comments": [
        "Imported from 1 Devtron notification configuration."
      ]
    });
  });

  it('a channel as POST /notification/channel takes it, --triggers, an SMTP configuration on port 465, and the notifications in their POST form', () => {
    const result = imported({
      channel: 'smtp',
      configs: [{ configName: 'Mail', host: 'smtp.example.com', port: '465', authUser: 'ci', authPassword: 'x', fromEmail: 'ci@example.com', default: true }],
    }, ['error']);
    expect(result.destinations).toEqual([
      {
        key: 'mail',
        fields: { type: 'email', host: 'smtp.example.com', port: 465, use_ssl: true, username: 'ci', password: '${MAIL_PASSWORD}', from: 'ci@example.com', to: '${MAIL_TO}' },
        comments: ["From Devtron SMTP configuration 'Mail'.", 'It was the default e-mail configuration.'],
      },
    ]);
    expect(result.notifications).toEqual([
      {
        triggers: ['error'],
        to: ['mail'],
        comments: ['The input had no notifications (GET /orchestrator/notification), which say what each configuration is for: routed to the --triggers given.'],
      },
    ]);
    const posted = imported({
      smtpConfig: [{ id: 4, configName: 'Mail', host: 'smtp.example.com', port: '587', fromEmail: 'ci@example.com' }],
      notificationConfigRequest: [
        { pipelineType: 'CI', appId: [7], envId: [], pipelineId: 31, eventTypeIds: [3], providers: [{ dest: 'smtp', configId: 4, recipient: 'dev@example.com' }] },
      ],
    });
    expect(posted.destinations[0]!.fields).toEqual({ type: 'email', host: 'smtp.example.com', port: 587, from: 'ci@example.com', to: ['dev@example.com'] });
    expect(posted.notifications).toEqual([
      {
        triggers: ['error'],
        to: ['mail'],
        comments: [
          'Devtron notification 1 (CI pipelines).',
          "Devtron sent it for the applications 7: they are not GitHub repositories; to keep that filter, add repositories: [owner/7] with the repositories' real names.",
          'Devtron sent it for the pipeline 31: a workflows filter names the GitHub workflow instead.',
        ],
      },
    ]);
  });

  it('a notification whose events all lack an equivalent is a comment, not a route; a configuration nothing sends to is kept disabled', () => {
    const result = imported({
      slackConfigs: [{ id: 1, configName: 'alerts', webhookUrl: 'https://hooks.slack.com/services/T/B/X' }],
      settings: [{ id: 5, eventTypes: [8], providerConfigs: [{ id: 1, dest: 'slack' }] }],
    });
    expect(result.notifications).toEqual([]);
    expect(result.destinations[0]!.comments).toEqual([
      "From Devtron Slack configuration 'alerts' (id 1).",
      "It posts to the Slack channel 'alerts' (the incoming webhook's own channel).",
      'Kept disabled: no notification in the input sends to it; name it in a route and remove enabled: false to use it.',
    ]);
    expect(result.destinations[0]!.fields).toEqual({ type: 'slack', webhook_url: '${ALERTS_WEBHOOK_URL}', enabled: false });
    expect(result.comments).toEqual([
      'Imported from 1 Devtron notification configuration and 1 notification.',
      'Devtron notification 5.',
      'Devtron events with no equivalent in Herald, not imported: image scanning.',
      'It was not imported: none of its events has an equivalent.',
    ]);
  });

  it('a bare list of configurations, each known by its fields; a notification that sends nowhere is a comment', () => {
    const listed = imported([
      { configName: 'hook', webhookUrl: 'https://hooks.example.com/devtron' },
      { configName: 'alerts', webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
    ]);
    expect(listed.destinations.map((destination) => destination.fields)).toEqual([
      { type: 'webhook', url: 'https://hooks.example.com/devtron' },
      { type: 'slack', webhook_url: '${ALERTS_WEBHOOK_URL}' },
    ]);
    expect(listed.destinations[0]!.comments).toEqual([
      "From Devtron webhook configuration 'hook'.",
      'It had no payload: Herald sends its generic JSON payload.',
    ]);
    const nowhere = imported({ result: { settings: [{ id: 3, eventTypes: [3], providerConfigs: [] }] } });
    expect(nowhere.notifications).toEqual([]);
    expect(nowhere.comments).toEqual([
      'Imported from 0 Devtron notification configurations and 1 notification.',
      'Devtron notification 3.',
      'It was not imported: it sends to no configuration (no providerConfigs).',
    ]);
  });

  it('says which object and field is wrong, and what it accepts', () => {
    expect(() => imported([1, 2])).toThrow('[0]: is not a Devtron notification configuration (an object)');
    expect(() => imported('configs')).toThrow('the input: is not Devtron notifications');
    expect(() => imported({ something: 1 })).toThrow('the input: is not a Devtron notification configuration');
    expect(() => imported({ channel: 'pagerduty', configs: [] })).toThrow(
      'channel: "pagerduty" is not a Devtron notification channel Herald imports: write one of webhook, slack, ses, smtp',
    );
    expect(() => imported({ webhookConfigs: [{ configName: 'hook' }] })).toThrow(
      'webhookConfigs[0] (name "hook"), webhookUrl: is missing: a Devtron webhook configuration has one',
    );
    expect(() => imported({ settings: [{ eventTypes: [1], providerConfigs: [{ id: 9, dest: 'webhook', name: 'gone' }] }] })).toThrow(
      'settings[0], providerConfigs[0]: names the webhook configuration gone, which the input does not have: put the configurations of GET /orchestrator/notification/channel beside the notifications (webhookConfigs, slackConfigs, sesConfigs, smtpConfigs)',
    );
    expect(() =>
      imported({ slackConfigs: [{ id: 1, configName: 'a', webhookUrl: 'https://hooks.slack.com/x' }], settings: [{ eventTypes: [12], providerConfigs: [] }] }),
    ).toThrow('settings[0], eventTypes: 12 is not a Devtron event type (1 trigger, 2 success, 3 failure, 4 approval)');
    expect(() => imported({ smtpConfigs: [{ configName: 'm', host: 'h', port: 'smtp', fromEmail: 'a@b.c' }] })).toThrow(
      'smtpConfigs[0] (name "m"), port: "smtp" is not a port number',
    );
  });
});
