import { readFile } from 'node:fs/promises';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ConfigError } from '../../config/config-error.js';
import { parseConfigSource } from '../../config/source.js';
import { UserError } from '../../user-error.js';
import { checkConfigSource, validateWithout } from '../config-check.js';
import { plural, type Output } from '../output.js';
import { importedConfigText } from './config-yaml.js';
import { importers } from './index.js';
import { ImportError, type ImportedSecret, type Source } from './model.js';

export interface ImportArgs {
  from: Source;
  file: string;
  output?: string;
  triggers?: string[];
}

/**
 * `herald import`: another system's export (JSON) to a Herald config, checked as `herald validate` checks a file and
 * written only when the check passes (to stdout, or atomically to --output); then the secrets the config names and the
 * step's `env:` block that passes them. Problems with the input are `herald import: ...` lines and exit 1; a config
 * that does not validate throws the ConfigError that `herald validate` would print.
 */
export async function importConfig(args: ImportArgs, env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const input = await readJson(args.file);
  const importer = await importers[args.from]();
  let imported;
  try {
    imported = importer(input, { triggers: args.triggers });
  } catch (error) {
    if (error instanceof ImportError) throw new UserError(`herald import: ${error.message}`);
    throw error;
  }
  const text = importedConfigText(imported);
  const check = checkConfigSource(parseConfigSource(args.output ?? '<stdout>', text), env);
  try {
    validateWithout(check, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const advice = 'Nothing was written; the lines are those of the config it would have written.';
    throw new ConfigError(error.file, error.problems, advice);
  }

  const secrets: ImportedSecret[] = [
    ...imported.secrets,
    ...check.missing.filter((name) => !imported.secrets.some((secret) => secret.name === name)).map((name) => ({ name, description: 'named in the config' })),
  ];
  const counts = `${plural(imported.destinations.length, 'destination')}, ${plural(imported.notifications.length, 'route')}`;
  const report = args.output ? out.log : out.error;
  if (args.output) {
    writeAtomically(args.output, text);
    report(`Wrote ${args.output}: ${counts}, checked as \`herald validate\` does.`);
  } else {
    process.stdout.write(text);
    report(`Imported ${counts}, checked as \`herald validate\` does.`);
  }
  for (const line of secretsAdvice(secrets)) report(line);
  return 0;
}

async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`herald import: ${file} ${code === 'ENOENT' ? 'not found' : `cannot be read: ${(error as Error).message}`}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // Node quotes the text around the mistake; it may hold a secret, so only what is wrong and where is kept.
    const reason = (error as Error).message.replace(/, ".*? is not valid JSON$/s, '').replace(/\s+/g, ' ');
    throw new UserError(`herald import: ${file} is not JSON (${reason}). Give the JSON the source's API returns, saved as it is.`);
  }
}

/** A temporary file beside the target, then a rename: a reader never sees half a file, and a failure leaves none. */
function writeAtomically(file: string, text: string): void {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    mkdirSync(dirname(file), { recursive: true }); // .github/ in a repository that has no workflow yet
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UserError(`herald import: cannot write ${file}: ${(error as Error).message}`);
  }
}

/**
 * The secrets (and the settings, which are configuration variables: a secret's value is masked in every later log line)
 * to create in GitHub, and the `env:` block that gives them to the Herald step.
 */
function secretsAdvice(placeholders: ImportedSecret[]): string[] {
  if (placeholders.length === 0) return ['The config names no secrets.'];
  const secrets = placeholders.filter((placeholder) => !placeholder.setting);
  const settings = placeholders.filter((placeholder) => placeholder.setting);
  const list = (items: ImportedSecret[]) => items.map((item) => `  ${item.name}: ${item.description}`);
  return [
    ...(secrets.length > 0 ? ["Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):", ...list(secrets)] : []),
    ...(settings.length > 0
      ? [`${secrets.length > 0 ? 'and these' : 'Create these'} variables (Settings > Secrets and variables > Actions > Variables):`, ...list(settings)]
      : []),
    'and pass them to the Herald step:',
    '  env:',
    ...placeholders.map((item) => `    ${item.name}: \${{ ${item.setting ? 'vars' : 'secrets'}.${item.name} }}`),
  ];
}
