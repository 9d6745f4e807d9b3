import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readInputs } from '../../src/inputs.js';

/** The runner passes `with:` values as INPUT_<NAME> (upper case, spaces as _; dashes stay). */
const INPUTS = ['INPUT_CONFIG', 'INPUT_STATUS', 'INPUT_DRY-RUN', 'INPUT_FAIL-ON-ERROR', 'INPUT_TIMEOUT', 'INPUT_TEST', 'INPUT_DESTINATIONS', 'INPUT_GITHUB-TOKEN'];
beforeEach(() => {
  for (const name of INPUTS) vi.stubEnv(name, undefined);
});
afterEach(() => {
  vi.unstubAllEnvs();
});
const withInputs = (inputs: Record<string, string>) => {
  for (const [name, value] of Object.entries(inputs)) vi.stubEnv(`INPUT_${name.toUpperCase()}`, value);
};
const errorOf = (inputs: Record<string, string>): string => {
  withInputs(inputs);
  try {
    readInputs();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('the inputs were accepted');
};

describe('readInputs', () => {
  it('has a default for every input', () => {
    expect(readInputs()).toEqual({ configPath: '.github/notifications.yml', status: undefined, dryRun: false, failOnError: false, timeoutSeconds: 60, test: false, destinations: [], githubToken: '' });
  });

  it('reads every input, trimmed; status and booleans in any case', () => {
    withInputs({ config: ' ci/notify.yaml ', status: ' Success ', 'dry-run': 'TRUE', 'fail-on-error': 'True', timeout: ' 2.5 ', 'github-token': ' ghs_abc\n' });
    expect(readInputs()).toEqual({ configPath: 'ci/notify.yaml', status: 'success', dryRun: true, failOnError: true, timeoutSeconds: 2.5, test: false, destinations: [], githubToken: 'ghs_abc' });
  });

  it('takes every status word of job.status, needs.<job>.result and steps.<step>.outcome', () => {
    const statuses = ['started', 'success', 'failure', 'cancelled', 'skipped', 'waiting'].map((status) => {
      withInputs({ status });
      return readInputs().status;
    });
    expect(statuses).toEqual(['started', 'success', 'failure', 'cancelled', 'skipped', 'waiting']);
  });

  it('treats empty values as not given', () => {
    withInputs({ config: '', status: '  ', 'dry-run': '', 'fail-on-error': '', timeout: '' });
    expect(readInputs()).toEqual({ configPath: '.github/notifications.yml', status: undefined, dryRun: false, failOnError: false, timeoutSeconds: 60, test: false, destinations: [], githubToken: '' });
  });

  it('says which status was meant for a misspelt one', () => {
    expect(errorOf({ status: 'sucess' })).toBe(
      'UserError: Input "status" is "sucess", which Herald does not know. Did you mean "success"? ' +
        'Use one of started, success, failure, cancelled, skipped, waiting, for example "status: ${{ job.status }}".',
    );
  });

  it('refuses a timeout that is not a number of seconds greater than 0', () => {
    expect(errorOf({ timeout: '30s' })).toBe('UserError: Input "timeout" is "30s"; it must be a number of seconds greater than 0.');
    vi.unstubAllEnvs();
    expect(errorOf({ timeout: '0' })).toBe('UserError: Input "timeout" is "0"; it must be a number of seconds greater than 0.');
  });

  it('refuses a boolean that is not true or false, naming the input', () => {
    expect(errorOf({ 'dry-run': 'yes' })).toBe('UserError: Input "dry-run" is "yes"; it must be true or false.');
    vi.unstubAllEnvs();
    expect(errorOf({ 'fail-on-error': '1' })).toBe('UserError: Input "fail-on-error" is "1"; it must be true or false.');
  });

  it('test: destinations by name, separated by commas or newlines (a workflow_dispatch choice or a | block)', () => {
    withInputs({ test: 'True', destinations: ' team-chat, ops\n\nmail ,\n' });
    expect(readInputs()).toMatchObject({ test: true, destinations: ['team-chat', 'ops', 'mail'] });
  });

  it('refuses destinations without test: true, which they only apply to', () => {
    expect(errorOf({ destinations: 'ops' })).toBe(
      'UserError: Input "destinations" is "ops", but "test" is not true: "destinations" picks the destinations of a test notification. ' +
        'Set "test: true" too, or leave "destinations" empty (the routes in the config choose where other notifications go).',
    );
  });
});
