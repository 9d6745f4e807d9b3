import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readRunContext, type GitHubContext } from '../../src/context.js';
import { failedJobs, readFailedJobs } from '../../src/github/failed-jobs.js';
import { githubApi } from '../../src/github/client.js';
import type { Outcome } from '../../src/outcome.js';
import { githubEvent } from '../fixtures/events.js';
import { fakeJob, fakeRun, FakeGitHubApi, type FakeJob } from '../fixtures/fake-github-api.js';

const TOKEN = 'ghs_fake-token';
const REPOSITORY = 'octo-org/octo-repo';
const FAILURE: Outcome = { trigger: 'error', status: 'failure' };

let api: FakeGitHubApi | undefined;
let silent: Server | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  silent?.closeAllConnections();
  await new Promise((resolve) => (silent ? silent.close(resolve) : resolve(undefined)));
  silent = undefined;
});

/** The real completed workflow_run example from @octokit/webhooks-examples, its run failed. */
function failedRunEvent() {
  const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
  event.workflow_run.conclusion = 'failure';
  return event;
}

/** The notifier workflow's context on a workflow_run event: its own run (GITHUB_RUN_ID) is not the reported one. */
function workflowRunContext(event = failedRunEvent()): GitHubContext {
  return {
    payload: event,
    eventName: 'workflow_run',
    sha: event.workflow_run.head_sha,
    ref: 'refs/heads/main',
    workflow: 'Notify',
    job: 'notify',
    runId: '5555',
    runNumber: '7',
    runAttempt: '1',
    actor: 'octocat',
    serverUrl: 'https://github.com',
  };
}

const RUN_ID = 289782451;
const step = (name: string, conclusion: string | null, status = 'completed') => ({ name, status, conclusion, number: 1 });

/** A run's jobs as GitHub lists them: one failed in a step, one timed out, one cancelled, one passed, one skipped. */
const RUN_JOBS = (): FakeJob[] => [
  fakeJob({ id: 1, run_id: RUN_ID, name: 'lint', conclusion: 'success', steps: [step('Set up job', 'success'), step('Run lint', 'success')] }),
  fakeJob({
    id: 2,
    run_id: RUN_ID,
    name: 'test (ubuntu-latest, 22)',
    conclusion: 'failure',
    steps: [step('Set up job', 'success'), step('Run npm test', 'failure'), step('Upload coverage', 'skipped'), step('Complete job', 'success')],
  }),
  fakeJob({ id: 3, run_id: RUN_ID, name: 'e2e', conclusion: 'timed_out', steps: [step('Set up job', 'success'), step('Run e2e', 'cancelled')] }),
  fakeJob({ id: 4, run_id: RUN_ID, name: 'test (windows-latest, 22)', conclusion: 'cancelled', steps: [step('Run npm test', 'cancelled')] }),
  fakeJob({ id: 5, run_id: RUN_ID, name: 'deploy', conclusion: 'skipped', steps: [] }),
];

async function read(github: GitHubContext, options: { outcome?: Outcome; token?: string; apiUrl?: string; timeoutMs?: number; runnerName?: string } = {}) {
  const env = { GITHUB_REPOSITORY: REPOSITORY };
  const run = readRunContext(github, env);
  return readFailedJobs(options.outcome ?? FAILURE, run, {
    api: githubApi({ token: options.token ?? TOKEN, repository: run.repository, apiUrl: options.apiUrl ?? api?.url }),
    github,
    ...(options.runnerName !== undefined && { runnerName: options.runnerName }),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
  });
}

const JOB = `https://github.com/Codertocat/Hello-World/actions/runs/${RUN_ID}/job`;

