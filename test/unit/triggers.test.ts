import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { matchesAny, selectDestinations, selectTestDestinations } from '../../src/routing.js';
import { pickOutcome } from '../../src/triggers.js';
import type { Config } from '../../src/config/schema.js';
import { readRunContext, type RunContext } from '../../src/context.js';

describe('status input', () => {
  it.each([
    ['started', 'started'],
    ['success', 'success'],
    ['failure', 'error'],
    ['cancelled', 'error'],
  ] as const)('%s -> %s', (status, trigger) => {
    expect(pickOutcome(status, 'push', {})).toEqual({ trigger, status });
  });

  it('skipped (needs.<job>.result, steps.<step>.outcome) maps to no trigger, with the reason', () => {
    expect(pickOutcome('skipped', 'push', {})).toEqual({ trigger: null, status: 'skipped', reason: 'status "skipped": the job or step did not run' });
  });

  it('wins over the event', () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    expect(pickOutcome('failure', 'workflow_run', event)).toEqual({ trigger: 'error', status: 'failure' });
  });
});

describe('status from the event', () => {
  it('workflow_run requested -> started', () => {
    expect(pickOutcome(undefined, 'workflow_run', githubEvent('workflow_run', (e) => e.action === 'requested'))).toEqual({ trigger: 'started', status: 'started' });
  });
  it('workflow_run completed: success and neutral -> success, failures and cancelled -> error, each with its word', () => {
    const success = githubEvent('workflow_run', (e) => e.workflow_run.conclusion === 'success');
    const concluded = (conclusion: unknown) => ({ ...success, workflow_run: { ...success.workflow_run, conclusion } });
    expect(pickOutcome(undefined, 'workflow_run', success)).toEqual({ trigger: 'success', status: 'success' });
    expect(pickOutcome(undefined, 'workflow_run', concluded('neutral'))).toEqual({ trigger: 'success', status: 'neutral' });
    for (const conclusion of ['failure', 'cancelled', 'timed_out', 'startup_failure', 'stale']) {
      expect(pickOutcome(undefined, 'workflow_run', concluded(conclusion))).toEqual({ trigger: 'error', status: conclusion });
    }
    expect(pickOutcome(undefined, 'workflow_run', concluded('skipped'))).toEqual({ trigger: null, status: 'skipped', reason: 'the run of "test" was skipped' });
  });
  it('workflow_run waiting for approval (requested, completed, action_required) is not started: no trigger, and why', () => {
    const event = githubEvent('workflow_run', (e) => e.workflow_run.conclusion === 'action_required');
    expect(event.action).toBe('requested');
    expect(pickOutcome(undefined, 'workflow_run', event)).toEqual({
      trigger: null,
      status: 'action_required',
      reason: 'the run of "test" is waiting for approval (action_required); nothing is sent until it runs',
    });
  });
  it('workflow_run completed without a conclusion: no trigger, and why', () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === null);
    expect(pickOutcome(undefined, 'workflow_run', event)).toEqual({ trigger: null, status: '', reason: 'the run of "Manually triggered workflow" is completed but has no conclusion' });
  });
  it('workflow_job queued / in_progress -> started; completed by conclusion', () => {
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'queued'))?.trigger).toBe('started');
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'in_progress'))?.trigger).toBe('started');
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.workflow_job.conclusion === 'failure'))).toEqual({ trigger: 'error', status: 'failure' });
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.workflow_job.conclusion === 'success'))).toEqual({ trigger: 'success', status: 'success' });
  });
  it('status input waiting -> approval (a later job waits for reviewers)', () => {
    expect(pickOutcome('waiting', 'push', githubEvent('push'))).toEqual({ trigger: 'approval', status: 'waiting' });
  });
  it('workflow_job waiting for reviewers (action waiting, or queued with status waiting) -> approval', () => {
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'waiting'))).toEqual({ trigger: 'approval', status: 'waiting' });
    const queued = githubEvent('workflow_job', (e) => e.action === 'queued' && e.workflow_job.status === 'waiting');
    expect(queued.deployment.environment).toBe('Test');
    expect(pickOutcome(undefined, 'workflow_job', queued)).toEqual({ trigger: 'approval', status: 'waiting' });
  });
  it('workflow_job completed: timed_out is an error worded as such; skipped sends nothing', () => {
    const failed = githubEvent('workflow_job', (e) => e.workflow_job.conclusion === 'failure');
    const concluded = (conclusion: string) => ({ ...failed, workflow_job: { ...failed.workflow_job, conclusion } });
    expect(pickOutcome(undefined, 'workflow_job', concluded('timed_out'))).toEqual({ trigger: 'error', status: 'timed_out' });
    expect(pickOutcome(undefined, 'workflow_job', concluded('skipped'))).toEqual({ trigger: null, status: 'skipped', reason: 'the job "linters" was skipped' });
  });
  it('deployment_status by state', () => {
    const event = githubEvent('deployment_status', (e) => e.deployment_status.state === 'success');
    const withState = (state: string) => ({ ...event, deployment_status: { ...event.deployment_status, state } });
    expect(pickOutcome(undefined, 'deployment_status', event)).toEqual({ trigger: 'success', status: 'success' });
    for (const state of ['in_progress', 'queued', 'pending']) expect(pickOutcome(undefined, 'deployment_status', withState(state))?.trigger).toBe('started');
    for (const state of ['failure', 'error']) expect(pickOutcome(undefined, 'deployment_status', withState(state))).toEqual({ trigger: 'error', status: state });
    expect(pickOutcome(undefined, 'deployment_status', withState('inactive'))).toEqual({ trigger: null, status: 'inactive', reason: 'deployment status "inactive" is not a notification trigger' });
  });
  it('a push carries no status: the error says how to pass one', () => {
    expect(() => pickOutcome(undefined, 'push', githubEvent('push'))).toThrow(/status: \$\{\{ job\.status \}\}/);
  });
});

