import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adaptiveCardProblems, discordMessageProblems, slackBlockProblems } from '../fixtures/chat-validators.js';
import { githubEvent } from '../fixtures/events.js';
import { Receiver, type Received } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';
import { SmtpReceiver } from './smtp-receiver.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start((request) => (request.path.startsWith('/broken') ? { status: 404, body: 'no such hook' } : { status: 200, body: 'ok' }));
});
afterEach(async () => {
  await receiver.close();
});

const REPO = 'https://github.com/octo-org/octo-repo';
const RUN = `${REPO}/actions/runs/1234567890`;
const SENT_BY = 'Sent by octocat from octo-org/octo-repo to check that this destination works.';

/** A workflow_dispatch run by octocat, the way a test workflow runs: `test: true` and the given inputs. */
const runTest = (config: string, inputs: Record<string, string> = {}, env: Record<string, string> = {}): Promise<RunResult> =>
  runAction({
    eventName: 'workflow_dispatch',
    event: githubEvent('workflow_dispatch', (e) => e.sender.login === 'octocat'),
    inputs: { test: 'true', ...inputs },
    config,
    env: { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_ACTOR: 'octocat', ...env },
  });

/** Routes that would send this run nothing: only errors, only on a branch that is not this one, never cancellations. */
const routedAway = `notifications:
  - triggers: error
    to: [hooks, team-chat, archive]
    branches: release/*
    statuses: ["!cancelled"]
`;

const hooks = () => `destinations:
  hooks:
    type: webhook
    url: ${receiver.url}/hooks
    retry_backoff: 0.05
  team-chat:
    type: slack
    webhook_url: ${receiver.url}/slack/T000/B000/XXXXXXXXXXXX
    retry_backoff: 0.05
  archive:
    type: webhook
    url: ${receiver.url}/archive
    enabled: false
${routedAway}`;

const byPath = (prefix: string): Received => {
  const found = receiver.requests.filter((request) => request.path.startsWith(`/${prefix}`));
  expect(found, `requests to /${prefix}`).toHaveLength(1);
  return found[0]!;
};

