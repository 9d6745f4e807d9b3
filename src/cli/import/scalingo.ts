import { ImportError, type Importer } from './model.js';

/** Not written yet: see issue 15. */
export const importScalingo: Importer = () => {
  throw new ImportError('scalingo', 'this source is not supported yet');
};