describe('readFailedJobs on a failed workflow_run', () => {
  it("lists the triggering run's failed and timed-out jobs with their failed steps, not the cancelled or passed ones", async () => {
    api = await FakeGitHubApi.start({ repository: REPOSITORY, runs: [fakeRun({ id: RUN_ID })], jobs: RUN_JOBS() });
    expect(await read(workflowRunContext())).toEqual([
      { name: 'test (ubuntu-latest, 22)', url: `${JOB}/2`, conclusion: 'failure', failedSteps: ['Run npm test'] },
      { name: 'e2e', url: `${JOB}/3`, conclusion: 'timed_out', failedSteps: ['Run e2e'] },
    ]);
    expect(api.requests).toEqual([
      {
        method: 'GET',
        path: `/repos/${REPOSITORY}/actions/runs/${RUN_ID}/jobs?filter=latest&per_page=100&page=1`,
        authorization: `token ${TOKEN}`,
      },
    ]);
  });

  it('reads page after page, and under GitHub Enterprise Server /api/v3', async () => {
    const many = Array.from({ length: 230 }, (_, i) =>
      fakeJob({ id: 100 + i, run_id: RUN_ID, name: `shard ${i}`, conclusion: i % 100 === 99 ? 'failure' : 'success', steps: [step('Run shard', i % 100 === 99 ? 'failure' : 'success')] }),
    );
    api = await FakeGitHubApi.start({ repository: REPOSITORY, prefix: '/api/v3', runs: [fakeRun({ id: RUN_ID })], jobs: many });
    expect((await read(workflowRunContext())).map((job) => job.name)).toEqual(['shard 99', 'shard 199']);
    expect(api.requests.map((request) => request.path)).toEqual([1, 2, 3].map((page) => `/api/v3/repos/${REPOSITORY}/actions/runs/${RUN_ID}/jobs?filter=latest&per_page=100&page=${page}`));
  });

  it("lists the latest attempt's jobs only: a job that failed in attempt 1 and passed on re-run is not listed", async () => {
    api = await FakeGitHubApi.start({
      repository: REPOSITORY,
      runs: [fakeRun({ id: RUN_ID })],
      jobs: [
        fakeJob({ id: 1, run_id: RUN_ID, run_attempt: 1, name: 'flaky', conclusion: 'failure', steps: [step('Run tests', 'failure')] }),
        fakeJob({ id: 2, run_id: RUN_ID, run_attempt: 2, name: 'flaky', conclusion: 'success', steps: [step('Run tests', 'success')] }),
        fakeJob({ id: 3, run_id: RUN_ID, run_attempt: 2, name: 'build', conclusion: 'failure', steps: [step('Compile', 'failure')] }),
      ],
    });
    expect((await read(workflowRunContext())).map((job) => job.name)).toEqual(['build']);
  });

  it('stops at 5 pages of jobs', async () => {
    const many = Array.from({ length: 700 }, (_, i) => fakeJob({ id: 100 + i, run_id: RUN_ID, name: `shard ${i}`, conclusion: 'failure', steps: [] }));
    api = await FakeGitHubApi.start({ repository: REPOSITORY, runs: [fakeRun({ id: RUN_ID })], jobs: many });
    expect(await read(workflowRunContext())).toHaveLength(500);
    expect(api.requests).toHaveLength(5);
  });
});