describe('routing', () => {
  const config = {
    file: 'x',
    secrets: [],
    destinations: { ops: {}, team: {}, releases: {} },
    notifications: [
      { triggers: ['error'], to: ['ops'] },
      { triggers: ['success', 'error'], to: ['team', 'ops'], branches: ['main'] },
      { triggers: ['success'], to: ['releases'], branches: ['release/**', '!release/old-*'], workflows: ['Deploy*'] },
    ],
  } as unknown as Config;
  const run = (branch: string, workflow = 'CI') => ({ branch, tag: '', workflow, eventName: 'push' }) as RunContext;
  const success = { trigger: 'success', status: 'success' } as const;
  const failure = { trigger: 'error', status: 'failure' } as const;

  it('sends each destination once, in route order', () => {
    expect(selectDestinations(config, failure, run('main'), 'push').filter((s) => !s.skipped).map((s) => s.destination)).toEqual(['ops', 'team']);
  });
  it('applies branch and workflow globs, with ! to exclude', () => {
    expect(selectDestinations(config, success, run('feature/x'), 'push').filter((s) => !s.skipped).map((s) => s.destination)).toEqual([]);
    expect(selectDestinations(config, success, run('release/2.0', 'Deploy prod'), 'push').filter((s) => !s.skipped).map((s) => s.destination)).toEqual(['releases']);
    expect(selectDestinations(config, success, run('release/old-1', 'Deploy prod'), 'push').filter((s) => !s.skipped).map((s) => s.destination)).toEqual([]);
    expect(selectDestinations(config, success, run('release/2.0', 'CI'), 'push').filter((s) => !s.skipped).map((s) => s.destination)).toEqual([]);
  });
  it('without notifications, every destination gets every trigger', () => {
    const open = { ...config, notifications: undefined } as Config;
    expect(selectDestinations(open, { trigger: 'started', status: 'started' }, run('x'), 'push').filter((s) => !s.skipped).map((s) => s.destination)).toEqual(['ops', 'team', 'releases']);
  });
  it('statuses: "!cancelled" keeps cancellations away from a route that gets every other error', () => {
    const pager = { ...config, notifications: [{ triggers: ['error'], to: ['ops'], statuses: ['!cancelled'] }, { triggers: ['error'], to: ['team'] }] } as Config;
    const picked = (status: string) => selectDestinations(pager, { trigger: 'error', status }, run('main'), 'push').filter((s) => !s.skipped).map((s) => s.destination);
    expect(picked('cancelled')).toEqual(['team']);
    expect(picked('failure')).toEqual(['ops', 'team']);
    expect(picked('timed_out')).toEqual(['ops', 'team']);
  });
  it('statuses: a positive list takes only those; a deployment\'s error state counts as failure', () => {
    const strict = { ...config, notifications: [{ triggers: ['error'], to: ['ops'], statuses: ['failure', 'timed_out'] }] } as Config;
    const picked = (status: string) => selectDestinations(strict, { trigger: 'error', status }, run('main'), 'push').filter((s) => !s.skipped).map((s) => s.destination);
    expect(picked('failure')).toEqual(['ops']);
    expect(picked('timed_out')).toEqual(['ops']);
    expect(picked('error')).toEqual(['ops']);
    expect(picked('cancelled')).toEqual([]);
    expect(picked('startup_failure')).toEqual([]);
  });
  it('filters like GitHub: * stays within a path segment, ** crosses them', () => {
    expect(matchesAny(['release/*'], 'release/1.0')).toBe(true);
    expect(matchesAny(['release/*'], 'release/1.0/hotfix')).toBe(false);
    expect(matchesAny(['release/**'], 'release/1.0/hotfix')).toBe(true);
    expect(matchesAny(['!main'], 'dev')).toBe(true);
    expect(matchesAny(['!main'], 'main')).toBe(false);
  });

  describe('branches as GitHub routes them', () => {
    const routes = {
      file: 'x',
      secrets: [],
      destinations: { into: {}, from: {} },
      notifications: [
        { triggers: ['success'], to: ['into'], branches: ['develop'] },
        { triggers: ['success'], to: ['from'], head_branches: ['main'] },
      ],
    } as unknown as Config;
    const context = (eventName: string, payload: Record<string, any>, env: Record<string, string> = {}, ref = 'refs/heads/main') =>
      readRunContext({ payload, eventName, sha: 'abc', ref, workflow: 'CI', job: 'build', runId: '1', runNumber: '1', runAttempt: '1', actor: 'a', serverUrl: 'https://github.com' }, env);
    const picked = (eventName: string, run: RunContext) => selectDestinations(routes, success, run, eventName).filter((s) => !s.skipped).map((s) => s.destination);

    it.each(['pull_request', 'pull_request_target'])('%s: branches match the base branch, head_branches the head branch (a fork\'s main into develop)', (eventName) => {
      const event = githubEvent('pull_request', (e) => e.action === 'opened');
      event.pull_request.base.ref = 'develop';
      event.pull_request.head.ref = 'main';
      event.pull_request.head.repo.full_name = 'fork-owner/Hello-World';
      const run = context(eventName, event, { GITHUB_HEAD_REF: 'main', GITHUB_BASE_REF: 'develop' }, 'refs/pull/2/merge');
      expect([run.baseBranch, run.headBranch]).toEqual(['develop', 'main']);
      expect(picked(eventName, run)).toEqual(['into', 'from']);
      event.pull_request.base.ref = 'main';
      event.pull_request.head.ref = 'develop';
      expect(picked(eventName, context(eventName, event, {}, 'refs/pull/2/merge'))).toEqual([]);
    });
    it('push: both match the pushed branch', () => {
      expect(picked('push', context('push', githubEvent('push'), {}, 'refs/heads/main'))).toEqual(['from']);
      expect(picked('push', context('push', githubEvent('push'), {}, 'refs/heads/develop'))).toEqual(['into']);
    });
    it('workflow_run: both match the run\'s head branch, even when it ran for a pull request', () => {
      const event = githubEvent('workflow_run', (e) => e.workflow_run.pull_requests?.length > 0);
      event.workflow_run.head_branch = 'develop';
      const run = context('workflow_run', event);
      expect([run.branch, run.baseBranch, run.headBranch]).toEqual(['develop', event.workflow_run.pull_requests[0].base.ref, 'develop']);
      expect(picked('workflow_run', run)).toEqual(['into']);
    });
  });
});

