import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { fakeJob, fakeRun, FakeGitHubApi } from '../fixtures/fake-github-api.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

const TOKEN = 'ghs_fake-token';
const REPOSITORY = 'octo-org/octo-repo';

let receiver: Receiver;
let api: FakeGitHubApi;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
  await api?.close();
});

/** The real completed workflow_run example from @octokit/webhooks-examples, its run failed. */
function failedRun() {
  const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
  event.workflow_run.conclusion = 'failure';
  return event;
}

const step = (name: string, conclusion: string) => ({ name, status: 'completed', conclusion, number: 1 });

/** The failed run's jobs: a test job failed in "Run npm test", e2e timed out, a sibling was cancelled, lint passed. */
function runJobs(runId: number) {
  return [
    fakeJob({ id: 11, run_id: runId, name: 'lint', conclusion: 'success', steps: [step('Run lint', 'success')] }),
    fakeJob({ id: 12, run_id: runId, name: 'test (ubuntu-latest, 22)', conclusion: 'failure', steps: [step('Set up job', 'success'), step('Run npm test', 'failure')] }),
    fakeJob({ id: 13, run_id: runId, name: 'test (windows-latest, 22)', conclusion: 'cancelled', steps: [step('Run npm test', 'cancelled')] }),
    fakeJob({ id: 14, run_id: runId, name: 'e2e', conclusion: 'timed_out', steps: [step('Run e2e', 'cancelled')] }),
  ];
}

const config = () => `destinations:
  hooks:
    type: webhook
    url: ${receiver.url}/ci
    retries: 0
  team:
    type: slack
    webhook_url: ${receiver.url}/slack
    retries: 0
`;

const notify = (event: Record<string, any>, token: string) =>
  runAction({
    eventName: 'workflow_run',
    event,
    config: config(),
    inputs: { 'github-token': token },
    // The notifier workflow runs in the repository of the run it reports, as its own run (GITHUB_RUN_ID 1234567890).
    env: { GITHUB_API_URL: api.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_WORKFLOW: 'Notify' },
  });

const request = (path: string) => receiver.requests.find((received) => received.path === path)!;

describe('a failed workflow_run lists its failed jobs', () => {
  it.each(['', '/api/v3'])('reads the triggering run’s jobs (GITHUB_API_URL%s) and sends them to a webhook and to Slack', async (prefix) => {
    const event = failedRun();
    const runId: number = event.workflow_run.id;
    api = await FakeGitHubApi.start({ repository: REPOSITORY, prefix, runs: [fakeRun({ id: runId })], jobs: runJobs(runId) });
    const run = await notify(event, TOKEN);
    expect(run.exitCode, run.stdout).toBe(0);

    // The triggering run's jobs, not the notifier's own run's, with the job's token.
    expect(api.requests).toEqual([
      { method: 'GET', path: `${prefix}/repos/${REPOSITORY}/actions/runs/${runId}/jobs?filter=latest&per_page=100&page=1`, authorization: `token ${TOKEN}` },
    ]);

    const jobUrl = (id: number) => `https://github.com/Codertocat/Hello-World/actions/runs/${runId}/job/${id}`;
    const hook = request('/ci').text;
    expect(hook.endsWith(
      `,"failed_jobs":[` +
        `{"name":"test (ubuntu-latest, 22)","url":"${jobUrl(12)}","conclusion":"failure","failed_steps":["Run npm test"]},` +
        `{"name":"e2e","url":"${jobUrl(14)}","conclusion":"timed_out","failed_steps":["Run e2e"]}]}`,
    )).toBe(true);
    expect(JSON.parse(hook)).toMatchObject({ payload_version: 1, trigger: 'error', status: 'failure', run: { id: String(runId) } });

    const blocks = JSON.parse(request('/slack').text).attachments[0].blocks;
    expect(blocks.at(-2)).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Failed jobs*\n• <${jobUrl(12)}|test (ubuntu-latest, 22)>: Run npm test\n• <${jobUrl(14)}|e2e>: timed out, Run e2e`,
      },
    });
    // The token is masked (the runner hides it), and nothing prints it otherwise.
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(run.stdout.replace(/^::add-mask::.*$/gm, '') + run.summary + JSON.stringify(run.outputs)).not.toContain(TOKEN);
  });

  it('without actions: read (403) sends the same message without failed jobs, and says why in the log', async () => {
    const event = failedRun();
    api = await FakeGitHubApi.start({ repository: REPOSITORY, deniedTokens: ['ghs_read-only'], runs: [fakeRun({ id: event.workflow_run.id })], jobs: runJobs(event.workflow_run.id) });
    const run = await notify(event, 'ghs_read-only');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ sent: '2', failed: '0' });
    expect(JSON.parse(request('/ci').text).failed_jobs).toEqual([]);
    const blocks = JSON.parse(request('/slack').text).attachments[0].blocks;
    expect(JSON.stringify(blocks)).not.toContain('Failed job');
    expect(run.stdout).toContain(
      'Herald: the failed jobs are not listed: the GitHub API refused access (403 Resource not accessible by integration) while reading the jobs of run',
    );
  });

  it('a successful run asks the API nothing', async () => {
    const event = failedRun();
    event.workflow_run.conclusion = 'success';
    api = await FakeGitHubApi.start({ repository: REPOSITORY, runs: [fakeRun({ id: event.workflow_run.id })], jobs: runJobs(event.workflow_run.id) });
    const run = await notify(event, TOKEN);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(api.requests).toEqual([]);
    expect(JSON.parse(request('/ci').text).failed_jobs).toEqual([]);
  });

  it('a job reporting its own failure (status: failure on a push) lists itself, still running, with the step that failed', async () => {
    const runId = 1234567890; // GITHUB_RUN_ID in run-action's environment
    api = await FakeGitHubApi.start({
      runs: [fakeRun({ id: runId, status: 'in_progress', conclusion: null })],
      jobs: [
        fakeJob({ id: 21, run_id: runId, name: 'lint', conclusion: 'success', steps: [step('Run lint', 'success')] }),
        fakeJob({
          id: 22,
          run_id: runId,
          name: 'build',
          status: 'in_progress',
          conclusion: null,
          runner_name: 'GitHub Actions 7',
          steps: [step('Compile', 'failure'), { name: 'Notify', status: 'in_progress', conclusion: null, number: 3 }],
        }),
      ],
    });
    const run = await runAction({
      eventName: 'push',
      event: githubEvent('push'),
      config: config(),
      inputs: { status: 'failure', 'github-token': TOKEN },
      env: { GITHUB_API_URL: api.url, RUNNER_NAME: 'GitHub Actions 7' },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(api.requests.map((received) => received.path)).toEqual([`/repos/Codertocat/Hello-World/actions/runs/${runId}/jobs?filter=latest&per_page=100&page=1`]);
    expect(JSON.parse(request('/ci').text).failed_jobs).toEqual([
      { name: 'build', url: `https://github.com/Codertocat/Hello-World/actions/runs/${runId}/job/22`, conclusion: 'failure', failed_steps: ['Compile'] },
    ]);
  });
});
