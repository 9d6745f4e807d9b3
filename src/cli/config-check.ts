import { existsSync } from 'node:fs';
import { UserError } from '../user-error.js';
import { ConfigError, scalarTypeIn, validateConfig } from '../config/index.js';
import { findPassedSecret, readPassedSecrets } from '../config/passed-secrets.js';
import { readConfigSource, type ConfigSource } from '../config/source.js';
import type { Config } from '../config/schema.js';
import { WHOLE_REFERENCE } from '../config/substitute.js';

const REFERENCE = /\$\$\{|\$\{\{|\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/g;
const NOT_SET = /^environment variable ([A-Za-z_][A-Za-z0-9_]*) is not set\b/;

/** What a developer's shell can say about a config: the file, its problems, and the ${NAME}s it lacks. */
export interface ConfigCheck {
  source: ConfigSource;
  /** Variables the file names that neither the environment nor HERALD_SECRETS has here: the secrets a runner passes. */
  missing: string[];
  /** Of those, the ones that fill a number or boolean field: a preview needs their values, a secret's it does not. */
  settings: string[];
  /** Of those, the ones written inside a longer value (`https://${HOST}/ci`), not as a whole one. */
  embedded: string[];
}

/** Reads the file (a broken file throws ConfigError, a missing one UserError) and finds the variables it needs. */
export async function checkConfigFile(file: string, env: NodeJS.ProcessEnv): Promise<ConfigCheck> {
  // The action's message for a missing file speaks of its "config" input and actions/checkout.
  if (!existsSync(file)) throw new UserError(`Config file ${file} not found. Run herald in your repository's root, or give --config FILE.`);
  return checkConfigSource(await readConfigSource(file), env);
}

/** The variables a parsed config names that `env` (and HERALD_SECRETS in it) does not set. */
export function checkConfigSource(source: ConfigSource, env: NodeJS.ProcessEnv): ConfigCheck {
  const passed = readPassedSecrets(env);
  const isSet = (name: string) => env[name] !== undefined || (passed !== undefined && 'values' in passed && findPassedSecret(passed, name) !== undefined);
  const missing = new Set<string>();
  const settings = new Set<string>();
  const embedded = new Set<string>();
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      const whole = WHOLE_REFERENCE.exec(value)?.[1];
      for (const [, name] of value.matchAll(REFERENCE)) {
        if (!name || isSet(name)) continue;
        missing.add(name);
        if (name !== whole) embedded.add(name);
      }
      if (whole && !isSet(whole) && scalarTypeIn(source.data, path)) settings.add(whole);
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i]));
    else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
  };
  visit(source.data, []);
  return { source, missing: [...missing], settings: [...settings], embedded: [...embedded] };
}

/**
 * Validates as the action does, with `env`; a ${NAME} in `missing` is no problem here (a shell has no secrets), so
 * its "not set" messages are left out. Throws a ConfigError with the other problems, if any.
 */
export function validateWithout(check: ConfigCheck, env: NodeJS.ProcessEnv): Config | undefined {
  try {
    return validateConfig(check.source, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const problems = error.problems.filter((problem) => !check.missing.includes(NOT_SET.exec(problem.message)?.[1] ?? ''));
    if (problems.length > 0) throw new ConfigError(error.file, problems, error.advice);
    return undefined;
  }
}