describe('test notifications', () => {
  const config = {
    file: '.github/notifications.yml',
    secrets: [],
    destinations: { 'team-chat': { enabled: true }, ops: { enabled: true }, archive: { enabled: false } },
    notifications: [{ triggers: ['error'], to: ['ops'], branches: ['never'] }],
  } as unknown as Config;

  it('go to every destination, whatever the routes say (disabled ones are skipped when prepared)', () => {
    expect(selectTestDestinations(config, [])).toEqual([
      { destination: 'team-chat', trigger: 'test' },
      { destination: 'ops', trigger: 'test' },
      { destination: 'archive', trigger: 'test' },
    ]);
  });

  it('go to the destinations named, each once; a named one is sent even when disabled', () => {
    expect(selectTestDestinations(config, ['archive', 'ops', 'archive'])).toEqual([
      { destination: 'archive', trigger: 'test', named: true },
      { destination: 'ops', trigger: 'test', named: true },
    ]);
  });

  it('an unknown name is an error with a did-you-mean and the names there are', () => {
    expect(() => selectTestDestinations(config, ['ops', 'team_chat'])).toThrow(
      'Input "destinations" names "team_chat", which is no destination in .github/notifications.yml. Did you mean "team-chat"? ' +
        'Destinations in this file: team-chat, ops, archive.',
    );
  });

  it('a config without destinations has nothing to test, and says so', () => {
    expect(() => selectTestDestinations({ ...config, destinations: {} }, [])).toThrow(
      '.github/notifications.yml has no destinations to send a test notification to.',
    );
  });
});
