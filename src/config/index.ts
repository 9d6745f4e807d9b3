import { destinationTypes, findDestination } from '../destinations/index.js';
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
      problems.push(...problemsFromZod(parsed.error, destination.schema, raw, ['destinations', name]));
      continue;
    }
    destinations[name] = parsed.data;
    for (const secret of destination.secrets(parsed.data)) if (secret) secrets.add(secret);
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

  if (problems.length > 0 || !routes.success) throw configError(source, problems, substituted.secrets);
  return { file: source.file, destinations, notifications: routes.data, secrets: [...secrets] };
}

/** The `to` lists of the routes as written, so unknown names are reported even when a route has other problems. */
function routeTargets(notifications: unknown): unknown[][] {
  if (!Array.isArray(notifications)) return [];
  return notifications.map((route) => {
    const to = (route as { to?: unknown } | null)?.to;
    return typeof to === 'string' ? [to] : Array.isArray(to) ? to : [];
  });
}

/** Every problem with its place; values that came from ${NAME} are masked (the runner does not know them yet). */
function configError(source: ConfigSource, problems: Problem[], secrets: string[]): UserError {
  const located = problems.map((problem) => ({ problem, at: source.locate(problem.path, problem.atKey) }));
  located.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
  const lines = located.map(({ problem, at }) => {
    const where = at ? `${source.file}:${at.line}:${at.col}` : source.file;
    return `${where}: ${formatPath(problem.path)}: ${problem.message}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  let message = `Config file ${source.file} has ${count}:\n${lines.join('\n')}`;
  for (const secret of secrets) if (secret.length >= 3) message = message.split(secret).join('****');
  return new UserError(message);
}