describe('readFailedJobs never fails the notification', () => {
  it('a token without actions: read (403) gives an empty list', async () => {
    api = await FakeGitHubApi.start({ repository: REPOSITORY, deniedTokens: ['ghs_read-only'], runs: [fakeRun({ id: RUN_ID })], jobs: RUN_JOBS() });
    expect(await read(workflowRunContext(), { token: 'ghs_read-only' })).toEqual([]);
    expect(api.requests).toHaveLength(1);
  });

  it('no token (a fork pull request) gives an empty list without asking', async () => {
    api = await FakeGitHubApi.start({ repository: REPOSITORY, runs: [fakeRun({ id: RUN_ID })], jobs: RUN_JOBS() });
    expect(await read(workflowRunContext(), { token: '' })).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it('an API that never answers gives an empty list once the bound has passed', async () => {
    silent = createServer(() => {});
    await new Promise<void>((resolve) => silent!.listen(0, '127.0.0.1', resolve));
    const apiUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    expect(await read(workflowRunContext(), { apiUrl, timeoutMs: 300 })).toEqual([]);
  });

  it('a run that does not exist (404) gives an empty list', async () => {
    api = await FakeGitHubApi.start({ repository: REPOSITORY, runs: [], jobs: [] });
    expect(await read(workflowRunContext())).toEqual([]);
  });
});

describe('readFailedJobs asks only when the list can be used', () => {
  it.each([
    ['a success', { trigger: 'success', status: 'success' }],
    ['a start', { trigger: 'started', status: 'started' }],
    ['a cancelled run', { trigger: 'error', status: 'cancelled' }],
    ['a test notification', { trigger: 'test', status: 'test' }],
  ] as const)('%s makes no call', async (_, outcome) => {
    api = await FakeGitHubApi.start({ repository: REPOSITORY, runs: [fakeRun({ id: RUN_ID })], jobs: RUN_JOBS() });
    expect(await read(workflowRunContext(), { outcome })).toEqual([]);
    expect(api.requests).toEqual([]);
  });

  it('a failed workflow_job event lists its job from the event itself, with its failed step', async () => {
    api = await FakeGitHubApi.start({ repository: REPOSITORY });
    const event = githubEvent('workflow_job', (e) => e.workflow_job.conclusion === 'failure');
    const github = { ...workflowRunContext(), eventName: 'workflow_job', payload: event };
    expect(await read(github)).toEqual([
      { name: 'linters', url: 'https://github.com/octo-org/octo-repo/runs/1291536064', conclusion: 'failure', failedSteps: ['Run yarn run format-check'] },
    ]);
    expect(api.requests).toEqual([]);
  });
});

describe('a job reporting its own run', () => {
  /** A step in the run itself (a push), reporting status: failure: GITHUB_RUN_ID is the run to read. */
  const ownRun = (): GitHubContext => ({ ...workflowRunContext(), eventName: 'push', payload: githubEvent('push'), runId: String(RUN_ID), job: 'build' });
  const running = (fields: Partial<FakeJob> & { name: string }) =>
    fakeJob({ run_id: RUN_ID, status: 'in_progress', conclusion: null, completed_at: null, runner_name: 'GitHub Actions 7', ...fields });

  it('lists its own job, still in progress, with the steps that already failed', async () => {
    api = await FakeGitHubApi.start({
      repository: REPOSITORY,
      runs: [fakeRun({ id: RUN_ID })],
      jobs: [running({ id: 1, name: 'build', steps: [step('Compile', 'failure'), step('Notify', null, 'in_progress')] })],
    });
    expect(await read(ownRun(), { runnerName: 'GitHub Actions 7' })).toEqual([
      { name: 'build', url: `https://github.com/Codertocat/Hello-World/actions/runs/${RUN_ID}/job/1`, conclusion: 'failure', failedSteps: ['Compile'] },
    ]);
  });

  it('when no step has failed yet, names its own job (found by its runner) without a step', async () => {
    api = await FakeGitHubApi.start({
      repository: REPOSITORY,
      runs: [fakeRun({ id: RUN_ID })],
      jobs: [
        fakeJob({ id: 1, run_id: RUN_ID, name: 'lint', conclusion: 'success', steps: [] }),
        running({ id: 2, name: 'Build and test', steps: [step('Notify', null, 'in_progress')] }),
        running({ id: 3, name: 'docs', runner_name: 'GitHub Actions 8', steps: [] }),
      ],
    });
    expect(await read(ownRun(), { runnerName: 'GitHub Actions 7' })).toEqual([
      { name: 'Build and test', url: `https://github.com/Codertocat/Hello-World/actions/runs/${RUN_ID}/job/2`, conclusion: 'failure', failedSteps: [] },
    ]);
  });

  it('a final job that reports the run lists the jobs that failed, not itself', () => {
    const jobs = [
      fakeJob({ id: 1, run_id: RUN_ID, name: 'build', conclusion: 'failure', steps: [step('Compile', 'failure')] }),
      running({ id: 2, name: 'notify', steps: [step('Notify', null, 'in_progress')] }),
    ];
    expect(failedJobs(jobs, { runnerName: 'GitHub Actions 7', jobId: 'notify' }).map((job) => job.name)).toEqual(['build']);
  });

  it('without RUNNER_NAME, its own job is the running one named as GITHUB_JOB', () => {
    const jobs = [running({ id: 2, name: 'build', steps: [] }), running({ id: 3, name: 'docs', steps: [] })];
    expect(failedJobs(jobs, { jobId: 'build' }).map((job) => job.name)).toEqual(['build']);
    expect(failedJobs(jobs, { jobId: 'other' })).toEqual([]);
  });
});
