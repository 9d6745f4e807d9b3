import type { MailMessage } from './wire.js';
import { USER_AGENT } from '../version.js';
import { checkedAddress } from './address-guard.js';
import { attemptLimit, TransportError, type SendOptions, type TransportReply } from './transport.js';

/** What nodemailer puts on its errors. */
interface SmtpError extends Error {
  code?: string;
  /** The SMTP reply code, when the server answered. */
  responseCode?: number;
  /** The server's reply line(s). */
  response?: string;
  /** The command that was refused: "AUTH PLAIN", "RCPT TO", ... */
  command?: string;
  rejectedErrors?: SmtpError[];
}

/**
 * Sends one message over one SMTP connection (nodemailer, imported here so that runs without e-mail never load it).
 * A refusal by the server is a reply (its code and text); a connection that fails is a TransportError.
 */
export async function sendMail(mail: MailMessage, { timeoutMs, signal, deliveryId, blockPrivateAddresses }: SendOptions): Promise<TransportReply> {
  const { createTransport } = await import('nodemailer');
  const { smtp } = mail;
  const limit = attemptLimit(timeoutMs, signal);
  // With the guard, nodemailer is given the checked address, so it connects where it was checked (it does not resolve an
  // IP again), and the name only for TLS (SNI and the certificate check).
  const address = blockPrivateAddresses ? await checkedAddress(smtp.host, limit) : undefined;
  const transporter = createTransport({
    host: address ?? smtp.host,
    ...(address !== undefined && address !== smtp.host && { servername: smtp.host }),
    port: smtp.port,
    secure: smtp.secure,
    requireTLS: smtp.requireTLS,
    auth: smtp.auth,
    tls: { rejectUnauthorized: !smtp.insecureSkipVerify },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  try {
    const sending = transporter.sendMail({
      from: mail.from,
      to: mail.to,
      cc: mail.cc,
      bcc: mail.bcc,
      replyTo: mail.replyTo.length ? mail.replyTo : undefined,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'X-Herald-Delivery': deliveryId, 'X-Mailer': USER_AGENT },
      signal: limit.signal,
    });
    const info = await limit.race(sending);
    const refused = (info.rejectedErrors ?? []) as SmtpError[];
    if (refused.length > 0) {
      // Some recipients got it: sending again would repeat it for them, so this is a failure not to retry.
      const first = refused[0]!;
      return {
        ok: false,
        retryable: false,
        code: first.responseCode ?? null,
        body: `${refused.map((error) => `${error.response ?? error.message}`).join('; ')} (the others accepted it: ${info.response})`,
        stage: `RCPT TO for ${info.rejected.join(', ')}`,
      };
    }
    return { ok: true, retryable: false, code: replyCode(info.response), body: info.response };
  } catch (error) {
    if (error instanceof TransportError) throw error;
    const failure = error as SmtpError;
    if (limit.signal.aborted) throw limit.error();
    if (failure.responseCode && failure.responseCode >= 400) {
      return {
        ok: false,
        // 4xx: try again later (RFC 5321); 5xx: permanent.
        retryable: failure.responseCode < 500,
        code: failure.responseCode,
        body: failure.response ?? failure.message,
        ...(failure.command && { stage: failure.command }),
      };
    }
    throw describeConnectionError(failure, timeoutMs);
  } finally {
    transporter.close();
  }
}

/** "250 2.0.0 Ok: queued as 12345" -> 250 */
function replyCode(response: string | undefined): number | null {
  const match = /^(\d{3})/.exec(response ?? '');
  return match ? Number(match[1]) : null;
}

function describeConnectionError(error: SmtpError, timeoutMs: number): TransportError {
  const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
  const errno = (error as NodeJS.ErrnoException).errno !== undefined ? (error as NodeJS.ErrnoException) : cause;
  const system = typeof errno?.code === 'string' ? errno.code : undefined;
  const text = error.message;
  if (/ECONNREFUSED/.test(text) || system === 'ECONNREFUSED') return new TransportError(`connection refused (ECONNREFUSED): ${text}`);
  if (error.code === 'ETLS' || /certificate|SSL|TLS/i.test(text)) {
    const hint = /self[- ]signed|unable to verify|certificate/i.test(text) ? ' (set insecure_skip_verify: true to accept it)' : '';
    return new TransportError(`TLS failed${hint}: ${text}`, false);
  }
  if (error.code === 'ETIMEDOUT') return new TransportError(`no answer within ${timeoutMs / 1000} s (timeout): ${text}`);
  if (error.code === 'EDNS') return new TransportError(`host not found: ${text}`);
  if (error.code === 'ENOAUTH' || error.code === 'EAUTH') return new TransportError(`authentication failed: ${text}`, false);
  return new TransportError(`${error.code ? `${error.code}: ` : ''}${text}`);
}
