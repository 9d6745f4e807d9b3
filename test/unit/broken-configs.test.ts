import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configProblems } from '../fixtures/config.js';

/** A corpus of the mistakes people make, each file starting with "# expect: <what the message must say>". */
const folder = new URL('../fixtures/broken-configs/', import.meta.url);
const corpus = readdirSync(folder)
  .filter((name) => name.endsWith('.yml'))
  .map((name) => {
    const text = readFileSync(new URL(name, folder), 'utf8');
    return { name, text, expected: /^# expect: (.*)$/m.exec(text)![1]! };
  });

describe('every broken config gets one clear message', () => {
  it('has a corpus of at least 30', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(30);
  });

  it.each(corpus)('$name', ({ text, expected }) => {
    const message = configProblems(text);
    expect(message).toContain(expected);
    // One problem, at file:line:col, and no stack trace.
    expect(message).toMatch(/^Config file \.github\/notifications\.yml has 1 problem:\n\.github\/notifications\.yml:\d+:\d+: /);
    expect(message).not.toMatch(/\n\s+at /);
  });
});
