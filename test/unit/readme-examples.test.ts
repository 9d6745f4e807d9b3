import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderTemplate } from '../../src/render/template.js';
import type { Trigger } from '../../src/outcome.js';
import { buildInput } from '../fixtures/build-input.js';
import { githubEvent } from '../fixtures/events.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const TEMPLATE_FIELDS = ['payload', 'text', 'subject', 'body', 'html', 'if'];

/** Every template in the README's YAML examples: [where, template]. */
function readmeTemplates(): [string, string][] {
  const found: [string, string][] = [];
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (TEMPLATE_FIELDS.includes(key) && typeof value === 'string' && value.includes('<<')) found.push([`${path}.${key}`, value]);
      else walk(value, `${path}.${key}`);
    }
  };
  for (const [, block] of README.matchAll(/```yaml\n([\s\S]*?)```/g)) walk(parse(block!), 'README');
  return found;
}

/** The variables a template gets on a real event, as the action computes them. */
function variablesOn(eventName: 'push' | 'pull_request', trigger: Trigger = 'error') {
  if (eventName === 'push') return buildInput(trigger).vars;
  const event = githubEvent('pull_request', (e) => e.action === 'opened');
  return buildInput(trigger, { event, eventName, ref: `refs/pull/${event.number}/merge` }).vars;
}

describe('the README template examples', () => {
  const templates = readmeTemplates();

  it('are found (the webhook, config, chat and e-mail examples)', () => {
    expect(templates.length).toBeGreaterThanOrEqual(7);
    expect(templates.map(([, template]) => template)).toContain(
      '{"repo": "<<repository>>", "status": "<<status>>"<<#event.pull_request>>, "pr": <<json.event.pull_request>><</event.pull_request>>}\n',
    );
  });

  it.each(['push', 'pull_request'] as const)('render on a %s event without a warning, JSON ones as valid JSON', (eventName) => {
    const vars = variablesOn(eventName);
    for (const [where, template] of templates) {
      // As the webhook decides: a payload that starts with { or [ is JSON.
      const format = where.endsWith('.payload') && /^\s*[[{]/.test(template) ? 'json' : 'text';
      expect(renderTemplate(template, vars, format).warnings, where).toEqual([]);
    }
  });
});

describe('what the README says <<json.path>> gives', () => {
  const pr = variablesOn('pull_request');
  const number = pr.event.pull_request.number as number;
  const render = (template: string, vars = pr) => renderTemplate(template, vars, 'json');

  it('a run variable is a string: <<json.prNumber>> gives "12", <<json.runNumber>> "42"', () => {
    expect(render('[<<json.prNumber>>, <<json.runNumber>>]').text).toBe(`["${number}", "42"]`);
  });

  it('the event keeps GitHub\'s types: <<json.event.pull_request.number>> gives a number', () => {
    expect(render('<<json.event.pull_request.number>>').text).toBe(String(number));
    expect(render('[<<json.event.pull_request.draft>>, <<json.event.pull_request.labels>>]').text).toBe(
      `[${pr.event.pull_request.draft}, ${JSON.stringify(pr.event.pull_request.labels)}]`,
    );
  });

  it('durationSeconds is a number, or null (on a start)', () => {
    expect(render('<<json.durationSeconds>>').text).toBe('205');
    expect(render('<<json.durationSeconds>>', variablesOn('pull_request', 'started')).text).toBe('null');
  });

  it.each(['push', 'pull_request'] as const)('the unquoted-in-a-section and labels examples render on %s without a warning', (eventName) => {
    const vars = variablesOn(eventName);
    const template = '{"a": 1<<#prNumber>>, "pr": <<prNumber>><</prNumber>><<#event.pull_request>>, "labels": <<json.event.pull_request.labels>><</event.pull_request>>}';
    const { text, warnings } = renderTemplate(template, vars, 'json');
    expect(warnings).toEqual([]);
    expect(JSON.parse(text)).toEqual(eventName === 'push' ? { a: 1 } : { a: 1, pr: number, labels: pr.event.pull_request.labels });
  });
});
