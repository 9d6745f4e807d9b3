import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { parseConfigSource } from '../../src/config/source.js';
import { configProblems as problems, loadConfig as load } from '../fixtures/config.js';

// What a reusable workflow called with `secrets: inherit` hands Herald: HERALD_SECRETS: ${{ toJSON(secrets) }}.
const passed = (secrets: Record<string, string>) => JSON.stringify({ github_token: 'ghs_0123456789abcdef', ...secrets });
const hook = (url: string) => `destinations:\n  hooks:\n    type: webhook\n    url: ${url}\n`;

describe('${NAME} from the secrets in HERALD_SECRETS', () => {
  it('fills a ${NAME} that no environment variable sets, and masks it whatever its name', () => {
    const config = load(hook('${ALERTS_URL}'), { HERALD_SECRETS: passed({ ALERTS_URL: 'https://alerts.example.com/in/3f9a' }) });
    expect(config.destinations.hooks!.url).toBe('https://alerts.example.com/in/3f9a');
    expect(config.secrets).toContain('https://alerts.example.com/in/3f9a');
  });

  it('a variable set in the environment wins over a secret of the same name, and is masked only by its name', () => {
    const config = load(hook('${ALERTS_URL}'), {
      ALERTS_URL: 'https://env.example.com/hook',
      HERALD_SECRETS: passed({ ALERTS_URL: 'https://secret.example.com/hook' }),
    });
    expect(config.destinations.hooks!.url).toBe('https://env.example.com/hook');
    expect(config.secrets).toEqual([]);
  });

  it('matches names ignoring case, as GitHub does for secret names', () => {
    const config = load(hook('https://example.com/ci?token=${github_token}&x=${Alerts_Path}'), { HERALD_SECRETS: passed({ ALERTS_PATH: 'p4th' }) });
    expect(config.destinations.hooks!.url).toBe('https://example.com/ci?token=ghs_0123456789abcdef&x=p4th');
    expect(config.secrets).toEqual(expect.arrayContaining(['ghs_0123456789abcdef', 'p4th']));
  });

  it('a number field filled from a secret is the number, and not masked (a setting, as with environment variables)', () => {
    const config = load(hook('https://example.com') + '    retries: ${RETRIES}\n', { HERALD_SECRETS: passed({ RETRIES: '5' }) });
    expect(config.destinations.hooks!.retries).toBe(5);
    expect(config.secrets).toEqual([]);
  });

  it('a name in neither place lists the secrets that were passed', () => {
    expect(problems(hook('${SLACK_WEBHOOK_URL}'), { HERALD_SECRETS: passed({ OPS_TOKEN: 'abcd1234' }) })).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:10: destinations.hooks.url: environment variable SLACK_WEBHOOK_URL is not set, and HERALD_SECRETS has no ' +
        'secret named SLACK_WEBHOOK_URL (it has OPS_TOKEN, github_token). Check that the secret exists, and call the workflow with "secrets: inherit".',
    );
  });

  it('HERALD_SECRETS that is not a JSON object says how to set it, where a ${NAME} needs it', () => {
    expect(problems(hook('${HOOK_URL}'), { HERALD_SECRETS: 'SLACK=1' })).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:10: destinations.hooks.url: environment variable HOOK_URL is not set, and HERALD_SECRETS is not JSON; set it to ${{ toJSON(secrets) }}.',
    );
    expect(problems(hook('${HOOK_URL}'), { HERALD_SECRETS: '["a"]' })).toContain(
      'environment variable HOOK_URL is not set, and HERALD_SECRETS is not a JSON object of secrets by name; set it to ${{ toJSON(secrets) }}.',
    );
    expect(load(hook('https://example.com'), { HERALD_SECRETS: 'not json' }).destinations.hooks!.url).toBe('https://example.com');
  });

  it('on a fork pull request the missing secret gets the reason GitHub withheld it, and the advice', () => {
    const withheld = { reason: 'GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from octo-fork/app)', advice: 'Notify from workflow_run.' };
    let message = '';
    try {
      validateConfig(parseConfigSource('.github/notifications.yml', hook('${HOOK_URL}')), { HERALD_SECRETS: passed({}) }, withheld);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:10: destinations.hooks.url: environment variable HOOK_URL is not set and is not among the secrets in HERALD_SECRETS: ' +
        'GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from octo-fork/app).\n' +
        'Notify from workflow_run.',
    );
  });
});
