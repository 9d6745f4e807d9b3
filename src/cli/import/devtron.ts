import { ImportError, type Importer } from './model.js';

/** Not written yet: see issue 15. */
export const importDevtron: Importer = () => {
  throw new ImportError('devtron', 'this source is not supported yet');
};
