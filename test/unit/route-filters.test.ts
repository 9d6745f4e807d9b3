import { describe, expect, it } from 'vitest';
import { configProblems as problems, loadConfig as load } from '../fixtures/config.js';

const withRoute = (route: string) => `destinations:
  pager: {type: webhook, url: "https://example.com"}
notifications:
  - triggers: error
    to: pager
${route}`;

describe('the statuses filter in the config file', () => {
  it('takes a status or a list, with ! to leave one out; case and spaces do not matter', () => {
    expect(load(withRoute('    statuses: ["!cancelled"]\n')).notifications![0]!.statuses).toEqual(['!cancelled']);
    expect(load(withRoute('    statuses: " Timed_Out "\n')).notifications![0]!.statuses).toEqual(['timed_out']);
    expect(load(withRoute('    statuses: [failure, timed_out, startup_failure]\n')).notifications![0]!.statuses).toEqual(['failure', 'timed_out', 'startup_failure']);
  });

  it('names a misspelt status with its line and a did-you-mean, keeping the !', () => {
    expect(problems(withRoute('    statuses: ["!canceled", failur]\n'))).toBe(
      'Config file .github/notifications.yml has 2 problems:\n' +
        '.github/notifications.yml:6:16: notifications[0].statuses[0]: "!canceled" is not a status. Did you mean "!cancelled"? ' +
        'Use one of: success, failure, cancelled, timed_out, skipped, neutral, startup_failure, action_required, stale, started, waiting; "!cancelled" leaves one out.\n' +
        '.github/notifications.yml:6:29: notifications[0].statuses[1]: "failur" is not a status. Did you mean "failure"? ' +
        'Use one of: success, failure, cancelled, timed_out, skipped, neutral, startup_failure, action_required, stale, started, waiting; "!cancelled" leaves one out.',
    );
  });
});
