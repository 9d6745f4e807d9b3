import { createServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { findNgircd, IrcWatcher, Ngircd } from './ngircd.js';
import { runAction, type RunResult } from './run-action.js';

const RUN = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';
const DEFAULT_LINE = `CI failed on main in Codertocat/Hello-World (#42) ${RUN}`;
const SERVER_PASSWORD = 'irc-pa55-word';

const ngircd = findNgircd();
if (!ngircd && process.env.CI === 'true') {
  throw new Error('ngircd is not installed, and CI=true: install it (apt-get install -y ngircd), as .ci/run does before npm test');
}
if (!ngircd) console.warn('SKIPPED test/integration/irc.test.ts: ngircd not found (apt-get install -y ngircd); CI=true makes this an error');

/** An irc destination `chat` on 127.0.0.1, with these YAML lines added. */
const ircConfig = (port: number, extra = '') => `destinations:
  chat:
    type: irc
    server: 127.0.0.1
    port: ${port}
    nickname: herald
${extra.includes('retries:') ? '' : '    retries: 0\n'}${extra}`;

const fail = (config: string, options: { commitMessage?: string; env?: Record<string, string> } = {}) =>
  runAction({ eventName: 'push', event: pushEvent(options.commitMessage), inputs: { status: 'failure' }, config, env: options.env ?? {} });

/** Everything the step printed or wrote, where a secret must never appear. */
const everything = (run: RunResult) =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');

const watchers: IrcWatcher[] = [];
const watch = async (port: number, nick: string, channels: string[] = [], password?: string) => {
  const watcher = await IrcWatcher.connect(port, nick, { ...(password !== undefined && { password }) });
  watchers.push(watcher);
  for (const channel of channels) await watcher.join(channel);
  return watcher;
};
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.close();
});

