import net from 'node:net';
import tls from 'node:tls';
import type { IrcMessage, IrcServer } from './wire.js';
import { checkedAddress } from './address-guard.js';
import { describeNetworkError } from './network-error.js';
import { attemptLimit, TransportError, type SendOptions, type TransportReply } from './transport.js';

/** Nicks tried after the configured one is taken (herald1 ... herald9), before giving up with the server's 433. */
const NICK_SUFFIXES = 9;
/** After QUIT the server closes the connection; it gets this long, then the socket is closed from this side. */
const QUIT_GRACE_MS = 2000;
/** A server that sends this much without a line break is not an IRC server. */
const MAX_PENDING = 64 * 1024;
/** Lines read but not yet looked at: a server that floods the connection is cut off, not buffered. */
const MAX_QUEUED = 10_000;
/** One IRC line without its CR LF (RFC 2812, 2.3). */
const MAX_LINE_BYTES = 510;
const ERR_ERRONEUSNICKNAME = 432;
/** 433 taken, 436 collision, 437 temporarily unavailable: all mean "try another nick". */
const NICK_TAKEN = new Set([433, 436, 437]);

/** One line from the server: `:source COMMAND param param :trailing`. */
export interface IrcLine {
  source?: string;
  command: string;
  params: string[];
}

/** A line as RFC 2812 writes it; the last parameter may hold spaces. */
export function parseIrcLine(line: string): IrcLine {
  let rest = line;
  let source: string | undefined;
  if (rest.startsWith(':')) {
    const space = rest.indexOf(' ');
    source = rest.slice(1, space < 0 ? undefined : space);
    rest = space < 0 ? '' : rest.slice(space + 1);
  }
  const trailingAt = rest.startsWith(':') ? 0 : rest.indexOf(' :');
  const middle = trailingAt < 0 ? rest : rest.slice(0, trailingAt);
  const params = middle.split(' ').filter((part) => part !== '');
  const command = (params.shift() ?? '').toUpperCase();
  if (trailingAt >= 0) params.push(rest.slice(trailingAt === 0 ? 1 : trailingAt + 2));
  return { ...(source !== undefined && { source }), command, params };
}

/**
 * A command as one IRC line, or a TransportError if it cannot be one: a parameter with CR, LF or NUL would end the line
 * and start another command (a commit message "x\r\nQUIT :pwned"), so it is refused here whatever the caller checked.
 */
export function formatIrcLine(command: string, ...params: string[]): string {
  const last = params.length - 1;
  params.forEach((param, index) => {
    if (/[\r\n\0]/.test(param)) throw new TransportError(`refused to send ${command}: a parameter holds a line break or NUL`, false);
    if (index < last && (param === '' || param.includes(' ') || param.startsWith(':'))) {
      throw new TransportError(`refused to send ${command}: "${param}" cannot be a middle parameter`, false);
    }
  });
  const trail = params[last];
  const needsColon = trail !== undefined && (trail === '' || trail.includes(' ') || trail.startsWith(':'));
  const line = [command, ...params.slice(0, last), ...(trail === undefined ? [] : [needsColon ? `:${trail}` : trail])].join(' ');
  if (Buffer.byteLength(line) > MAX_LINE_BYTES) throw new TransportError(`refused to send ${command}: longer than IRC's 512 bytes a line`, false);
  return line;
}

/** IRC's case mapping (rfc1459): []\~ are the upper case of {}|^. */
const ircLower = (name: string): string => name.toLowerCase().replace(/[[\]\\~]/g, (c) => ({ '[': '{', ']': '}', '\\': '|', '~': '^' })[c]!);

/** The server said no: a reply, not a network failure, and not retried (another attempt gets the same answer). */
class Refusal extends Error {
  constructor(
    readonly code: number | null,
    readonly text: string,
    readonly stage: string,
  ) {
    super(text);
  }
}

/** A numeric reply's code (433), or undefined for a command (PRIVMSG, ERROR). */
const numeric = (line: IrcLine): number | undefined => (/^\d{3}$/.test(line.command) ? Number(line.command) : undefined);
const isError = (line: IrcLine): boolean => (numeric(line) ?? 0) >= 400 || line.command === 'ERROR';
/** The server's words: a numeric's parameters after the target nick, an ERROR's text. */
const textOf = (line: IrcLine): string => (line.command === 'ERROR' ? line.params : line.params.slice(1)).join(' ');

