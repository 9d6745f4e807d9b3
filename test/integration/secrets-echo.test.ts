import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destinationTypes } from '../../src/destinations/index.js';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';

/**
 * Servers echo requests in their error pages (Express's "Cannot POST /services/T.../B.../token", proxies, gateways).
 * Every destination type posts to a receiver that answers 404 with the method, the full URL, the headers and the body,
 * and no secret may show up anywhere the step writes, in any encoding.
 */
let receiver: Receiver;
beforeAll(async () => {
  receiver = await Receiver.start((request) => ({
    status: 404,
    headers: { 'Content-Type': 'text/plain' },
    body: `Cannot ${request.method} ${request.path}\n${JSON.stringify(request.headers)}\n${Object.entries(request.headers)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n')}\n${request.text}`,
  }));
});
afterAll(async () => {
  await receiver.close();
});

/** The Authorization value of basic auth and its credentials alone. */
const basic = (user: string, password: string) => {
  const encoded = Buffer.from(`${user}:${password}`).toString('base64');
  return [`Basic ${encoded}`, encoded];
};

interface Case {
  /** The destination's fields, with ${NAME} for each secret. */
  config: (url: string) => string;
  env: Record<string, string>;
  /** Values that must never be shown, besides every env value. */
  derived?: string[];
  /** The step's inputs besides status: failure (update-messages, for an edit of an earlier message). */
  inputs?: Record<string, string>;
}

/** The messages output of an earlier step, naming a message of the destination `leak` to edit. */
const earlier = (target: string | null, handle: Record<string, string | number>) => ({
  'update-messages': JSON.stringify([{ destination: 'leak', target, handle }]),
});

