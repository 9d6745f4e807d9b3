import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start();
});
afterEach(async () => {
  await receiver.close();
});

const REPO = 'https://github.com/Codertocat/Hello-World';
const RUN_URL = `${REPO}/actions/runs/1234567890`;
/** GITHUB_SHA in every run below: the tip of the default branch. */
const SHA = '6113728f27ae82c7b1a177c8d03f9e96e0adf246';

const config = () => `destinations:
  hook:
    type: webhook
    url: ${receiver.url}/hook
    retry_backoff: 0.05
  slack:
    type: slack
    webhook_url: ${receiver.url}/slack/T000/B000/XXXXXXXXXXXX
    retry_backoff: 0.05
`;

/** Runs the action on `event` with status success, as the runner would with `env`, and returns what both receivers got. */
async function notify(eventName: string, event: Record<string, any>, env: Record<string, string> = {}) {
  const run = await runAction({ eventName, event, inputs: { status: 'success' }, config: config(), env });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  expect(receiver.requests).toHaveLength(2);
  const hook = receiver.requests.find((request) => request.path === '/hook')!;
  const slack = receiver.requests.find((request) => request.path.startsWith('/slack/'))!;
  return { hook: JSON.parse(hook.text), slack: slackCard(slack.text) };
}

/** The Slack card as a reader sees it: the header, each fact's mrkdwn (label and link), the button and its link. */
function slackCard(text: string): string[] {
  const blocks: any[] = JSON.parse(text).attachments[0].blocks;
  return blocks.flatMap((block) => {
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'section') return (block.fields ?? [block.text]).map((field: any) => field.text);
    return block.elements.map((element: any) => `${element.text.text} -> ${element.url}`);
  });
}

/** The generic JSON payload for a successful run of CI / build #42 in Codertocat/Hello-World. */
const generic = (fields: Record<string, unknown>) => ({
  payload_version: 1,
  destination: 'hook',
  trigger: 'success',
  status: 'success',
  repository: 'Codertocat/Hello-World',
  repository_url: REPO,
  workflow: 'CI',
  job: 'build',
  run: { id: '1234567890', number: '42', attempt: '1', url: RUN_URL },
  pull_request: null,
  environment: null,
  actor: 'Codertocat',
  started_at: null,
  duration_seconds: null,
  timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
  failed_jobs: [],
  ...fields,
});

const commitOnly = (sha = SHA, repo = REPO) => ({ sha, message: null, url: `${repo}/commit/${sha}`, author: null });

describe('a push that deletes a branch or tag says so, with no commit', () => {
  // GitHub runs push workflows for a deletion with GITHUB_SHA and GITHUB_REF reverted to the default branch.
  const deletion = () => githubEvent('push', (e) => e.deleted === true && e.head_commit === null);

  it('a deleted tag (the real payload): "on simple-tag (deleted)", no commit, no link to the tag', async () => {
    const { hook, slack } = await notify('push', deletion());
    expect(hook).toEqual(
      generic({
        message: 'CI succeeded on simple-tag (deleted) in Codertocat/Hello-World (#42)',
        title: 'CI succeeded on simple-tag (deleted)',
        commit: { sha: null, message: null, url: null, author: null },
        ref: 'refs/tags/simple-tag',
        branch: null,
        tag: 'simple-tag',
        event_name: 'push',
      }),
    );
    expect(slack).toEqual([
      '✅ CI succeeded on simple-tag (deleted)',
      `*Repository*\n<${REPO}|Codertocat/Hello-World>`,
      `*Workflow*\n<${RUN_URL}|CI / build>`,
      '*Tag*\nsimple-tag (deleted)',
      '*Actor*\nCodertocat',
      `View run -> ${RUN_URL}`,
    ]);
  });

  it('a deleted branch: the branch from the event, not the default branch GITHUB_REF reverts to', async () => {
    const event = deletion();
    event.ref = 'refs/heads/feature/login';
    const { hook, slack } = await notify('push', event, { GITHUB_REF: 'refs/heads/main' });
    expect(hook).toMatchObject({
      title: 'CI succeeded on feature/login (deleted)',
      commit: { sha: null, message: null, url: null, author: null },
      ref: 'refs/heads/feature/login',
      branch: 'feature/login',
      tag: null,
    });
    expect(slack).toEqual([
      '✅ CI succeeded on feature/login (deleted)',
      `*Repository*\n<${REPO}|Codertocat/Hello-World>`,
      `*Workflow*\n<${RUN_URL}|CI / build>`,
      '*Branch*\nfeature/login (deleted)',
      '*Actor*\nCodertocat',
      `View run -> ${RUN_URL}`,
    ]);
  });

  it('a route filtered to the deleted branch matches it; one filtered to the default branch does not', async () => {
    const event = deletion();
    event.ref = 'refs/heads/feature/login';
    const routed = `${config()}notifications:\n  - triggers: success\n    to: hook\n    branches: ["feature/**"]\n  - triggers: success\n    to: slack\n    branches: main\n`;
    const run = await runAction({ eventName: 'push', event, inputs: { status: 'success' }, config: routed });
    expect(run.results.map(({ destination, status, reason }) => [destination, status, reason])).toEqual([
      ['hook', 'successful', null],
      ['slack', 'skipped', 'branch "feature/login" not in [main]'],
    ]);
  });
});

