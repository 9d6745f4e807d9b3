// Loaded with NODE_OPTIONS=--import: prints every file of dist/ that the action loads, so a test can tell what a run pays for.
import { registerHooks } from 'node:module';

registerHooks({
  load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.includes('/dist/')) process.stderr.write(`herald-test loaded ${url}\n`);
    return nextLoad(url, context);
  },
});
