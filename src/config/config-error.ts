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