const PASSWORD = 'p@ss/w"rd+123';
const cases: Record<string, Case> = {
  webhook: {
    config: (url) => {
      const { host } = new URL(url);
      return `url: http://deploy:\${HOOK_PASSWORD}@${host}/hook/path?token=\${HOOK_TOKEN}&stage=prod
    secret: \${HOOK_SECRET}
    headers:
      Authorization: Bearer \${HOOK_BEARER}
      Cookie: session=\${HOOK_COOKIE}`;
    },
    env: { HOOK_PASSWORD: encodeURIComponent(PASSWORD), HOOK_TOKEN: 'query-token-4455', HOOK_SECRET: 'hmac-secret-6677', HOOK_BEARER: 'bearer-token-8899', HOOK_COOKIE: 'cookie-value-1122' },
    derived: [PASSWORD, Buffer.from(`deploy:${PASSWORD}`).toString('base64')],
  },
  'webhook (basic auth fields)': {
    config: (url) => `url: ${url}/basic\n    username: deploy\n    password: \${BASIC_PASSWORD}`,
    env: { BASIC_PASSWORD: 'basic-password-3344' },
    derived: [Buffer.from('deploy:basic-password-3344').toString('base64')],
  },
  // OnCall's authorization_header: declared a secret whatever the variable is called, and when written in the file.
  'webhook (authorization_header)': {
    config: (url) => `url: ${url}/oncall\n    authorization_header: Token \${ONCALL_HEADER}`,
    env: { ONCALL_HEADER: 'oncall-credential-2211' },
    derived: ['Token oncall-credential-2211'],
  },
  'webhook (authorization_header written in the file)': {
    config: (url) => `url: ${url}/oncall\n    authorization_header: Bearer literalAuthToken-0123`,
    env: {},
    derived: ['Bearer literalAuthToken-0123', 'literalAuthToken-0123'],
  },
  'webhook (templated url and headers)': {
    config: (url) =>
      `url: ${url}/hook/<<branch>>?token=\${HOOK_TOKEN}&sha=<<shortSha>>\n    headers:\n      X-Api-Key: \${HOOK_API_KEY}\n      X-Commit: <<commitTitle>>`,
    env: { HOOK_TOKEN: 'templated-query-token-3141', HOOK_API_KEY: 'templated-api-key-2718' },
  },
  'webhook (terraform-cloud-v1)': {
    config: (url) => `url: ${url}/tfc\n    payload_format: terraform-cloud-v1\n    secret: \${TFC_NOTIFICATION_TOKEN}`,
    env: { TFC_NOTIFICATION_TOKEN: 'tfc-token-5566' },
  },
  slack: {
    config: () => 'webhook_url: ${SLACK_WEBHOOK_URL}',
    env: { SLACK_WEBHOOK_URL: `${'URL'}/services/T0AAAAAAA/B0BBBBBBB/slackWebhookToken123456` },
    derived: ['/services/T0AAAAAAA/B0BBBBBBB/slackWebhookToken123456', 'slackWebhookToken123456'],
  },
  'slack (bot token)': {
    config: (url) => `token: \${SLACK_BOT_TOKEN}\n    channels: ["#ci"]\n    api_url: ${url}/slack-api`,
    env: { SLACK_BOT_TOKEN: 'xoxb-1111-2222-slackbottoken' },
  },
  'slack (bot token, an edit: chat.update)': {
    config: (url) => `token: \${SLACK_BOT_TOKEN}\n    channels: ["#ci"]\n    api_url: ${url}/slack-api`,
    env: { SLACK_BOT_TOKEN: 'xoxb-3333-4444-slackedittoken' },
    inputs: earlier('#ci', { channel: 'C024BE91L', ts: '1503435956.000247' }),
  },
  teams: {
    config: () => 'webhook_url: ${TEAMS_WEBHOOK_URL}',
    env: { TEAMS_WEBHOOK_URL: `${'URL'}/workflows/6e1f/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=teamsSignature0123456789` },
    derived: ['teamsSignature0123456789'],
  },
  discord: {
    config: () => 'webhook_url: ${DISCORD_WEBHOOK_URL}',
    env: { DISCORD_WEBHOOK_URL: `${'URL'}/api/webhooks/112233445566/discordWebhookToken-abcdef` },
    derived: ['discordWebhookToken-abcdef', '/api/webhooks/112233445566/discordWebhookToken-abcdef'],
  },
  'discord (an edit: PATCH .../messages/{id})': {
    config: () => 'webhook_url: ${DISCORD_WEBHOOK_URL}',
    env: { DISCORD_WEBHOOK_URL: `${'URL'}/api/webhooks/112233445566/discordEditToken-abcdef` },
    derived: ['discordEditToken-abcdef', '/api/webhooks/112233445566/discordEditToken-abcdef'],
    inputs: earlier(null, { message_id: '1180000000000000000' }),
  },
  mattermost: {
    config: () => 'url: ${MATTERMOST_WEBHOOK_URL}',
    env: { MATTERMOST_WEBHOOK_URL: `${'URL'}/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue` },
    derived: ['xi3ot5kq8bdrdqw6g3y6dah5ue'],
  },
  rocketchat: {
    config: () => 'url: ${ROCKETCHAT_WEBHOOK_URL}',
    env: { ROCKETCHAT_WEBHOOK_URL: `${'URL'}/hooks/64f1a2b3c4d5e6f7/Xk9dPq2LmN8rTzWq` },
    derived: ['64f1a2b3c4d5e6f7', 'Xk9dPq2LmN8rTzWq'],
  },
  googlechat: {
    config: () => 'webhook_url: ${GOOGLECHAT_WEBHOOK_URL}',
    env: { GOOGLECHAT_WEBHOOK_URL: `${'URL'}/v1/spaces/AAAAbbbb/messages?key=googleChatKey-0123&token=googleChatToken-4567` },
    derived: ['googleChatKey-0123', 'googleChatToken-4567'],
  },
  telegram: {
    config: (url) => `bot_token: \${TELEGRAM_BOT_TOKEN}\n    chat_ids: -1001234567890\n    api_url: ${url}/telegram`,
    env: { TELEGRAM_BOT_TOKEN: '987654321:AAHtelegramEchoToken_0123' },
    derived: ['/telegram/bot987654321:AAHtelegramEchoToken_0123/sendMessage', 'bot987654321:AAHtelegramEchoToken_0123'],
  },
  'telegram (an edit: editMessageText)': {
    config: (url) => `bot_token: \${TELEGRAM_BOT_TOKEN}\n    chat_ids: -1001234567890\n    api_url: ${url}/telegram`,
    env: { TELEGRAM_BOT_TOKEN: '987654321:AAHtelegramEditToken_4567' },
    derived: ['/telegram/bot987654321:AAHtelegramEditToken_4567/editMessageText', 'bot987654321:AAHtelegramEditToken_4567'],
    inputs: earlier('-1001234567890', { chat_id: -1001234567890, message_id: 42 }),
  },
  ses: {
    config: (url) => `access_key_id: \${AWS_ACCESS_KEY_ID}\n    secret_access_key: \${AWS_SECRET_ACCESS_KEY}\n    session_token: \${AWS_SESSION_TOKEN}\n    api_url: ${url}/ses\n    from: ci@example.com\n    to: [dev@example.com]`,
    env: { AWS_ACCESS_KEY_ID: 'AKIAECHOTEST0000', AWS_SECRET_ACCESS_KEY: 'secret-access-key-0000', AWS_SESSION_TOKEN: 'session-token-0000' },
  },
  sns: {
    config: (url) =>
      `topic_arn: arn:aws:sns:eu-west-1:123456789012:ci-notifications\n    access_key_id: \${AWS_ACCESS_KEY_ID}\n    secret_access_key: \${AWS_SECRET_ACCESS_KEY}\n    session_token: \${AWS_SESSION_TOKEN}\n    api_url: ${url}/sns\n    message_attributes:\n      token: \${SNS_ATTRIBUTE_SECRET}`,
    env: { AWS_ACCESS_KEY_ID: 'AKIASNSECHOTEST0', AWS_SECRET_ACCESS_KEY: 'sns-secret-access-key-0000', AWS_SESSION_TOKEN: 'sns-session-token-0000', SNS_ATTRIBUTE_SECRET: 'sns-attribute-secret-0000' },
  },
  pagerduty: {
    config: (url) => `routing_key: \${PAGERDUTY_ROUTING_KEY}\n    api_url: ${url}/pagerduty`,
    env: { PAGERDUTY_ROUTING_KEY: 'pdRoutingKey0123456789abcdef0123' },
  },
  'pagerduty (key written in the file)': {
    config: (url) => `routing_key: pdLiteralKey0123456789abcdef01234\n    api_url: ${url}/pagerduty`,
    env: {},
    derived: ['pdLiteralKey0123456789abcdef01234'],
  },
  grafana: {
    config: (url) => `url: ${url}/grafana\n    api_key: \${GRAFANA_TOKEN}`,
    env: { GRAFANA_TOKEN: 'glsa_EchoTest0123456789abcdefABCDEF_0a1b2c3d' },
  },
  'grafana (token written in the file)': {
    config: (url) => `url: ${url}/grafana\n    api_key: glsaLiteralToken0123456789abcdef01`,
    env: {},
    derived: ['glsaLiteralToken0123456789abcdef01'],
  },
  twilio: {
    config: (url) => `account_sid: AC0123456789abcdef0123456789abcdef\n    auth_token: \${TWILIO_AUTH_TOKEN}\n    from_number: "+15005550006"\n    to_numbers: "+15551234567"\n    api_url: ${url}/twilio`,
    env: { TWILIO_AUTH_TOKEN: 'twilioEchoToken0123456789abcdef0' },
    derived: basic('AC0123456789abcdef0123456789abcdef', 'twilioEchoToken0123456789abcdef0'),
  },
  'twilio (token written in the file)': {
    config: (url) => `account_sid: AC0123456789abcdef0123456789abcdef\n    auth_token: twilioLiteralToken0123456789abcd\n    from_number: "+15005550006"\n    to_numbers: "+15551234567"\n    api_url: ${url}/twilio`,
    env: {},
    derived: ['twilioLiteralToken0123456789abcd', ...basic('AC0123456789abcdef0123456789abcdef', 'twilioLiteralToken0123456789abcd')],
  },
};

