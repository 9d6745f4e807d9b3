import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configProblems } from '../fixtures/config.js';
import { herald } from './herald-cli.js';
import { githubEvent } from '../fixtures/events.js';

const QUICK_START = `destinations:
  team-chat:
    type: slack
    webhook_url: \${SLACK_WEBHOOK_URL}
  ops:
    type: webhook
    url: https://ops.example.com/ci
    secret: \${OPS_SIGNING_SECRET}
notifications:
  - triggers: [success, error]
    to: [team-chat]
  - triggers: [error]
    to: [ops]
    branches: [main, "release/*"]
`;

const config = (text: string) => ({ '.github/notifications.yml': text });

describe('herald validate', () => {
  it('says OK with the counts, and which variables the run will need, when the shell has none of them', async () => {
    expect(await herald(['validate'], config(QUICK_START))).toEqual({
      code: 0,
      stdout:
        'OK: 2 destinations, 2 routes in .github/notifications.yml\n' +
        "Not set here, needed when it runs: SLACK_WEBHOOK_URL, OPS_SIGNING_SECRET. Pass them in the step's env (or HERALD_SECRETS); their values were not checked.\n",
      stderr: '',
    });
  });

  it('checks the values of the variables that are set, and names no missing ones then', async () => {
    const env = { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/secret', OPS_SIGNING_SECRET: 'shh-1234' };
    expect(await herald(['validate'], config(QUICK_START), env)).toEqual({
      code: 0,
      stdout: 'OK: 2 destinations, 2 routes in .github/notifications.yml\n',
      stderr: '',
    });
    const wrong = await herald(['validate'], config(QUICK_START), { ...env, SLACK_WEBHOOK_URL: 'not a url' });
    expect(wrong).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:18: destinations.team-chat.webhook_url: must be an http:// or https:// URL\n',
    });
  });

  it('prints every problem as the action does, as plain lines (file:line:col: path: what and how to fix), and exits 1', async () => {
    const text = QUICK_START.replace('    url: https://ops.example.com/ci\n', '    url: https://ops.example.com/ci\n    methd: POST\n').replace(
      '[success, error]',
      '[success, failure]',
    );
    const result = await herald(['validate', '--config', 'notify.yml'], { 'notify.yml': text });
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'Config file notify.yml has 2 problems:\n' +
        'notify.yml:8:5: destinations.ops.methd: unknown key "methd". Did you mean "method"? Allowed here: type, enabled, timeout, ' +
        'retries, retry_backoff, delimiters, block_private_addresses, payload, messages, url, method, headers, format, payload_format, forward_all, secret, ' +
        'signature_header, signature_prefix, username, password, authorization_header, insecure_skip_verify, follow_redirects.\n' +
        'notify.yml:11:25: notifications[0].triggers[1]: "failure" is a job status, not a trigger; failures and cancellations are ' +
        'routed with "error". Use one of: started, success, error, fixed, broken, approval.\n',
    });
    expect(result.stderr).not.toContain('::error');
  });

  const folder = new URL('../fixtures/broken-configs/', import.meta.url);
  const corpus = readdirSync(folder)
    .filter((name) => name.endsWith('.yml') && name !== '22-missing-variable.yml')
    .map((name) => [name, readFileSync(new URL(name, folder), 'utf8')] as const);

  // Where a file nested too deeply stops being read depends on the stack left, so its column is not compared.
  const column = (text: string, name: string) => (name.includes('deep-nesting') ? text.replace(/:2:\d+:/, ':2:(col):') : text);

  it.each(corpus)("gives the action's message for broken config %s", async (name, text) => {
    const result = await herald(['validate'], config(text));
    expect({ ...result, stderr: column(result.stderr, name) }).toEqual({ code: 1, stdout: '', stderr: column(`${configProblems(text)}\n`, name) });
  });

  it('says what the file lacks for a missing file', async () => {
    const result = await herald(['validate', '--config', 'nope.yml'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("Config file nope.yml not found. Run herald in your repository's root, or give --config FILE.\n");
  });

  it('explains a wrong command or option with the usage, and exits 2', async () => {
    const result = await herald(['validte'], config(QUICK_START));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^herald: unknown command "validte"\.\nUsage:\n  herald validate/);
    expect((await herald(['validate', '--confg', 'x.yml'], config(QUICK_START))).code).toBe(2);
  });
});

const PREVIEW_CONFIG = `destinations:
  team-chat:
    type: slack
    webhook_url: \${SLACK_WEBHOOK_URL}
    payload: '{"text": "<<workflow>> <<status>> on <<branch>> by <<actor>>"}'
  ops:
    type: webhook
    url: https://ops.example.com/ci?token=\${OPS_TOKEN}
    payload: '{"repo": "<<repository>>", "sha": "<<shortSha>>", "trigger": "<<eventType>>"}'
notifications:
  - triggers: [success, error]
    to: team-chat
  - triggers: error
    to: ops
`;