/** One IRC connection: lines in (PING answered on arrival), lines out. */
class IrcConnection {
  private pending = '';
  private readonly queue: IrcLine[] = [];
  private wake: (() => void) | undefined;
  closed = false;
  failure: Error | undefined;

  constructor(readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.receive(chunk));
    socket.on('error', (error) => {
      this.failure ??= error;
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  send(command: string, ...params: string[]): void {
    this.socket.write(`${formatIrcLine(command, ...params)}\r\n`);
  }

  /** The next line, or undefined once the connection is closed. */
  async read(): Promise<IrcLine | undefined> {
    for (;;) {
      const line = this.queue.shift();
      if (line) return line;
      if (this.closed || this.failure) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private receive(chunk: string): void {
    this.pending += chunk;
    const lines = this.pending.split(/\r?\n/);
    this.pending = lines.pop()!;
    try {
      if (this.pending.length > MAX_PENDING || this.queue.length + lines.length > MAX_QUEUED) {
        throw new TransportError(`the server sent more than Herald reads (${MAX_QUEUED} lines, or ${MAX_PENDING} bytes without a line break): not an IRC server?`);
      }
      for (const text of lines) {
        if (text === '') continue;
        const line = parseIrcLine(text);
        // Servers drop clients that do not answer; some (RequireAuthPing) do not register them until they do.
        if (line.command === 'PING') this.send('PONG', line.params.at(-1) ?? '');
        else this.queue.push(line);
      }
    } catch (error) {
      // A PING token that cannot be answered in one line, or a flood: this connection is over.
      this.failure ??= error as Error;
      this.socket.destroy();
    }
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * Sends IRC message lines over one connection (node:net / node:tls, loaded only by runs that use IRC): register (PASS,
 * NICK with a numbered nick when taken, USER), join the channels, send every line to every target one at a time, check
 * with a PING that the server took them all, QUIT. The attempt's timeout bounds the whole exchange. A server's refusal
 * is a reply (its numeric, text and stage); a connection that fails is a TransportError. Once a line has been sent,
 * nothing is retried: the targets would see it twice.
 */
export async function sendIrc(message: IrcMessage, { timeoutMs, signal, blockPrivateAddresses }: SendOptions): Promise<TransportReply> {
  const limit = attemptLimit(timeoutMs, signal);
  const { irc } = message;
  const address = blockPrivateAddresses ? await checkedAddress(irc.host, limit) : irc.host;
  let connection: IrcConnection | undefined;
  const progress = { stage: 'connect', sent: false };
  try {
    connection = new IrcConnection(await limit.race(connect(irc, address, limit.signal)));
    const nick = await limit.race(converse(connection, message, progress));
    await quit(connection, limit.signal);
    const lines = message.lines.length;
    return { ok: true, retryable: false, code: null, body: `${lines} ${message.command} line${lines === 1 ? '' : 's'} to ${message.targets.join(', ')} as ${nick}` };
  } catch (error) {
    if (error instanceof Refusal) {
      return { ok: false, retryable: false, code: error.code, body: error.text, stage: error.stage };
    }
    const failure = error instanceof TransportError ? error : limit.signal.aborted ? limit.error() : describeNetworkError(error as NodeJS.ErrnoException);
    if (progress.stage === 'connect') throw failure;
    if (!progress.sent) throw new TransportError(`${failure.message}, at ${progress.stage}`, failure.retryable);
    throw new TransportError(`${failure.message}, at ${progress.stage} after lines were sent (not sent again, so that nobody reads them twice)`, false);
  } finally {
    connection?.socket.destroy();
  }
}

function connect(irc: IrcServer, address: string, signal: AbortSignal): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = irc.tls
      ? tls.connect({
          host: address,
          port: irc.port,
          // The name the certificate is checked against (and SNI) stays the configured one when the guard resolved it.
          ...(net.isIP(irc.host) === 0 && { servername: irc.host }),
          rejectUnauthorized: !irc.insecureSkipVerify,
        })
      : net.connect({ host: address, port: irc.port });
    const abort = () => socket.destroy();
    signal.addEventListener('abort', abort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', abort));
    socket.once(irc.tls ? 'secureConnect' : 'connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Register, join, send; resolves with the nick it registered as. */
async function converse(connection: IrcConnection, message: IrcMessage, progress: { stage: string; sent: boolean }): Promise<string> {
  const { irc } = message;
  /** The next line; a closed connection is a failure at the current stage. */
  const next = async (): Promise<IrcLine> => {
    const line = await connection.read();
    if (line) return line;
    if (connection.failure) throw connection.failure;
    throw new TransportError(`the server closed the connection at ${progress.stage}`);
  };

  progress.stage = irc.password === undefined ? 'NICK' : 'PASS';
  if (irc.password !== undefined) connection.send('PASS', irc.password);
  const nick = await register(connection, irc.nickname, next, progress);

  for (const channel of message.targets.filter((target) => /^[#&+!]/.test(target))) {
    progress.stage = `JOIN ${channel}`;
    connection.send('JOIN', channel);
    for (;;) {
      const line = await next();
      if (line.command === 'JOIN' && ircLower(line.source?.split('!')[0] ?? '') === ircLower(nick) && ircLower(line.params[0] ?? '') === ircLower(channel)) break;
      if (isError(line)) throw new Refusal(numeric(line) ?? null, textOf(line), progress.stage);
    }
  }

  // One line at a time, in order: servers throttle a client that floods them (ngIRCd delays, others disconnect).
  for (const target of message.targets) {
    progress.stage = `${message.command} ${target}`;
    for (const text of message.lines) {
      connection.send(message.command, target, text);
      progress.sent = true;
    }
  }
  // The server answers in order, so its PONG comes after any refusal of the lines (401 no such nick, 404 cannot send).
  progress.stage = `${message.command} (waiting for the server to confirm with PONG)`;
  const token = `herald-${Date.now()}`;
  connection.send('PING', token);
  for (;;) {
    const line = await next();
    if (line.command === 'PONG' && line.params.at(-1) === token) return nick;
    if (isError(line)) {
      const target = line.command === 'ERROR' ? undefined : line.params[1];
      throw new Refusal(numeric(line) ?? null, textOf(line), target ? `${message.command} ${target}` : progress.stage);
    }
  }
}

/** NICK and USER until the welcome (001); a taken nick is retried with a number, shortened when the server finds it too long. */
async function register(
  connection: IrcConnection,
  nickname: string,
  next: () => Promise<IrcLine>,
  progress: { stage: string },
): Promise<string> {
  let base = nickname;
  let suffix = 0;
  let nick = nickname;
  connection.send('NICK', nick);
  connection.send('USER', 'herald', '0', '*', 'Herald notifications');
  for (;;) {
    const line = await next();
    const code = numeric(line);
    if (code === 1) return line.params[0] ?? nick;
    if (code !== undefined && (NICK_TAKEN.has(code) || (code === ERR_ERRONEUSNICKNAME && suffix > 0 && base.length > 1))) {
      if (NICK_TAKEN.has(code)) suffix++;
      // 432 for a numbered nick: too long for this server, so the number replaces the nick's last character.
      else base = base.slice(0, -1);
      if (suffix > NICK_SUFFIXES) throw new Refusal(code, `${textOf(line)} (tried ${nickname} and ${nickname}1 to ${nickname}${NICK_SUFFIXES})`, `NICK ${nickname}`);
      nick = `${base}${suffix}`;
      progress.stage = `NICK ${nick}`;
      connection.send('NICK', nick);
      continue;
    }
    if (isError(line)) {
      const stage = code === ERR_ERRONEUSNICKNAME ? `NICK ${nick}` : code === 464 || code === 465 ? 'PASS' : progress.stage;
      // ngIRCd answers a wrong password with ERROR ("Access denied: Bad password?") and no 464.
      throw new Refusal(code ?? null, textOf(line), stage);
    }
  }
}

/** QUIT, then wait (QUIT_GRACE_MS at most, and never past the attempt) for the server to close the connection. */
async function quit(connection: IrcConnection, signal: AbortSignal): Promise<void> {
  connection.send('QUIT', 'Herald: notification sent');
  const until = AbortSignal.any([signal, AbortSignal.timeout(QUIT_GRACE_MS)]);
  await new Promise<void>((resolve) => {
    if (connection.closed || until.aborted) return resolve();
    connection.socket.once('close', () => resolve());
    until.addEventListener('abort', () => resolve(), { once: true });
  });
}
