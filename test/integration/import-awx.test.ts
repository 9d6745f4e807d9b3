import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { pushEvent } from '../fixtures/build-input.js';
import { herald } from './herald-cli.js';
import { findNgircd, IrcWatcher, Ngircd } from './ngircd.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';
import { SmtpReceiver } from './smtp-receiver.js';

const FIXTURES = new URL('../fixtures/import/awx/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const newFolder = () => mkdtempSync(join(tmpdir(), 'herald-import-'));

const ONE_TEMPLATE_YAML = `# yaml-language-server: $schema=https://raw.githubusercontent.com/herald-notify/herald/v1/schema/notifications.schema.json
# Imported from AWX notification templates by \`herald import --from awx\`.

destinations:
  # From AWX notification template "Slack #ops" (id 5).
  # AWX's custom messages for workflow_approval.approved: no counterpart (GitHub says when a job waits for reviewers, Herald's approval trigger, not when it was approved).
  slack-ops:
    type: slack
    token: \${SLACK_OPS_TOKEN}
    channels: ["#ops", "#alerts"]
    messages:
      started:
        text: "<<workflow>> started by <<actor>>: <<runUrl>>"
      approval:
        text: "<<workflow>> waits for approval: <<runUrl>>"

notifications:
  # AWX keeps on each job template which notification templates it sends on started, success, error and approvals,
  # so the export does not say: every imported destination is routed to error.
  # Give a destination its own route with the triggers its job templates used (started, success, error, approval).
  - triggers: [error]
    to: [slack-ops]
`;

const ONE_TEMPLATE_SECRETS = [
  "Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):",
  '  SLACK_OPS_TOKEN: the Slack bot token (xoxb-...) of AWX notification template "Slack #ops"',
  'and pass them to the Herald step:',
  '  env:',
  '    SLACK_OPS_TOKEN: ${{ secrets.SLACK_OPS_TOKEN }}',
];

describe('herald import --from awx', () => {
  it('writes the config to stdout, and the secrets to create and the env: block to stderr', async () => {
    expect(await herald(['import', '--from', 'awx', 'template.json'], { 'template.json': fixture('one-template.json') })).toEqual({
      code: 0,
      stdout: ONE_TEMPLATE_YAML,
      stderr: ['Imported 1 destination, 1 route, checked as `herald validate` does.', ...ONE_TEMPLATE_SECRETS, ''].join('\n'),
    });
  });

  it('with --output, writes the same text to the file, says so on stdout, and the file passes herald validate', async () => {
    const folder = newFolder();
    const result = await herald(['import', '--from', 'awx', 'template.json', '--output', 'notifications.yml'], { 'template.json': fixture('one-template.json') }, {}, folder);
    expect(result).toEqual({
      code: 0,
      stdout: ['Wrote notifications.yml: 1 destination, 1 route, checked as `herald validate` does.', ...ONE_TEMPLATE_SECRETS, ''].join('\n'),
      stderr: '',
    });
    expect(readFileSync(join(folder, 'notifications.yml'), 'utf8')).toBe(ONE_TEMPLATE_YAML);
    expect(readdirSync(folder).sort()).toEqual(['notifications.yml', 'template.json']);
    expect(await herald(['validate', '--config', 'notifications.yml'], {}, {}, folder)).toEqual({
      code: 0,
      stdout:
        'OK: 1 destination, 1 route in notifications.yml\n' +
        "Not set here, needed when it runs: SLACK_OPS_TOKEN. Pass it in the step's env (or HERALD_SECRETS); its value was not checked.\n",
      stderr: '',
    });
  });

  it('imports the list of every type, and what it writes passes herald validate', async () => {
    const folder = newFolder();
    const result = await herald(['import', '--from', 'awx', 'all.json', '--output', '.github/notifications.yml'], { 'all.json': fixture('notification-templates.json') }, {}, folder);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n').slice(0, 2)).toEqual([
      'Wrote .github/notifications.yml: 10 destinations, 1 route, checked as `herald validate` does.',
      "Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):",
    ]);
    const validated = await herald(['validate'], {}, {}, folder);
    expect(validated.code, validated.stderr).toBe(0);
    expect(validated.stdout.split('\n')[0]).toBe('OK: 10 destinations, 1 route in .github/notifications.yml');
  });

  it("the README's example is what the command writes", async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('#### AWX\n'), readme.indexOf('### From AWX notification templates'));
    const [, input, output] = /```json\n([\s\S]*?)```[\s\S]*?```yaml\n([\s\S]*?)```/.exec(section)!;
    expect(input).toBe(fixture('readme-example.json'));
    const result = await herald(['import', '--from', 'awx', 'templates.json'], { 'templates.json': input! });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 0, stdout: output });
  });

  it('a file that is not JSON, or not there: one line naming it, exit 1, nothing written', async () => {
    const folder = newFolder();
    expect(await herald(['import', '--from', 'awx', 'templates.yml', '--output', 'out.yml'], { 'templates.yml': 'results:\n  - name: Slack\n' }, {}, folder)).toEqual({
      code: 1,
      stdout: '',
      stderr: "herald import: templates.yml is not JSON (Unexpected token 'r'). Give the JSON the source's API returns, saved as it is.\n",
    });
    expect(await herald(['import', '--from', 'awx', 'missing.json', '--output', 'out.yml'], {}, {}, folder)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'herald import: missing.json not found.\n',
    });
    expect(existsSync(join(folder, 'out.yml'))).toBe(false);
  });

  it('a type Herald does not have: the object and the field, exit 1, and the file given to --output is left as it was', async () => {
    const folder = newFolder();
    const result = await herald(
      ['import', '--from', 'awx', 'templates.json', '--output', 'notifications.yml'],
      { 'templates.json': fixture('unknown-type.json'), 'notifications.yml': 'destinations: {}\n' },
      {},
      folder,
    );
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'herald import: results[1] (name "Old HipChat room"), notification_type: "hipchat" is not a type Herald has; it imports email, slack, ' +
        'twilio, pagerduty, grafana, webhook, mattermost, rocketchat, irc, awssns.\n',
    });
    expect(readFileSync(join(folder, 'notifications.yml'), 'utf8')).toBe('destinations: {}\n');
    expect(readdirSync(folder).sort()).toEqual(['notifications.yml', 'templates.json']);
  });

  it("an import that would not validate: herald validate's messages, exit 1, nothing written", async () => {
    const folder = newFolder();
    const result = await herald(['import', '--from', 'awx', 'templates.json', '--output', 'notifications.yml'], { 'templates.json': fixture('not-valid.json') }, {}, folder);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Config file notifications.yml has 1 problem:\n' +
        'notifications.yml:10:18: destinations.sms-us.from_number: must be a Twilio number in E.164 form, a + and digits without spaces: +15551234567\n' +
        'Nothing was written; the lines are those of the config it would have written.\n',
    });
    expect(readdirSync(folder)).toEqual(['templates.json']);
    const toStdout = await herald(['import', '--from', 'awx', 'templates.json'], {}, {}, folder);
    expect({ code: toStdout.code, stdout: toStdout.stdout }).toEqual({ code: 1, stdout: '' });
    expect(toStdout.stderr.split('\n')[0]).toBe('Config file <stdout> has 1 problem:');
  });

  it('checks the values of the variables that are set, as herald validate does', async () => {
    const result = await herald(['import', '--from', 'awx', 'template.json'], { 'template.json': fixture('one-template.json') }, { SLACK_OPS_TOKEN: '' });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n').slice(0, 2)).toEqual([
      'Config file <stdout> has 1 problem:',
      expect.stringMatching(/^<stdout>:9:12: destinations\.slack-ops\.token: /),
    ]);
  });

  it('an unknown source, a missing FILE or an unknown trigger: the usage, exit 2', async () => {
    const unknown = await herald(['import', '--from', 'jenkins', 'x.json']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^herald: unknown source "jenkins" for --from: use one of awx, terraform-cloud, grafana-oncall, scalingo, devtron\.\nUsage:\n/);
    const noFile = await herald(['import', '--from', 'awx']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/^herald: import reads one FILE: the JSON the source's API returns\.\nUsage:\n/);
    const trigger = await herald(['import', '--from', 'awx', '--triggers', 'error,failure', 'x.json']);
    expect(trigger.code).toBe(2);
    expect(trigger.stderr).toMatch(/^herald: unknown trigger "failure" in --triggers: use started, success, error, fixed, broken, approval, separated by commas\.\n/);
  });
});