describe('thin payloads still make a whole notification', () => {
  it('a push of a tag: "on the tag", the tag linked to its release page, the tagged commit', async () => {
    const event = githubEvent('push', (e) => e.ref === 'refs/tags/simple-tag' && e.head_commit !== null);
    const { hook, slack } = await notify('push', event, { GITHUB_REF: 'refs/tags/simple-tag' });
    expect(hook).toEqual(
      generic({
        message: 'CI succeeded on simple-tag in Codertocat/Hello-World (#42)',
        title: 'CI succeeded on simple-tag',
        commit: { sha: SHA, message: 'Adding a .gitignore file', url: `${REPO}/commit/${SHA}`, author: 'Codertocat' },
        ref: 'refs/tags/simple-tag',
        branch: null,
        tag: 'simple-tag',
        event_name: 'push',
      }),
    );
    expect(slack).toEqual([
      '✅ CI succeeded on simple-tag',
      `*Repository*\n<${REPO}|Codertocat/Hello-World>`,
      `*Workflow*\n<${RUN_URL}|CI / build>`,
      `*Tag*\n<${REPO}/releases/tag/simple-tag|simple-tag>`,
      '*Actor*\nCodertocat',
      `*Commit*\n<${REPO}/commit/${SHA}|${SHA.slice(0, 7)} Adding a .gitignore file>`,
      `View run -> ${RUN_URL}`,
    ]);
  });

  it('schedule (the payload holds only the cron line): repository, branch and commit from the GITHUB_* variables', async () => {
    const { hook, slack } = await notify('schedule', { schedule: '*/15 * * * *' });
    expect(hook).toEqual(
      generic({
        message: 'CI succeeded on main in Codertocat/Hello-World (#42)',
        title: 'CI succeeded on main',
        commit: commitOnly(),
        ref: 'refs/heads/main',
        branch: 'main',
        tag: null,
        event_name: 'schedule',
      }),
    );
    expect(slack).toEqual([
      '✅ CI succeeded on main',
      `*Repository*\n<${REPO}|Codertocat/Hello-World>`,
      `*Workflow*\n<${RUN_URL}|CI / build>`,
      `*Branch*\n<${REPO}/tree/main|main>`,
      '*Actor*\nCodertocat',
      `*Commit*\n<${REPO}/commit/${SHA}|${SHA.slice(0, 7)}>`,
      `View run -> ${RUN_URL}`,
    ]);
  });

  const octoRepo = 'https://github.com/octo-org/octo-repo';
  const octoRun = `${octoRepo}/actions/runs/1234567890`;
  const inOctoRepo = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_REF: 'refs/heads/master', GITHUB_ACTOR: 'octocat' };
  const octoCard = (title: string) => [
    `✅ ${title}`,
    `*Repository*\n<${octoRepo}|octo-org/octo-repo>`,
    `*Workflow*\n<${octoRun}|CI / build>`,
    `*Branch*\n<${octoRepo}/tree/master|master>`,
    '*Actor*\noctocat',
    `*Commit*\n<${octoRepo}/commit/${SHA}|${SHA.slice(0, 7)}>`,
    `View run -> ${octoRun}`,
  ];

  it('workflow_dispatch (inputs, and `workflow` a file path): the workflow named by GITHUB_WORKFLOW', async () => {
    const event = githubEvent('workflow_dispatch', (e) => e.ref === 'refs/heads/master');
    event.inputs = { environment: 'staging', dry_run: 'false' };
    expect(event.workflow).toBe('.github/workflows/hello-world-workflow.yml');
    const { hook, slack } = await notify('workflow_dispatch', event, inOctoRepo);
    expect(hook).toEqual(
      generic({
        message: 'CI succeeded on master in octo-org/octo-repo (#42)',
        title: 'CI succeeded on master',
        repository: 'octo-org/octo-repo',
        repository_url: octoRepo,
        run: { id: '1234567890', number: '42', attempt: '1', url: octoRun },
        commit: commitOnly(SHA, octoRepo),
        ref: 'refs/heads/master',
        branch: 'master',
        tag: null,
        event_name: 'workflow_dispatch',
        actor: 'octocat',
      }),
    );
    expect(slack).toEqual(octoCard('CI succeeded on master'));
  });

  it('repository_dispatch: the default branch of the repository', async () => {
    const { hook, slack } = await notify('repository_dispatch', githubEvent('repository_dispatch'), inOctoRepo);
    expect(hook).toMatchObject({ title: 'CI succeeded on master', commit: commitOnly(SHA, octoRepo), branch: 'master', event_name: 'repository_dispatch' });
    expect(slack).toEqual(octoCard('CI succeeded on master'));
  });

  it('release: "on the tag", linked to the release page', async () => {
    const event = githubEvent('release', (e) => e.action === 'published');
    const { hook, slack } = await notify('release', event, { GITHUB_REF: 'refs/tags/0.0.1' });
    expect(event.release.html_url).toBe(`${REPO}/releases/tag/0.0.1`);
    expect(hook).toEqual(
      generic({
        message: 'CI succeeded on 0.0.1 in Codertocat/Hello-World (#42)',
        title: 'CI succeeded on 0.0.1',
        commit: commitOnly(),
        ref: 'refs/tags/0.0.1',
        branch: null,
        tag: '0.0.1',
        event_name: 'release',
      }),
    );
    expect(slack).toEqual([
      '✅ CI succeeded on 0.0.1',
      `*Repository*\n<${REPO}|Codertocat/Hello-World>`,
      `*Workflow*\n<${RUN_URL}|CI / build>`,
      `*Tag*\n<${event.release.html_url}|0.0.1>`,
      '*Actor*\nCodertocat',
      `*Commit*\n<${REPO}/commit/${SHA}|${SHA.slice(0, 7)}>`,
      `View run -> ${RUN_URL}`,
    ]);
  });
});

