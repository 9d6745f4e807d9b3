import { ImportError, type Importer } from './model.js';

/** Not written yet: see issue 15. */
export const importAwx: Importer = () => {
  throw new ImportError('awx', 'this source is not supported yet');
};