const ngircd = findNgircd();
if (!ngircd && process.env.CI === 'true') throw new Error('ngircd is not installed, and CI=true: install it (apt-get install -y ngircd)');

const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';
const SECRETS = {
  OPS_E_MAIL_PASSWORD: 'smtp-pa55-word',
  SLACK_OPS_TOKEN: 'xoxb-1234-5678-awximport',
  DEPLOY_WEBHOOK_AUTHORIZATION: 'Bearer deploy-hook-token-77',
  PAGERDUTY_OPS_ROUTING_KEY: 'R0UT1NGKEY0123456789abcdefABCDEF',
  ON_CALL_SMS_AUTH_TOKEN: 'twilio-auth-token-0123456789abcd',
  GRAFANA_DEPLOYS_API_KEY: 'glsa_AwxImport0123456789abcdefABCDEF_0a1b2c3d',
  IRC_OPS_PASSWORD: 'irc-pa55-word',
  SNS_CI_TOPIC_ACCESS_KEY_ID: 'AKIAIOSFODNN7AWXIMPO',
  SNS_CI_TOPIC_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYAWXIMPORT',
};

/** Each service's answer to a delivery that worked, by the path the test gives its base URL. */
function answer(path: string) {
  const json = (status: number, body: string) => ({ status, headers: { 'content-type': 'application/json' }, body });
  if (path.startsWith('/slack/')) return json(200, '{"ok":true,"channel":"C024BE91L","ts":"1503435956.000247"}');
  if (path.startsWith('/pd/')) return json(202, '{"status":"success","message":"Event processed","dedup_key":"k"}');
  if (path.startsWith('/twilio/')) return json(201, '{"sid":"SM0123","status":"queued"}');
  if (path.startsWith('/grafana/')) return json(200, '{"message":"Annotation added","id":1}');
  if (path.startsWith('/sns')) {
    return {
      status: 200,
      headers: { 'content-type': 'text/xml' },
      body: '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>m-1</MessageId></PublishResult></PublishResponse>',
    };
  }
  return { status: 200, body: 'ok' };
}

