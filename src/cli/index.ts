#!/usr/bin/env node
// `herald`: check and preview a config from a developer's machine. A bundle of its own (dist/cli/index.js): the action's
// entry never loads it.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config/index.js';
import { formatProblem } from '../config/config-error.js';
import { configJsonSchema } from '../config/json-schema.js';
import { UserError } from '../user-error.js';
import { consoleOutput, type Output } from './output.js';
import { preview } from './preview.js';
import { validate } from './validate.js';
import { importers } from './import/index.js';
import type { Source } from './import/model.js';
import { TRIGGERS } from '../outcome.js';

const USAGE = `Usage:
  herald validate [--config FILE]
      Check a config file as the action does. A \${NAME} that is not set here is no problem: it lists what the run needs.
  herald preview [--config FILE] [--status S | --trigger T | --test] [--event NAME] [--payload FILE]
      Render what each destination would get (nothing is sent). Without --payload: a push to main.
  herald schema [--output FILE]
      Print the JSON Schema of the config file.
  herald import --from SOURCE FILE [--output FILE] [--triggers T,T]
      Write a config from the JSON another system's API returns, checked as validate checks it, and list the
      secrets it names. SOURCE: ${Object.keys(importers).join(', ')}. --triggers: the triggers to route
      to where the source keeps no routing (awx; error by default).
The config FILE defaults to .github/notifications.yml.`;

export async function cli(args: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const [command, ...rest] = args;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        config: { type: 'string', short: 'c', default: '.github/notifications.yml' },
        status: { type: 'string' },
        trigger: { type: 'string' },
        test: { type: 'boolean', default: false },
        event: { type: 'string' },
        payload: { type: 'string' },
        output: { type: 'string' },
        from: { type: 'string' },
        triggers: { type: 'string' },
      },
    });
    if (command === 'import') return await runImport(values, positionals, env, out);
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}".`);
    if (command === 'validate') return await validate(values.config, env, out);
    if (command === 'preview') {
      if ([values.status, values.trigger, values.test || undefined].filter((given) => given !== undefined).length > 1) {
        throw new UsageError('--status, --trigger and --test each pick what to preview: give one of them.');
      }
      return await preview({ ...values, test: values.test }, env, out);
    }
    if (command === 'schema') {
      const text = `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
      if (values.output) writeFileSync(values.output, text);
      else process.stdout.write(text);
      return 0;
    }
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      out.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${command}".`);
  } catch (error) {
    if (error instanceof ConfigError) {
      out.error(error.heading);
      for (const problem of error.problems) out.error(formatProblem(problem));
      if (error.advice) out.error(error.advice);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      out.error(`herald: ${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof UserError) {
      out.error(error.message);
      return 1;
    }
    throw error;
  }
}

class UsageError extends Error {}

async function runImport(values: { from?: string; output?: string; triggers?: string }, positionals: string[], env: NodeJS.ProcessEnv, out: Output): Promise<number> {
  const sources = Object.keys(importers).join(', ');
  if (values.from === undefined) throw new UsageError(`import needs --from SOURCE, one of: ${sources}.`);
  if (!Object.hasOwn(importers, values.from)) throw new UsageError(`unknown source "${values.from}" for --from: use one of ${sources}.`);
  if (positionals.length !== 1) throw new UsageError('import reads one FILE: the JSON the source\'s API returns.');
  const triggers = values.triggers?.split(',').map((trigger) => trigger.trim());
  const unknown = triggers?.find((trigger) => !(TRIGGERS as readonly string[]).includes(trigger));
  if (unknown !== undefined) throw new UsageError(`unknown trigger "${unknown}" in --triggers: use ${TRIGGERS.join(', ')}, separated by commas.`);
  const { importConfig } = await import('./import/command.js');
  return importConfig({ from: values.from as Source, file: positionals[0]!, output: values.output, triggers }, env, out);
}

process.exitCode = await cli(process.argv.slice(2), process.env, consoleOutput);
