import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_COMMIT, isWellFormed, pushEvent } from '../fixtures/build-input.js';
import { adaptiveCardProblems, discordMessageProblems, slackBlockProblems } from '../fixtures/chat-validators.js';
import { Receiver, type Received } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';

/** All six chat destinations, each on its own path of the receiver. */
const allChats = (url: string, extra = '') => `destinations:
  slack:
    type: slack
    webhook_url: ${url}/slack/T000/B000/XXXXXXXXXXXX
    retry_backoff: 0.05${extra}
  teams:
    type: teams
    webhook_url: ${url}/teams/workflows/abc?sig=teams-signature
    retry_backoff: 0.05${extra}
  discord:
    type: discord
    webhook_url: ${url}/discord/123/discord-token-xyz
    retry_backoff: 0.05${extra}
  mattermost:
    type: mattermost
    url: ${url}/mattermost/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue
    retry_backoff: 0.05${extra}
  rocketchat:
    type: rocketchat
    url: ${url}/rocketchat/hooks/64f1a2b3c4d5e6f7/Xk9dPq2LmN8rTz
    retry_backoff: 0.05${extra}
  googlechat:
    type: googlechat
    webhook_url: ${url}/googlechat/v1/spaces/AAAA/messages?key=gc-key&token=gc-token
    retry_backoff: 0.05${extra}
`;

/** What the runner shows: it reads ::add-mask:: commands and prints nothing of them. */
const shown = (stdout: string) => stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

const byPath = (prefix: string): Received => {
  const found = receiver.requests.filter((request) => request.path.startsWith(`/${prefix}/`));
  expect(found, `requests to /${prefix}/`).toHaveLength(1);
  return found[0]!;
};

