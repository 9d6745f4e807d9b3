import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCommandFile } from '../../scripts/action-env.mjs';
import { pushEvent } from '../fixtures/build-input.js';
import { Receiver, type Answer, type Received } from './receiver.js';
import { runAction, runWithPost } from './run-action.js';

const SLACK_TOKEN = 'xoxb-track-job-5a1c';
const DISCORD_TOKEN = 'discord-token-7f3e9b';
const TELEGRAM_TOKEN = '123456:telegram-token-c0ffee';
const CHANNEL = 'C024BE91L';
const TS = '1503435956.000247';
const MESSAGE_ID = '1180000000000000000';

/**
 * One local server standing in for Slack's Web API, a Discord webhook and Telegram's Bot API, answering as they do:
 * chat.postMessage and chat.update with the channel and ts, a Discord webhook with ?wait=true and an edit with the
 * message, sendMessage and editMessageText with the message. `refuse` makes every edit fail as a deleted message does.
 */
function service(refuse = false) {
  return (request: Received): Answer => {
    const json = (status: number, body: object): Answer => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const path = request.path;
    if (path === '/slack/api/chat.postMessage') return json(200, { ok: true, channel: CHANNEL, ts: TS, message: { text: '' } });
    if (path === '/slack/api/chat.update') {
      return refuse ? json(200, { ok: false, error: 'message_not_found' }) : json(200, { ok: true, channel: CHANNEL, ts: TS, text: '' });
    }
    if (path.startsWith('/discord/') && request.method === 'POST') return json(200, { id: MESSAGE_ID, channel_id: '99', content: '' });
    if (path.startsWith('/discord/') && request.method === 'PATCH') {
      return refuse ? json(404, { message: 'Unknown Message', code: 10008 }) : json(200, { id: MESSAGE_ID, channel_id: '99', content: '' });
    }
    if (path.endsWith('/sendMessage')) return json(200, { ok: true, result: { message_id: 42, chat: { id: -1001234567890, type: 'supergroup' }, date: 1, text: '' } });
    if (path.endsWith('/editMessageText')) {
      return refuse
        ? json(400, { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' })
        : json(200, { ok: true, result: { message_id: 42, chat: { id: -1001234567890, type: 'supergroup' }, date: 1, text: '' } });
    }
    return { status: 200, body: 'ok' };
  };
}

describe('track-job: one step for the whole job, its message edited in place', () => {
  let receiver: Receiver;
  beforeAll(async () => (receiver = await Receiver.start()));
  afterAll(() => receiver.close());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.respond(service());
  });

  const config = () => `destinations:
  team:
    type: slack
    token: ${SLACK_TOKEN}
    channels: "#ci"
    api_url: ${receiver.url}/slack/api
    payload: '{"text": "<<status>> since <<startedAt>>"}'
  chat:
    type: discord
    webhook_url: ${receiver.url}/discord/api/webhooks/11/${DISCORD_TOKEN}
    payload: '{"content": "<<status>> since <<startedAt>>"}'
  ops:
    type: telegram
    bot_token: "${TELEGRAM_TOKEN}"
    chat_ids: -1001234567890
    api_url: ${receiver.url}/telegram
    payload: '{"text": "<<status>> since <<startedAt>>"}'
  hooks:
    type: webhook
    url: ${receiver.url}/hooks
    payload: '{"status": "<<status>>", "since": "<<startedAt>>"}'
`;
  const job = (inputs: Record<string, string> = {}) => ({
    eventName: 'push',
    event: pushEvent(),
    config: config(),
    // job.status is "success" while the job runs: the main step sees that, and must send started.
    inputs: { 'track-job': 'true', status: 'success', ...inputs },
  });
  const sent = (from = 0, to?: number) => receiver.requests.slice(from, to).map((request) => [request.method, request.path, request.text]);

  it('the main step sends started and keeps the handles; the post step edits each message to the final status', async () => {
    const { main, post } = await runWithPost(job(), { status: 'failure' });
    expect(main.exitCode, main.stdout).toBe(0);
    expect(main.outputs.trigger).toBe('started');
    expect(sent(0, 4).sort(byPath)).toEqual([
      ['POST', '/slack/api/chat.postMessage', '{"text":"started since ","channel":"#ci"}'],
      ['POST', `/discord/api/webhooks/11/${DISCORD_TOKEN}?wait=true`, '{"content":"started since ","allowed_mentions":{"parse":[]}}'],
      ['POST', `/telegram/bot${TELEGRAM_TOKEN}/sendMessage`, '{"text":"started since ","chat_id":-1001234567890}'],
      ['POST', '/hooks', '{"status": "started", "since": ""}'],
    ].sort(byPath));
    const handover = JSON.parse(main.state.herald!);
    expect(main.state.isPost).toBe('true');
    expect(handover.startedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const messages = [
      { destination: 'team', target: '#ci', handle: { channel: CHANNEL, ts: TS } },
      { destination: 'chat', target: null, handle: { message_id: MESSAGE_ID } },
      { destination: 'ops', target: '-1001234567890', handle: { chat_id: -1001234567890, message_id: 42 } },
    ];
    expect(handover.messages).toEqual(messages);
    expect(JSON.parse(main.outputs.messages!)).toEqual(messages);

    expect(post.exitCode, post.stdout).toBe(0);
    expect(post.outputs).toMatchObject({ status: 'failure', trigger: 'error', sent: '4', failed: '0' });
    const since = handover.startedAt;
    // Exactly one message was made in each place, and then edited: the webhook, which cannot edit, gets a second one.
    expect(sent(4).sort(byPath)).toEqual([
      ['POST', '/slack/api/chat.update', `{"text":"failure since ${since}","channel":"${CHANNEL}","ts":"${TS}"}`],
      ['PATCH', `/discord/api/webhooks/11/${DISCORD_TOKEN}/messages/${MESSAGE_ID}`, `{"content":"failure since ${since}","allowed_mentions":{"parse":[]}}`],
      ['POST', `/telegram/bot${TELEGRAM_TOKEN}/editMessageText`, `{"text":"failure since ${since}","chat_id":-1001234567890,"message_id":42}`],
      ['POST', '/hooks', `{"status": "failure", "since": "${since}"}`],
    ].sort(byPath));
    expect(post.results.map((result) => [result.destination, result.status, result.warnings])).toEqual([
      ['team', 'successful', []],
      ['chat', 'successful', []],
      ['ops', 'successful', []],
      ['hooks', 'successful', []],
    ]);
    // No handle carries a secret: the state and the output name ids only; the edit URLs are masked like the others.
    expect(post.results.map((result) => result.url)).toEqual([
      `${receiver.url}/slack/api/chat.update`,
      `****/messages/${MESSAGE_ID}`,
      `${receiver.url}/telegram/bot****/editMessageText`,
      `${receiver.url}/hooks`,
    ]);
    for (const text of [main.state.herald!, main.outputs.messages!, post.outputs.messages!, post.outputs.results!, post.summary]) {
      for (const secret of [SLACK_TOKEN, DISCORD_TOKEN, TELEGRAM_TOKEN]) expect(text).not.toContain(secret);
    }
  });

  it('a refused edit (message deleted) posts a new message instead, and the result says why', async () => {
    receiver.respond(service(true));
    const { post } = await runWithPost(job(), { status: 'success' });
    expect(post.exitCode, post.stdout).toBe(0);
    const paths = sent(4).map(([method, path]) => `${method} ${path}`);
    expect(paths.sort()).toEqual([
      'PATCH /discord/api/webhooks/11/discord-token-7f3e9b/messages/1180000000000000000',
      'POST /discord/api/webhooks/11/discord-token-7f3e9b?wait=true',
      'POST /hooks',
      'POST /slack/api/chat.postMessage',
      'POST /slack/api/chat.update',
      'POST /telegram/bot123456:telegram-token-c0ffee/editMessageText',
      'POST /telegram/bot123456:telegram-token-c0ffee/sendMessage',
    ]);
    const newSlack = receiver.requests.slice(4).find((request) => request.path === '/slack/api/chat.postMessage')!;
    expect(newSlack.text).toMatch(/^\{"text":"success since \d{4}-[^"]+","channel":"#ci"\}$/);
    expect(post.results.map((result) => [result.destination, result.status, result.attempts, result.warnings])).toEqual([
      ['team', 'successful', 2, ['could not edit the earlier message (Slack error: message_not_found); posted a new message instead']],
      ['chat', 'successful', 2, ['could not edit the earlier message (Discord error 10008: Unknown Message (HTTP 404)); posted a new message instead']],
      ['ops', 'successful', 2, ['could not edit the earlier message (Telegram error 400: Bad Request: message to edit not found); posted a new message instead']],
      ['hooks', 'successful', 1, []],
    ]);
    // The new messages are the ones a later step would edit.
    expect(JSON.parse(post.outputs.messages!)).toHaveLength(3);
  });

  it('update: false posts the final status as a new message', async () => {
    const { post } = await runWithPost(job({ update: 'false' }), { status: 'success' });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(sent(4).map(([method, path]) => `${method} ${path}`).sort()).toEqual([
      'POST /discord/api/webhooks/11/discord-token-7f3e9b?wait=true',
      'POST /hooks',
      'POST /slack/api/chat.postMessage',
      'POST /telegram/bot123456:telegram-token-c0ffee/sendMessage',
    ]);
  });

  it('Slack thread_replies: a failure edits the message and also posts it in its thread', async () => {
    const threaded = `destinations:
  team:
    type: slack
    token: ${SLACK_TOKEN}
    channels: "#ci"
    api_url: ${receiver.url}/slack/api
    thread_replies: true
    payload: '{"text": "<<status>>"}'
`;
    receiver.respond((request, index) =>
      request.path === '/slack/api/chat.postMessage' && index > 0
        ? { status: 200, body: JSON.stringify({ ok: true, channel: CHANNEL, ts: '1503435999.000100', message: { thread_ts: TS } }) }
        : service()(request),
    );
    const { post } = await runWithPost({ ...job(), config: threaded }, { status: 'failure' });
    expect(post.exitCode, post.stdout).toBe(0);
    expect(sent(1).sort(byPath)).toEqual([
      ['POST', '/slack/api/chat.postMessage', `{"text":"failure","channel":"${CHANNEL}","thread_ts":"${TS}"}`],
      ['POST', '/slack/api/chat.update', `{"text":"failure","channel":"${CHANNEL}","ts":"${TS}"}`],
    ]);
    expect(post.results.map((result) => result.target)).toEqual(['#ci', '#ci (thread reply)']);
    // The thread reply is not the message to edit.
    expect(JSON.parse(post.outputs.messages!)).toEqual([{ destination: 'team', target: '#ci', handle: { channel: CHANNEL, ts: TS } }]);
  });

  it('two steps: the messages output of the started step, passed to update-messages, is edited', async () => {
    const started = await runAction({ ...job(), inputs: { status: 'started' } });
    expect(started.exitCode, started.stdout).toBe(0);
    const finished = await runAction({
      ...job(),
      inputs: { status: 'success', 'update-messages': started.outputs.messages! },
      env: parseCommandFile(started.githubEnv),
    });
    expect(finished.exitCode, finished.stdout).toBe(0);
    expect(sent(4).map(([method, path]) => `${method} ${path}`).sort()).toEqual([
      'PATCH /discord/api/webhooks/11/discord-token-7f3e9b/messages/1180000000000000000',
      'POST /hooks',
      'POST /slack/api/chat.update',
      'POST /telegram/bot123456:telegram-token-c0ffee/editMessageText',
    ]);
    expect(finished.results.every((result) => result.status === 'successful' && result.warnings.length === 0)).toBe(true);
  });

  it('without track-job the post step sends nothing, prints nothing and writes no output', async () => {
    const { main, post } = await runWithPost({ ...job(), inputs: { status: 'success' } }, { status: 'failure' });
    expect(main.exitCode).toBe(0);
    expect(main.state).toEqual({ isPost: 'true' });
    expect(receiver.requests).toHaveLength(4);
    expect(post.exitCode).toBe(0);
    expect(post.stdout).toBe('');
    expect(post.stderr).toBe('');
    expect(post.outputFile).toBe('');
    expect(post.summary).toBe('');
    expect(post.githubEnv).toBe('');
    expect(receiver.requests).toHaveLength(4);
  });
});

const byPath = (a: string[], b: string[]) => (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0);
