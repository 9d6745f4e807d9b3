import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it, byte for byte. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The header lines as sent, name and value alternating, in order (values as Latin-1, one character a byte). */
  rawHeaders: string[];
  body: Buffer;
  text: string;
  at: number;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering at all. */
  delayMs?: number;
  /** Send the status line and headers at once, and the body only after this long (a slow body). */
  bodyDelayMs?: number;
  /** Stream this many bytes of body after `body` (a huge answer), in 64 KiB chunks. */
  bodyBytes?: number;
}

export type Responder = (request: Received, index: number) => Answer;

/** A real HTTP server on 127.0.0.1 that records every request and answers as told. */
export class Receiver {
  readonly requests: Received[] = [];
  private server: Server;
  private responder: Responder = () => ({ status: 200, body: 'ok' });

  private constructor(private readonly tls: boolean) {
    const handler = (req: IncomingMessage, res: ServerResponse) => this.handle(req, res);
    this.server = tls
      ? createTlsServer({ cert: readFileSync(new URL('../fixtures/tls/cert.pem', import.meta.url)), key: readFileSync(new URL('../fixtures/tls/key.pem', import.meta.url)) }, handler)
      : createServer(handler);
  }

  /** An HTTP receiver, or with `tls` an HTTPS one with the self-signed certificate in test/fixtures/tls. */
  static async start(responder?: Responder, { tls = false } = {}): Promise<Receiver> {
    const receiver = new Receiver(tls);
    if (responder) receiver.responder = responder;
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  respond(responder: Responder): void {
    this.responder = responder;
  }

  get url(): string {
    return `${this.tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const received: Received = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        body,
        text: body.toString('utf8'),
        at: Date.now(),
      };
      this.requests.push(received);
      const answer = this.responder(received, this.requests.length - 1);
      const reply = () => {
        res.writeHead(answer.status ?? 200, answer.headers ?? {});
        if (answer.bodyDelayMs) {
          res.flushHeaders();
          setTimeout(() => res.end(answer.body ?? ''), answer.bodyDelayMs).unref();
        } else if (answer.bodyBytes) {
          res.write(answer.body ?? '');
          streamBytes(res, answer.bodyBytes);
        } else res.end(answer.body ?? '');
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs).unref();
      else reply();
    });
  }
}

/** A port on 127.0.0.1 that refuses connections (bound, then closed). */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** Writes `bytes` bytes of "x" as fast as the client reads them; stops when the client goes away. */
function streamBytes(res: ServerResponse, bytes: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = bytes;
  const write = () => {
    while (left > 0 && !res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!res.write(piece)) return void res.once('drain', write);
    }
    if (!res.destroyed) res.end();
  };
  write();
}
