/**
 * The wire types: what a destination asks a transport to send, and what comes back. They belong to the transports;
 * destinations and the engine import them from here, never the other way round.
 */

/** What every outbound message declares, whichever transport sends it. */
export interface Outbound {
  /** The name of the transport that sends it: a key of the registry in transport/index.ts. */
  transport: string;
  /** Where it goes, never with credentials in it for SMTP: what the result shows (masked). */
  url: string;
  /** Shown after the destination name when one destination sends several (a Slack channel, say). */
  label?: string;
  /** What a dry run shows: the HTTP body as sent, a mail as a reader would see it. */
  body?: string;
}

/** An HTTP request a destination wants sent. */
export interface HttpRequest extends Outbound {
  transport: 'http';
  method: string;
  headers: Record<string, string>;
  body?: string;
  insecureSkipVerify?: boolean;
  /** Follow redirects of a POST, PUT, PATCH or DELETE too (GET and HEAD are always followed). */
  followRedirects?: boolean;
}

/** How to reach an SMTP server: the connection half of a mail message. */
export interface SmtpServer {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (port 465). */
  secure: boolean;
  /** Insist on STARTTLS; without it the upgrade happens only when the server offers it. */
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  insecureSkipVerify: boolean;
}

/** One e-mail for an SMTP server: every recipient in one message, sent over one connection. */
export interface MailMessage extends Outbound {
  transport: 'smtp';
  /** smtp://host:port or smtps://host:port, never with credentials: what the result shows. */
  url: string;
  smtp: SmtpServer;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo: string[];
  subject: string;
  text?: string;
  html?: string;
  /** The message as a reader would see it (headers, then the text), for dry runs. */
  body: string;
}

/** How to reach an IRC server and who to be there: the connection half of an IRC message. */
export interface IrcServer {
  host: string;
  port: number;
  /** TLS from the first byte (usually port 6697). */
  tls: boolean;
  insecureSkipVerify: boolean;
  /** The server password (PASS), sent before registering. */
  password?: string;
  /** The nick to register; taken, it gets a numeric suffix (herald1, herald2, ...). */
  nickname: string;
}

/** Lines for channels and nicks on one IRC server, sent over one connection: connect, register, join, send, quit. */
export interface IrcMessage extends Outbound {
  transport: 'irc';
  /** irc://host:port or ircs://host:port: what the result shows. */
  url: string;
  irc: IrcServer;
  command: 'PRIVMSG' | 'NOTICE';
  /** Channels (#ops, joined before sending) and nicks, in the order they are sent to. */
  targets: string[];
  /** The message texts, each short enough for one IRC line to every target, without CR, LF or NUL. */
  lines: string[];
  /** The IRC lines as they would be sent, for dry runs. */
  body: string;
}

/** What a transport got back, in the same shape for every transport. */
export interface Reply {
  /** The status code (HTTP status, SMTP reply code, IRC numeric); null when there was no answer or none applies. */
  code: number | null;
  /** The answer's text (an HTTP body, an SMTP reply line). */
  body: string;
  /** Response headers, for the transports that have them (HTTP), names in lower case. */
  headers?: Record<string, string>;
  /** Where in a conversation it was refused ("AUTH PLAIN", "RCPT TO", "JOIN #ops"), for the transports that have stages. */
  stage?: string;
}
