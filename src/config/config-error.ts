import * as core from '@actions/core';
import { isAbsolute, relative, sep } from 'node:path';
import { UserError } from '../user-error.js';

/** One problem in the config file, where it is: the key path is empty for broken YAML. */
export interface LocatedProblem {
  file: string;
  line?: number;
  col?: number;
  path: string;
  message: string;
}

/** `file:line:col: key.path: what is wrong and how to fix it`, one line per problem (the message may go on). */
export const formatProblem = (problem: LocatedProblem): string =>
  `${problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.col}`}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;

/** A config file with problems: every one of them, each with its place, so each can be annotated on the file. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
  readonly heading: string;

  constructor(
    readonly file: string,
    readonly problems: LocatedProblem[],
    readonly advice = '',
  ) {
    const heading = `Config file ${file} has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:`;
    super([heading, ...problems.map(formatProblem), ...(advice ? [advice] : [])].join('\n'));
    this.heading = heading;
  }
}

/**
 * Fails the step with one error annotation per problem, on the config file at its line and column, so GitHub shows
 * each where it is; the log reads as the whole message, each problem once.
 */
export function annotateConfigError(error: ConfigError, workspace = process.env.GITHUB_WORKSPACE): void {
  core.info(error.heading);
  for (const problem of error.problems) {
    core.error(formatProblem(problem), {
      title: 'Herald config',
      file: repositoryPath(problem.file, workspace),
      startLine: problem.line,
      startColumn: problem.col,
    });
  }
  if (error.advice) core.info(error.advice);
  process.exitCode = core.ExitCode.Failure;
}

/** Annotations name files relative to the repository root (the workspace), with forward slashes. */
function repositoryPath(file: string, workspace: string | undefined): string {
  if (!workspace || !isAbsolute(file)) return file;
  const inRepository = relative(workspace, file);
  return inRepository.startsWith('..') || isAbsolute(inRepository) ? file : inRepository.split(sep).join('/');
}