/** A secret as it may appear: raw, URL-encoded, JSON-escaped. */
const encodings = (secret: string) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];

/** Everything the step printed or wrote, minus the ::add-mask:: commands the runner consumes. */
const everything = (run: RunResult) =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.outputs.results ?? '', run.summary].join('\n');

describe('secrets never leak, also when a server echoes the request', () => {
  it('has a case for every destination type that speaks HTTP', () => {
    const covered = new Set(Object.keys(cases).map((name) => name.split(' ')[0]));
    // email speaks SMTP, where a server's reply cannot echo the password: see email.test.ts; irc has its own case below.
    expect(destinationTypes().filter((type) => type !== 'email' && type !== 'irc' && !covered.has(type))).toEqual([]);
  });

  it.each(Object.entries(cases))('%s', async (name, { config, env, derived = [], inputs = {} }) => {
    const type = name.split(' ')[0];
    const resolved = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.replace(/^URL/, receiver.url)]));
    const before = receiver.requests.length;
    const run = await runAction({
      eventName: 'push',
      event: githubEvent('push', (e) => e.head_commit),
      inputs: { status: 'failure', ...inputs },
      config: `destinations:\n  leak:\n    type: ${type}\n    retries: 0\n    ${config(receiver.url)}\n`,
      env: resolved,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests.length).toBe(before + 1);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 404 });
    expect(run.results[0].response).toMatch(/^Cannot (POST|PUT|PATCH) /);
    // An edit case reached the edit call, not a new post.
    if (inputs['update-messages']) expect(run.results[0].response).toMatch(/^Cannot (POST \S*\/(chat\.update|editMessageText)|PATCH \S*\/messages\/)/);
    const printed = everything(run);
    const secrets = [...Object.values(resolved), ...derived];
    for (const secret of secrets) {
      for (const form of encodings(secret)) expect(printed, `${name}: "${form}"`).not.toContain(form);
    }
  });
});

