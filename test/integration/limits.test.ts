import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { runAction } from './run-action.js';

const NAMES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
const config = `destinations:\n${NAMES.map((name) => `  ${name}:\n    type: webhook\n    url: http://127.0.0.1:9/${name}\n    payload: '{"commit": "<<commitMessage>>"}'\n`).join('')}`;

describe('within GitHub\'s limits', () => {
  it('a dry run of eight 300 KB payloads keeps every record, cuts the payloads shown to fit 1 MiB of summary and 1 MB of output, and says so', async () => {
    const event = githubEvent('push', (e) => e.head_commit);
    event.head_commit.message = 'Fix "quotes" & <tags> in é 🚀\n'.repeat(9000);
    const whole = JSON.stringify({ commit: event.head_commit.message }).replace(':', ': ');
    expect(Buffer.byteLength(whole)).toBeGreaterThan(300_000);

    const run = await runAction({ eventName: 'push', event, inputs: { status: 'failure', 'dry-run': 'true' }, config });
    expect(run.exitCode, run.stderr).toBe(0);

    expect(Buffer.byteLength(run.outputs.results!)).toBeLessThan(1_000_000);
    expect(Buffer.byteLength(run.outputs.results!)).toBeGreaterThan(800_000);
    expect(run.results.map((record) => [record.destination, record.status])).toEqual(NAMES.map((name) => [name, 'skipped']));
    expect(run.outputs).toMatchObject({ sent: '0', failed: '0', skipped: '8' });
    for (const record of run.results) {
      const [shown, note] = record.payload.split('\n… ');
      expect(whole.startsWith(shown)).toBe(true);
      expect(Buffer.byteLength(shown)).toBeGreaterThan(90_000);
      expect(note).toBe(`(cut by Herald: the first ${Buffer.byteLength(shown).toLocaleString('en-US')} of ${Buffer.byteLength(whole).toLocaleString('en-US')} bytes, to stay within GitHub's 1 MB limit on an output; the step's log has the whole payload)`);
    }

    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    expect(Buffer.byteLength(run.summary)).toBeGreaterThan(800 * 1024);
    expect(run.summary).toContain("<p>✂️ 8 of 8 payloads below are cut to stay within GitHub's 1 MiB limit on a job summary; each says how much of it is shown, and the step's log has them whole.</p>");
    expect(run.summary.match(/<details>/g)).toHaveLength(8);
    const summaryNote = `of ${Buffer.byteLength(whole).toLocaleString('en-US')} bytes, to stay within GitHub&#39;s 1 MiB limit on a job summary; the step&#39;s log has the whole payload)</code></pre>`;
    expect(run.summary.match(/… \(cut by Herald: the first [\d,]+ of [\d,]+ bytes[^)]*\)<\/code><\/pre>/g)).toEqual(NAMES.map(() => expect.stringContaining(summaryNote)));

    // The log keeps every payload whole.
    expect(run.stdout.split(whole)).toHaveLength(9);
    expect(run.stdout).toContain("8 of the payloads in the results output are cut to stay within GitHub's 1 MB limit on an output; the log has them whole.");
  });
});
