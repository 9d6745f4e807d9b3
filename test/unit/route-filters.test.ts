import { describe, expect, it } from 'vitest';
import { readRunContext, type GitHubContext, type RunContext } from '../../src/context.js';
import type { Outcome } from '../../src/outcome.js';
import { messagesFor } from '../../src/message.js';
import { prepareDeliveries } from '../../src/prepare.js';
import { selectDestinations, type Selected } from '../../src/routing.js';
import { buildInput } from '../fixtures/build-input.js';
import { configProblems as problems, loadConfig as load } from '../fixtures/config.js';
import { githubEvent } from '../fixtures/events.js';

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

/** A run as the runner presents it: GITHUB_* for a job `build` of workflow CI, and a real event payload. */
function runOf(eventName: string, event: Record<string, any>, extra: Partial<GitHubContext> = {}): RunContext {
  const gh: GitHubContext = {
    payload: event,
    eventName,
    sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    ref: 'refs/heads/main',
    workflow: 'CI',
    job: 'build',
    runId: '1234567890',
    runNumber: '42',
    runAttempt: '1',
    actor: 'Codertocat',
    serverUrl: 'https://github.com',
    ...extra,
  };
  return readRunContext(gh, { GITHUB_REPOSITORY: event.repository?.full_name ?? 'Codertocat/Hello-World' });
}

const push = () => runOf('push', githubEvent('push'));
const success = { trigger: 'success', status: 'success' } as const;
const failure = { trigger: 'error', status: 'failure' } as const;

/** Routes `filters` (YAML lines of one route) to `pager`, and what that route makes of `run`: sent, or the reason it was skipped. */
function verdict(filters: string, run: RunContext, eventName = run.eventName, outcome: Outcome = success): Selected {
  const config = load(`destinations:
  pager: {type: webhook, url: "https://example.com"}
notifications:
  - triggers: [success, error]
    to: pager
${filters.replace(/^/gm, '    ')}
`);
  const selected = selectDestinations(config, outcome, run, eventName);
  expect(selected).toHaveLength(1);
  return selected[0]!;
}
const sent = { destination: 'pager', trigger: 'success' };
const skipped = (reason: string) => ({ ...sent, skipped: reason });

describe('the jobs filter', () => {
  it("matches the step's job id (GITHUB_JOB)", () => {
    expect(verdict('jobs: build', push())).toEqual(sent);
    expect(verdict('jobs: [lint, "test-*"]', push())).toEqual(skipped('job "build" not in [lint, test-*]'));
    expect(verdict('jobs: ["!build"]', push())).toEqual(skipped('job "build" excluded by "!build"'));
    expect(verdict('jobs: ["!deploy"]', push())).toEqual(sent);
  });
  it("on workflow_job, matches the event's job name", () => {
    const event = githubEvent('workflow_job', (e) => e.action === 'completed' && e.workflow_job.name === 'linters');
    expect(verdict('jobs: lint*', runOf('workflow_job', event))).toEqual(sent);
    expect(verdict('jobs: build', runOf('workflow_job', event))).toEqual(skipped('job "linters" not in [build]'));
  });
  it('on workflow_run there is no job: only a list of ! patterns matches', () => {
    const run = runOf('workflow_run', githubEvent('workflow_run', (e) => e.action === 'completed'));
    expect(verdict('jobs: "*"', run, 'workflow_run')).toEqual(skipped('no job to match [*]'));
    expect(verdict('jobs: ["!build"]', run, 'workflow_run')).toEqual(sent);
  });
});

describe('the environments filter', () => {
  const deployment = (environment: string) => {
    const event = githubEvent('deployment_status', (e) => e.deployment_status.state === 'success');
    event.deployment.environment = environment;
    event.deployment_status.environment = environment;
    return runOf('deployment_status', event);
  };
  it("matches a deployment's environment", () => {
    expect(verdict('environments: production', deployment('production'))).toEqual(sent);
    expect(verdict('environments: ["prod*", "!production-eu"]', deployment('production-eu'))).toEqual(
      skipped('environment "production-eu" excluded by "!production-eu"'),
    );
    expect(verdict('environments: [staging, "review/*"]', deployment('production'))).toEqual(skipped('environment "production" not in [staging, review/*]'));
  });
  it('never matches a run without an environment, except a list of only ! patterns (as branches)', () => {
    expect(verdict('environments: "*"', push())).toEqual(skipped('no environment to match [*]'));
    expect(verdict('environments: production', push())).toEqual(skipped('no environment to match [production]'));
    expect(verdict('environments: ["!production"]', push())).toEqual(sent);
    expect(verdict('environments: ["!production"]', deployment('production'))).toEqual(skipped('environment "production" excluded by "!production"'));
  });
});

