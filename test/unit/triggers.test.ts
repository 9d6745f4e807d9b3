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

  it('wins over the event', () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    expect(pickOutcome('failure', 'workflow_run', event)).toEqual({ trigger: 'error', status: 'failure' });
  });
});

describe('status from the event', () => {
  it('workflow_run requested -> started', () => {
    expect(pickOutcome(undefined, 'workflow_run', githubEvent('workflow_run', (e) => e.action === 'requested'))).toEqual({ trigger: 'started', status: 'started' });
  });
  it('workflow_run completed: success -> success, anything else -> error with the conclusion', () => {
    const success = githubEvent('workflow_run', (e) => e.workflow_run.conclusion === 'success');
    expect(pickOutcome(undefined, 'workflow_run', success)).toEqual({ trigger: 'success', status: 'success' });
    for (const conclusion of ['failure', 'cancelled', 'timed_out', 'startup_failure', 'action_required']) {
      const event = { ...success, workflow_run: { ...success.workflow_run, conclusion } };
      expect(pickOutcome(undefined, 'workflow_run', event)).toEqual({ trigger: 'error', status: conclusion });
    }
  });
  it('workflow_job queued / in_progress -> started; completed by conclusion', () => {
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'queued'))?.trigger).toBe('started');
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'in_progress'))?.trigger).toBe('started');
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.workflow_job.conclusion === 'failure'))).toEqual({ trigger: 'error', status: 'failure' });
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.workflow_job.conclusion === 'success'))).toEqual({ trigger: 'success', status: 'success' });
  });
  it('workflow_job waiting maps to no trigger', () => {
    expect(pickOutcome(undefined, 'workflow_job', githubEvent('workflow_job', (e) => e.action === 'waiting'))).toBeUndefined();
  });
  it('deployment_status by state', () => {
    const event = githubEvent('deployment_status', (e) => e.deployment_status.state === 'success');
    const withState = (state: string) => ({ ...event, deployment_status: { ...event.deployment_status, state } });
    expect(pickOutcome(undefined, 'deployment_status', event)).toEqual({ trigger: 'success', status: 'success' });
    for (const state of ['in_progress', 'queued', 'pending']) expect(pickOutcome(undefined, 'deployment_status', withState(state))?.trigger).toBe('started');
    for (const state of ['failure', 'error']) expect(pickOutcome(undefined, 'deployment_status', withState(state))).toEqual({ trigger: 'error', status: state });
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

  it('sends each destination once, in route order', () => {
    expect(selectDestinations(config, 'error', run('main')).map((s) => s.destination)).toEqual(['ops', 'team']);
  });
  it('applies branch and workflow globs, with ! to exclude', () => {
    expect(selectDestinations(config, 'success', run('feature/x')).map((s) => s.destination)).toEqual([]);
    expect(selectDestinations(config, 'success', run('release/2.0', 'Deploy prod')).map((s) => s.destination)).toEqual(['releases']);
    expect(selectDestinations(config, 'success', run('release/old-1', 'Deploy prod')).map((s) => s.destination)).toEqual([]);
    expect(selectDestinations(config, 'success', run('release/2.0', 'CI')).map((s) => s.destination)).toEqual([]);
  });
  it('without notifications, every destination gets every trigger', () => {
    const open = { ...config, notifications: undefined } as Config;
    expect(selectDestinations(open, 'started', run('x')).map((s) => s.destination)).toEqual(['ops', 'team', 'releases']);
  });
  it('filters like GitHub: * stays within a path segment, ** crosses them', () => {
    expect(matchesAny(['release/*'], 'release/1.0')).toBe(true);
    expect(matchesAny(['release/*'], 'release/1.0/hotfix')).toBe(false);
    expect(matchesAny(['release/**'], 'release/1.0/hotfix')).toBe(true);
    expect(matchesAny(['!main'], 'dev')).toBe(true);
    expect(matchesAny(['!main'], 'main')).toBe(false);
  });
});
