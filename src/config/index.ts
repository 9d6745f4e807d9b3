import { destinationTypes, findDestination } from '../destinations/index.js';
import { UserError } from '../user-error.js';
import { fileSchema, type Config, type DestinationConfig } from './schema.js';
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
    throw configError(source, problems);
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

  const names = Object.keys(outline.data.destinations);
  outline.data.notifications?.forEach((route, i) =>
    route.to.forEach((name, j) => {
      if (!names.includes(name)) {
        problems.push({
          path: ['notifications', i, 'to', j],
          message: `no destination is named "${name}"${suggest(name, names)} Destinations in this file: ${names.join(', ') || 'none'}.`,
        });
      }
    }),
  );

  if (problems.length > 0) throw configError(source, problems);
  return { file: source.file, destinations, notifications: outline.data.notifications, secrets: [...secrets] };
}

function configError(source: ConfigSource, problems: Problem[]): UserError {
  const lines = problems.map((problem) => {
    const at = source.locate(problem.path, problem.atKey);
    const where = at ? `${source.file}:${at.line}:${at.col}` : source.file;
    return `${where}: ${formatPath(problem.path)}: ${problem.message}`;
  });
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return new UserError(`Config file ${source.file} has ${count}:\n${lines.join('\n')}`);
}
