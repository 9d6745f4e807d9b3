import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importGrafanaOncall } from '../../src/cli/import/grafana-oncall.js';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../fixtures/import/grafana-oncall/${name}.json`, import.meta.url), 'utf8'));
const imported = (input: unknown) => importGrafanaOncall(input, {});

describe('herald import --from grafana-oncall', () => {
  it("the reference's list response: acknowledge has no equivalent (kept disabled), the masked authorization_header a secret, the Jinja2 data a comment", () => {
    expect(imported(fixture('list'))).toEqual({
      "destinations": [
        {
          "key": "demo-webhook",
          "fields": {
            "type": "webhook",
            "url": "https://example.com",
            "authorization_header": "${DEMO_WEBHOOK_AUTHORIZATION_HEADER}",
            "enabled": false
          },
          "comments": [
            "From Grafana OnCall outgoing webhook 'Demo Webhook' ({{WEBHOOK_UID}}).",
            "Its data template is Jinja2, which Herald's templates (Mustache, << >>) do not read: Herald sends its generic JSON payload instead; write a payload template to send your own body. The template was:",
            "  {\"labels\" : {{ alert_payload.commonLabels | tojson()}}}",
            "OnCall sent it on \"acknowledge\", which a workflow run has no equivalent of.",
            "Kept disabled: route it to a trigger and remove enabled: false to use it.",
            "OnCall sent it only for the integrations CRV8A5MXC751A: Herald has no integrations; a route filter (repositories, workflows, branches) plays that part."
          ]
        }
      ],
      "notifications": [],
      "secrets": [
        {
          "name": "DEMO_WEBHOOK_AUTHORIZATION_HEADER",
          "description": "the Authorization header of OnCall webhook 'Demo Webhook'"
        }
      ],
      "comments": [
        "Imported from 1 Grafana OnCall outgoing webhook."
      ]
    });
  });

  it("the reference's single webhook: resolve is fixed, forward_all kept", () => {
    expect(imported(fixture('webhook'))).toEqual({
      "destinations": [
        {
          "key": "new-webhook",
          "fields": {
            "type": "webhook",
            "url": "https://example.com",
            "forward_all": true
          },
          "comments": [
            "From Grafana OnCall outgoing webhook 'New Webhook' ({{WEBHOOK_UID}})."
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "fixed"
          ],
          "to": [
            "new-webhook"
          ]
        }
      ],
      "secrets": [],
      "comments": [
        "Imported from 1 Grafana OnCall outgoing webhook."
      ]
    });
  });

  it('a list of several: headers as JSON text or an object, credential headers, a keyed and a templated URL, PUT, basic auth, a trigger template', () => {
    expect(imported(fixture('webhooks'))).toEqual({
      "destinations": [
        {
          "key": "incident-bridge",
          "fields": {
            "type": "webhook",
            "url": "https://bridge.example.com/incidents",
            "headers": {
              "X-Source": "oncall",
              "X-Api-Key": "${INCIDENT_BRIDGE_X_API_KEY}"
            },
            "authorization_header": "${INCIDENT_BRIDGE_AUTHORIZATION_HEADER}"
          },
          "comments": [
            "From Grafana OnCall outgoing webhook 'Incident bridge' (WH3Q5PZ1K7ZLR).",
            "Its data template is Jinja2, which Herald's templates (Mustache, << >>) do not read: Herald sends its generic JSON payload instead; write a payload template to send your own body. The template was:",
            "  {",
            "    \"title\": \"{{ alert_group.title }}\",",
            "    \"state\": \"{{ alert_group.state }}\"",
            "  }",
            "OnCall sent it only for the integrations CRV8A5MXC751A, CZ7W1T6RLNPQ4: Herald has no integrations; a route filter (repositories, workflows, branches) plays that part.",
            "OnCall team: TE1GMC2KQ9Y4A.",
            "OnCall preset: advanced_webhook."
          ]
        },
        {
          "key": "status-page-resolved",
          "fields": {
            "type": "webhook",
            "url": "https://status.example.com/api/resolve",
            "method": "PUT",
            "headers": {
              "Accept": "application/json"
            },
            "forward_all": true,
            "username": "statuspage",
            "password": "${STATUS_PAGE_RESOLVED_PASSWORD}"
          },
          "comments": [
            "From Grafana OnCall outgoing webhook 'Status page: resolved' (WHR6B1Y9V3NKD).",
            "OnCall preset: simple_webhook."
          ]
        },
        {
          "key": "ticket-reopened",
          "fields": {
            "type": "webhook",
            "url": "${TICKET_REOPENED_WEBHOOK_URL}",
            "forward_all": true,
            "enabled": false
          },
          "comments": [
            "From Grafana OnCall outgoing webhook 'Ticket reopened' (WHK2N8C4X6TMB).",
            "It was disabled in OnCall (is_webhook_enabled: false)."
          ]
        },
        {
          "key": "ack-tracker",
          "fields": {
            "type": "webhook",
            "url": "${ACK_TRACKER_URL}",
            "method": "GET",
            "forward_all": true,
            "enabled": false
          },
          "comments": [
            "From Grafana OnCall outgoing webhook 'Ack tracker' (WHP9D5F2H8JQS).",
            "url was the Jinja2 template https://acks.example.com/{{ alert_group.id }}: set ACK_TRACKER_URL to the URL to call.",
            "OnCall sent it on \"acknowledge\", which a workflow run has no equivalent of.",
            "Kept disabled: route it to a trigger and remove enabled: false to use it."
          ]
        }
      ],
      "notifications": [
        {
          "triggers": [
            "error"
          ],
          "to": [
            "incident-bridge"
          ]
        },
        {
          "triggers": [
            "fixed"
          ],
          "to": [
            "status-page-resolved"
          ],
          "comments": [
            "OnCall's trigger template for 'Status page: resolved' is Jinja2 and was not translated: {{ alert_payload.labels.severity == \"critical\" }}",
            "To keep it, add an if: template with Herald's << >> tags that renders true when the webhook should send."
          ]
        },
        {
          "triggers": [
            "broken"
          ],
          "to": [
            "ticket-reopened"
          ]
        }
      ],
      "secrets": [
        {
          "name": "INCIDENT_BRIDGE_X_API_KEY",
          "description": "the X-Api-Key header of OnCall webhook 'Incident bridge'"
        },
        {
          "name": "INCIDENT_BRIDGE_AUTHORIZATION_HEADER",
          "description": "the Authorization header of OnCall webhook 'Incident bridge'"
        },
        {
          "name": "STATUS_PAGE_RESOLVED_PASSWORD",
          "description": "the basic auth password of OnCall webhook 'Status page: resolved'"
        },
        {
          "name": "TICKET_REOPENED_WEBHOOK_URL",
          "description": "the URL of OnCall webhook 'Ticket reopened' (it carries a key)"
        },
        {
          "name": "ACK_TRACKER_URL",
          "description": "the URL to call of OnCall webhook 'Ack tracker': OnCall built it from the Jinja2 template https://acks.example.com/{{ alert_group.id }}"
        }
      ],
      "comments": [
        "Imported from 4 Grafana OnCall outgoing webhooks."
      ]
    });
  });

  it('a bare list, the internal API\'s numbers and labels for trigger types, and headers that are a Jinja2 template', () => {
    const result = imported([
      { name: 'One', url: 'https://one.example.com', trigger_type: 1 },
      { name: 'Two', url: 'https://two.example.com', trigger_type: 'Status change', headers: '{{ {"X-Id": alert_group.id} | tojson }}' },
      { name: 'Three', url: 'https://three.example.com', trigger_type: 'Escalation step', headers: { 'X-Group': '{{ alert_group.id }}' } },
    ]);
    expect(result.notifications).toEqual([
      { triggers: ['error'], to: ['one', 'three'] },
      { triggers: ['fixed', 'broken'], to: ['two'] },
    ]);
    expect(result.destinations.map((destination) => destination.fields)).toEqual([
      { type: 'webhook', url: 'https://one.example.com' },
      { type: 'webhook', url: 'https://two.example.com' },
      { type: 'webhook', url: 'https://three.example.com' },
    ]);
    expect(result.destinations[1]!.comments).toEqual([
      "From Grafana OnCall outgoing webhook 'Two'.",
      'Its headers template is not JSON (Jinja2?) and was not imported: {{ {"X-Id": alert_group.id} | tojson }}',
      'OnCall sent it on every status change: resolved and unresolved map to fixed and broken; acknowledged, silenced and their reverses have no equivalent in a workflow run.',
    ]);
    expect(result.destinations[2]!.comments).toEqual([
      "From Grafana OnCall outgoing webhook 'Three'.",
      'Header X-Group was the Jinja2 template {{ alert_group.id }}, not imported.',
      'OnCall called it as an escalation step: Herald has no escalation chain, it sends once on error.',
    ]);
  });

  it('authorization_header wins over basic auth and an Authorization header (Herald sends one Authorization header)', () => {
    const result = imported({
      name: 'Both',
      url: 'https://both.example.com',
      trigger_type: 'resolve',
      username: 'me',
      password: '****',
      authorization_header: '****',
      headers: { Authorization: 'Basic ****', 'X-Trace': '1' },
    });
    expect(result.destinations).toEqual([
      {
        key: 'both',
        fields: { type: 'webhook', url: 'https://both.example.com', headers: { 'X-Trace': '1' }, authorization_header: '${BOTH_AUTHORIZATION_HEADER}' },
        comments: [
          "From Grafana OnCall outgoing webhook 'Both'.",
          'Its Authorization header was left out: authorization_header sets the Authorization header.',
          'Its basic auth (username, password) was left out: authorization_header sets the Authorization header.',
        ],
      },
    ]);
    expect(result.secrets).toEqual([{ name: 'BOTH_AUTHORIZATION_HEADER', description: "the Authorization header of OnCall webhook 'Both'" }]);
  });

  it('says which object and field is wrong, and what it accepts', () => {
    expect(() => imported('webhooks')).toThrow(
      'the input: is not a Grafana OnCall outgoing webhook (an object with name, url, trigger_type...): give the JSON of GET /api/v1/webhooks/ or of one webhook',
    );
    expect(() => imported({ results: [{ name: 'A', url: 'https://a.example.com' }, { name: 'B' }] })).toThrow('results[1]: is not a Grafana OnCall outgoing webhook');
    expect(() => imported({ results: [{ name: 'Pager', url: 'https://a.example.com', trigger_type: 'snooze' }] })).toThrow(
      'results[0] (name "Pager"), trigger_type: "snooze" is not an OnCall trigger type: write one of escalation, alert group created, acknowledge, resolve, silence, unsilence, unresolve, unacknowledge, status change, personal notification',
    );
    expect(() => imported([{ name: 'Pager', url: 'https://a.example.com', http_method: 'TRACE' }])).toThrow(
      '[0] (name "Pager"), http_method: "TRACE" is not an HTTP method Herald sends: write one of POST, PUT, PATCH, GET, DELETE, OPTIONS',
    );
    expect(() => imported({ name: 'Pager', url: 42 })).toThrow('the webhook (name "Pager"), url: is 42, not a string');
  });
});
