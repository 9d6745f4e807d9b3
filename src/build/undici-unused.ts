/**
 * Stands in for `undici` in the bundle (tsconfig.json maps the import here; ncc follows the mapping, also for imports
 * inside node_modules). `@actions/core` imports `@actions/http-client` for OIDC tokens, which imports undici's
 * `ProxyAgent`; `@actions/github` imports its `fetch`. Herald calls neither: its HTTP transport is `node:http`, and
 * loading undici's 900 KB cost about 20 ms of every run. http-client's own requests (`getIDToken`) use `node:http` and
 * still work; undici's proxy dispatcher and fetch fail loudly when used instead of quietly doing something else. If
 * Herald ever needs them, delete this file and the mapping.
 */
const unused = (name: string): never => {
  throw new Error(`undici's ${name} is not in Herald's bundle (see src/build/undici-unused.ts); remove the "undici" mapping in tsconfig.json to use it.`);
};

/**
 * Constructing one must work: `@actions/github` builds a ProxyAgent when its module loads if HTTPS_PROXY is set (the
 * proxy integration tests catch that). Sending through it fails.
 */
export class ProxyAgent {
  dispatch(): never {
    return unused('ProxyAgent');
  }
}

export const fetch = (..._args: unknown[]): never => unused('fetch');