describe('secrets never leak, also when an IRC server echoes the password', () => {
  /** An IRC server that refuses the password by quoting back every line the client sent, PASS included. */
  const sockets: Socket[] = [];
  const echoing = createServer((socket) => {
    sockets.push(socket);
    let got = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      got += chunk;
      if (!got.includes('USER ')) return;
      socket.end(`:irc.test 464 * :Password incorrect, you sent: ${got.replace(/\r\n/g, ' | ')}\r\nERROR :Closing link\r\n`);
    });
  });
  beforeAll(() => new Promise<void>((resolve) => echoing.listen(0, '127.0.0.1', resolve)));
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => echoing.close(resolve));
  });

  it.each([
    ['from a secret', '${IRC_PASSWORD}', { IRC_PASSWORD: 'irc-echo-pa55-0123' }, 'irc-echo-pa55-0123'],
    ['written in the file', 'irc-literal-pa55-4567', {}, 'irc-literal-pa55-4567'],
  ])('irc (password %s)', async (_name, password, env, secret) => {
    const { port } = echoing.address() as { port: number };
    const run = await runAction({
      eventName: 'push',
      event: githubEvent('push', (e) => e.head_commit),
      inputs: { status: 'failure' },
      config: `destinations:\n  leak:\n    type: irc\n    retries: 0\n    server: 127.0.0.1\n    port: ${port}\n    nickname: herald\n    targets: "#ops"\n    password: ${password}\n`,
      env,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 464, response: 'Password incorrect, you sent: PASS **** | NICK herald | USER herald 0 * :Herald notifications | ' });
    expect(run.results[0].error).toBe(`the IRC server refused PASS: 464 ${run.results[0].response}`);
    for (const form of encodings(secret)) expect(everything(run), form).not.toContain(form);
  });
});
