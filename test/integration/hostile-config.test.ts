import { describe, expect, it } from 'vitest';
import { githubEvent } from '../fixtures/events.js';
import { runAction } from './run-action.js';

const run = (config: string) => runAction({ eventName: 'push', event: githubEvent('push', (e) => e.head_commit), inputs: { status: 'failure' }, config });

describe('configs that would hold the job', () => {
  it('refuses a config over 1 MB before parsing it', async () => {
    const config = `destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    payload: "${'x'.repeat(5 * 1024 * 1024)}"\n`;
    const result = await run(config);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      '::error::Config file .github/notifications.yml is 5 MB; Herald reads config files up to 1 MB. A notifications config is a few KB: check that the "config" input points at it.',
    );
  });

  it('reports the one typo among 15,000 destinations', async () => {
    let config = 'destinations:\n';
    for (let i = 0; i < 15_000; i++) config += `  d${i}:\n    type: webhook\n    url: https://example.com/${i}\n`;
    config += '  typo:\n    type: webhook\n    ulr: https://example.com/x\n';
    const result = await run(config);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('Config file .github/notifications.yml has 1 problem:\n');
    expect(result.stdout).toContain('::error title=Herald config,file=.github/notifications.yml,line=45004,col=5::.github/notifications.yml:45004:5: destinations.typo.ulr: unknown key "ulr". Did you mean "url"?');
  });

  it('an alias bomb is one clear message, not a stack trace', async () => {
    let config = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (const [previous, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) config += `${name}: &${name} [${`*${previous},`.repeat(8)}*${previous}]\n`;
    config += 'destinations: *i\n';
    const result = await run(config);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('.github/notifications.yml:2:8: its aliases (*name) expand to too many values');
    expect(result.stdout).not.toMatch(/\n\s+at |%0A\s+at /);
  });
});
