import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordMessageProblems, slackBlockProblems } from '../fixtures/chat-validators.js';
import { DEVTRON_SAMPLES } from '../fixtures/devtron-samples.js';
import { githubEvent } from '../fixtures/events.js';
import { heraldImport } from './import-cli.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';
import { SmtpReceiver } from './smtp-receiver.js';

const SECRETS = {
  AUDIT_LOG_AUTHORIZATION: 'Bearer devtron-audit-token-0042',
  DISCORD_DEPLOYS_WEBHOOK_URL: '', // the receiver's URL, set once it listens
  DEPLOYMENTS_WEBHOOK_URL: '',
  EMAIL_SES_ACCESS_KEY_ID: 'AKIAWEAVHF123ABCD123',
  EMAIL_SES_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/devtronEXAMPLEKEY',
  EMAIL_SMTP_PASSWORD: 'smtp-pa55-word',
};
const AUDIT_PAYLOAD =
  '{"app": "{{devtronAppName}}", "event": "{{eventType}}", "by": "{{devtronTriggeredByEmail}}", "commit": "{{devtronBuildGitCommitHash}}", "link": "{{buildHistoryLink}}"}';

let hooks: Receiver;
let ses: Receiver;
let smtp: SmtpReceiver;
beforeAll(async () => {
  hooks = await Receiver.start();
  ses = await Receiver.start(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"MessageId":"0100018c-test-0001"}' }));
  smtp = await SmtpReceiver.start();
  SECRETS.DISCORD_DEPLOYS_WEBHOOK_URL = `${hooks.url}/api/webhooks/1187654321/discord-token`;
  SECRETS.DEPLOYMENTS_WEBHOOK_URL = `${hooks.url}/services/T0001/B0001/slack-key`;
});
afterAll(async () => {
  await Promise.all([hooks.close(), ses.close(), smtp.close()]);
});

/** What Devtron's API gives for one notification sending to every kind of configuration. */
const devtronExport = () => ({
  code: 200,
  status: 'OK',
  result: {
    webhookConfigs: [
      { id: 1, configName: 'audit-log', webhookUrl: `${hooks.url}/audit`, header: { Authorization: '****************' }, payload: AUDIT_PAYLOAD },
      {
        id: 2,
        configName: 'Discord deploys',
        webhookUrl: 'https://discord.com/api/webhooks/1187654321/abcdefghijklmnop',
        header: { 'Content-Type': 'application/json' },
        payload: DEVTRON_SAMPLES.discord,
      },
    ],
    slackConfigs: [{ id: 1, teamId: 1, configName: 'deployments', webhookUrl: 'https://hooks.slack.com/services/T0001/B0001/XXXXXXXX' }],
    sesConfigs: [
      { id: 1, configName: 'Email SES', region: 'eu-west-1', accessKey: 'AKIA****', secretKey: '****', fromEmail: 'devtron@example.com', default: true },
    ],
    smtpConfigs: [
      { id: 1, configName: 'Email SMTP', host: '127.0.0.1', port: String(smtp.port), authUser: 'herald', authPassword: '****', fromEmail: 'ci@example.com' },
    ],
    settings: [
      {
        id: 7,
        pipelineType: 'CI',
        app: [{ id: 3, name: 'Hello-World' }],
        eventTypes: [1, 2, 3],
        providerConfigs: [
          { id: 1, dest: 'webhook', name: 'audit-log' },
          { id: 2, dest: 'webhook', name: 'Discord deploys' },
          { id: 1, dest: 'slack', name: 'deployments' },
          { id: 1, dest: 'ses', name: 'Email SES', recipient: 'ops@example.com' },
          { id: 1, dest: 'smtp', name: 'Email SMTP', recipient: 'dev@example.com' },
        ],
      },
    ],
  },
});

const indent = (text: string, spaces: string) => text.replace(/\n$/, '').replace(/^/gm, spaces);

