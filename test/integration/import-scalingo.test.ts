import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { slackBlockProblems } from '../fixtures/chat-validators.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';
import { herald } from './herald-cli.js';
import { mailServerEnv, outcomes } from './imported-mail.js';
import { SmtpReceiver } from './smtp-receiver.js';

const notifiers = () => readFileSync(new URL('../fixtures/import/scalingo/notifiers.json', import.meta.url), 'utf8');

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

describe('herald import --from scalingo', () => {
  it('writes a config that validates and delivers to each imported destination', async () => {
    const cli = await herald(['import', '--from', 'scalingo', 'notifiers.json'], { 'notifiers.json': notifiers() });
    expect(cli.code).toBe(0);
    const mail = 'DEFAULT_MYAPP_NOTIFIER';
    const config = `# yaml-language-server: $schema=https://raw.githubusercontent.com/herald-notify/herald/v1/schema/notifications.schema.json
# Imported from 4 Scalingo notifiers.
# Scalingo notifies when the app deploys; Herald when the workflow that deploys it ends: run it in that workflow.

destinations:
  # From Scalingo notifier "My notifier" (no-824fd8bb-0efe-4b7b-9605-1b98110abeef) of app my-app
  # send_all_events: only deployments have an equivalent; the other app events (crash, restart, scale, addons, ...) have none
  my-notifier:
    type: slack
    webhook_url: \${MY_NOTIFIER_WEBHOOK_URL}

  # From Scalingo notifier "Deploy hook" (no-3c1f2a9e-7b5d-4e8a-9f60-2d1e0c9b8a71) of app my-app
  # Scalingo posted its event JSON ({"type": "deployment", "type_data": {...}}); Herald posts its generic JSON payload (or a "payload" template)
  # events crash, repeated_crash: no equivalent (Herald reports workflow runs, not the app's life)
  deploy-hook:
    type: webhook
    url: \${DEPLOY_HOOK_WEBHOOK_URL}

  # From Scalingo notifier "Rocket #ops" (no-5e7a9c1b-3d2f-4a6e-8b0c-9d1e2f3a4b5c) of app my-app
  # send_all_events: only deployments have an equivalent; the other app events (crash, restart, scale, addons, ...) have none
  # send_all_alerts: Scalingo alerts (metrics over a limit) have no equivalent
  rocket-ops:
    type: rocketchat
    url: \${ROCKET_OPS_WEBHOOK_URL}
    enabled: false

  # From Scalingo notifier "Default 'myapp' notifier" (no-253ea554-bfe3-419c-aaaa-0bfc5bf51beef) of app myapp
  # Scalingo sends mail through its own server; Herald sends through yours: set host, port, username, password and from
  # Scalingo users us-07c2180c-b4b4-123a-1234-fabcdbea: mailed at their account's address, which the export does not hold: add them to "to"
  # selected event type ids 59c52a9c7651ce001f62f578: GET /v1/event_types names them; if one is "deployment", route this destination to [success, error]
  # no deployment event selected: not routed (add a route to use it)
  default-myapp-notifier:
    type: email
    host: \${${mail}_SMTP_HOST}
    port: \${${mail}_SMTP_PORT}
    username: \${${mail}_SMTP_USERNAME}
    password: \${${mail}_SMTP_PASSWORD}
    from: \${${mail}_SMTP_FROM}
    to: [ops@example.com]

notifications:
  # Scalingo events deployment: how a deployment ended
  - triggers: [success, error]
    to: [my-notifier, deploy-hook, rocket-ops]
`;
    expect(cli.stdout).toBe(config);
    expect(cli.stderr.split('\n')[0]).toBe('Imported 4 destinations, 1 route, checked as `herald validate` does.');

    const secrets = {
      MY_NOTIFIER_WEBHOOK_URL: `${receiver.url}/slack/T000/B000/XXXXXXXXXXXX`,
      DEPLOY_HOOK_WEBHOOK_URL: `${receiver.url}/scalingo?token=dpl-8c5f2e1a9b7d`,
      ROCKET_OPS_WEBHOOK_URL: `${receiver.url}/rocketchat/hooks/6a1b2c3d4e5f/Zk8qW2xYpR7tLm3N`,
      ...mailServerEnv(mail, smtp),
    };
    const validated = await herald(['validate', '--config', 'notifications.yml'], { 'notifications.yml': config }, secrets);
    expect(validated).toMatchObject({ code: 0, stdout: 'OK: 4 destinations, 1 route in notifications.yml\n', stderr: '' });

    const deployed = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'success' }, config, env: secrets });
    expect(deployed.exitCode, deployed.stdout).toBe(0);
    expect(outcomes(deployed)).toEqual([
      ['my-notifier', 'successful'],
      ['deploy-hook', 'successful'],
      ['rocket-ops', 'skipped'],
    ]);
    // The e-mail notifier has no route (its event is an id only Scalingo can name): a test notification reaches it.
    const tested = await runAction({ eventName: 'push', event: pushEvent(), inputs: { test: 'true', destinations: 'default-myapp-notifier' }, config, env: secrets });
    expect(tested.exitCode, tested.stdout).toBe(0);
    expect(outcomes(tested)).toEqual([['default-myapp-notifier', 'successful']]);

    const [slack, hook, ...others] = receiver.requests;
    expect(others).toEqual([]);
    expect(slack!.path).toBe('/slack/T000/B000/XXXXXXXXXXXX');
    expect(slackBlockProblems(JSON.parse(slack!.text).attachments[0].blocks)).toEqual([]);
    expect(hook!.path).toBe('/scalingo?token=dpl-8c5f2e1a9b7d');
    expect(JSON.parse(hook!.text)).toMatchObject({ payload_version: 1, destination: 'deploy-hook', trigger: 'success', status: 'success' });
    const [message] = await smtp.received();
    expect(message).toMatchObject({ mailFrom: 'ci@example.com', rcptTo: ['ops@example.com'], secure: true, user: 'herald' });
    expect(smtp.messages).toHaveLength(1);
    // The URL's token is masked (its variable's name says secret) everywhere the runner would print it.
    for (const run of [deployed, tested]) {
      const printed = [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');
      expect(printed).not.toContain('dpl-8c5f2e1a9b7d');
    }
  });
});
