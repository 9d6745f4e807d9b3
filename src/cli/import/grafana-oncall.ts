import { ImportError, type Importer } from './model.js';

/** Not written yet: see issue 15. */
export const importGrafanaOncall: Importer = () => {
  throw new ImportError('grafana-oncall', 'this source is not supported yet');
};