describe('herald import --from devtron, then the imported config run as the runner runs dist/index.js', () => {
  it('writes a config that validates, names its secrets, and delivers to every destination with the payload templates rendered', async () => {
    const imported = await heraldImport('devtron', devtronExport());
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.config).toBe(`# yaml-language-server: $schema=https://raw.githubusercontent.com/herald-notify/herald/v1/schema/notifications.schema.json
# Imported from 5 Devtron notification configurations and 1 notification.

destinations:
  # From Devtron webhook configuration 'audit-log' (id 1).
  audit-log:
    type: webhook
    url: ${hooks.url}/audit
    headers:
      Authorization: \${AUDIT_LOG_AUTHORIZATION}
    delimiters: "{{ }}"
    payload: '${AUDIT_PAYLOAD}'

  # From Devtron webhook configuration 'Discord deploys' (id 2).
  discord-deploys:
    type: webhook
    url: \${DISCORD_DEPLOYS_WEBHOOK_URL}
    headers:
      Content-Type: application/json
    delimiters: "{{ }}"
    payload: |
${indent(DEVTRON_SAMPLES.discord, '      ')}

  # From Devtron Slack configuration 'deployments' (id 1).
  # It posts to the Slack channel 'deployments' (the incoming webhook's own channel).
  # Devtron project id 1: Herald has no projects.
  deployments:
    type: slack
    webhook_url: \${DEPLOYMENTS_WEBHOOK_URL}

  # From Devtron SES configuration 'Email SES' (id 1).
  # It was the default e-mail configuration.
  email-ses:
    type: ses
    access_key_id: \${EMAIL_SES_ACCESS_KEY_ID}
    secret_access_key: \${EMAIL_SES_SECRET_ACCESS_KEY}
    region: eu-west-1
    from: devtron@example.com
    to: [ops@example.com]

  # From Devtron SMTP configuration 'Email SMTP' (id 1).
  email-smtp:
    type: email
    host: 127.0.0.1
    port: ${smtp.port}
    username: herald
    password: \${EMAIL_SMTP_PASSWORD}
    from: ci@example.com
    to: [dev@example.com]

notifications:
  # Devtron notification 7 (CI pipelines).
  # Devtron sent it for the applications Hello-World: they are not GitHub repositories; to keep that filter, add repositories: [owner/Hello-World] with the repositories' real names.
  - triggers: [started, success, error]
    to: [audit-log, discord-deploys, deployments, email-ses, email-smtp]
`);
    expect(imported.stdout).toBe(
      [
        'Wrote notifications.yml: 5 destinations, 1 route, checked as `herald validate` does.',
        "Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):",
        "  AUDIT_LOG_AUTHORIZATION: the Authorization header of Devtron webhook configuration 'audit-log'",
        "  DISCORD_DEPLOYS_WEBHOOK_URL: the webhook URL of Devtron webhook configuration 'Discord deploys' (it carries a key)",
        "  DEPLOYMENTS_WEBHOOK_URL: the Slack incoming webhook URL of Devtron Slack configuration 'deployments'",
        "  EMAIL_SES_ACCESS_KEY_ID: the AWS access key id of Devtron SES configuration 'Email SES'",
        "  EMAIL_SES_SECRET_ACCESS_KEY: the AWS secret access key of Devtron SES configuration 'Email SES'",
        "  EMAIL_SMTP_PASSWORD: the SMTP password of Devtron SMTP configuration 'Email SMTP'",
        'and pass them to the Herald step:',
        '  env:',
        ...Object.keys(SECRETS).map((name) => `    ${name}: \${{ secrets.${name} }}`),
        '',
      ].join('\n'),
    );

    // The one edit: SES is reached through its endpoint setting, here the local receiver (the config says AWS's).
    const config = imported.config.replace('    region: eu-west-1\n', `    region: eu-west-1\n    api_url: ${ses.url}\n`);
    const event = githubEvent('push', (e) => e.head_commit);
    const run = await runAction({
      eventName: 'push',
      event,
      inputs: { status: 'failure' },
      config,
      env: { ...SECRETS, NODE_EXTRA_CA_CERTS: fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url)) },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results.map((result) => [result.destination, result.status, result.warnings])).toEqual([
      ['audit-log', 'successful', []],
      ['discord-deploys', 'successful', []],
      ['deployments', 'successful', []],
      ['email-ses', 'successful', []],
      ['email-smtp', 'successful', []],
    ]);

    const byPath = (prefix: string) => hooks.requests.filter((request) => request.path.startsWith(prefix));
    const [audit] = byPath('/audit');
    expect(audit!.headers.authorization).toBe(SECRETS.AUDIT_LOG_AUTHORIZATION);
    expect(audit!.text).toBe(
      `{"app": "Hello-World", "event": "fail", "by": "${event.pusher.email}", "commit": "${event.after}", ` +
        '"link": "https://github.com/Codertocat/Hello-World/actions/runs/1234567890"}',
    );
    const [discord] = byPath('/api/webhooks/1187654321/discord-token');
    expect(discord!.text).toBe(DEVTRON_SAMPLES.discord.replace('{{devtronAppName}}', 'Hello-World').replace('{{eventType}}', 'fail'));
    const [slack] = byPath('/services/T0001/B0001/slack-key');
    const slackMessage = JSON.parse(slack!.text);
    expect(slackMessage.attachments[0].fallback).toBe('❌ CI failed on main in Codertocat/Hello-World (#42)');
    expect(slackBlockProblems(slackMessage.attachments[0].blocks)).toEqual([]);
    expect(discordMessageProblems(JSON.parse(discord!.text))).toEqual([]);

    expect(ses.requests).toHaveLength(1);
    expect(JSON.parse(ses.requests[0]!.text)).toEqual(
      expect.objectContaining({ FromEmailAddress: 'devtron@example.com', Destination: expect.objectContaining({ ToAddresses: ['ops@example.com'] }) }),
    );
    const mails = await smtp.received();
    expect(mails.map((mail) => [mail.mailFrom, mail.rcptTo, mail.user, mail.secure])).toEqual([['ci@example.com', ['dev@example.com'], 'herald', true]]);

    const printed = [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');
    // Every secret is masked, the keyed webhook URL too: its placeholder's name (…_WEBHOOK_URL) says it is a secret.
    for (const secret of Object.values(SECRETS)) expect(printed).not.toContain(secret);
  });
});

describe('every devtron fixture imports to a config that passes the check', () => {
  it.each(['notifications', 'channels', 'webhook'])('%s.json', async (name) => {
    const input = JSON.parse(readFileSync(new URL(`../fixtures/import/devtron/${name}.json`, import.meta.url), 'utf8'));
    const imported = await heraldImport('devtron', input);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Wrote notifications.yml: \d+ destinations?, \d+ routes?, checked as `herald validate` does.\n/);
  });
});
