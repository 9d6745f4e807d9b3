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

describe('destinations a filter left out', () => {
  const config = (url: string) => `destinations:
  team:
    type: webhook
    url: ${url}/team
    payload: '{"text": "<<message>>", "actor": "<<actor>>"}'
  releases:
    type: webhook
    url: ${url}/releases
  pull-requests:
    type: webhook
    url: ${url}/pull-requests
  pager:
    type: webhook
    url: ${url}/pager
notifications:
  - triggers: success
    to: team
    environments: ["!production"]
    actors: ["!dependabot[bot]"]
  - triggers: success
    to: releases
    branches: ["!main"]
  - triggers: success
    to: pull-requests
    if: "<<#prNumber>>true<</prNumber>>"
  - triggers: error
    to: pager
    branches: ["!main"]
`;

  it('are skipped with the reason in results and the job summary; the one the filters take is sent', async () => {
    const run = await runAction({ eventName: 'push', event: githubEvent('push'), inputs: { status: 'success' }, config: config(receiver.url) });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(receiver.requests.map((request) => [request.path, request.text])).toEqual([
      ['/team', '{"text": "CI succeeded on main in Codertocat/Hello-World (#42)", "actor": "Codertocat"}'],
    ]);
    // A route for error makes no record on a success run.
    expect(run.results.map(({ destination, status, reason }) => ({ destination, status, reason }))).toEqual([
      { destination: 'team', status: 'successful', reason: null },
      { destination: 'releases', status: 'skipped', reason: 'branch "main" excluded by "!main"' },
      { destination: 'pull-requests', status: 'skipped', reason: 'if rendered ""' },
    ]);
    expect(run.outputs).toMatchObject({ sent: '1', failed: '0', skipped: '2' });
    expect(run.summary).toContain(
      '<tr><td>releases</td><td>webhook</td><td>success</td><td>⏭️ skipped</td><td> </td><td>0</td><td>0 ms</td><td>skipped: branch &quot;main&quot; excluded by &quot;!main&quot;</td></tr>',
    );
    expect(run.summary).toContain('<td>pull-requests</td><td>webhook</td><td>success</td><td>⏭️ skipped</td><td> </td><td>0</td><td>0 ms</td><td>skipped: if rendered &quot;&quot;</td>');
    expect(run.stdout).toContain('::group::releases (webhook): skipped\nskipped: branch "main" excluded by "!main"\n::endgroup::');
  });
});
