import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

/** One message as the SMTP server got it: the envelope, the raw bytes and mailparser's reading of them. */
export interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  /** The session was encrypted (STARTTLS or implicit TLS) when the message came. */
  secure: boolean;
  /** The user the session authenticated as. */
  user: string | undefined;
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpReceiverOptions {
  /** Implicit TLS from the first byte (what use_ssl talks to); otherwise STARTTLS is offered. */
  secure?: boolean;
  /** The only user and password accepted; AUTH is required, and only over TLS. */
  user?: string;
  password?: string;
  /** Recipients refused with 550. */
  refuse?: string[];
}

/** An error smtp-server turns into an SMTP reply with this code. */
const reply = (responseCode: number, message: string) => Object.assign(new Error(message), { responseCode });

/**
 * A real SMTP server (smtp-server) on 127.0.0.1 with the self-signed certificate in test/fixtures/tls: AUTH required
 * after STARTTLS (or on implicit TLS), every connection counted, every message recorded.
 */
export class SmtpReceiver {
  readonly messages: ReceivedMail[] = [];
  /** TCP connections accepted. */
  connections = 0;
  private readonly server: SMTPServer;
  private readonly parsing: Promise<void>[] = [];

  private constructor(options: SmtpReceiverOptions) {
    const { user = 'herald', password = 'smtp-pa55-word', refuse = [] } = options;
    const settings: SMTPServerOptions = {
      secure: options.secure ?? false,
      key: readFileSync(new URL('../fixtures/tls/key.pem', import.meta.url)),
      cert: readFileSync(new URL('../fixtures/tls/cert.pem', import.meta.url)),
      authMethods: ['PLAIN', 'LOGIN'],
      authOptional: false,
      allowInsecureAuth: false,
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onAuth: (auth, _session, callback) => {
        if (auth.username === user && auth.password === password) callback(null, { user });
        else callback(reply(535, '5.7.8 Error: authentication failed: bad username or password'));
      },
      onRcptTo: (address, _session, callback) => {
        if (refuse.includes(address.address)) callback(reply(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`));
        else callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const envelope = session.envelope;
          this.parsing.push(
            simpleParser(raw).then((parsed) => {
              this.messages.push({
                mailFrom: envelope.mailFrom ? envelope.mailFrom.address : '',
                rcptTo: envelope.rcptTo.map((rcpt) => rcpt.address),
                secure: session.secure,
                user: session.user as string | undefined,
                raw,
                parsed,
              });
            }),
          );
          callback(null, 'Ok: queued as HERALD1');
        });
      },
    };
    this.server = new SMTPServer(settings);
  }

  static async start(options: SmtpReceiverOptions = {}): Promise<SmtpReceiver> {
    const receiver = new SmtpReceiver(options);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** The messages, once mailparser has read all of them. */
  async received(): Promise<ReceivedMail[]> {
    await Promise.all(this.parsing);
    return this.messages;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
