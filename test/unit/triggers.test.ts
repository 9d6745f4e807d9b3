import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { matchesAny, pickOutcome, selectDestinations } from '../../src/triggers.js';
import type { Config } from '../../src/config/schema.js';
import type { RunContext } from '../../src/context.js';

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
  it('workflow_job waiting maps to no trigger', () => {
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'waiting'))).toEqual({
      trigger: null,
      status: 'waiting',
      reason: 'a "workflow_job" event with action "waiting" is not a notification trigger',
    });
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
    expect(selectDestinations(config, failure, run('main')).map((s) => s.destination)).toEqual(['ops', 'team']);
  });
  it('applies branch and workflow globs, with ! to exclude', () => {
    expect(selectDestinations(config, success, run('feature/x')).map((s) => s.destination)).toEqual([]);
    expect(selectDestinations(config, success, run('release/2.0', 'Deploy prod')).map((s) => s.destination)).toEqual(['releases']);
    expect(selectDestinations(config, success, run('release/old-1', 'Deploy prod')).map((s) => s.destination)).toEqual([]);
    expect(selectDestinations(config, success, run('release/2.0', 'CI')).map((s) => s.destination)).toEqual([]);
  });
  it('without notifications, every destination gets every trigger', () => {
    const open = { ...config, notifications: undefined } as Config;
    expect(selectDestinations(open, { trigger: 'started', status: 'started' }, run('x')).map((s) => s.destination)).toEqual(['ops', 'team', 'releases']);
  });
  it('statuses: "!cancelled" keeps cancellations away from a route that gets every other error', () => {
    const pager = { ...config, notifications: [{ triggers: ['error'], to: ['ops'], statuses: ['!cancelled'] }, { triggers: ['error'], to: ['team'] }] } as Config;
    const picked = (status: string) => selectDestinations(pager, { trigger: 'error', status }, run('main')).map((s) => s.destination);
    expect(picked('cancelled')).toEqual(['team']);
    expect(picked('failure')).toEqual(['ops', 'team']);
    expect(picked('timed_out')).toEqual(['ops', 'team']);
  });
  it('statuses: a positive list takes only those; a deployment\'s error state counts as failure', () => {
    const strict = { ...config, notifications: [{ triggers: ['error'], to: ['ops'], statuses: ['failure', 'timed_out'] }] } as Config;
    const picked = (status: string) => selectDestinations(strict, { trigger: 'error', status }, run('main')).map((s) => s.destination);
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
});