describe('the repositories filter', () => {
  it('matches owner/name', () => {
    expect(verdict('repositories: Codertocat/Hello-World', push())).toEqual(sent);
    expect(verdict('repositories: "Codertocat/*"', push())).toEqual(sent);
    expect(verdict('repositories: ["octo-org/*"]', push())).toEqual(skipped('repository "Codertocat/Hello-World" not in [octo-org/*]'));
    expect(verdict('repositories: ["!Codertocat/Hello-*"]', push())).toEqual(skipped('repository "Codertocat/Hello-World" excluded by "!Codertocat/Hello-*"'));
  });
});

describe('the actors filter', () => {
  const renovate = () => runOf('workflow_job', githubEvent('workflow_job', (e) => e.sender.login === 'renovate[bot]'));
  it('matches the login of who started the run', () => {
    expect(verdict('actors: Codertocat', push())).toEqual(sent);
    expect(verdict('actors: [octocat, monalisa]', push())).toEqual(skipped('actor "Codertocat" not in [octocat, monalisa]'));
  });
  it('a bot\'s login matches as written, though [bot] alone would be a glob of one letter', () => {
    expect(verdict('actors: ["!renovate[bot]", "!dependabot[bot]"]', renovate())).toEqual(skipped('actor "renovate[bot]" excluded by "!renovate[bot]"'));
    expect(verdict('actors: ["!renovate[bot]", "!dependabot[bot]"]', push())).toEqual(sent);
    expect(verdict(String.raw`actors: ['!*\[bot\]']`, renovate())).toEqual(skipped(String.raw`actor "renovate[bot]" excluded by "!*\[bot\]"`));
    expect(verdict(String.raw`actors: ['!*\[bot\]']`, push())).toEqual(sent);
  });
  it('on workflow_run, the triggering actor', () => {
    const event = githubEvent('workflow_run', (e) => e.workflow_run.triggering_actor);
    event.workflow_run.triggering_actor.login = 'release-bot';
    expect(verdict('actors: release-bot', runOf('workflow_run', event), 'workflow_run')).toEqual(sent);
  });
});

describe('the if template', () => {
  it('sends when it renders true: trimmed, in any case', () => {
    expect(verdict('if: "<<#tag>>true<</tag>>"', runOf('push', githubEvent('push'), { ref: 'refs/tags/v1.2.0' }))).toEqual(sent);
    expect(verdict('if: "  <<^prNumber>>TRUE<</prNumber>>\\n "', push())).toEqual(sent);
    expect(verdict('if: "True"', push())).toEqual(sent);
  });
  it('sees the failed jobs: a route can send only when a job failed (not when the list is empty)', () => {
    const route = 'if: "<<#failedJobs.length>>true<</failedJobs.length>>"';
    const withJobs = { ...push(), failedJobs: [{ name: 'test', url: '', conclusion: 'failure', failedSteps: ['Run npm test'] }] };
    expect(verdict(route, withJobs, 'push', failure)).toEqual({ ...sent, trigger: 'error' });
    expect(verdict(route, push(), 'push', failure)).toEqual({ ...skipped('if rendered ""'), trigger: 'error' });
  });
  it('skips, saying what it rendered, when it renders anything else', () => {
    expect(verdict('if: "<<#prNumber>>true<</prNumber>>"', push())).toEqual(skipped('if rendered ""'));
    expect(verdict('if: "<<#tag>>true<</tag>><<^tag>>false<</tag>>"', push())).toEqual(skipped('if rendered "false"'));
    expect(verdict('if: "<<status>> on <<branch>>"', push(), 'push', failure)).toEqual({ ...skipped('if rendered "failure on main"'), trigger: 'error' });
    expect(verdict('if: "true <<branch>>"', push())).toEqual(skipped('if rendered "true main"'));
  });
  it('sees the variables every destination sees (not destination), and warns on an unknown one', () => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const run = runOf('pull_request', event);
    expect(verdict('if: "<<#event.pull_request.draft>>false<</event.pull_request.draft>><<^event.pull_request.draft>>true<</event.pull_request.draft>>"', run)).toEqual(sent);
    expect(verdict('if: "<<#prNumbr>>true<</prNumbr>>"', run)).toEqual({
      ...skipped('if rendered ""'),
      warnings: ['Template Warning in notifications[0].if: unknown variable "prNumbr" (it renders as nothing, or null under json.); see the README for the variables'],
    });
    expect(verdict('if: "<<destination>>true"', push())).toEqual({
      ...sent,
      warnings: ['Template Warning in notifications[0].if: unknown variable "destination" (it renders as nothing, or null under json.); see the README for the variables'],
    });
  });
  it('is checked after the glob filters: the first that leaves the run out gives the reason', () => {
    expect(verdict('branches: develop\nif: "false <<branch>>"', push())).toEqual(skipped('branch "main" not in [develop]'));
  });

  it('is checked when the config is loaded: a section never closed is a config error at its line', () => {
    expect(problems(withRoute('    if: "<<#prNumber>>true"\n'))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:6:9: notifications[0].if: template does not parse: the section "prNumber" is never closed: end it with <</prNumber>>',
    );
  });
  it('without << >> tags it could never change, so it is a config error (a {{ }} or ${{ }} expression among them)', () => {
    expect(problems(withRoute("    if: \"{{ eq .branch 'main' }}\"\n"))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        `.github/notifications.yml:6:9: notifications[0].if: "{{ eq .branch 'main' }}" has no << >> tags, so it always renders as written and the route never sends. ` +
        'Write a template that renders true, with Herald\'s tags: "<<#prNumber>>true<</prNumber>>".',
    );
    expect(problems(withRoute('    if: ""\n'))).toContain('notifications[0].if: is empty: write a template that renders true, or leave "if" out');
  });
});

