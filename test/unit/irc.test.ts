import { describe, expect, it } from 'vitest';
import { describeIrcReply, irc, ircText, textBytes } from '../../src/destinations/irc.js';
import { IRC_LINE_BYTES, splitIrcText } from '../../src/render/irc-lines.js';
import { formatIrcLine, parseIrcLine } from '../../src/transport/irc.js';
import { TransportError } from '../../src/transport/transport.js';
import type { IrcMessage } from '../../src/transport/wire.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';

const config = (fields: object = {}) => irc.schema.parse({ type: 'irc', server: 'irc.example.com', nickname: 'herald', targets: '#ops', ...fields });
const RUN = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';
const DEFAULT_LINE = `CI failed on main in Codertocat/Hello-World (#42) ${RUN}`;
const bytes = (text: string) => Buffer.byteLength(text);

describe('irc build()', () => {
  it('one message for the server: plain on 6667, every target, the default line, PRIVMSG', () => {
    const [message, ...rest] = irc.build(config({ targets: ['#ops', 'alice'] }), buildInput('error')) as IrcMessage[];
    expect(rest).toEqual([]);
    expect(message).toEqual({
      transport: 'irc',
      url: 'irc://irc.example.com:6667',
      irc: { host: 'irc.example.com', port: 6667, tls: false, insecureSkipVerify: false, nickname: 'herald' },
      command: 'PRIVMSG',
      targets: ['#ops', 'alice'],
      lines: [DEFAULT_LINE],
      body: `PRIVMSG #ops :${DEFAULT_LINE}\nPRIVMSG alice :${DEFAULT_LINE}`,
    });
  });

  it('use_ssl is ircs:// on 6697; port, password and insecure_skip_verify are passed on; notice sends NOTICE', () => {
    const [tls] = irc.build(config({ use_ssl: true, insecure_skip_verify: true, password: 'pa55', notice: true }), buildInput('success')) as IrcMessage[];
    expect(tls!.url).toBe('ircs://irc.example.com:6697');
    expect(tls!.irc).toEqual({ host: 'irc.example.com', port: 6697, tls: true, insecureSkipVerify: true, nickname: 'herald', password: 'pa55' });
    expect(tls!.command).toBe('NOTICE');
    expect(tls!.body).toBe(`NOTICE #ops :CI succeeded on main in Codertocat/Hello-World (#42) ${RUN}`);
    const [ipv6] = irc.build(config({ server: '::1', port: 7000 }), buildInput('error')) as IrcMessage[];
    expect(ipv6!.url).toBe('irc://[::1]:7000');
  });

  it('the password is the secret', () => {
    expect(irc.secrets(config({ password: 'server-pa55' }))).toEqual(['server-pa55']);
  });

  it('a test notification adds its description as a second message', () => {
    const [message] = irc.build(config(), buildInput('test')) as IrcMessage[];
    expect(message!.lines).toHaveLength(2);
    expect(message!.lines[1]).toBe(buildInput('test').message.description);
  });

  it('each line of a text template is a message; a value never adds one, and hostile values stay inside their message', () => {
    const input = buildInput('error', { commitMessage: 'x\r\nQUIT :pwned\u0000\nJOIN #evil' });
    const [message] = irc.build(config({ text: 'Build <<status>>: <<commitMessage>>\n\nRun: <<runUrl>>' }), input) as IrcMessage[];
    expect(message!.lines).toEqual(['Build failure: x QUIT :pwned JOIN #evil', `Run: ${RUN}`]);
    for (const line of message!.body.split('\n')) expect(line).toMatch(/^PRIVMSG #ops :/);
  });

  it('a long commit message is split at spaces into lines that fit IRC, emoji whole, nothing lost', () => {
    const input = buildInput('error', { commitMessage: HOSTILE_COMMIT });
    const [message] = irc.build(config({ targets: ['#ops', 'a-much-longer-nick'], text: '<<commitMessage>>' }), input) as IrcMessage[];
    const budget = textBytes('PRIVMSG', ['#ops', 'a-much-longer-nick'], 'herald');
    expect(message!.lines.length).toBeGreaterThan(20);
    for (const line of message!.lines) {
      expect(bytes(line)).toBeLessThanOrEqual(budget);
      expect(isWellFormed(line)).toBe(true);
      expect(line).not.toMatch(/[\r\n\0]/);
    }
    for (const line of message!.body.split('\n')) expect(bytes(line) + 2).toBeLessThanOrEqual(IRC_LINE_BYTES);
    expect(message!.lines.join(' ').replace(/\s+/g, '')).toBe(HOSTILE_COMMIT.replace(/\s+/g, ''));
  });

  it('a text that renders blank sends nothing (recorded as skipped)', () => {
    expect(irc.build(config({ text: '<<prTitle>>\n  \n' }), buildInput('error'))).toEqual([]);
  });

  it('the budget keeps room for the command, the longest target and the source the server adds when relaying', () => {
    const budget = textBytes('PRIVMSG', ['#ops', '#a-longer-channel'], 'herald');
    const relayed = `:herald999!~herald@${'h'.repeat(63)} PRIVMSG #a-longer-channel :${'x'.repeat(budget)}\r\n`;
    expect(bytes(relayed)).toBe(IRC_LINE_BYTES);
  });
});

describe('irc schema', () => {
  const problem = (fields: object) => irc.schema.safeParse({ type: 'irc', server: 'irc.example.com', nickname: 'herald', targets: '#ops', ...fields }).error?.issues[0];

  it('refuses nicks and targets that are not IRC names, a URL as server, a password with a line break', () => {
    expect(problem({ nickname: '1abc' })).toMatchObject({ path: ['nickname'] });
    expect(problem({ nickname: 'her ald' })).toMatchObject({ path: ['nickname'] });
    expect(problem({ targets: ['#ops', 'bad nick'] })).toMatchObject({ path: ['targets', 1], message: 'must be a channel (#ops) or a nick (alice)' });
    expect(problem({ targets: '#a,#b' })).toMatchObject({ path: ['targets', 0] });
    expect(problem({ targets: [] })).toMatchObject({ message: 'needs at least one channel or nick' });
    expect(problem({ server: 'irc://irc.example.com' })?.message).toContain('without irc://');
    expect(problem({ password: 'a\r\nQUIT' })).toMatchObject({ path: ['password'], message: 'cannot hold a line break or NUL' });
  });

  it('takes channels of every prefix and nicks with IRC special characters', () => {
    expect(problem({ targets: ['#ops', '&local', '+modeless', '!12345ops', '[bot]', 'alice_', 'x^y'] })).toBeUndefined();
  });
});

describe('splitIrcText', () => {
  it('keeps a line that fits; splits a longer one at the last space that fits', () => {
    expect(splitIrcText('short line', 20)).toEqual(['short line']);
    expect(splitIrcText('one two three four five', 10)).toEqual(['one two', 'three four', 'five']);
    expect(splitIrcText('exactly-10 next', 10)).toEqual(['exactly-10', 'next']);
  });

  it('cuts a word longer than a line between characters, never inside a UTF-8 character', () => {
    expect(splitIrcText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    // é is 2 bytes, € 3, 🎉 4: each piece is at most 5 bytes and decodes back to whole characters.
    const pieces = splitIrcText('éé€🎉🎉é€', 5);
    expect(pieces).toEqual(['éé', '€', '🎉', '🎉', 'é€']);
    for (const piece of pieces) expect(Buffer.from(piece).toString('utf8')).toBe(piece);
  });

  it('each line of the text is its own message; CR, LF and NUL never reach one; blank lines are dropped', () => {
    expect(splitIrcText('x\r\nQUIT :pwned\rthird\n\n\u0000fourth\u0000', 100)).toEqual(['x', 'QUIT :pwned', 'third', 'fourth']);
    expect(splitIrcText(' \n\t\n', 100)).toEqual([]);
  });

  it('a hostile value rendered into one line stays one message text (the transport refuses anything else)', () => {
    for (const text of splitIrcText(`${'word '.repeat(200)}x\r\nQUIT :pwned`, 100)) expect(text).not.toMatch(/[\r\n\0]/);
  });
});

describe('IRC lines on the wire', () => {
  it('parses numerics, commands with a source, and trailing parameters', () => {
    expect(parseIrcLine(':irc.test 433 * herald :Nickname already in use')).toEqual({ source: 'irc.test', command: '433', params: ['*', 'herald', 'Nickname already in use'] });
    expect(parseIrcLine('PING :12345')).toEqual({ command: 'PING', params: ['12345'] });
    expect(parseIrcLine(':w!~w@host JOIN #ops')).toEqual({ source: 'w!~w@host', command: 'JOIN', params: ['#ops'] });
    expect(parseIrcLine('ERROR :Closing connection')).toEqual({ command: 'ERROR', params: ['Closing connection'] });
  });

  it('formats the last parameter with a colon when it needs one', () => {
    expect(formatIrcLine('PRIVMSG', '#ops', 'hello world')).toBe('PRIVMSG #ops :hello world');
    expect(formatIrcLine('NICK', 'herald')).toBe('NICK herald');
    expect(formatIrcLine('PASS', ':starts-with-colon')).toBe('PASS ::starts-with-colon');
  });

  it('refuses to write CR, LF or NUL, a bad middle parameter, or a line over 512 bytes: no command can be injected', () => {
    for (const hostile of ['x\r\nQUIT :pwned', 'x\nQUIT', 'x\rQUIT', 'x\u0000y']) {
      expect(() => formatIrcLine('PRIVMSG', '#ops', hostile)).toThrow(TransportError);
      expect(() => formatIrcLine('PRIVMSG', '#ops', hostile)).toThrow('a parameter holds a line break or NUL');
    }
    expect(() => formatIrcLine('PRIVMSG', '#ops x', 'text')).toThrow('cannot be a middle parameter');
    expect(() => formatIrcLine('PRIVMSG', '#ops', 'x'.repeat(500))).toThrow("longer than IRC's 512 bytes");
  });
});

describe('describeIrcReply', () => {
  it('a success says nothing; a refusal names the stage, the numeric and the server text', () => {
    expect(describeIrcReply({ code: null, body: '1 PRIVMSG line to #ops as herald' })).toEqual({});
    expect(describeIrcReply({ code: 474, body: '#ops Cannot join channel (+b)', stage: 'JOIN #ops' })).toEqual({
      error: 'the IRC server refused JOIN #ops: 474 #ops Cannot join channel (+b)',
    });
    expect(describeIrcReply({ code: null, body: 'Access denied: Bad password?', stage: 'PASS' })).toEqual({
      error: 'the IRC server refused PASS: Access denied: Bad password?',
    });
  });

  it('the default text is one line: the message line and the run link', () => {
    expect(ircText(buildInput('error').message)).toBe(DEFAULT_LINE);
  });
});