describe('a pull request from a fork', () => {
  /** The real opened pull request, its head branch in a fork, with the variables the runner sets for it. */
  function forkPullRequest() {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const head = event.pull_request.head;
    head.repo = { ...head.repo, full_name: 'octo-fork/Hello-World', fork: true, html_url: 'https://github.com/octo-fork/Hello-World' };
    head.label = 'octo-fork:changes';
    const env = { GITHUB_REF: 'refs/pull/2/merge', GITHUB_HEAD_REF: head.ref, GITHUB_BASE_REF: event.pull_request.base.ref };
    return { event, env, head: head.sha as string };
  }

  it('still gets a whole notification: the pull request, its head commit in the base repository', async () => {
    const { event, env, head } = forkPullRequest();
    const { hook, slack } = await notify('pull_request', event, env);
    expect(hook).toEqual(
      generic({
        message: 'CI succeeded on PR #2 in Codertocat/Hello-World (#42)',
        title: 'CI succeeded on PR #2',
        commit: commitOnly(head),
        ref: 'refs/pull/2/merge',
        branch: 'changes',
        tag: null,
        pull_request: { number: 2, title: 'Update the README with new information.', url: `${REPO}/pull/2` },
        event_name: 'pull_request',
      }),
    );
    expect(slack).toEqual([
      '✅ CI succeeded on PR #2',
      `*Repository*\n<${REPO}|Codertocat/Hello-World>`,
      `*Workflow*\n<${RUN_URL}|CI / build>`,
      `*Pull request*\n<${REPO}/pull/2|#2 Update the README with new information.>`,
      '*Actor*\nCodertocat',
      `*Commit*\n<${REPO}/commit/${head}|${head.slice(0, 7)}>`,
      `View run -> ${RUN_URL}`,
    ]);
  });

  const slackFromSecret = `destinations:\n  slack:\n    type: slack\n    webhook_url: \${SLACK_WEBHOOK_URL}\n`;

  it('a secret that is empty because the run is for a fork: the error says so and how to notify anyway', async () => {
    const { event, env } = forkPullRequest();
    const run = await runAction({ eventName: 'pull_request', event, inputs: { status: 'success' }, config: slackFromSecret, env: { ...env, SLACK_WEBHOOK_URL: '' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n').filter((line) => line.startsWith('::error'))).toEqual([
      '::error title=Herald config,file=.github/notifications.yml,line=4,col=18::.github/notifications.yml:4:18: destinations.slack.webhook_url: ' +
        'environment variable SLACK_WEBHOOK_URL is empty: GitHub passes no secrets to workflows run for pull requests from forks ' +
        '(#2 comes from octo-fork/Hello-World).',
    ]);
    expect(run.stdout).toContain(
      'To notify about pull requests from forks, run Herald in a workflow triggered by workflow_run, which runs in this ' +
        'repository with its secrets (see Triggers in the README), or leave forks out of this step:\n' +
        '  if: github.event.pull_request.head.repo.full_name == github.repository\n',
    );
    expect(receiver.requests).toHaveLength(0);
    expect(run.outputs).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status: '', trigger: '', messages: '[]' });
  });

  it('the same empty secret on a pull request from a branch of the repository keeps the usual advice', async () => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const run = await runAction({ eventName: 'pull_request', event, inputs: { status: 'success' }, config: slackFromSecret, env: { SLACK_WEBHOOK_URL: '' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      'environment variable SLACK_WEBHOOK_URL is empty. Pass it in the step\'s env, for example "env: { SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }} }", and check that the secret exists.',
    );
    expect(run.stdout).not.toContain('fork');
  });
});
