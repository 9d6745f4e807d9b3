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

const routes = (url: string) => `destinations:
  develop-team:
    type: webhook
    url: ${url}/develop-team
    payload: '{"base": "<<baseBranch>>", "head": "<<headBranch>>", "branch": "<<branch>>"}'
  main-team:
    type: webhook
    url: ${url}/main-team
  from-main:
    type: webhook
    url: ${url}/from-main
notifications:
  - triggers: success
    to: develop-team
    branches: develop
  - triggers: success
    to: main-team
    branches: main
  - triggers: success
    to: from-main
    head_branches: main
`;

/** A fork's pull request from its main into develop, as the runner presents it. */
function forkPullRequest() {
  const event = githubEvent('pull_request', (e) => e.action === 'opened');
  event.pull_request.base.ref = 'develop';
  event.pull_request.head.ref = 'main';
  event.pull_request.head.label = 'fork-owner:main';
  event.pull_request.head.repo = { ...event.pull_request.head.repo, full_name: 'fork-owner/Hello-World', fork: true };
  const env = { GITHUB_REF: `refs/pull/${event.number}/merge`, GITHUB_HEAD_REF: 'main', GITHUB_BASE_REF: 'develop' };
  return { event, env };
}

describe('routing by branch, as GitHub routes', () => {
  it.each(['pull_request', 'pull_request_target'])('%s: branches is the base branch (a fork\'s PR from main into develop goes to develop), head_branches the head', async (eventName) => {
    const { event, env } = forkPullRequest();
    const run = await runAction({ eventName, event, env, inputs: { status: 'success' }, config: routes(receiver.url) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests.map((request) => request.path).sort()).toEqual(['/develop-team', '/from-main']);
    expect(receiver.requests.find((request) => request.path === '/develop-team')!.text).toBe('{"base": "develop", "head": "main", "branch": "main"}');
  });

  it('push: branches and head_branches both match the pushed branch', async () => {
    const run = await runAction({ eventName: 'push', event: githubEvent('push'), inputs: { status: 'success' }, config: routes(receiver.url) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests.map((request) => request.path).sort()).toEqual(['/from-main', '/main-team']);
  });

  it('workflow_run: both match the triggering run\'s head branch', async () => {
    const event = githubEvent('workflow_run', (e) => e.action === 'completed' && e.workflow_run.conclusion === 'success');
    event.workflow_run.head_branch = 'develop';
    await runAction({ eventName: 'workflow_run', event, config: routes(receiver.url) });
    expect(receiver.requests.map((request) => request.path)).toEqual(['/develop-team']);
    expect(receiver.requests[0]!.text).toBe('{"base": "develop", "head": "develop", "branch": "develop"}');
  });
});
