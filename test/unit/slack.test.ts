import { describe, expect, it } from 'vitest';
import { slack, type SlackConfig } from '../../src/destinations/slack.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';
import { githubEvent } from '../fixtures/events.js';
import { slackBlockProblems } from '../fixtures/chat-validators.js';
import { httpRequests } from '../fixtures/outbound.js';

const WEBHOOK = 'https://hooks.slack.com/services/T000/B000/XXXXXXXX';
const config = (fields: object): SlackConfig => slack.schema.parse({ type: 'slack', ...fields });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);

describe('slack config', () => {
  it('rejects a config with neither webhook_url nor token', () => {
    const result = slack.schema.safeParse({ type: 'slack' });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'needs webhook_url (an incoming webhook) or token + channels (a bot token posting with chat.postMessage)',
    ]);
  });
  it('rejects a config with both webhook_url and token', () => {
    const result = slack.schema.safeParse({ type: 'slack', webhook_url: WEBHOOK, token: 'xoxb-1', channels: ['#ci'] });
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      'set either webhook_url (an incoming webhook) or token + channels (a bot token), not both',
    ]);
  });
  it('rejects a token without channels', () => {
    const result = slack.schema.safeParse({ type: 'slack', token: 'xoxb-1' });
    expect(result.error!.issues[0]).toMatchObject({ path: ['channels'] });
  });
  it('rejects thread_replies with an incoming webhook, which cannot edit', () => {
    const result = slack.schema.safeParse({ type: 'slack', webhook_url: WEBHOOK, thread_replies: true });
    expect(result.error!.issues).toMatchObject([{ path: ['thread_replies'], message: expect.stringContaining('thread_replies needs token + channels') }]);
  });
  it('takes one channel as a string', () => {
    expect(config({ token: 'xoxb-1', channels: '#ci' }).channels).toEqual(['#ci']);
  });
  it('declares the webhook URL and the token secret', () => {
    expect(slack.secrets(config({ webhook_url: WEBHOOK }))).toContain(WEBHOOK);
    expect(slack.secrets(config({ token: 'xoxb-123-456', channels: ['#ci'] }))).toContain('xoxb-123-456');
  });
});

