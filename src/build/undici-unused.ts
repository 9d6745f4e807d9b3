/**
 * Stands in for `undici` in the bundle (tsconfig.json maps the import here; ncc follows the mapping, also for imports
 * inside node_modules). `@actions/core` imports `@actions/http-client` for OIDC tokens, which imports undici's
 * `ProxyAgent` for its fetch dispatcher. Herald never uses it: its HTTP transport is `node:http`, and loading undici's
 * 900 KB cost about 20 ms of every run. http-client's own requests (`getIDToken`) use `node:http` and still work; only
 * its `getAgentDispatcher` would construct a ProxyAgent, and that fails loudly instead of quietly doing something else.
 * If Herald ever needs undici, delete this file and the mapping.
 */
export class ProxyAgent {
  constructor() {
    throw new Error(
      `undici's ProxyAgent is not in Herald's bundle (see src/build/undici-unused.ts); remove the "undici" mapping in tsconfig.json to use it.`,
    );
  }
}