describe('herald preview', () => {
  it('renders what each routed destination would get for a push to main, secrets it lacks as ****', async () => {
    expect(await herald(['preview', '--trigger', 'error'], config(PREVIEW_CONFIG))).toEqual({
      code: 0,
      stdout: [
        'Preview of .github/notifications.yml: trigger error (status failure) on a push event; nothing is sent.',
        'Not set here, shown as ****: SLACK_WEBHOOK_URL, OPS_TOKEN.',
        'Failed jobs, which the action reads from the GitHub API, are a sample here: the job "build", its step "Run tests".',
        '',
        '== team-chat (slack)',
        'to: ****',
        '{"text": "CI failure on main by mona"}',
        '',
        '== ops (webhook)',
        'to: https://ops.example.com/ci?token=****',
        '{"repo": "octo/app", "sha": "6113728", "trigger": "error"}',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('follows the routes (a success goes only to team-chat) and masks the secrets the shell has, as the action does', async () => {
    const env = { SLACK_WEBHOOK_URL: 'https://hooks.slack.com/services/T0/B0/secret-token', OPS_TOKEN: 'ops-token-1234' };
    const result = await herald(['preview', '--status', 'success'], config(PREVIEW_CONFIG), env);
    expect(result).toEqual({
      code: 0,
      stdout: [
        'Preview of .github/notifications.yml: trigger success (status success) on a push event; nothing is sent.',
        'No route sends success here to: ops.',
        '',
        '== team-chat (slack)',
        'to: ****',
        '{"text": "CI success on main by mona"}',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  it('says why a filter left a destination out', async () => {
    const text = `${PREVIEW_CONFIG}  - triggers: success\n    to: ops\n    branches: ["!main"]\n`;
    const result = await herald(['preview', '--status', 'success'], config(text));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('\n== ops (webhook)\nskipped: branch "main" excluded by "!main"\n');
    expect(result.stdout).not.toContain('No route sends success here');
  });

  it('fills a secret the shell lacks inside a value (a host name, a path) with a stand-in that fits there', async () => {
    const text = PREVIEW_CONFIG.replace('https://ops.example.com/ci?token=${OPS_TOKEN}', 'https://${OPS_HOST}/ci/${OPS_TOKEN}');
    const result = await herald(['preview', '--trigger', 'error'], config(text));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Not set here, shown as ****: SLACK_WEBHOOK_URL, OPS_HOST, OPS_TOKEN.');
    expect(result.stdout).toContain('to: https://****/ci/****\n');
  });

  it('--trigger broken: the routes that name broken get it, the others error, without asking GitHub', async () => {
    const text = PREVIEW_CONFIG.replace('  - triggers: [success, error]\n    to: team-chat', '  - triggers: [broken, fixed]\n    to: team-chat');
    const result = await herald(['preview', '--trigger', 'broken'], config(text));
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Preview of .github/notifications.yml: trigger broken (status failure) on a push event; nothing is sent.');
    expect(result.stdout).toContain('{"text": "CI failure on main by mona"}');
    expect(result.stdout).toContain('{"repo": "octo/app", "sha": "6113728", "trigger": "error"}');
  });

  it("shows a failure's default message with a sample failed job, which the action would read from the GitHub API; none for a cancellation", async () => {
    const text = PREVIEW_CONFIG.replace(`    payload: '{"text": "<<workflow>> <<status>> on <<branch>> by <<actor>>"}'\n`, '');
    const failed = await herald(['preview', '--status', 'failure'], config(text));
    expect(failed.stderr).toBe('');
    expect(failed.stdout).toContain('"text":"*Failed job*\\n• <https://github.com/octo/app/actions/runs/1234567890/job/1|build>: Run tests"');
    const cancelled = await herald(['preview', '--status', 'cancelled'], config(text));
    expect(cancelled.stdout).not.toContain('Failed job');
  });

  it('sends a test notification to every destination with --test', async () => {
    const result = await herald(['preview', '--test'], config(PREVIEW_CONFIG));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('trigger test (status test)');
    expect(result.stdout).toContain('{"text": "CI test on main by mona"}');
    expect(result.stdout).toContain('{"repo": "octo/app", "sha": "6113728", "trigger": "test"}');
  });

  it('describes the run of a real event payload given with --payload', async () => {
    const event = githubEvent('pull_request', (e) => e.action === 'opened');
    const files = { ...config(PREVIEW_CONFIG), 'event.json': JSON.stringify(event) };
    const result = await herald(['preview', '--status', 'failure', '--payload', 'event.json'], files);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`trigger error (status failure) on a pull_request event`);
    expect(result.stdout).toContain(`{"text": "CI failure on ${event.pull_request.head.ref} by ${event.sender.login}"}`);
    expect(result.stdout).toContain(`"repo": "${event.repository.full_name}"`);
  });

  it('shows a config problem as validate does, and a template that cannot render as an error, exiting 1', async () => {
    const broken = await herald(['preview'], config(PREVIEW_CONFIG.replace('type: webhook', 'type: webhok')));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^Config file \.github\/notifications\.yml has 1 problem:\n\.github\/notifications\.yml:7:11: destinations\.ops\.type: unknown destination type "webhok"\. Did you mean "webhook"\?/);
    const template = PREVIEW_CONFIG.replace('"sha": "<<shortSha>>"', '"sha": <<branch>>');
    const failed = await herald(['preview', '--trigger', 'error'], config(template));
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/^error: Template Error in payload: /);
  });

  it('refuses two ways of picking what to preview', async () => {
    const result = await herald(['preview', '--status', 'success', '--test'], config(PREVIEW_CONFIG));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^herald: --status, --trigger and --test each pick what to preview: give one of them\./);
  });
});