describe.skipIf(!ngircd)('a config imported from AWX delivers to every destination (dist/index.js, local servers)', () => {
  let receiver: Receiver;
  let smtp: SmtpReceiver;
  let irc: Ngircd;
  beforeAll(async () => {
    receiver = await Receiver.start((request) => answer(request.path));
    smtp = await SmtpReceiver.start({ user: 'awx@example.com', password: SECRETS.OPS_E_MAIL_PASSWORD });
    irc = await Ngircd.start(ngircd!, { password: SECRETS.IRC_OPS_PASSWORD });
  });
  afterAll(async () => {
    await Promise.all([receiver?.close(), smtp?.close(), irc?.close()]);
  });

  it('with the secrets in env and the services pointed at 127.0.0.1, each destination delivers what AWX would have', async () => {
    const folder = newFolder();
    const imported = await herald(['import', '--from', 'awx', 'all.json', '--output', 'imported.yml'], { 'all.json': fixture('notification-templates.json') }, {}, folder);
    expect(imported.code, imported.stderr).toBe(0);
    const env = { ...SECRETS, MATTERMOST_BUILDS_URL: `${receiver.url}/hooks/xwc3kzbmupgpjyfz9dwe5h8tqo`, ROCKET_CHAT_OPS_URL: `${receiver.url}/hooks/6dcnXm2DqeYLhsG8a/Fm3pTZhN9xcwqRwYsE4BvSx7NJ8bWkd2qo5yG3LCfAJuTrHv` };
    // Every env: line the import printed names one of these variables: the list is complete.
    const printed = [...imported.stdout.matchAll(/^ {4}([A-Z0-9_]+): \$\{\{ secrets\.\1 \}\}$/gm)].map((match) => match[1]);
    expect(printed.sort()).toEqual(Object.keys(env).sort());

    // The imported file points at the real services: point each at this machine (the fields a test may change).
    const config = parse(readFileSync(join(folder, 'imported.yml'), 'utf8'));
    const local: Record<string, Record<string, unknown>> = {
      'ops-e-mail': { host: '127.0.0.1', port: smtp.port, insecure_skip_verify: true },
      'slack-ops': { api_url: `${receiver.url}/slack/api` },
      'deploy-webhook': { url: `${receiver.url}/deploy/awx/notify` },
      'pagerduty-ops': { api_url: `${receiver.url}/pd` },
      'on-call-sms': { api_url: `${receiver.url}/twilio` },
      'grafana-deploys': { url: `${receiver.url}/grafana` },
      'irc-ops': { server: '127.0.0.1', port: irc.tlsPort, insecure_skip_verify: true },
      'sns-ci-topic': { api_url: `${receiver.url}/sns` },
    };
    for (const [key, fields] of Object.entries(local)) Object.assign(config.destinations[key], fields, { retries: 0 });
    const alice = await IrcWatcher.connect(irc.port, 'alice', { password: SECRETS.IRC_OPS_PASSWORD });
    await alice.join('#ops');

    const run = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'failure' }, config: stringify(config), env });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(Object.fromEntries(run.results.map((result) => [result.destination, result.status]))).toEqual(
      Object.fromEntries(Object.keys(config.destinations).map((key) => [key, 'successful'])),
    );
    const logged = [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');
    for (const secret of Object.values(env)) expect(logged).not.toContain(secret);

    const requests = (prefix: string) => receiver.requests.filter((request) => request.path.startsWith(prefix));
    // E-mail: AWX's custom error subject and body, translated.
    const [mail] = smtp.messages;
    expect(mail!.user).toBe('awx@example.com');
    expect(mail!.rcptTo).toEqual(['ops@example.com', 'oncall@example.com']);
    expect(mail!.parsed.subject).toBe('CI failed');
    expect(mail!.parsed.text).toBe(`CI ended failure.\nDetails: ${RUN_URL}\n`);
    // Webhook: AWX's custom body, its Authorization header from the secret.
    const [hook] = requests('/deploy/');
    expect(hook!.text).toBe(`{"job": "CI", "status": "failure", "link": "${RUN_URL}"}`);
    expect(hook!.headers.authorization).toBe(SECRETS.DEPLOY_WEBHOOK_AUTHORIZATION);
    expect(hook!.headers['x-source']).toBe('awx');
    // Slack: one chat.postMessage per channel, with the bot token.
    expect(requests('/slack/').map((request) => [request.path, request.headers.authorization, JSON.parse(request.text).channel])).toEqual([
      ['/slack/api/chat.postMessage', `Bearer ${SECRETS.SLACK_OPS_TOKEN}`, '#ops'],
      ['/slack/api/chat.postMessage', `Bearer ${SECRETS.SLACK_OPS_TOKEN}`, '#alerts'],
    ]);
    expect(JSON.parse(requests('/pd/')[0]!.text)).toMatchObject({ routing_key: SECRETS.PAGERDUTY_OPS_ROUTING_KEY, event_action: 'trigger', payload: { source: 'Codertocat/Hello-World' }, client: 'AWX' });
    expect(requests('/hooks/xwc3kzbmupgpjyfz9dwe5h8tqo').map((request) => JSON.parse(request.text))).toEqual([
      expect.objectContaining({ username: 'AWX', channel: 'builds', icon_url: 'https://chat.example.com/awx.png' }),
    ]);
    expect(requests('/hooks/6dcnXm2DqeYLhsG8a/').map((request) => JSON.parse(request.text))).toEqual([expect.objectContaining({ username: 'AWX' })]);
    const basic = `Basic ${Buffer.from(`AC0123456789abcdef0123456789abcdef:${SECRETS.ON_CALL_SMS_AUTH_TOKEN}`).toString('base64')}`;
    expect(requests('/twilio/').map((request) => [request.path, request.headers.authorization, new URLSearchParams(request.text).get('To')])).toEqual([
      ['/twilio/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json', basic, '+15558675310'],
      ['/twilio/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json', basic, '+15558675311'],
    ]);
    const [annotation] = requests('/grafana/');
    expect(annotation!.headers.authorization).toBe(`Bearer ${SECRETS.GRAFANA_DEPLOYS_API_KEY}`);
    expect(JSON.parse(annotation!.text)).toMatchObject({ dashboardId: 14, panelId: 2, tags: ['awx', 'deploy'] });
    const [publish] = requests('/sns');
    expect(publish!.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${SECRETS.SNS_CI_TOPIC_ACCESS_KEY_ID}/\\d{8}/us-east-1/sns/aws4_request, `));
    expect(new URLSearchParams(publish!.text).get('TopicArn')).toBe('arn:aws:sns:us-east-1:123456789012:awx-notifications');
    expect((await alice.messages()).map((message) => [message.from, message.target])).toEqual([
      ['awx-bot', '#ops'],
      ['awx-bot', 'alice'],
    ]);
    alice.close();
  });
});
