import * as core from '@actions/core';
import { suggest } from './config/problems.js';
import { parseMessages, type SentMessage } from './handover.js';
import { INPUT_STATUSES, type InputStatus } from './statuses.js';
import { UserError } from './user-error.js';

export interface Inputs {
  configPath: string;
  status?: InputStatus;
  dryRun: boolean;
  failOnError: boolean;
  timeoutSeconds: number;
  /** Send a test notification (trigger and status `test`) instead of routing the run's status. */
  test: boolean;
  /** With `test`: the destinations to test, by name; empty means all of them. */
  destinations: string[];
  /** The token for the GitHub API (fixed and broken, failed jobs): the job's GITHUB_TOKEN by default; empty in a fork's pull request. */
  githubToken: string;
  /** One step for the whole job: the main step sends `started`, the post step the final status. */
  trackJob: boolean;
  /** Edit the earlier messages (the post step's, or `updateMessages`) instead of posting new ones, where possible. */
  update: boolean;
  /** The `messages` output of an earlier Herald step, to edit. */
  updateMessages: SentMessage[];
}

/** The only place that reads action inputs. */
export function readInputs(): Inputs {
  const status = core.getInput('status').trim().toLowerCase();
  if (status && !(INPUT_STATUSES as readonly string[]).includes(status)) {
    throw new UserError(
      `Input "status" is "${status}", which Herald does not know${suggest(status, [...INPUT_STATUSES])} ` +
        `Use one of ${INPUT_STATUSES.join(', ')}, for example "status: \${{ job.status }}".`,
    );
  }
  const timeout = core.getInput('timeout').trim() || '60';
  const timeoutSeconds = Number(timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UserError(`Input "timeout" is "${timeout}"; it must be a number of seconds greater than 0.`);
  }
  const test = booleanInput('test');
  const destinations = core
    .getInput('destinations')
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter(Boolean);
  if (destinations.length > 0 && !test) {
    throw new UserError(
      `Input "destinations" is "${destinations.join(', ')}", but "test" is not true: "destinations" picks the destinations ` +
        'of a test notification. Set "test: true" too, or leave "destinations" empty (the routes in the config choose where other notifications go).',
    );
  }
  const trackJob = booleanInput('track-job');
  if (trackJob && test) {
    throw new UserError('Inputs "track-job" and "test" are both true; a test notification is one message, not a job. Set only one of them.');
  }
  if (trackJob && !status) {
    throw new UserError(
      'Input "track-job" is true but "status" is empty. Pass "status: ${{ job.status }}": the runner evaluates it again for ' +
        "Herald's post step at the end of the job, where it is the job's final status.",
    );
  }
  const updateMessages = parseMessages(core.getInput('update-messages'), 'Input "update-messages"');
  const update = core.getInput('update').trim() === '' ? trackJob || updateMessages.length > 0 : booleanInput('update');
  return {
    configPath: core.getInput('config').trim() || '.github/notifications.yml',
    status: status ? (status as InputStatus) : undefined,
    dryRun: booleanInput('dry-run'),
    failOnError: booleanInput('fail-on-error'),
    timeoutSeconds,
    test,
    destinations,
    githubToken: core.getInput('github-token').trim(),
    trackJob,
    update,
    updateMessages,
  };
}

function booleanInput(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new UserError(`Input "${name}" is "${value}"; it must be true or false.`);
}