describe('slack build', () => {
  it('posts a coloured attachment with header, facts, commit and a button to the run', () => {
    const [request, ...rest] = slack.build(config({ webhook_url: WEBHOOK }), buildInput('error'));
    expect(rest).toEqual([]);
    expect(request).toMatchObject({ method: 'POST', url: WEBHOOK, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    const message = body(request!);
    expect(message.text).toBeUndefined();
    const [attachment] = message.attachments;
    expect(attachment.color).toBe('#d00000');
    expect(attachment.fallback).toBe('❌ CI failed on main in Codertocat/Hello-World (#42)');
    expect(attachment.blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: '❌ CI failed on main', emoji: true } });
    expect(attachment.blocks[1].fields.map((f: { text: string }) => f.text)).toEqual([
      '*Repository*\n<https://github.com/Codertocat/Hello-World|Codertocat/Hello-World>',
      '*Workflow*\n<https://github.com/Codertocat/Hello-World/actions/runs/1234567890|CI / build>',
      '*Branch*\n<https://github.com/Codertocat/Hello-World/tree/main|main>',
      '*Actor*\nCodertocat',
      '*Duration*\n3m 25s',
    ]);
    expect(attachment.blocks[2].text.text).toBe(
      '*Commit*\n<https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246|6113728 Adding a .gitignore file>',
    );
    expect(attachment.blocks[3].elements[0]).toMatchObject({ type: 'button', url: 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890' });
    expect(slackBlockProblems(attachment.blocks)).toEqual([]);
  });

  it.each([
    ['started', '#439fe0', '🚀 CI started on main'],
    ['success', '#2eb886', '✅ CI succeeded on main'],
    ['error', '#d00000', '❌ CI failed on main'],
  ] as const)('colours %s %s', (trigger, colour, header) => {
    const [attachment] = body(slack.build(config({ webhook_url: WEBHOOK }), buildInput(trigger))[0]!).attachments;
    expect(attachment.color).toBe(colour);
    expect(attachment.blocks[0].text.text).toBe(header);
  });

  it('links a pull request in its field', () => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const [attachment] = body(slack.build(config({ webhook_url: WEBHOOK }), buildInput('success', { event, eventName: 'pull_request' }))[0]!).attachments;
    const pr = event.pull_request;
    expect(attachment.blocks[1].fields.map((f: { text: string }) => f.text)).toContain(`*Pull request*\n<${pr.html_url}|#${pr.number} ${pr.title}>`);
  });

  it('hex_color, username and icons override the defaults', () => {
    const message = body(
      slack.build(config({ webhook_url: WEBHOOK, hex_color: 'FF0000', username: 'Herald', icon_emoji: ':bell:' }), buildInput('success'))[0]!,
    );
    expect(message).toMatchObject({ username: 'Herald', icon_emoji: ':bell:', attachments: [{ color: '#FF0000' }] });
  });

  it('escapes a hostile commit message and keeps every block within Block Kit limits', () => {
    const [request] = slack.build(config({ webhook_url: WEBHOOK, text: '<!here> <<commitTitle>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT }));
    expect(isWellFormed(request!.body!)).toBe(true);
    const message = body(request!);
    expect(message.text.startsWith('<!here> Fix "quotes" and \\backslashes\\ &lt;!channel&gt; &lt;!here&gt; @everyone @here &lt;@U123&gt;')).toBe(true);
    const blocks = message.attachments[0].blocks;
    expect(slackBlockProblems(blocks)).toEqual([]);
    const commit: string = blocks[2].text.text;
    expect(commit.length).toBeLessThanOrEqual(3000);
    expect(commit.length).toBeGreaterThan(2990);
    expect(commit.endsWith('…>')).toBe(true);
    expect(commit).not.toContain('<!channel>');
    expect(commit).not.toContain('<@U123>');
  });

  it('a payload template replaces the default, values JSON-escaped', () => {
    const [request] = slack.build(
      config({ webhook_url: WEBHOOK, payload: '{"text": "<<commitTitle>>"}' }),
      buildInput('success', { commitMessage: 'say "hi" \\ bye' }),
    );
    expect(request!.body).toBe('{"text": "say \\"hi\\" \\\\ bye"}');
  });

  it('a per-trigger message overrides the text of that trigger only', () => {
    const cfg = config({ webhook_url: WEBHOOK, text: 'plain', messages: { error: { text: 'broken: <<workflow>>' } } });
    expect(body(slack.build(cfg, buildInput('error'))[0]!).text).toBe('broken: CI');
    expect(body(slack.build(cfg, buildInput('success'))[0]!).text).toBe('plain');
  });

  it('with a bot token posts chat.postMessage once per channel', () => {
    const requests = httpRequests(slack.build(config({ token: 'xoxb-1-2', channels: ['#ci', 'C0123'], api_url: 'https://slack-gov.com/api/' }), buildInput('success')));
    expect(requests.map((r) => [r.url, r.label, r.headers.Authorization, body(r).channel])).toEqual([
      ['https://slack-gov.com/api/chat.postMessage', '#ci', 'Bearer xoxb-1-2', '#ci'],
      ['https://slack-gov.com/api/chat.postMessage', 'C0123', 'Bearer xoxb-1-2', 'C0123'],
    ]);
    expect(body(requests[0]!).attachments[0].color).toBe('#2eb886');
  });
});

describe('slack replies', () => {
  const reply = (code: number, text: string, headers: Record<string, string> = {}) => ({ code, body: text, headers });
  it('ok:false is a failure with Slack error code', () => {
    expect(slack.interpret!(reply(200, '{"ok":false,"error":"channel_not_found"}'))).toEqual({ error: 'Slack error: channel_not_found' });
  });
  it('ratelimited asks for a retry after Retry-After', () => {
    expect(slack.interpret!(reply(200, '{"ok":false,"error":"ratelimited"}', { 'retry-after': '2' }))).toEqual({
      error: 'Slack error: ratelimited',
      retryAfterMs: 2000,
    });
  });
  it('ok:true and a webhook "ok" are fine', () => {
    expect(slack.interpret!(reply(200, '{"ok":true,"ts":"1.2"}'))).toEqual({});
    expect(slack.interpret!(reply(200, 'ok'))).toEqual({});
  });
  it('an incoming webhook error names the code', () => {
    expect(slack.interpret!(reply(404, 'no_service'))).toEqual({ error: 'Slack error: no_service (HTTP 404)' });
  });

  it('keeps the channel and ts of a message posted or updated with a token, not of a thread reply', () => {
    expect(slack.interpret!(reply(200, '{"ok":true,"channel":"C024BE91L","ts":"1503435956.000247","message":{"text":"x"}}'))).toEqual({
      keep: { channel: 'C024BE91L', ts: '1503435956.000247' },
    });
    expect(slack.interpret!(reply(200, '{"ok":true,"channel":"C024BE91L","ts":"1503435957.000100","message":{"thread_ts":"1503435956.000247"}}'))).toEqual({});
  });
  it('a refused edit (message_not_found, cant_update_message, edit_window_closed, missing_scope) asks for a new message', () => {
    for (const error of ['message_not_found', 'cant_update_message', 'edit_window_closed', 'missing_scope']) {
      expect(slack.interpret!(reply(200, `{"ok":false,"error":"${error}"}`))).toEqual({ error: `Slack error: ${error}`, fallback: true });
    }
  });
});

describe('slack edits (track-job, update-messages)', () => {
  const token = { token: 'xoxb-1-2', channels: ['#ci', '#ops'], api_url: 'https://slack.example/api', username: 'Herald' };
  const previous = { '#ci': { channel: 'C024BE91L', ts: '1503435956.000247' } };
  it('updates the kept message of a channel with chat.update (no username: an edit keeps it), and posts to the others', () => {
    const requests = httpRequests(slack.build(config(token), { ...buildInput('success'), previous }));
    expect(requests.map((request) => [request.url, request.label])).toEqual([
      ['https://slack.example/api/chat.update', '#ci'],
      ['https://slack.example/api/chat.postMessage', '#ops'],
    ]);
    const posted = body(requests[1]!);
    const { username: _username, channel: _channel, ...rest } = posted;
    expect(body(requests[0]!)).toEqual({ ...rest, channel: 'C024BE91L', ts: '1503435956.000247' });
  });
  it('with thread_replies, an error also posts the message as a reply in the thread; a success does not', () => {
    const failed = httpRequests(slack.build(config({ ...token, channels: ['#ci'], thread_replies: true }), { ...buildInput('error'), previous }));
    expect(failed.map((request) => [request.url, request.label])).toEqual([
      ['https://slack.example/api/chat.update', '#ci'],
      ['https://slack.example/api/chat.postMessage', '#ci (thread reply)'],
    ]);
    expect(body(failed[1]!)).toMatchObject({ channel: 'C024BE91L', thread_ts: '1503435956.000247', username: 'Herald' });
    const passed = slack.build(config({ ...token, channels: ['#ci'], thread_replies: true }), { ...buildInput('success'), previous });
    expect(passed).toHaveLength(1);
  });
  it('a handle without channel and ts is no message to edit: it posts', () => {
    const [request] = httpRequests(slack.build(config({ ...token, channels: ['#ci'] }), { ...buildInput('success'), previous: { '#ci': { ts: '1.2' } } }));
    expect(request!.url).toBe('https://slack.example/api/chat.postMessage');
  });
});