describe('the new glob filters in the config file', () => {
  it.each(['jobs', 'environments', 'repositories', 'actors'])('%s takes one pattern or a list', (key) => {
    expect(load(withRoute(`    ${key}: "a*"\n`)).notifications![0]![key as 'jobs']).toEqual(['a*']);
    expect(load(withRoute(`    ${key}: [a, "!b"]\n`)).notifications![0]![key as 'jobs']).toEqual(['a', '!b']);
  });
  it.each(['jobs', 'environments', 'repositories', 'actors'])('%s: an unclosed [ or one string holding commas is a config error at its line', (key) => {
    expect(problems(withRoute(`    ${key}: ["a[0-9"]\n`))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        `.github/notifications.yml:6:${key.length + 8}: notifications[0].${key}[0]: "a[0-9" is not a valid pattern: the "[" is never closed with "]"; close it, or write \\[ for a literal [.`,
    );
    expect(problems(withRoute(`    ${key}: "a, b"\n`))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        `.github/notifications.yml:6:${key.length + 7}: notifications[0].${key}: "a, b" is one pattern holding a comma; write a list: [a, b]`,
    );
  });
});

describe('destinations a filter left out', () => {
  const config = load(`destinations:
  ops: {type: webhook, url: "https://example.com/ops"}
  team: {type: webhook, url: "https://example.com/team"}
  releases: {type: webhook, url: "https://example.com/releases"}
  audit: {type: webhook, url: "https://example.com/audit"}
notifications:
  - triggers: [success]
    to: [releases, ops]
    branches: "release/*"
  - triggers: [success, error]
    to: [team, ops]
    workflows: [Deploy*, CD]
  - triggers: [error]
    to: audit
    branches: ["!main"]
`);
  const pick = (outcome: Outcome) => selectDestinations(config, outcome, push(), 'push');

  it('are skipped with the reason of each route that names them, in config order', () => {
    expect(pick(success)).toEqual([
      { destination: 'releases', trigger: 'success', skipped: 'branch "main" not in [release/*]' },
      { destination: 'ops', trigger: 'success', skipped: 'branch "main" not in [release/*]; workflow "CI" not in [Deploy*, CD]' },
      { destination: 'team', trigger: 'success', skipped: 'workflow "CI" not in [Deploy*, CD]' },
    ]);
  });
  it('only when a route for this trigger names them: a success route makes no skipped records on an error run', () => {
    expect(pick(failure)).toEqual([
      { destination: 'team', trigger: 'error', skipped: 'workflow "CI" not in [Deploy*, CD]' },
      { destination: 'ops', trigger: 'error', skipped: 'workflow "CI" not in [Deploy*, CD]' },
      { destination: 'audit', trigger: 'error', skipped: 'branch "main" excluded by "!main"' },
    ]);
  });
  it('are sent when another route that names them matches', () => {
    const run = runOf('push', githubEvent('push'), { workflow: 'Deploy prod' });
    expect(selectDestinations(config, success, run, 'push')).toEqual([
      { destination: 'releases', trigger: 'success', skipped: 'branch "main" not in [release/*]' },
      { destination: 'ops', trigger: 'success' },
      { destination: 'team', trigger: 'success' },
    ]);
  });
  it('become skipped deliveries with that reason; a disabled destination says it is disabled', () => {
    const { vars } = buildInput('success');
    const withDisabled = { ...config, destinations: { ...config.destinations, team: { ...config.destinations.team!, enabled: false } } };
    const deliveries = prepareDeliveries(withDisabled, pick(success), vars, messagesFor(vars, success));
    expect(deliveries.map((delivery) => [delivery.destination, delivery.state === 'skipped' && delivery.reason])).toEqual([
      ['releases', 'branch "main" not in [release/*]'],
      ['ops', 'branch "main" not in [release/*]; workflow "CI" not in [Deploy*, CD]'],
      ['team', 'destination is disabled (enabled: false)'],
    ]);
  });
});
