import { fileURLToPath } from 'node:url';
import type { RunResult } from './run-action.js';
import type { SmtpReceiver } from './smtp-receiver.js';

/**
 * The variables an imported e-mail destination's SMTP fields name (`${PREFIX_SMTP_HOST}` ...: see
 * src/cli/import/mail-server.ts), set for the SMTP receiver, and NODE_EXTRA_CA_CERTS so the step trusts the receiver's
 * self-signed certificate as the runner would trust a real server's.
 */
export function mailServerEnv(prefix: string, smtp: SmtpReceiver): Record<string, string> {
  return {
    [`${prefix}_SMTP_HOST`]: '127.0.0.1',
    [`${prefix}_SMTP_PORT`]: String(smtp.port),
    [`${prefix}_SMTP_USERNAME`]: 'herald',
    [`${prefix}_SMTP_PASSWORD`]: 'smtp-pa55-word',
    [`${prefix}_SMTP_FROM`]: 'ci@example.com',
    NODE_EXTRA_CA_CERTS: fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url)),
  };
}

/** Each delivery of a run as [destination, status]. */
export const outcomes = (run: RunResult) => run.results.map(({ destination, status }) => [destination, status]);
