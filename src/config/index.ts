import type { Destination } from '../destinations/destination.js';
import { destinationTypes, findDestination } from '../destinations/index.js';
import { maskValues, MIN_SECRET_LENGTH } from '../secrets.js';
import { ConfigError } from './config-error.js';
import { fileSchema, routesSchema, type Config, type DestinationConfig } from './schema.js';
import { formatPath, problemsFromZod, scalarTypeAt, suggest, type Problem } from './problems.js';
import { readConfigSource, type ConfigSource } from './source.js';
import { substituteEnvironment, type SecretsWithheld } from './substitute.js';

export { annotateConfigError, ConfigError } from './config-error.js';
export type { SecretsWithheld } from './substitute.js';

/**
 * Reads, substitutes and validates the config file; every problem is reported at once, with file:line:col.
 * `withheld`: GitHub gave this run no secrets, and why (an empty ${NAME} is then explained by it).
 */
export async function loadConfig(file: string, env: NodeJS.ProcessEnv, withheld?: SecretsWithheld): Promise<Config> {
  return validateConfig(await readConfigSource(file), env, withheld);
}

export function validateConfig(source: ConfigSource, env: NodeJS.ProcessEnv, withheld?: SecretsWithheld): Config {
  const substituted = substituteEnvironment(source.data, env, (path) => scalarTypeIn(source.data, path), withheld);
  const problems: Problem[] = [];
  const secrets = new Set(substituted.secrets);
  const advice = withheld && substituted.empty.length > 0 ? withheld.advice : '';
  const fail = () =>
    configError(source, [...substituted.problems, ...problems.filter((problem) => !unfilled(problem, substituted.problems))], [...secrets], advice);

  const outline = fileSchema.safeParse(substituted.data ?? {});
  if (!outline.success) {
    problems.push(...problemsFromZod(outline.error, fileSchema, substituted.data, [], source.textAt));
    throw fail();
  }

  const destinations: Record<string, DestinationConfig> = {};
  for (const [name, raw] of Object.entries(outline.data.destinations)) {
    const path = ['destinations', name];
    if (raw.type === undefined) {
      const { problem, misspelt } = missingType(raw, path);
      problems.push(problem);
      // `Type: slack` still says what the rest is, so its other problems are reported now too.
      const type = misspelt === undefined ? undefined : raw[misspelt];
      const destination = typeof type === 'string' ? findDestination(type) : undefined;
      if (!destination || misspelt === undefined) continue;
      const { [misspelt]: _, ...rest } = raw;
      const parsed = destination.schema.safeParse({ ...rest, type });
      if (!parsed.success) problems.push(...problemsFromZod(parsed.error, destination.schema, rest, path, source.textAt));
      continue;
    }
    const destination = typeof raw.type === 'string' ? findDestination(raw.type) : undefined;
    if (!destination) {
      const type = String(raw.type);
      problems.push({
        path: [...path, 'type'],
        message: `unknown destination type "${type}"${suggest(type, destinationTypes(), 'types')} Known types: ${destinationTypes().join(', ')}.`,
      });
      continue;
    }
    const parsed = destination.schema.safeParse(raw);
    if (!parsed.success) {
      for (const secret of declaredSecrets(destination, raw)) secrets.add(secret);
      problems.push(...problemsFromZod(parsed.error, destination.schema, raw, path, source.textAt));
      continue;
    }
    destinations[name] = parsed.data;
    for (const secret of declaredSecrets(destination, parsed.data)) secrets.add(secret);
  }

  const routes = routesSchema.safeParse(outline.data.notifications);
  if (!routes.success) problems.push(...problemsFromZod(routes.error, routesSchema, outline.data.notifications, ['notifications'], source.textAt));
  const names = Object.keys(outline.data.destinations);
  for (const { name, path } of routeTargets(outline.data.notifications)) {
    if (typeof name === 'string' && name !== '' && !names.includes(name)) {
      problems.push({ path, message: `no destination is named "${name}"${suggest(name, names)} Destinations in this file: ${names.join(', ') || 'none'}.` });
    }
  }

  if (substituted.problems.length > 0 || problems.length > 0 || !routes.success) throw fail();
  return {
    file: source.file,
    destinations,
    notifications: routes.data,
    blockPrivateAddresses: outline.data.block_private_addresses ?? false,
    secrets: [...secrets].filter((secret) => secret.length >= MIN_SECRET_LENGTH),
  };
}

/** A destination without `type`: a key that is `type` in other letters is the mistake, else say what to write. */
function missingType(raw: Record<string, unknown>, path: string[]): { problem: Problem; misspelt?: string } {
  const names = (key: string) => typeof raw[key] === 'string' && findDestination(raw[key] as string) !== undefined;
  const misspelt = Object.keys(raw).find((key) => key.toLowerCase() === 'type') ?? Object.keys(raw).find(names);
  if (misspelt !== undefined) {
    const advice = misspelt.toLowerCase() === 'type' ? suggest(misspelt, ['type'], 'keys') : '. Did you mean "type"?';
    const message = `unknown key "${misspelt}"${advice}`;
    return { problem: { path: [...path, misspelt], atKey: true, message }, misspelt };
  }
  return { problem: { path, message: `"type" is required: one of ${destinationTypes().join(', ')}.` } };
}

/** The type a number or boolean field takes, for ${NAME} values that fill one. */
export function scalarTypeIn(data: unknown, path: (string | number)[]): 'number' | 'boolean' | undefined {
  const [section, name, ...rest] = path;
  if (section === 'block_private_addresses' && path.length === 1) return 'boolean';
  if (section !== 'destinations' || typeof name !== 'string') return undefined;
  const type = (data as { destinations?: Record<string, { type?: unknown }> }).destinations?.[name]?.type;
  const destination = typeof type === 'string' ? findDestination(type) : undefined;
  return destination && scalarTypeAt(destination.schema, rest);
}

/** The names in the routes' `to` as written, so unknown names are reported even when a route has other problems. */
function routeTargets(notifications: unknown): { name: unknown; path: (string | number)[] }[] {
  if (!Array.isArray(notifications)) return [];
  return notifications.flatMap((route, i) => {
    const to = (route as { to?: unknown } | null)?.to;
    const path = ['notifications', i, 'to'];
    if (typeof to === 'string') return [{ name: to, path }];
    return Array.isArray(to) ? to.map((name, j) => ({ name, path: [...path, j] })) : [];
  });
}

/** One mistake, one message: a ${NAME} that could not be filled hides what the schema says about the value it left. */
const unfilled = (problem: Problem, substitution: Problem[]): boolean =>
  substitution.some((cause) => cause.path.every((part, i) => problem.path[i] === part));

/**
 * A destination's secret fields as far as they can be read from a config that did not validate; a value still holding
 * `${` is what the user wrote, not a secret (`${{ secrets.X }}`, which is reported).
 */
function declaredSecrets(destination: Destination<any>, raw: Record<string, unknown>): string[] {
  try {
    return destination.secrets(raw).filter((value: unknown) => typeof value === 'string' && value !== '' && !value.includes('${'));
  } catch {
    return [];
  }
}

/** Every problem with its place; secrets are masked (the runner does not know them yet). */
function configError(source: ConfigSource, problems: Problem[], secrets: string[], advice: string): ConfigError {
  const located = problems.map((problem) => ({ problem, at: source.locate(problem.path, problem.atKey) }));
  located.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
  return new ConfigError(
    source.file,
    located.map(({ problem, at }) => ({ file: source.file, ...at, path: formatPath(problem.path), message: maskValues(problem.message, secrets) })),
    advice,
  );
}
