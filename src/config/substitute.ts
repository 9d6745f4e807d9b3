import { namesSecret } from '../secrets.js';
import { findPassedSecret, PASSED_SECRETS_VARIABLE, readPassedSecrets, type PassedSecrets } from './passed-secrets.js';
import type { Problem } from './problems.js';

const REFERENCE = /\$\$\{|\$\{\{[^]*?\}\}|\$\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A value that is exactly one reference, which takes the type of the field it fills. */
export const WHOLE_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;

/** What a field takes when it is a number or a boolean, so that `retries: ${RETRIES}` is the number. */
export type ScalarType = (path: (string | number)[]) => 'number' | 'boolean' | undefined;

/** Why GitHub left this run's secrets empty (a pull request from a fork), said where a ${NAME} turns out empty. */
export interface SecretsWithheld {
  /** "GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from octo-fork/app)" */
  reason: string;
  /** How to notify anyway, said once after the problems. */
  advice: string;
}

export interface Substituted {
  data: unknown;
  /** Variables that are set but empty, and on a fork's pull request those missing from HERALD_SECRETS: what `withheld` explains. */
  empty: string[];
  /** Values of variables whose names say they hold a secret (HOOK_TOKEN, SMTP_PASSWORD, SLACK_WEBHOOK_URL, ...), and every value taken from HERALD_SECRETS. */
  secrets: string[];
  problems: Problem[];
}

/**
 * Replaces ${NAME} in every string of the parsed file with the environment variable NAME (how secrets reach the
 * file), or, when no such variable is set, with the secret NAME in HERALD_SECRETS. `$${` writes a literal `${`.
 * `${{ }}` is refused: GitHub does not evaluate expressions in files.
 */
export function substituteEnvironment(
  data: unknown,
  env: NodeJS.ProcessEnv,
  scalarType: ScalarType = () => undefined,
  withheld?: SecretsWithheld,
): Substituted {
  const secrets = new Set<string>();
  const empty = new Set<string>();
  const problems: Problem[] = [];
  const passed = readPassedSecrets(env);

  /** A variable set in the environment wins (even empty); HERALD_SECRETS fills the rest, every value of it a secret. */
  const lookup = (variable: string): { value?: string; secret: boolean } => {
    if (env[variable] !== undefined) return { value: env[variable], secret: namesSecret(variable) };
    const value = passed && 'values' in passed ? findPassedSecret(passed, variable) : undefined;
    return { value, secret: value !== undefined };
  };

  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') return (typed(value, path) ?? { value: substituteString(value, path) }).value;
    if (Array.isArray(value)) return value.map((item, i) => visit(item, [...path, i]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, [...path, key])]));
    }
    return value;
  };

  /** A number or boolean field filled by exactly one ${NAME}: the value converted, not a secret (it is a setting). */
  const typed = (text: string, path: (string | number)[]): { value: unknown } | undefined => {
    const variable = WHOLE_REFERENCE.exec(text)?.[1];
    const type = variable && scalarType(path);
    const value = variable && lookup(variable).value;
    if (!type || !value) return undefined;
    const field = String(path.at(-1));
    const word = value.trim();
    if (type === 'number' && word !== '' && Number.isFinite(Number(word))) return { value: Number(word) };
    if (type === 'boolean' && /^(true|false)$/i.test(word)) return { value: word.toLowerCase() === 'true' };
    const wanted = type === 'number' ? 'a number' : 'true or false';
    problems.push({ path, message: `environment variable ${variable} is ${JSON.stringify(value)}; ${field} must be ${wanted}.` });
    return { value };
  };

  const substituteString = (text: string, path: (string | number)[]): string =>
    text.replace(REFERENCE, (match, name: string | undefined) => {
      if (match === '$${') return '${';
      if (match.startsWith('${{')) {
        problems.push({
          path,
          message:
            `"${match}" is a GitHub expression, and GitHub does not evaluate expressions in files. ` +
            'Pass the value to the step as an environment variable and write ${NAME}, for example\n' +
            '    env:\n      HOOK_TOKEN: ${{ secrets.HOOK_TOKEN }}\n' +
            'and in the config: ${HOOK_TOKEN}',
        });
        return match;
      }
      const variable = (name ?? '').trim();
      if (!NAME.test(variable)) {
        problems.push({ path, message: `"${match}" is not a valid variable reference; write \${NAME} with letters, digits and _ (or $\${ for a literal \${).` });
        return match;
      }
      const { value: replacement, secret } = lookup(variable);
      if (replacement === '') empty.add(variable);
      if (replacement === '' && withheld) {
        problems.push({ path, message: `environment variable ${variable} is empty: ${withheld.reason}.` });
        return '';
      }
      if (replacement === undefined && passed) {
        // A fork's pull request gets no secrets, so HERALD_SECRETS lacks them: that is the reason to give.
        if (withheld && 'values' in passed) empty.add(variable);
        problems.push({ path, message: notPassed(variable, passed, withheld) });
        return '';
      }
      if (replacement === undefined || replacement === '') {
        problems.push({
          path,
          message:
            `environment variable ${variable} is ${replacement === undefined ? 'not set' : 'empty'}. ` +
            `Pass it in the step's env, for example "env: { ${variable}: \${{ secrets.${variable} }} }", and check that the secret exists.`,
        });
        return '';
      }
      if (secret) secrets.add(replacement);
      return replacement;
    });

  return { data: visit(data, []), secrets: [...secrets], empty: [...empty], problems };
}

/** A ${NAME} that neither the environment nor HERALD_SECRETS has: which secrets were passed, and what to do. */
function notPassed(variable: string, passed: PassedSecrets, withheld?: SecretsWithheld): string {
  const start = `environment variable ${variable} is not set`;
  if ('error' in passed) return `${start}, and ${passed.error}.`;
  if (withheld) return `${start} and is not among the secrets in ${PASSED_SECRETS_VARIABLE}: ${withheld.reason}.`;
  const names = [...passed.values.keys()].sort();
  return (
    `${start}, and ${PASSED_SECRETS_VARIABLE} has no secret named ${variable} ` +
    `(it has ${names.length === 0 ? 'none' : names.join(', ')}). Check that the secret exists, and call the workflow with "secrets: inherit".`
  );
}