describe('test: true, run from a workflow_dispatch workflow', () => {
  it('sends a test notification to every enabled destination whatever the routes say, and records each like a delivery', async () => {
    const run = await runTest(hooks());
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests.map((request) => request.path).sort()).toEqual(['/hooks', '/slack/T000/B000/XXXXXXXXXXXX']);

    const webhook = byPath('hooks');
    const { timestamp } = JSON.parse(webhook.text);
    expect(timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(webhook.text).toBe(
      JSON.stringify({
        payload_version: 1,
        destination: 'hooks',
        trigger: 'test',
        status: 'test',
        message: 'Test notification from Herald in octo-org/octo-repo (#42)',
        title: 'Test notification from Herald',
        repository: 'octo-org/octo-repo',
        repository_url: REPO,
        workflow: 'CI',
        job: 'build',
        run: { id: '1234567890', number: '42', attempt: '1', url: RUN },
        commit: { sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246', message: null, url: `${REPO}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246`, author: null },
        ref: 'refs/heads/main',
        branch: 'main',
        tag: null,
        pull_request: null,
        environment: null,
        event_name: 'workflow_dispatch',
        actor: 'octocat',
        started_at: null,
        duration_seconds: null,
        timestamp,
        failed_jobs: [],
      }),
    );

    expect(slackBlockProblems(JSON.parse(byPath('slack').text).attachments[0].blocks)).toEqual([]);
    expect(byPath('slack').text).toBe(
      JSON.stringify({
        attachments: [
          {
            color: '#9e9e9e',
            fallback: '🔔 Test notification from Herald in octo-org/octo-repo (#42)',
            blocks: [
              { type: 'header', text: { type: 'plain_text', text: '🔔 Test notification from Herald', emoji: true } },
              { type: 'section', text: { type: 'mrkdwn', text: SENT_BY } },
              {
                type: 'section',
                fields: [
                  { type: 'mrkdwn', text: `*Repository*\n<${REPO}|octo-org/octo-repo>` },
                  { type: 'mrkdwn', text: `*Workflow*\n<${RUN}|CI / build>` },
                  { type: 'mrkdwn', text: '*Actor*\noctocat' },
                ],
              },
              { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'View run', emoji: true }, url: RUN }] },
            ],
          },
        ],
      }),
    );

    expect(run.outputs).toMatchObject({ sent: '2', failed: '0', skipped: '1', status: 'test', trigger: 'test' });
    expect(run.results.map(({ destination, trigger, status, code, response }) => ({ destination, trigger, status, code, response }))).toEqual([
      { destination: 'hooks', trigger: 'test', status: 'successful', code: 200, response: 'ok' },
      { destination: 'team-chat', trigger: 'test', status: 'successful', code: 200, response: 'ok' },
      { destination: 'archive', trigger: 'test', status: 'skipped', code: null, response: null },
    ]);
    expect(run.summary).toContain('<h3>Herald test notifications</h3>\n🔔 Test notification from Herald in octo-org/octo-repo (#42)\n');
    expect(run.summary).toContain('<tr><td>archive</td><td>webhook</td><td>test</td><td>⏭️ skipped</td>');
  });

  it('destinations: only those named (comma- or newline-separated), a disabled one too since it was asked for by name', async () => {
    const run = await runTest(hooks(), { destinations: 'archive,\nhooks\n' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests.map((request) => request.path)).toEqual(expect.arrayContaining(['/archive', '/hooks']));
    expect(receiver.requests).toHaveLength(2);
    expect(JSON.parse(byPath('archive').text)).toMatchObject({ destination: 'archive', trigger: 'test', status: 'test' });
    expect(run.outputs).toMatchObject({ sent: '2', failed: '0', skipped: '0', status: 'test', trigger: 'test' });
    expect(run.results.map((result) => result.destination)).toEqual(['archive', 'hooks']);
    expect(run.stdout).toContain(
      '::group::archive (webhook): successful 200\n' +
        'destination is disabled (enabled: false); tested because the "destinations" input names it\n' +
        'attempt 1: HTTP 200 delivered\n::endgroup::\n',
    );
  });

  it('an unknown name in destinations fails the step with a did-you-mean, sends nothing, and still writes the outputs', async () => {
    const run = await runTest(hooks(), { destinations: 'hooks, team_chat' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error::Input "destinations" names "team_chat", which is no destination in .github/notifications.yml. Did you mean "team-chat"? ' +
        'Destinations in this file: hooks, team-chat, archive.\n',
    );
    expect(receiver.requests).toHaveLength(0);
    expect(run.outputs).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status: '', trigger: '', messages: '[]' });
  });

  it('a failed test delivery fails the step even with fail-on-error: false; the others are still sent and recorded', async () => {
    const config = `destinations:
  hooks:
    type: webhook
    url: ${receiver.url}/hooks
  broken:
    type: webhook
    url: ${receiver.url}/broken
    retries: 0
`;
    const run = await runTest(config, { 'fail-on-error': 'false' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('::error::1 of 2 test notifications failed:%0Abroken (webhook): HTTP 404\n');
    expect(run.outputs).toMatchObject({ sent: '1', failed: '1', skipped: '0', status: 'test', trigger: 'test' });
    expect(run.results[1]).toMatchObject({ destination: 'broken', trigger: 'test', status: 'failed', code: 404, response: 'no such hook', error: 'HTTP 404' });
  });

  it('messages.test overrides the templates, and <<eventType>> and <<status>> say test', async () => {
    const config = `destinations:
  hooks:
    type: webhook
    url: ${receiver.url}/hooks
    payload: '{"kind": "<<eventType>>"}'
    messages:
      error:
        payload: '{"error": "<<status>>"}'
      test:
        payload: '{"test": "<<eventType>>/<<status>>", "by": "<<actor>>", "message": "<<message>>"}'
`;
    const run = await runTest(config);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(byPath('hooks').text).toBe('{"test": "test/test", "by": "octocat", "message": "Test notification from Herald in octo-org/octo-repo (#42)"}');
  });

  it('a dry run renders the test notifications and sends nothing', async () => {
    const run = await runTest(hooks(), { 'dry-run': 'true', destinations: 'team-chat' });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ destination: 'team-chat', trigger: 'test', status: 'skipped' });
    expect(run.results[0].payload).toContain('🔔 Test notification from Herald');
  });

  it('triggers: [test] in a route is a config error that says how to send a test', async () => {
    const run = await runTest(`${hooks().replace(routedAway, '')}notifications:\n  - triggers: [success, test]\n    to: hooks\n`);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      'notifications[0].triggers[1]: "test" is not routed: a test notification goes to every destination (or those you name), whatever the routes say. ' +
        `Send one with the action's input "test: true" (and "destinations: name, ..." to pick some). Use one of: started, success, error, fixed, broken, approval.`,
    );
    expect(receiver.requests).toHaveLength(0);
  });
});

