import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseCommandFile } from '../../scripts/action-env.mjs';
import type { DeliveryResult } from '../../src/deliver.js';
import { buildInput } from '../fixtures/build-input.js';

/** The runner's files. @actions/core keeps the summary file it first wrote to, so every test uses the same ones, emptied. */
const dir = mkdtempSync(join(tmpdir(), 'herald-report-'));
const files = { output: join(dir, 'output'), summary: join(dir, 'summary') };

/**
 * A fresh report module (it remembers whether outputs were written) writing, through @actions/core, to temporary
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and what it printed (workflow commands: groups, annotations).
 */
async function step({ summary = true } = {}) {
  vi.resetModules();
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  vi.stubEnv('GITHUB_OUTPUT', files.output);
  vi.stubEnv('GITHUB_STEP_SUMMARY', summary ? files.summary : undefined);
  const printed: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
  const module = await import('../../src/report.js');
  const { registerSecrets } = await import('../../src/secrets.js');
  return {
    ...module,
    registerSecrets,
    outputs: () => parseCommandFile(readFileSync(files.output, 'utf8')),
    summary: () => readFileSync(files.summary, 'utf8'),
    printed: () => printed.join(''),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

const { message } = buildInput('error');
const outcome = { trigger: 'error' as const, status: 'failure' };
const options = { message, outcome, dryRun: false, failOnError: false };

const result = (fields: Partial<DeliveryResult> = {}): DeliveryResult => ({
  destination: 'hooks',
  type: 'webhook',
  trigger: 'error',
  target: null,
  status: 'successful',
  code: 200,
  attempts: 1,
  duration_ms: 12,
  sent_at: '2026-01-01T10:03:25.000Z',
  url: 'https://example.com/ci',
  delivery_id: 'd-1',
  response: 'ok',
  error: null,
  reason: null,
  warnings: [],
  log: ['attempt 1: HTTP 200 delivered'],
  ...fields,
});
const failed = result({
  destination: 'team',
  type: 'slack',
  target: '#ci',
  status: 'failed',
  code: 404,
  attempts: 1,
  response: 'no_service',
  error: 'HTTP 404 <no_service>',
  warnings: ['Template Warning in text: unknown variable "x"'],
  log: ['attempt 1: HTTP 404'],
});
const skipped = result({ destination: 'audit', status: 'skipped', code: null, attempts: 0, sent_at: null, delivery_id: null, response: null, reason: 'destination is disabled (enabled: false)', log: ['skipped: destination is disabled (enabled: false)'] });

describe('report', () => {
  it('writes every output: the records without their log lines, and the counts', async () => {
    const herald = await step();
    await herald.report([result(), failed, skipped], options);
    const { results, ...counts } = herald.outputs();
    expect(counts).toEqual({ sent: '1', failed: '1', skipped: '1', status: 'failure', trigger: 'error' });
    expect(JSON.parse(results!)).toEqual([result(), failed, skipped].map(({ log: _log, ...record }) => record));
  });

  it('writes the summary: the outcome line, one row per delivery, then the template warnings', async () => {
    const herald = await step();
    await herald.report([result(), failed, skipped], options);
    expect(herald.summary()).toBe(
      '<h3>Herald notifications</h3>\n' +
        '❌ CI failed on main in Codertocat/Hello-World (#42)\n' +
        '<table><tr><th>Destination</th><th>Type</th><th>Trigger</th><th>Result</th><th>Code</th><th>Attempts</th><th>Time</th><th>Error</th></tr>' +
        '<tr><td>hooks</td><td>webhook</td><td>error</td><td>✅ sent</td><td>200</td><td>1</td><td>12 ms</td><td> </td></tr>' +
        '<tr><td>team #ci</td><td>slack</td><td>error</td><td>❌ failed</td><td>404</td><td>1</td><td>12 ms</td><td>HTTP 404 &lt;no_service&gt;</td></tr>' +
        '<tr><td>audit</td><td>webhook</td><td>error</td><td>⏭️ skipped</td><td> </td><td>0</td><td>12 ms</td><td>skipped: destination is disabled (enabled: false)</td></tr></table>\n' +
        '<ul><li>team #ci: Template Warning in text: unknown variable &quot;x&quot;</li></ul>\n',
    );
  });

  it('prints a log group per delivery, and warning annotations for template warnings and failures; the step succeeds', async () => {
    const herald = await step();
    await herald.report([result(), failed], options);
    expect(herald.printed()).toBe(
      [
        '::group::hooks (webhook): successful 200',
        'attempt 1: HTTP 200 delivered',
        '::endgroup::',
        '::group::team #ci (slack): failed 404',
        'attempt 1: HTTP 404',
        '::endgroup::',
        '::warning::team #ci: Template Warning in text: unknown variable "x"',
        '::warning::Notification failed: team #ci (slack): HTTP 404 <no_service>',
        '',
      ].join('\n'),
    );
    expect(process.exitCode).toBeUndefined();
  });

  it('with fail-on-error, fails the step with every failure in one error annotation', async () => {
    const herald = await step();
    await herald.report([result(), failed, result({ destination: 'ops', status: 'failed', code: null, error: 'connection refused (ECONNREFUSED)' })], {
      ...options,
      failOnError: true,
    });
    expect(herald.printed()).toContain(
      '::error::2 of 3 notifications failed:%0Ateam #ci (slack): HTTP 404 <no_service>%0Aops (webhook): connection refused (ECONNREFUSED)\n',
    );
    expect(herald.printed()).not.toContain('Notification failed');
    expect(process.exitCode).toBe(1);
  });

  it('on a dry run, shows each payload in the summary and in its log group', async () => {
    const herald = await step();
    const dry = result({ status: 'skipped', code: null, attempts: 0, duration_ms: 0, payload: '{"text": "<b>CI</b> failed"}', reason: 'dry run', log: ['dry run: not sent'] });
    await herald.report([dry], { ...options, dryRun: true });
    expect(herald.summary()).toBe(
      '<h3>Herald notifications (dry run: nothing was sent)</h3>\n' +
        '❌ CI failed on main in Codertocat/Hello-World (#42)\n' +
        '<table><tr><th>Destination</th><th>Type</th><th>Trigger</th><th>Result</th><th>Code</th><th>Attempts</th><th>Time</th><th>Error</th></tr>' +
        '<tr><td>hooks</td><td>webhook</td><td>error</td><td>⏭️ skipped</td><td> </td><td>0</td><td>0 ms</td><td>dry run: not sent</td></tr></table>\n' +
        '<details><summary>hooks: payload</summary>\n\n<pre><code>{&quot;text&quot;: &quot;&lt;b&gt;CI&lt;/b&gt; failed&quot;}</code></pre>\n\n</details>\n',
    );
    expect(herald.printed()).toContain('::group::hooks (webhook): skipped\ndry run: not sent\npayload:\n{"text": "<b>CI</b> failed"}\n::endgroup::\n');
    expect(JSON.parse(herald.outputs().results!)[0].payload).toBe('{"text": "<b>CI</b> failed"}');
  });

  it('masks registered secrets in the summary', async () => {
    const herald = await step();
    herald.registerSecrets(['hook-token-4242']);
    await herald.report([result({ status: 'failed', error: 'HTTP 401: bad token hook-token-4242' })], options);
    expect(herald.summary()).toContain('<td>HTTP 401: bad token ****</td>');
    expect(herald.summary()).not.toContain('hook-token-4242');
  });

  it('says when no destination is routed', async () => {
    const herald = await step();
    await herald.report([], options);
    expect(herald.outputs()).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status: 'failure', trigger: 'error' });
    expect(herald.printed()).toBe('No destination is routed for this trigger; nothing to send. (CI failed on main in Codertocat/Hello-World (#42))\n');
    expect(herald.summary()).toContain('<p>No destination is routed for this trigger.</p>\n');
  });

  it('writes no summary when the runner gives no summary file, and still every output', async () => {
    const herald = await step({ summary: false });
    await herald.report([result()], options);
    expect(herald.summary()).toBe('');
    expect(herald.outputs().sent).toBe('1');
    expect(herald.printed()).not.toContain('::warning::');
  });
});

describe('when nothing is sent', () => {
  it('for a status that is no trigger: empty outputs with the status, and one summary line saying why', async () => {
    const herald = await step();
    await herald.reportNothingSent({ trigger: null, status: 'skipped', reason: 'status "skipped": the job or step did not run' });
    expect(herald.outputs()).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status: 'skipped', trigger: '' });
    expect(herald.summary()).toBe('<b>Herald</b>: ℹ️ status &quot;skipped&quot;: the job or step did not run; nothing was sent.\n');
  });

  it('after a failure before the report: empty outputs and a summary line pointing at the log', async () => {
    const herald = await step();
    await herald.reportIfUnreported();
    expect(herald.outputs()).toEqual({ results: '[]', sent: '0', failed: '0', skipped: '0', status: '', trigger: '' });
    expect(herald.summary()).toBe('<b>Herald</b>: ❌ failed before sending anything; the error is in the log and the annotations.\n');
  });

  it('once the report is written, adds nothing', async () => {
    const herald = await step();
    await herald.report([result()], options);
    const [outputs, summary] = [herald.outputs(), herald.summary()];
    await herald.reportIfUnreported();
    expect(herald.outputs()).toEqual(outputs);
    expect(herald.summary()).toBe(summary);
  });
});
