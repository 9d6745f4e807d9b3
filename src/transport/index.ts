import type { Outbound } from '../destinations/destination.js';
import type { Transport } from './transport.js';

/** Transports load on first use, so a run pays only for the ones its config needs. */
const loaders: Record<Outbound['transport'], () => Promise<Transport<any>>> = {
  http: async () => (await import('./http.js')).sendHttp,
  smtp: async () => (await import('./smtp.js')).sendMail,
};

export async function transportFor(outbound: Outbound): Promise<Transport> {
  return loaders[outbound.transport]();
}