describe('the default test message of every destination', () => {
  it('chat services: the title, and a line saying who sent it from where, in a neutral colour', async () => {
    const config = `destinations:
  teams:
    type: teams
    webhook_url: ${receiver.url}/teams/workflows/abc?sig=teams-signature
  discord:
    type: discord
    webhook_url: ${receiver.url}/discord/123/discord-token-xyz
  mattermost:
    type: mattermost
    url: ${receiver.url}/mattermost/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue
  rocketchat:
    type: rocketchat
    url: ${receiver.url}/rocketchat/hooks/64f1a2b3c4d5e6f7/Xk9dPq2LmN8rTz
  googlechat:
    type: googlechat
    webhook_url: ${receiver.url}/googlechat/v1/spaces/AAAA/messages?key=gc-key&token=gc-token
`;
    const run = await runTest(config);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(5);

    const teams = JSON.parse(byPath('teams').text).attachments[0].content;
    expect(adaptiveCardProblems(teams)).toEqual([]);
    expect(teams.body.slice(0, 2)).toEqual([
      {
        type: 'Container',
        style: 'emphasis',
        bleed: true,
        items: [{ type: 'TextBlock', text: '🔔 Test notification from Herald', weight: 'Bolder', size: 'Medium', wrap: true }],
      },
      { type: 'TextBlock', text: SENT_BY, wrap: true },
    ]);

    expect(discordMessageProblems(JSON.parse(byPath('discord').text))).toEqual([]);
    const [embed] = JSON.parse(byPath('discord').text).embeds;
    expect(embed).toMatchObject({ title: '🔔 Test notification from Herald', description: SENT_BY, url: RUN, color: 0x9e9e9e });

    for (const service of ['mattermost', 'rocketchat']) {
      const [attachment] = JSON.parse(byPath(service).text).attachments;
      expect(attachment).toMatchObject({ color: '#9e9e9e', title: '🔔 Test notification from Herald', title_link: RUN, text: SENT_BY });
    }

    const { card } = JSON.parse(byPath('googlechat').text).cardsV2[0];
    expect(card.header).toEqual({ title: '🔔 Test notification from Herald', subtitle: 'octo-org/octo-repo · test notification' });
    expect(card.sections[0].widgets[0]).toEqual({ textParagraph: { text: SENT_BY } });
  });

  it('e-mail over SMTP: the subject and the whole text part', async () => {
    const smtp = await SmtpReceiver.start({ user: 'herald', password: 'smtp-pa55-word' });
    try {
      const run = await runTest(`destinations:
  ops-mail:
    type: email
    host: 127.0.0.1
    port: ${smtp.port}
    username: herald
    password: \${SMTP_PASSWORD}
    insecure_skip_verify: true
    from: ci@example.com
    to: ops@example.com
`,
        {},
        { SMTP_PASSWORD: 'smtp-pa55-word' },
      );
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      const [mail] = await smtp.received();
      expect(mail!.parsed.subject).toBe('[octo-org/octo-repo] Test notification from Herald (#42)');
      expect(mail!.parsed.text).toBe(
        [
          'Test notification from Herald in octo-org/octo-repo (#42)',
          '',
          SENT_BY,
          '',
          `Repository: octo-org/octo-repo <${REPO}>`,
          `Workflow: CI / build <${RUN}>`,
          'Actor: octocat',
          '',
          `View the run: ${RUN}`,
          '',
          '-- ',
          'Sent by Herald (destination "ops-mail")',
          '',
        ].join('\n'),
      );
      const html = mail!.parsed.html as string;
      expect(html).toContain(
        '<h2 style="margin:0 0 8px;font-size:18px">🔔 Test notification from Herald in octo-org/octo-repo (#42)</h2>\n' +
          `<p style="margin:0 0 8px">${SENT_BY}</p>\n<table`,
      );
      expect(html).toContain('border-left:4px solid #9e9e9e');
      expect(run.results[0]).toMatchObject({ destination: 'ops-mail', trigger: 'test', status: 'successful', code: 250 });
    } finally {
      await smtp.close();
    }
  });

  it('SES: the same subject and text part in SendEmail', async () => {
    const run = await runTest(
      `destinations:
  ses-mail:
    type: ses
    access_key_id: \${AWS_ACCESS_KEY_ID}
    secret_access_key: \${AWS_SECRET_ACCESS_KEY}
    region: eu-west-1
    api_url: ${receiver.url}/ses
    from: ci@example.com
    to: ops@example.com
`,
      {},
      { AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const { Subject, Body } = JSON.parse(byPath('ses').text).Content.Simple;
    expect(Subject).toEqual({ Data: '[octo-org/octo-repo] Test notification from Herald (#42)', Charset: 'UTF-8' });
    expect(Body.Text.Data.split('\n').slice(0, 3)).toEqual(['Test notification from Herald in octo-org/octo-repo (#42)', '', SENT_BY]);
  });
});
