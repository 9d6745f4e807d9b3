import type { Transport } from './transport.js';
import type { Outbound } from './wire.js';

/**
 * Every transport, by the name an outbound gives in `transport`; each loads on first use, so a run pays only for the
 * ones its config needs. A new kind of connection is one file and one line here.
 */
const transports: Record<string, () => Promise<Transport<any>>> = {
  http: async () => (await import('./http.js')).sendHttp,
  smtp: async () => (await import('./smtp.js')).sendMail,
  irc: async () => (await import('./irc.js')).sendIrc,
};

export async function transportFor(outbound: Outbound): Promise<Transport> {
  const load = transports[outbound.transport];
  // Only a destination's bug can name a transport that does not exist.
  if (!load) throw new Error(`no transport named "${outbound.transport}"`);
  return load();
}
