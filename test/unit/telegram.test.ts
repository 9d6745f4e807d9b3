import { describe, expect, it } from 'vitest';
import { cutMarkup, telegram, TELEGRAM_LIMITS } from '../../src/destinations/telegram.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';

const TOKEN = '123456789:AAH-telegram_token';
const config = (fields: object = {}) => telegram.schema.parse({ type: 'telegram', bot_token: TOKEN, chat_ids: -1001234567890, ...fields });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);
const REPO = 'https://github.com/Codertocat/Hello-World';
const RUN = `${REPO}/actions/runs/1234567890`;
const COMMIT = `${REPO}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246`;

describe('telegram', () => {
  it('sends one sendMessage per chat, numbers and @channelnames alike, to /bot<token>/sendMessage', () => {
    const requests = telegram.build(config({ chat_ids: [-1001234567890, '@herald_ci'] }), buildInput('success'));
    expect(requests.map((r) => [r.url, r.label, body(r).chat_id])).toEqual([
      [`https://api.telegram.org/bot${TOKEN}/sendMessage`, '-1001234567890', -1001234567890],
      [`https://api.telegram.org/bot${TOKEN}/sendMessage`, '@herald_ci', '@herald_ci'],
    ]);
    expect(requests[0]).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/json; charset=utf-8' } });
  });

  it('HTML (the default): bold title, one linked fact a line, a link to the run; a commit with <b> and & stays text', () => {
    const [request] = telegram.build(config(), buildInput('error', { commitMessage: 'Fix <b>x</b> & "q"' }));
    expect(request!.body).toBe(
      JSON.stringify({
        chat_id: -1001234567890,
        text: [
          '<b>❌ CI failed on main</b>',
          `<b>Repository:</b> <a href="${REPO}">Codertocat/Hello-World</a>`,
          `<b>Workflow:</b> <a href="${RUN}">CI / build</a>`,
          `<b>Branch:</b> <a href="${REPO}/tree/main">main</a>`,
          `<b>Commit:</b> <a href="${COMMIT}">6113728 Fix &lt;b&gt;x&lt;/b&gt; &amp; &quot;q&quot;</a>`,
          '<b>Actor:</b> Codertocat',
          '<b>Duration:</b> 3m 25s',
          `<a href="${RUN}">View run</a>`,
        ].join('\n'),
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
      }),
    );
  });

  it('MarkdownV2: every special character of a value is escaped, a link target only ) and \\', () => {
    const [request] = telegram.build(
      config({ parse_mode: 'MarkdownV2', message_thread_id: 7, disable_notification: true }),
      buildInput('error', { commitMessage: 'Fix _*[]()~`>#+-=|{}.! \\ <b>' }),
    );
    expect(request!.body).toBe(
      JSON.stringify({
        chat_id: -1001234567890,
        text: [
          '*❌ CI failed on main*',
          `*Repository:* [Codertocat/Hello\\-World](${REPO})`,
          `*Workflow:* [CI / build](${RUN})`,
          `*Branch:* [main](${REPO}/tree/main)`,
          `*Commit:* [6113728 Fix \\_\\*\\[\\]\\(\\)\\~\\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\! \\\\ <b\\>](${COMMIT})`,
          '*Actor:* Codertocat',
          '*Duration:* 3m 25s',
          `[View run](${RUN})`,
        ].join('\n'),
        parse_mode: 'MarkdownV2',
        link_preview_options: { is_disabled: true },
        message_thread_id: 7,
        disable_notification: true,
      }),
    );
  });

  it('a link target with ) or \\ is escaped in MarkdownV2 and quoted in HTML', () => {
    const input = buildInput('success', { ref: 'refs/heads/fix/(a)"b' });
    const markdown = body(telegram.build(config({ parse_mode: 'MarkdownV2' }), input)[0]!).text;
    expect(markdown).toContain(`*Branch:* [fix/\\(a\\)"b](${REPO}/tree/fix/%28a%29%22b)`);
    const html = body(telegram.build(config(), input)[0]!).text;
    expect(html).toContain(`<b>Branch:</b> <a href="${REPO}/tree/fix/%28a%29%22b">fix/(a)&quot;b</a>`);
  });

  it.each(['HTML', 'MarkdownV2'])('%s: a 5,000-character hostile commit is cut so the message stays within 4096', (parse_mode) => {
    const [request] = telegram.build(config({ parse_mode }), buildInput('error', { commitMessage: HOSTILE_COMMIT }));
    const { text } = body(request!);
    expect(isWellFormed(request!.body!)).toBe(true);
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_LIMITS.text);
    expect(text).toContain('…');
    expect(text).not.toContain('<!channel>');
    expect(text.endsWith(parse_mode === 'HTML' ? `<a href="${RUN}">View run</a>` : `[View run](${RUN})`)).toBe(true);
  });

  it('a text template gets values escaped for the parse mode and is cut to 4096, never inside an escape', () => {
    const html = body(telegram.build(config({ text: '<b><<workflow>></b>: <<commitTitle>>' }), buildInput('error', { commitMessage: '<i>x</i> & y' }))[0]!);
    expect(html.text).toBe('<b>CI</b>: &lt;i&gt;x&lt;/i&gt; &amp; y');
    const markdown = body(telegram.build(config({ parse_mode: 'MarkdownV2', text: '*<<workflow>>*: <<commitTitle>>' }), buildInput('error', { commitMessage: 'v1.2 [x]' }))[0]!);
    expect(markdown.text).toBe('*CI*: v1\\.2 \\[x\\]');
    const long = body(telegram.build(config({ text: '<<commitMessage>>' }), buildInput('error', { commitMessage: '&'.repeat(5000) }))[0]!);
    expect(long.text.length).toBeLessThanOrEqual(4096);
    expect(long.text).toMatch(/^(&amp;)+…$/);
    expect(cutMarkup(`${'a'.repeat(4094)}\\.`, 4096, 'MarkdownV2')).toBe(`${'a'.repeat(4094)}\\.`);
    expect(cutMarkup(`${'a'.repeat(4094)}\\.b`, 4096, 'MarkdownV2')).toBe(`${'a'.repeat(4094)}…`);
    expect(cutMarkup(`${'a'.repeat(4090)}<a href="x">`, 4096, 'HTML')).toBe(`${'a'.repeat(4090)}…`);
  });

  it('a payload template is sent as rendered, with chat_id set per chat', () => {
    const requests = telegram.build(config({ chat_ids: [1, '@ops_team'], payload: '{"text":"<<commitTitle>>","chat_id":0}' }), buildInput('success', { commitMessage: '"x" <b>' }));
    expect(requests.map((r) => r.body)).toEqual(['{"text":"\\"x\\" <b>","chat_id":1}', '{"text":"\\"x\\" <b>","chat_id":"@ops_team"}']);
  });

  it('rejects a malformed token or chat id, without printing the token', () => {
    expect(() => telegram.schema.parse({ type: 'telegram', bot_token: 'not a token', chat_ids: 1 })).toThrow(/bot token from @BotFather/);
    expect(() => telegram.schema.parse({ type: 'telegram', bot_token: TOKEN, chat_ids: ['ops team'] })).toThrow(/@channelname/);
    expect(() => telegram.schema.parse({ type: 'telegram', bot_token: TOKEN, chat_ids: [] })).toThrow(/at least one chat id/);
  });

  it('{"ok":false} is a failure in Telegram words', () => {
    expect(telegram.interpret!({ code: 400, headers: {}, body: '{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}' })).toEqual({
      error: 'Telegram error 400: Bad Request: chat not found',
    });
    expect(telegram.interpret!({ code: 200, headers: {}, body: '{"ok":true,"result":{"message_id":1}}' })).toEqual({ keep: { message_id: 1 } });
    expect(telegram.interpret!({ code: 502, headers: {}, body: 'Bad Gateway' })).toEqual({});
  });

  it('a 429 is retried after parameters.retry_after seconds', () => {
    const reply = { code: 429, headers: {}, body: '{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 3","parameters":{"retry_after":3}}' };
    expect(telegram.interpret!(reply)).toEqual({ error: 'Telegram error 429: Too Many Requests: retry after 3', retryAfterMs: 3000 });
  });

  it('declares the token, the URL and its path secret', () => {
    const secrets = telegram.secrets(config());
    expect(secrets).toEqual(expect.arrayContaining([TOKEN, `https://api.telegram.org/bot${TOKEN}/sendMessage`, `/bot${TOKEN}/sendMessage`]));
  });

  it('edits the kept message of a chat with editMessageText, without the fields only sendMessage takes', () => {
    const settings = config({ chat_ids: [-1001234567890, '@ci'], message_thread_id: 7, disable_notification: true });
    const previous = { '-1001234567890': { chat_id: -1001234567890, message_id: 42 } };
    const [edit, post] = telegram.build(settings, { ...buildInput('success'), previous }) as { url: string; body?: string }[];
    expect(edit!.url).toBe(`https://api.telegram.org/bot${TOKEN}/editMessageText`);
    const { chat_id: _chat, message_thread_id: _thread, disable_notification: _silent, ...fields } = body(post!);
    expect(body(edit!)).toEqual({ ...fields, chat_id: -1001234567890, message_id: 42 });
    expect(post!.url).toBe(`https://api.telegram.org/bot${TOKEN}/sendMessage`);
  });

  it('keeps the chat and message ids of a sent message; a refused edit asks for a new message', () => {
    const sent = '{"ok":true,"result":{"message_id":42,"chat":{"id":-1001234567890,"type":"supergroup"},"date":1,"text":"x"}}';
    expect(telegram.interpret!({ code: 200, headers: {}, body: sent })).toEqual({ keep: { chat_id: -1001234567890, message_id: 42 } });
    const gone = '{"ok":false,"error_code":400,"description":"Bad Request: message to edit not found"}';
    expect(telegram.interpret!({ code: 400, headers: {}, body: gone })).toEqual({ error: 'Telegram error 400: Bad Request: message to edit not found', fallback: true });
  });
});
