import type { Importer, Source } from './model.js';

/** Every source `herald import --from` reads, each loaded only when asked for. A new source: one module, one line here. */
export const importers: Record<Source, () => Promise<Importer>> = {
  awx: async () => (await import('./awx.js')).importAwx,
  'terraform-cloud': async () => (await import('./terraform-cloud.js')).importTerraformCloud,
  'grafana-oncall': async () => (await import('./grafana-oncall.js')).importGrafanaOncall,
  scalingo: async () => (await import('./scalingo.js')).importScalingo,
  devtron: async () => (await import('./devtron.js')).importDevtron,
};