describe.skipIf(!ngircd)('irc against ngIRCd, run as the runner runs dist/index.js', () => {
  let server: Ngircd;
  beforeAll(async () => {
    server = await Ngircd.start(ngircd!);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('joins the channel and sends the default line to it and to a nick, then quits', async () => {
    const watcher = await watch(server.port, 'watcher', ['#ops']);
    const run = await fail(ircConfig(server.port, '    targets: ["#ops", watcher]\n'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await watcher.messages()).toEqual([
      { from: 'herald', command: 'PRIVMSG', target: '#ops', text: DEFAULT_LINE },
      { from: 'herald', command: 'PRIVMSG', target: 'watcher', text: DEFAULT_LINE },
    ]);
    // It joined before sending and said goodbye after.
    const herald = watcher.lines.filter((line) => line.startsWith(':herald!'));
    expect(herald.map((line) => line.split(' ')[1])).toEqual(['JOIN', 'PRIVMSG', 'PRIVMSG', 'QUIT']);
    expect(run.results[0]).toMatchObject({
      destination: 'chat',
      type: 'irc',
      status: 'successful',
      code: null,
      attempts: 1,
      url: `irc://127.0.0.1:${server.port}`,
      response: '1 PRIVMSG line to #ops, watcher as herald',
      error: null,
    });
  });

  it('NOTICE with a text template: one message per template line, a hostile commit message stays inside its line', async () => {
    const watcher = await watch(server.port, 'watcher', ['#ops']);
    const run = await fail(
      ircConfig(server.port, '    targets: "#ops"\n    notice: true\n    text: "<<workflow>> <<status>>: <<commitMessage>>\\nsee <<runUrl>>"\n'),
      { commitMessage: 'x\r\nQUIT :pwned\u0000\nJOIN #evil' },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await watcher.messages()).toEqual([
      { from: 'herald', command: 'NOTICE', target: '#ops', text: 'CI failure: x QUIT :pwned JOIN #evil' },
      { from: 'herald', command: 'NOTICE', target: '#ops', text: `see ${RUN}` },
    ]);
    // No command but the ones Herald sends: the QUIT and JOIN in the commit message are text.
    expect(watcher.lines.filter((line) => line.startsWith(':herald!')).map((line) => line.split(' ')[1])).toEqual(['JOIN', 'NOTICE', 'NOTICE', 'QUIT']);
    expect(watcher.lines.filter((line) => line.startsWith(':herald!') && /^\S+ (QUIT|JOIN) /.test(line))).toEqual([
      expect.stringMatching(/^:herald!\S+ JOIN :?#ops$/),
      expect.stringMatching(/^:herald!\S+ QUIT :"?Herald: notification sent"?$/),
    ]);
  });

  it('a text longer than an IRC line arrives in several lines split at spaces, each whole', async () => {
    const watcher = await watch(server.port, 'watcher', ['#ops']);
    const words = Array.from({ length: 120 }, (_, index) => `wörd${index}`);
    const run = await fail(ircConfig(server.port, `    targets: "#ops"\n    text: "<<commitMessage>>"\n`), { commitMessage: words.join(' ') });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const texts = (await watcher.messages()).map((message) => message.text);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join(' ')).toBe(words.join(' '));
    for (const text of texts) expect(text).toMatch(/^wörd\d+( wörd\d+)*$/);
  });

  it('a taken nick: it registers as herald1 and still delivers', async () => {
    const holder = await watch(server.port, 'herald', ['#ops']);
    const run = await fail(ircConfig(server.port, '    targets: "#ops"\n'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await holder.messages()).toEqual([{ from: 'herald1', command: 'PRIVMSG', target: '#ops', text: DEFAULT_LINE }]);
    expect(run.results[0]).toMatchObject({ status: 'successful', response: '1 PRIVMSG line to #ops as herald1' });
  });

  it('a taken nick at the server\'s 9-character limit: the number replaces its last character', async () => {
    const holder = await watch(server.port, 'heraldbot', ['#ops']);
    const run = await fail(ircConfig(server.port, '    targets: "#ops"\n').replace('nickname: herald', 'nickname: heraldbot'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect((await holder.messages()).map((message) => message.from)).toEqual(['heraldbo1']);
  });

  it('a channel that refuses the join: 473 and the stage in the result, nothing sent, not retried', async () => {
    const op = await watch(server.port, 'op', ['#locked']);
    op.send('MODE #locked +i');
    await op.until((line) => / MODE #locked \+i/.test(line));
    const run = await fail(ircConfig(server.port, '    targets: ["#locked"]\n    retries: 2\n    retry_backoff: 0.05\n'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results[0]).toMatchObject({
      status: 'failed',
      code: 473,
      attempts: 1,
      response: '#locked Cannot join channel (+i) -- Invited users only',
      error: 'the IRC server refused JOIN #locked: 473 #locked Cannot join channel (+i) -- Invited users only',
    });
    expect(await op.messages()).toEqual([]);
  });

  it('a nick that is not there: 401 for that target in the result, not retried', async () => {
    const run = await fail(ircConfig(server.port, '    targets: nobody\n    retries: 2\n'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 401, attempts: 1, error: 'the IRC server refused PRIVMSG nobody: 401 nobody No such nick or channel name' });
  });

  it('over TLS with insecure_skip_verify: delivered; without it the self-signed certificate is refused, not retried', async () => {
    const watcher = await watch(server.port, 'watcher', ['#ops']);
    const tls = `    targets: "#ops"\n    use_ssl: true\n`;
    const run = await fail(ircConfig(server.tlsPort, `${tls}    insecure_skip_verify: true\n`));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'successful', url: `ircs://127.0.0.1:${server.tlsPort}` });
    expect(await watcher.messages()).toEqual([{ from: 'herald', command: 'PRIVMSG', target: '#ops', text: DEFAULT_LINE }]);

    const untrusted = await fail(ircConfig(server.tlsPort, `${tls}    retries: 2\n`));
    expect(untrusted.exitCode).toBe(0);
    expect(untrusted.results[0]).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'self-signed TLS certificate (set insecure_skip_verify: true to accept it) (DEPTH_ZERO_SELF_SIGNED_CERT)',
    });
    expect(await watcher.messages()).toHaveLength(1);
  });
});

describe.skipIf(!ngircd)('irc with a server password', () => {
  let server: Ngircd;
  beforeAll(async () => {
    server = await Ngircd.start(ngircd!, { password: SERVER_PASSWORD });
  });
  afterAll(async () => {
    await server?.close();
  });

  const withPassword = (password: string) =>
    fail(ircConfig(server.port, '    targets: "#ops"\n    password: ${IRC_PASSWORD}\n    retries: 2\n    retry_backoff: 0.05\n'), { env: { IRC_PASSWORD: password } });

  it('the right password: delivered', async () => {
    const watcher = await watch(server.port, 'watcher', ['#ops'], SERVER_PASSWORD);
    const run = await withPassword(SERVER_PASSWORD);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(await watcher.messages()).toEqual([{ from: 'herald', command: 'PRIVMSG', target: '#ops', text: DEFAULT_LINE }]);
    expect(everything(run)).not.toContain(SERVER_PASSWORD);
  });

  it('a wrong password: the server\'s refusal at PASS, not retried, the password never shown', async () => {
    const wrong = 'wrong-irc-pa55';
    const run = await withPassword(wrong);
    expect(run.exitCode).toBe(0);
    // ngIRCd refuses with ERROR and no numeric; a server that sends 464 has it as the code.
    expect(run.results[0]).toMatchObject({ status: 'failed', code: null, attempts: 1, error: 'the IRC server refused PASS: Access denied: Bad password?' });
    expect(everything(run)).not.toContain(wrong);
  });
});

describe('irc against a server that never answers', () => {
  const sockets: Socket[] = [];
  const silent = createServer((socket) => sockets.push(socket));
  beforeAll(() => new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve)));
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => silent.close(resolve));
  });

  it('the attempt ends at its timeout, with the stage it was at', async () => {
    const { port } = silent.address() as { port: number };
    const run = await fail(ircConfig(port, '    targets: "#ops"\n    timeout: 1\n'));
    expect(run.exitCode).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'no answer within 1 s (timeout), at NICK' });
    expect(sockets).toHaveLength(1);
  });

  it('block_private_addresses refuses a loopback server before connecting, not retried', async () => {
    const { port } = silent.address() as { port: number };
    const before = sockets.length;
    const run = await fail(ircConfig(port, '    targets: "#ops"\n    block_private_addresses: true\n    retries: 2\n'));
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 1, error: 'refused: 127.0.0.1 is a loopback address (block_private_addresses is on)' });
    expect(sockets).toHaveLength(before);
  });
});

describe('irc against a hostile server', () => {
  const sockets: Socket[] = [];
  /** Greets every client with a PING whose token no PONG line can hold. */
  const hostile = createServer((socket) => {
    sockets.push(socket);
    socket.write(`PING :${'x'.repeat(600)}\r\n`);
  });
  beforeAll(() => new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve)));
  afterAll(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => hostile.close(resolve));
  });

  it('a PING that cannot be answered in one IRC line ends the attempt with a clear error, the step does not crash', async () => {
    const { port } = hostile.address() as { port: number };
    const run = await fail(ircConfig(port, '    targets: "#ops"\n'));
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'failed', attempts: 1, error: "refused to send PONG: longer than IRC's 512 bytes a line, at NICK" });
  });
});
