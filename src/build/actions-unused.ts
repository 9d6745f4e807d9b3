/**
 * Stands in for `@actions/exec` and `@actions/http-client` in the bundle (tsconfig.json maps the imports here; ncc
 * follows the mapping inside node_modules too). `@actions/core` imports them at load for `core.platform.getDetails()`
 * (which runs shell commands) and `core.getIDToken()` (OIDC over http-client); Herald calls neither, and loading them
 * cost a few ms of every run. Anything that does call them fails loudly here. If Herald ever needs one, delete its
 * mapping in tsconfig.json.
 */
const unused = (what: string) => (): never => {
  throw new Error(`${what} is not in Herald's bundle (see src/build/actions-unused.ts); remove its mapping in tsconfig.json to use it.`);
};

export const exec = unused('@actions/exec');
export const getExecOutput = unused('@actions/exec');

export class HttpClient {
  constructor() {
    unused('@actions/http-client')();
  }
}

export class BearerCredentialHandler {
  constructor() {
    unused('@actions/http-client')();
  }
}
