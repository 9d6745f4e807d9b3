import type { Destination } from '../destinations/destination.js';
import { destinationTypes, findDestination } from '../destinations/index.js';
import { MIN_SECRET_LENGTH } from '../secrets.js';
import { UserError } from '../user-error.js';
import { fileSchema, routesSchema, type Config, type DestinationConfig } from './schema.js';
import { formatPath, problemsFromZod, suggest, type Problem } from './problems.js';
import { readConfigSource, type ConfigSource } from './source.js';
import { substituteEnvironment } from './substitute.js';

/** Reads, substitutes and validates the config file; every problem is reported at once, with file:line:col. */
export async function loadConfig(file: string, env: NodeJS.ProcessEnv): Promise<Config> {
  return validateConfig(await readConfigSource(file), env);
}

export function validateConfig(source: ConfigSource, env: NodeJS.ProcessEnv): Config {
  const substituted = substituteEnvironment(source.data, env);
  const problems: Problem[] = [...substituted.problems];

  const outline = fileSchema.safeParse(substituted.data ?? {});
  if (!outline.success) {
    problems.push(...problemsFromZod(outline.error, fileSchema, substituted.data));
    throw configError(source, problems, substituted.secrets);
  }

  const destinations: Record<string, DestinationConfig> = {};
  const secrets = new Set(substituted.secrets);
  for (const [name, raw] of Object.entries(outline.data.destinations)) {
    const destination = findDestination(raw.type);
    if (!destination) {
      problems.push({
        path: ['destinations', name, 'type'],
        message: `unknown destination type "${raw.type}"${suggest(raw.type, destinationTypes())} Known types: ${destinationTypes().join(', ')}.`,
      });
      continue;
    }
    const parsed = destination.schema.safeParse(raw);
    if (!parsed.success) {
      for (const secret of declaredSecrets(destination, raw)) secrets.add(secret);
      problems.push(...problemsFromZod(parsed.error, destination.schema, raw, ['destinations', name]));
      continue;
    }
    destinations[name] = parsed.data;
    for (const secret of declaredSecrets(destination, parsed.data)) secrets.add(secret);
  }

  const routes = routesSchema.safeParse(outline.data.notifications);
  if (!routes.success) problems.push(...problemsFromZod(routes.error, routesSchema, outline.data.notifications, ['notifications']));
  const names = Object.keys(outline.data.destinations);
  routeTargets(outline.data.notifications).forEach((targets, i) =>
    targets.forEach((name, j) => {
      if (typeof name === 'string' && !names.includes(name)) {
        problems.push({
          path: ['notifications', i, 'to', j],
          message: `no destination is named "${name}"${suggest(name, names)} Destinations in this file: ${names.join(', ') || 'none'}.`,
        });
      }
    }),
  );

  if (problems.length > 0 || !routes.success) throw configError(source, problems, [...secrets]);
  return { file: source.file, destinations, notifications: routes.data, secrets: [...secrets].filter((secret) => secret.length >= MIN_SECRET_LENGTH) };
}

/** The `to` lists of the routes as written, so unknown names are reported even when a route has other problems. */
function routeTargets(notifications: unknown): unknown[][] {
  if (!Array.isArray(notifications)) return [];
  return notifications.map((route) => {
    const to = (route as { to?: unknown } | null)?.to;
    return typeof to === 'string' ? [to] : Array.isArray(to) ? to : [];
  });
}

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
function configError(source: ConfigSource, problems: Problem[], secrets: string[]): UserError {
  const located = problems.map((problem) => ({ problem, at: source.locate(problem.path, problem.atKey) }));
  located.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
  const lines = located.map(({ problem, at }) => {
    const where = at ? `${source.file}:${at.line}:${at.col}` : source.file;
    return `${where}: ${formatPath(problem.path)}: ${problem.message}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  let message = `Config file ${source.file} has ${count}:\n${lines.join('\n')}`;
  for (const secret of secrets) if (secret.length >= MIN_SECRET_LENGTH) message = message.split(secret).join('****');
  return new UserError(message);
}
