import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { adaptiveCardProblems } from '../fixtures/chat-validators.js';
import { Receiver, type Received } from './receiver.js';
import { runAction } from './run-action.js';
import { herald } from './herald-cli.js';
import { mailServerEnv, outcomes } from './imported-mail.js';
import { SmtpReceiver } from './smtp-receiver.js';

const TOKEN = 'tfc-notification-token-4f9a';

let receiver: Receiver;
let smtp: SmtpReceiver;
beforeEach(async () => {
  receiver = await Receiver.start();
  smtp = await SmtpReceiver.start();
});
afterEach(async () => {
  await receiver.close();
  await smtp.close();
});

/** The list response of the fixture, its generic configuration pointing at the local receiver. */
const listResponse = () =>
  readFileSync(new URL('../fixtures/import/terraform-cloud/list.json', import.meta.url), 'utf8').replaceAll('https://httpstat.us/200', `${receiver.url}/tfc`);

/** A receiver written for Terraform Cloud checks the signature as Terraform Cloud documents it: hex HMAC-SHA512 of the body. */
function signedByToken(request: Received): boolean {
  const expected = Buffer.from(createHmac('sha512', TOKEN).update(request.body).digest('hex'));
  const given = Buffer.from(String(request.headers['x-tfe-notification-signature']));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('herald import --from terraform-cloud', () => {
  it('writes a config that validates and delivers to each imported destination, the generic one signed as Terraform Cloud signs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'herald-import-'));
    const cli = await herald(
      ['import', '--from', 'terraform-cloud', 'configurations.json', '--output', 'notifications.yml'],
      { 'configurations.json': listResponse() },
      {},
      folder,
    );
    const written = readFileSync(join(folder, 'notifications.yml'), 'utf8');
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const mail = 'NOTIFY_ORGANIZATION_USERS_ABOUT_RUN';
    expect(written).toBe(`# yaml-language-server: $schema=https://raw.githubusercontent.com/herald-notify/herald/v1/schema/notifications.schema.json
# Imported from 4 Terraform Cloud notification configurations.
# Terraform Cloud notifies per workspace: put this file in the repository whose workflow runs what the workspace ran.

destinations:
  # From Terraform Cloud notification configuration "Slack: #devops" (nc-W6VGEi8A7Cfoaf4K)
  slack-devops:
    type: slack
    webhook_url: \${SLACK_DEVOPS_WEBHOOK_URL}
    enabled: false

  # From Terraform Cloud notification configuration "Webhook server test" (nc-JJKMJ8XbsJoLKrWQ)
  # token: Terraform Cloud never shows it (write-only): set the configuration's token as secret, or remove "secret" if it had none
  # the payload's notification_configuration_id is now "webhook-server-test" (the destination's name), not "nc-JJKMJ8XbsJoLKrWQ"
  webhook-server-test:
    type: webhook
    url: ${receiver.url}/tfc
    payload_format: terraform-cloud-v1
    secret: \${WEBHOOK_SERVER_TEST_TOKEN}

  # From Terraform Cloud notification configuration "Teams: Platform" (nc-4F8qTz1kLmN2pQrS)
  # Terraform Cloud posts to an Office 365 connector URL; Herald posts to a Teams Workflows webhook ("Post to a channel when a webhook request is received"): create one for webhook_url
  teams-platform:
    type: teams
    webhook_url: \${TEAMS_PLATFORM_WEBHOOK_URL}

  # From Terraform Cloud notification configuration "Notify organization users about run" (nc-Ym3kP9dWq2vRtXa7)
  # Terraform Cloud sends mail through its own server; Herald sends through yours: set host, port, username, password and from
  # Terraform Cloud users user-A2gL6nV8cRjWbXe1: mailed at their account's address, which the export does not hold: add them to "to"
  # triggers assessment:drifted, assessment:check_failure: no equivalent (Herald reports workflow runs, not health assessments)
  notify-organization-users-about-run:
    type: email
    host: \${${mail}_SMTP_HOST}
    port: \${${mail}_SMTP_PORT}
    username: \${${mail}_SMTP_USERNAME}
    password: \${${mail}_SMTP_PASSWORD}
    from: \${${mail}_SMTP_FROM}
    to: [oncall@example.com]

notifications:
  # Terraform Cloud triggers run:errored, run:needs_attention
  - triggers: [error, approval]
    to: [slack-devops, notify-organization-users-about-run]
  # Terraform Cloud triggers run:applying, run:completed, run:created
  - triggers: [started, success]
    to: [webhook-server-test]
  # Terraform Cloud triggers run:errored, run:completed
  - triggers: [success, error]
    to: [teams-platform]
`);
    expect(cli.stdout.split('\n').slice(0, 2)).toEqual([
      'Wrote notifications.yml: 4 destinations, 3 routes, checked as `herald validate` does.',
      "Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):",
    ]);
    expect(cli.stdout).toContain(`    WEBHOOK_SERVER_TEST_TOKEN: \${{ secrets.WEBHOOK_SERVER_TEST_TOKEN }}\n`);
    // The mail server's host, port, user and sender are settings, passed as configuration variables: a secret's value
    // would be masked in every later log line of the job. Its password is a secret.
    expect(cli.stdout).toContain('\nand these variables (Settings > Secrets and variables > Actions > Variables):\n  NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_HOST: ');
    expect(cli.stdout).toContain(`    NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_HOST: \${{ vars.NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_HOST }}\n`);
    expect(cli.stdout).toContain(`    NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PASSWORD: \${{ secrets.NOTIFY_ORGANIZATION_USERS_ABOUT_RUN_SMTP_PASSWORD }}\n`);

    const secrets = {
      SLACK_DEVOPS_WEBHOOK_URL: `${receiver.url}/slack/T000/B000/XXXXXXXXXXXX`,
      WEBHOOK_SERVER_TEST_TOKEN: TOKEN,
      TEAMS_PLATFORM_WEBHOOK_URL: `${receiver.url}/teams/workflows/abc?sig=teams-signature`,
      ...mailServerEnv(mail, smtp),
    };
    const validated = await herald(['validate', '--config', 'notifications.yml'], { 'notifications.yml': written }, secrets);
    expect(validated).toMatchObject({ code: 0, stdout: 'OK: 4 destinations, 3 routes in notifications.yml\n', stderr: '' });

    const succeeded = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'success' }, config: written, env: secrets });
    expect(succeeded.exitCode, succeeded.stdout).toBe(0);
    expect(outcomes(succeeded)).toEqual([
      ['webhook-server-test', 'successful'],
      ['teams-platform', 'successful'],
    ]);
    const failed = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'failure' }, config: written, env: secrets });
    expect(failed.exitCode, failed.stdout).toBe(0);
    expect(outcomes(failed)).toEqual([
      ['slack-devops', 'skipped'],
      ['notify-organization-users-about-run', 'successful'],
      ['teams-platform', 'successful'],
    ]);

    const tfc = receiver.requests.filter((request) => request.path === '/tfc');
    expect(tfc).toHaveLength(1);
    expect(signedByToken(tfc[0]!)).toBe(true);
    expect(JSON.parse(tfc[0]!.text)).toMatchObject({
      payload_version: 1,
      notification_configuration_id: 'webhook-server-test',
      workspace_id: 'Codertocat/Hello-World',
      notifications: [{ trigger: 'run:completed', run_status: 'applied' }],
    });
    const teams = receiver.requests.filter((request) => request.path.startsWith('/teams/'));
    expect(teams).toHaveLength(2);
    for (const request of teams) expect(adaptiveCardProblems(JSON.parse(request.text).attachments[0].content)).toEqual([]);
    expect(receiver.requests.filter((request) => request.path.startsWith('/slack/'))).toEqual([]);
    const [message] = await smtp.received();
    expect(message).toMatchObject({ mailFrom: 'ci@example.com', rcptTo: ['oncall@example.com'], secure: true, user: 'herald' });
    expect(smtp.messages).toHaveLength(1);
  });

  it("refuses another system's export with one line naming the object and the field, exit 1 and no file", async () => {
    const scalingo = readFileSync(new URL('../fixtures/import/scalingo/notifiers.json', import.meta.url), 'utf8');
    const folder = mkdtempSync(join(tmpdir(), 'herald-import-'));
    const cli = await herald(['import', '--from', 'terraform-cloud', 'notifiers.json', '--output', 'notifications.yml'], { 'notifiers.json': scalingo }, {}, folder);
    expect(cli).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'herald import: data: expected a Terraform Cloud notification-configurations response: {"data": [...]} or {"data": {...}}; this object has the fields notifiers\n',
    });
    expect(existsSync(join(folder, 'notifications.yml'))).toBe(false);
  });
});
