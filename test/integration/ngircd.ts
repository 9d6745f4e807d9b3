import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ngircd's path: on PATH, or in the sbin directories Debian installs it to (not on a normal user's PATH). */
export function findNgircd(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.map((dir) => join(dir, 'ngircd')).find((path) => existsSync(path));
}

/** A port nothing listens on now (ngircd cannot be asked for port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface NgircdOptions {
  /** Global Password: every client must send it with PASS. */
  password?: string;
}

const TLS_DIR = fileURLToPath(new URL('../fixtures/tls/', import.meta.url));

/**
 * A real IRC server: Debian's ngIRCd, run in the foreground (-n) with a config of its own on 127.0.0.1, plain and TLS
 * (the self-signed certificate in test/fixtures/tls), nicks of at most 9 characters, and RequireAuthPing, so a client
 * is registered only once it has answered the server's PING.
 */
export class Ngircd {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly port: number,
    readonly tlsPort: number,
  ) {}

  static async start(binary: string, { password }: NgircdOptions = {}): Promise<Ngircd> {
    const [port, tlsPort] = [await freePort(), await freePort()];
    const dir = mkdtempSync(join(tmpdir(), 'herald-ngircd-'));
    mkdirSync(join(dir, 'conf.d'));
    const uid = process.getuid?.() ?? 0;
    const gid = process.getgid?.() ?? 0;
    const conf = join(dir, 'ngircd.conf');
    writeFileSync(
      conf,
      `[Global]
Name = irc.herald.test
Info = Herald test server
Listen = 127.0.0.1
Ports = ${port}
MotdPhrase = "Herald test server"
PidFile = ${join(dir, 'ngircd.pid')}
ServerUID = ${uid}
ServerGID = ${gid}
${password === undefined ? '' : `Password = ${password}\n`}
[Limits]
MaxNickLength = 9
MaxConnectionsIP = 0
PingTimeout = 120

[Options]
PAM = no
Ident = no
DNS = no
RequireAuthPing = yes
IncludeDir = ${join(dir, 'conf.d')}

[SSL]
CertFile = ${join(TLS_DIR, 'cert.pem')}
KeyFile = ${join(TLS_DIR, 'key.pem')}
Ports = ${tlsPort}
`,
    );
    const child = spawn(binary, ['-n', '-f', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (/Server .* ready/.test(log)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`ngircd exited (${code}) before it was ready:\n${log}`)));
    });
    return new Ngircd(child, dir, port, tlsPort);
  }

  async close(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill();
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A message an IRC client got: who sent it, PRIVMSG or NOTICE, to where, the text. */
export interface Received {
  from: string;
  command: string;
  target: string;
  text: string;
}

/**
 * The test's own IRC client, over a raw socket: registers, joins channels, and records every line the server sends it,
 * so a test can check the exact PRIVMSG / NOTICE lines that arrived.
 */
export class IrcWatcher {
  readonly lines: string[] = [];
  private pending = '';
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.pending += chunk;
      const lines = this.pending.split('\r\n');
      this.pending = lines.pop()!;
      for (const line of lines) {
        const ping = /^PING (.*)$/.exec(line);
        if (ping) socket.write(`PONG ${ping[1]}\r\n`);
        this.lines.push(line);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(port: number, nick: string, { password }: { password?: string } = {}): Promise<IrcWatcher> {
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    const watcher = new IrcWatcher(socket);
    if (password !== undefined) watcher.send(`PASS ${password}`);
    watcher.send(`NICK ${nick}`);
    watcher.send(`USER ${nick} 0 * :Herald test watcher`);
    await watcher.until((line) => / 001 /.test(line));
    return watcher;
  }

  send(line: string): void {
    this.socket.write(`${line}\r\n`);
  }

  /** Waits for a line from the server that matches. */
  async until(match: (line: string) => boolean): Promise<string> {
    for (let seen = 0; ; ) {
      const found = this.lines.slice(seen).find(match);
      if (found) return found;
      seen = this.lines.length;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async join(channel: string): Promise<void> {
    this.send(`JOIN ${channel}`);
    await this.until((line) => line.includes(` 366 `) && line.includes(` ${channel} `));
  }

  /**
   * The messages received so far, once the server has handled everything sent before: the server answers this
   * client's PING after the lines it had already passed on to it.
   */
  async messages(): Promise<Received[]> {
    const token = `sync-${this.lines.length}-${Math.random().toString(36).slice(2)}`;
    this.send(`PING ${token}`);
    await this.until((line) => line.includes('PONG') && line.endsWith(token));
    return this.lines.flatMap((line) => {
      const match = /^:([^!\s]+)!\S+ (PRIVMSG|NOTICE) (\S+) :(.*)$/.exec(line);
      return match ? [{ from: match[1]!, command: match[2]!, target: match[3]!, text: match[4]! }] : [];
    });
  }

  close(): void {
    this.socket.destroy();
  }
}
