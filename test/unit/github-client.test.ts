import { afterEach, describe, expect, it } from 'vitest';
import { apiProblem, githubApi, type GitHubApi } from '../../src/github/client.js';
import { fakeJob, fakeRun, FakeGitHubApi } from '../fixtures/fake-github-api.js';

let server: FakeGitHubApi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const RUNS = '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs';

function apiFor(fake: FakeGitHubApi, token = 'ghs_fake-token'): GitHubApi {
  const access = githubApi({ token, repository: 'Codertocat/Hello-World', apiUrl: fake.url });
  if (!access.api) throw new Error(access.reason);
  return access.api;
}

/** Runs 1..count of workflow 7 on main, the newest (highest id) last created. */
const numberedRuns = (count: number) =>
  Array.from({ length: count }, (_, i) => fakeRun({ id: i + 1, workflow_id: 7, created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }));

describe('githubApi', () => {
  it('has no API, and says why, without a token', () => {
    expect(githubApi({ token: ' ', repository: 'Codertocat/Hello-World' })).toEqual({
      reason: 'no GitHub token (the "github-token" input is empty, as in a pull request from a fork)',
    });
  });

  it('GETs with the token, owner and repo filled in, from GITHUB_API_URL', async () => {
    server = await FakeGitHubApi.start({ runs: [fakeRun({ id: 42, workflow_id: 7 })] });
    const { data } = await apiFor(server).get('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: 42 });
    expect(data).toMatchObject({ id: 42, workflow_id: 7 });
    expect(server.requests).toEqual([{ method: 'GET', path: '/repos/Codertocat/Hello-World/actions/runs/42', authorization: 'token ghs_fake-token' }]);
  });

  it('follows the Link header page after page, and under GitHub Enterprise Server /api/v3', async () => {
    server = await FakeGitHubApi.start({ prefix: '/api/v3', runs: numberedRuns(5) });
    const runs = await apiFor(server).list(RUNS, { workflow_id: 7, branch: 'main' }, { key: 'workflow_runs', perPage: 2 });
    expect(runs.map((run) => run.id)).toEqual([5, 4, 3, 2, 1]);
    expect(server.requests.map((request) => request.path)).toEqual([
      '/api/v3/repos/Codertocat/Hello-World/actions/workflows/7/runs?branch=main&per_page=2&page=1',
      '/api/v3/repos/Codertocat/Hello-World/actions/workflows/7/runs?branch=main&per_page=2&page=2',
      '/api/v3/repos/Codertocat/Hello-World/actions/workflows/7/runs?branch=main&per_page=2&page=3',
    ]);
  });

  it('stops after the page where `stop` finds an item, and at maxPages', async () => {
    server = await FakeGitHubApi.start({ runs: numberedRuns(9) });
    const api = apiFor(server);
    expect((await api.list(RUNS, { workflow_id: 7 }, { key: 'workflow_runs', perPage: 2, stop: (run) => run.id === 6 })).map((run) => run.id)).toEqual([9, 8, 7, 6]);
    expect(await api.list(RUNS, { workflow_id: 7 }, { key: 'workflow_runs', perPage: 2, maxPages: 1 })).toHaveLength(2);
  });

  it("reads a run's jobs: the latest attempt's by default, every attempt's with filter=all", async () => {
    server = await FakeGitHubApi.start({
      runs: [fakeRun({ id: 42 })],
      jobs: [fakeJob({ run_id: 42, name: 'build', run_attempt: 1 }), fakeJob({ run_id: 42, name: 'build', run_attempt: 2 }), fakeJob({ run_id: 43, name: 'other' })],
    });
    const api = apiFor(server);
    const jobs = '/repos/{owner}/{repo}/actions/runs/{run_id}/jobs';
    expect((await api.list(jobs, { run_id: 42 }, { key: 'jobs' })).map((job) => job.run_attempt)).toEqual([2]);
    expect((await api.list(jobs, { run_id: 42, filter: 'all' }, { key: 'jobs' })).map((job) => job.run_attempt)).toEqual([1, 2]);
  });

  it('turns a token without actions: read into a reason that says how to fix it', async () => {
    server = await FakeGitHubApi.start({ deniedTokens: ['ghs_read-only'], runs: [fakeRun({ id: 42 })] });
    const error = await apiFor(server, 'ghs_read-only').get('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: 42 }).catch((caught) => caught);
    expect(apiProblem(error, 'the previous run')).toBe(
      'the GitHub API refused access (403 Resource not accessible by integration) while reading the previous run: ' +
        'give the job "permissions: actions: read" (a pull request from a fork gets a read-only token without it)',
    );
  });

  it('turns a wrong token into a 401 reason', async () => {
    server = await FakeGitHubApi.start({ runs: [fakeRun({ id: 42 })] });
    const error = await apiFor(server, 'ghs_wrong').get('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: 42 }).catch((caught) => caught);
    expect(apiProblem(error, 'the run')).toBe('the GitHub API refused the token (401 Bad credentials) while reading the run: check the "github-token" input');
  });
});