describe('chat destinations, run as the runner runs dist/index.js', () => {
  it.each([
    ['started', '🚀 CI started on main', '#439fe0'],
    ['success', '✅ CI succeeded on main', '#2eb886'],
    ['failure', '❌ CI failed on main', '#d00000'],
  ])('status %s reaches all six with valid default messages', async (status, title, colour) => {
    const run = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status }, config: allChats(receiver.url) });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(6);
    for (const request of receiver.requests) {
      expect(request.method).toBe('POST');
      expect(request.headers['content-type']).toBe('application/json; charset=utf-8');
    }

    const slack = byPath('slack');
    expect(slack.text).toBe(
      JSON.stringify({
        attachments: [
          {
            color: colour,
            fallback: `${title} in Codertocat/Hello-World (#42)`,
            blocks: [
              { type: 'header', text: { type: 'plain_text', text: title, emoji: true } },
              {
                type: 'section',
                fields: [
                  { type: 'mrkdwn', text: '*Repository*\n<https://github.com/Codertocat/Hello-World|Codertocat/Hello-World>' },
                  { type: 'mrkdwn', text: `*Workflow*\n<${RUN_URL}|CI / build>` },
                  { type: 'mrkdwn', text: '*Branch*\n<https://github.com/Codertocat/Hello-World/tree/main|main>' },
                  { type: 'mrkdwn', text: '*Actor*\nCodertocat' },
                ],
              },
              {
                type: 'section',
                text: {
                  type: 'mrkdwn',
                  text: '*Commit*\n<https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246|6113728 Adding a .gitignore file>',
                },
              },
              { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'View run', emoji: true }, url: RUN_URL }] },
            ],
          },
        ],
      }),
    );

    const teams = JSON.parse(byPath('teams').text);
    expect(teams.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0].content.body[0].items[0].text).toBe(title);
    expect(adaptiveCardProblems(teams.attachments[0].content)).toEqual([]);

    const discord = JSON.parse(byPath('discord').text);
    expect(discord.embeds[0]).toMatchObject({ title, url: RUN_URL, color: Number.parseInt(colour.slice(1), 16) });
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(discordMessageProblems(discord)).toEqual([]);

    for (const name of ['mattermost', 'rocketchat']) {
      const attachment = JSON.parse(byPath(name).text).attachments[0];
      expect(attachment).toMatchObject({ color: colour, title, title_link: RUN_URL });
    }

    const googlechat = JSON.parse(byPath('googlechat').text);
    expect(googlechat.cardsV2[0].card.header.title).toBe(title);

    expect(run.results.map((r) => [r.destination, r.status, r.code])).toEqual(
      ['slack', 'teams', 'discord', 'mattermost', 'rocketchat', 'googlechat'].map((name) => [name, 'successful', 200]),
    );
    // Webhook URLs are secrets; of the Mattermost / Rocket.Chat hook only the key is.
    const urls = Object.fromEntries(run.results.map((r) => [r.destination, r.url]));
    // Discord is asked to answer with the message (?wait=true), whose id a later step can edit.
    expect(urls).toMatchObject({ slack: '****', teams: '****', discord: '****?wait=true', googlechat: '****' });
    expect(urls.mattermost).toBe(`${receiver.url}/mattermost/hooks/****`);
    expect(urls.rocketchat).toBe(`${receiver.url}/rocketchat/hooks/****/****`);
    for (const secret of ['XXXXXXXXXXXX', 'teams-signature', 'discord-token-xyz', 'gc-token', 'xi3ot5kq8bdrdqw6g3y6dah5ue', 'Xk9dPq2LmN8rTz']) {
      expect(shown(run.stdout)).not.toContain(secret);
      expect(run.outputs.results).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
    }
  });

  it('a hostile commit message reaches every platform escaped, cut and valid', async () => {
    const texts = `
    text: "<<commitMessage>>"`;
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(HOSTILE_COMMIT),
      inputs: { status: 'failure' },
      config: allChats(receiver.url, texts),
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(6);
    for (const request of receiver.requests) {
      expect(isWellFormed(request.text), request.path).toBe(true);
      expect(() => JSON.parse(request.text), request.path).not.toThrow();
    }

    const slack = JSON.parse(byPath('slack').text);
    expect(slack.text.startsWith('Fix "quotes" and \\backslashes\\ &lt;!channel&gt; &lt;!here&gt; @everyone @here &lt;@U123&gt;')).toBe(true);
    expect(slack.text.endsWith('💥\nsecond line\r\nthird line')).toBe(true);
    expect(byPath('slack').text).not.toMatch(/<!channel>|<!here>|<@U123>/);
    expect(slackBlockProblems(slack.attachments[0].blocks)).toEqual([]);

    const discord = JSON.parse(byPath('discord').text);
    expect(discord.content.length).toBeLessThanOrEqual(2000);
    expect(discord.content.length).toBeGreaterThan(1990);
    expect(discord.content.endsWith('…')).toBe(true);
    expect(discord.content).toContain('@\u200beveryone');
    expect(discord.allowed_mentions).toEqual({ parse: [] });
    expect(discordMessageProblems(discord)).toEqual([]);

    const teams = JSON.parse(byPath('teams').text);
    expect(byPath('teams').body.length).toBeLessThan(28 * 1024);
    expect(teams.attachments[0].content.body[1].text).toContain('*bold* _it_ `code` [link]\u200b(https://evil.example) 🎉');
    expect(byPath('teams').text).not.toContain('](https://evil.example)');
    expect(adaptiveCardProblems(teams.attachments[0].content)).toEqual([]);

    for (const name of ['mattermost', 'rocketchat']) {
      const message = JSON.parse(byPath(name).text);
      expect(message.text).toContain('\\<!channel\\> \\<!here\\> @\u200beveryone @\u200bhere \\<@\u200bU123\\>');
      expect(message.attachments[0].fields.find((f: { title: string }) => f.title === 'Commit').value.length).toBeLessThanOrEqual(1000);
    }

    const googlechat = JSON.parse(byPath('googlechat').text);
    expect(googlechat.text).not.toContain('<users/all>');
    expect(googlechat.text.length).toBeLessThanOrEqual(4096);
    expect(run.results.every((r) => r.status === 'successful')).toBe(true);
  });

  it('a branch named fix/(issue)-#1 links to its page on every platform, the link never cut short', async () => {
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: allChats(receiver.url),
      env: { GITHUB_REF: 'refs/heads/fix/(issue)-#1' },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const tree = 'https://github.com/Codertocat/Hello-World/tree/fix/%28issue%29-%231';
    const slack = JSON.parse(byPath('slack').text).attachments[0].blocks[1].fields;
    expect(slack[2]).toEqual({ type: 'mrkdwn', text: `*Branch*\n<${tree}|fix/(issue)-#1>` });
    expect(JSON.parse(byPath('discord').text).embeds[0].fields[2]).toEqual({ name: 'Branch', value: `[fix/(issue)-#1](${tree})`, inline: true });
    for (const name of ['mattermost', 'rocketchat']) {
      expect(JSON.parse(byPath(name).text).attachments[0].fields[2]).toEqual({ short: true, title: 'Branch', value: `[fix/(issue)-#1](${tree})` });
    }
    const widget = JSON.parse(byPath('googlechat').text).cardsV2[0].card.sections[0].widgets[2];
    expect(widget).toEqual({ decoratedText: { topLabel: 'Branch', text: 'fix/(issue)-#1', wrapText: true, onClick: { openLink: { url: tree } } } });
  });

  it('a started message has no Duration, even when an earlier started step left its time', async () => {
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'started' },
      config: allChats(receiver.url),
      env: { HERALD_STARTED_AT: new Date(Date.now() - 95_000).toISOString() },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const labels = (fields: { text: string }[]) => fields.map((field) => field.text.split('\n')[0]);
    expect(labels(JSON.parse(byPath('slack').text).attachments[0].blocks[1].fields)).toEqual(['*Repository*', '*Workflow*', '*Branch*', '*Actor*']);
    expect(JSON.parse(byPath('teams').text).attachments[0].content.body[1].facts.map((fact: { title: string }) => fact.title)).toEqual([
      'Repository', 'Workflow', 'Branch', 'Commit', 'Actor',
    ]);
  });

  it('Slack answering 200 {"ok":false} is a failed delivery with Slack error code', async () => {
    receiver.respond(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":false,"error":"channel_not_found"}' }));
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: `destinations:\n  slack:\n    type: slack\n    token: xoxb-111-222-secretpart\n    channels: "#nowhere"\n    api_url: ${receiver.url}/api\n    retry_backoff: 0.05\n`,
    });
    expect(receiver.requests).toHaveLength(1);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ destination: 'slack', target: '#nowhere', status: 'failed', code: 200, attempts: 1, error: 'Slack error: channel_not_found' });
    expect(run.outputs.failed).toBe('1');
  });

  it('Slack ratelimited is retried after Retry-After, then succeeds', async () => {
    receiver.respond((_request, index) => ({
      status: 200,
      headers: { 'content-type': 'application/json', ...(index === 0 && { 'retry-after': '0.2' }) },
      body: index === 0 ? '{"ok":false,"error":"ratelimited"}' : '{"ok":true}',
    }));
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: `destinations:\n  slack:\n    type: slack\n    token: xoxb-111-222-secretpart\n    channels: C0123\n    api_url: ${receiver.url}/api\n    retry_backoff: 0.05\n`,
    });
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(200);
    expect(run.results[0]).toMatchObject({ target: 'C0123', status: 'successful', attempts: 2 });
  });

  it('a Slack bot token posts to each channel with Authorization: Bearer, the token masked', async () => {
    receiver.respond(() => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"channel":"C1","ts":"1.2"}' }));
    const token = 'xoxb-111-222-secretpart';
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'failure' },
      config: `destinations:\n  slack:\n    type: slack\n    token: ${token}\n    channels: ["#ci", "#ops"]\n    api_url: ${receiver.url}/api/\n    username: Herald\n`,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests.map((r) => [r.path, r.headers.authorization, JSON.parse(r.text).channel]).sort()).toEqual([
      ['/api/chat.postMessage', `Bearer ${token}`, '#ci'],
      ['/api/chat.postMessage', `Bearer ${token}`, '#ops'],
    ]);
    const body = JSON.parse(receiver.requests[0]!.text);
    expect(body).toMatchObject({ username: 'Herald', attachments: [{ color: '#d00000' }] });
    expect(run.results.map((r) => [r.target, r.status])).toEqual([
      ['#ci', 'successful'],
      ['#ops', 'successful'],
    ]);
    expect(run.stdout).toContain(`::add-mask::${token}`);
    for (const text of [shown(run.stdout), run.stderr, run.summary, run.outputs.results ?? '']) expect(text).not.toContain(token);
  });

  it('Discord 429 with retry_after in the body is retried after that delay, then succeeds', async () => {
    receiver.respond((_request, index) =>
      index === 0
        ? { status: 429, headers: { 'content-type': 'application/json' }, body: '{"message":"You are being rate limited.","retry_after":0.3,"global":false}' }
        : { status: 204 },
    );
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: `destinations:\n  discord:\n    type: discord\n    webhook_url: ${receiver.url}/api/webhooks/1/tok-abcdef\n    retry_backoff: 0.05\n`,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(300);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 204, attempts: 2, url: '****?wait=true' });
  });

  it('per-trigger messages override text and payload on a chat destination', async () => {
    const run = await runAction({
      eventName: 'push',
      event: pushEvent('ship "it"'),
      inputs: { status: 'failure' },
      config: `destinations:
  mm:
    type: mattermost
    url: ${receiver.url}/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue
    text: "all good"
    messages:
      error:
        payload: '{"text": "<<workflow>> broke: <<commitTitle>>"}'
`,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests[0]!.text).toBe('{"text": "CI broke: ship \\"it\\""}');
  });

  it('a Slack config with both webhook_url and token fails the step with a clear message', async () => {
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: `destinations:\n  team:\n    type: slack\n    webhook_url: ${receiver.url}/hook\n    token: xoxb-1-2-3\n    channels: "#ci"\n`,
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain('destinations.team.token');
    expect(run.stdout).toContain('set either webhook_url (an incoming webhook) or token + channels (a bot token), not both');
    expect(receiver.requests).toHaveLength(0);
  });

  it('self-hosted Mattermost and Rocket.Chat with a self-signed certificate need insecure_skip_verify', async () => {
    const secure = await Receiver.start(undefined, { tls: true });
    try {
      const run = await runAction({
        eventName: 'push',
        event: pushEvent(),
        inputs: { status: 'success' },
        config: `destinations:
  mm:
    type: mattermost
    url: ${secure.url}/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue
    insecure_skip_verify: true
  rc:
    type: rocketchat
    url: ${secure.url}/hooks/64f1a2b3c4d5e6f7/Xk9dPq2LmN8rTz
`,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(secure.requests.map((request) => request.path)).toEqual(['/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue']);
      expect(run.results.map((r) => [r.destination, r.status, r.attempts, r.error])).toEqual([
        ['mm', 'successful', 1, null],
        ['rc', 'failed', 1, 'self-signed TLS certificate (set insecure_skip_verify: true to accept it) (DEPTH_ZERO_SELF_SIGNED_CERT)'],
      ]);
    } finally {
      await secure.close();
    }
  });
});

describe('telegram, run as the runner runs dist/index.js', () => {
  const TOKEN = '123456789:AAH-integration_token';
  const config = (extra = '') =>
    `destinations:\n  tg:\n    type: telegram\n    bot_token: ${TOKEN}\n    chat_ids: [-1001234567890, "@herald_ci"]\n    api_url: ${receiver.url}\n    retry_backoff: 0.05${extra}\n`;
  const OK = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true,"result":{"message_id":1}}' };

  it('posts the default message to /bot<token>/sendMessage once per chat, escaped for HTML, the token masked', async () => {
    receiver.respond(() => OK);
    const run = await runAction({ eventName: 'push', event: pushEvent('Fix <b>bold</b> & "quotes"'), inputs: { status: 'failure' }, config: config() });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests.map((r) => [r.method, r.path, r.headers['content-type']])).toEqual([
      ['POST', `/bot${TOKEN}/sendMessage`, 'application/json; charset=utf-8'],
      ['POST', `/bot${TOKEN}/sendMessage`, 'application/json; charset=utf-8'],
    ]);
    const repo = 'https://github.com/Codertocat/Hello-World';
    const text = [
      '<b>❌ CI failed on main</b>',
      `<b>Repository:</b> <a href="${repo}">Codertocat/Hello-World</a>`,
      `<b>Workflow:</b> <a href="${RUN_URL}">CI / build</a>`,
      `<b>Branch:</b> <a href="${repo}/tree/main">main</a>`,
      `<b>Commit:</b> <a href="${repo}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246">6113728 Fix &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;</a>`,
      '<b>Actor:</b> Codertocat',
      `<a href="${RUN_URL}">View run</a>`,
    ].join('\n');
    const bytes = (chat: number | string) => JSON.stringify({ chat_id: chat, text, parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(receiver.requests.map((r) => r.text)).toEqual([bytes(-1001234567890), bytes('@herald_ci')]);
    expect(run.results.map((r) => [r.destination, r.target, r.status, r.url])).toEqual([
      ['tg', '-1001234567890', 'successful', '****'],
      ['tg', '@herald_ci', 'successful', '****'],
    ]);
    for (const text of [shown(run.stdout), run.stderr, run.summary, run.outputs.results ?? '']) expect(text).not.toContain('AAH-integration_token');
  });

  it('{"ok":false} fails that chat with Telegram\'s description, the other chat still delivered', async () => {
    receiver.respond((request) =>
      request.text.includes('"@herald_ci"')
        ? { status: 400, headers: { 'content-type': 'application/json' }, body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}' }
        : OK,
    );
    const run = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'success' }, config: config() });
    expect(receiver.requests).toHaveLength(2);
    expect(run.results.map((r) => [r.target, r.status, r.code])).toEqual([
      ['-1001234567890', 'successful', 200],
      ['@herald_ci', 'failed', 400],
    ]);
    expect(run.results[1].error).toContain('Telegram error 400: Bad Request: chat not found');
  });

  it('a 429 is retried after parameters.retry_after, then succeeds', async () => {
    receiver.respond((_request, index) =>
      index === 0
        ? { status: 429, headers: { 'content-type': 'application/json' }, body: '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 1","parameters":{"retry_after":1}}' }
        : OK,
    );
    const run = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: `destinations:\n  tg:\n    type: telegram\n    bot_token: ${TOKEN}\n    chat_ids: 42\n    parse_mode: MarkdownV2\n    api_url: ${receiver.url}\n    retry_backoff: 0.05\n`,
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(JSON.parse(receiver.requests[0]!.text)).toMatchObject({ chat_id: 42, parse_mode: 'MarkdownV2' });
    expect(run.results[0]).toMatchObject({ target: '42', status: 'successful', code: 200, attempts: 2 });
  });
});
