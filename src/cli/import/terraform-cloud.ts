import { ImportError, type Importer } from './model.js';

/** Not written yet: see issue 15. */
export const importTerraformCloud: Importer = () => {
  throw new ImportError('terraform-cloud', 'this source is not supported yet');
};
