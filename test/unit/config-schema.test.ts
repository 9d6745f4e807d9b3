import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { destinationTypes } from '../../src/destinations/index.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const COMMITTED = JSON.parse(readFileSync(new URL('../../schema/notifications.schema.json', import.meta.url), 'utf8'));
const CONFIG_KEYS = ['destinations', 'notifications', 'block_private_addresses'];

const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
const validate = ajv.compile(COMMITTED);
const errors = (config: unknown) => (validate(config) ? [] : validate.errors!.map((error) => `${error.instancePath} ${error.message}`));

/**
 * Every config example in the README, by the heading it is under: the YAML blocks whose top-level keys are config keys
 * (workflows are not). A block that shows a workflow and the config together is cut at its `# .github/notifications.yml`
 * line; a block of routes alone is checked with an empty `destinations`, and a `messages:` fragment inside a chat or an
 * e-mail destination, as the README shows it.
 */
function readmeConfigs(): [string, unknown][] {
  const found: [string, unknown][] = [];
  for (const match of README.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const heading = [...README.slice(0, match.index).matchAll(/^#+ (.*)$/gm)].at(-1)![1]!;
    const block = match[1]!.split(/^# \.github\/notifications\.yml\n/m).at(-1)!;
    const data = parse(block) as Record<string, unknown> | null;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) continue;
    const keys = Object.keys(data);
    if (keys.length === 1 && keys[0] === 'messages') found.push([`${heading} (messages)`, { destinations: { example: { ...destinationFor(data.messages), ...data } } }]);
    else if (keys.every((key) => CONFIG_KEYS.includes(key))) found.push([heading, { destinations: {}, ...data }]);
  }
  return found;
}

/** A destination whose templates a `messages` fragment overrides: e-mail for subject and body, else a chat one. */
function destinationFor(messages: unknown): Record<string, unknown> {
  const mail = JSON.stringify(messages).match(/"(subject|body|html)"/);
  return mail ? { type: 'email', host: 'smtp.example.com', from: 'ci@example.com', to: 'ops@example.com' } : { type: 'slack', webhook_url: '${SLACK_WEBHOOK_URL}' };
}

describe('the config JSON Schema (schema/notifications.schema.json)', () => {
  it('is the one generated from the zod schemas (npm run bundle writes it)', () => {
    expect(COMMITTED).toEqual(configJsonSchema());
  });

  it('offers each destination type as a choice by type, with that type\'s fields', () => {
    const choices = COMMITTED.properties.destinations.additionalProperties.oneOf;
    expect(choices.map((choice: any) => choice.properties.type.const)).toEqual(destinationTypes());
    const slack = choices.find((choice: any) => choice.properties.type.const === 'slack');
    expect(Object.keys(slack.properties)).toEqual(expect.arrayContaining(['webhook_url', 'token', 'channels', 'messages', 'retries']));
    expect(slack.additionalProperties).toBe(false);
  });

  it('describes every field', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'properties') {
          for (const [field, schema] of Object.entries(value as Record<string, any>)) {
            if (!schema.description) undescribed.push(`${path}.${field}`);
          }
        }
        walk(value, `${path}/${key}`);
      }
    };
    walk(COMMITTED, '');
    expect(undescribed).toEqual([]);
  });

  const examples = readmeConfigs();

  it('finds the README config examples', () => {
    const headings = examples.map(([heading]) => heading);
    expect(headings).toEqual(expect.arrayContaining(['Quick start (30 seconds)', 'Config file', 'Filters', 'Destinations (messages)']));
    for (const type of destinationTypes()) expect(headings.some((heading) => heading.includes(`\`${type}\``))).toBe(true);
    expect(examples.length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples.map(([first, config], i) => [i + 1, first, config] as const))('accepts README config example %i, under "%s"', (_, __, config) => {
    expect(errors(config)).toEqual([]);
  });

  it("accepts this repository's own config (.github/herald-ci.yml)", () => {
    expect(errors(parse(readFileSync(new URL('../../.github/herald-ci.yml', import.meta.url), 'utf8')))).toEqual([]);
  });

  const config = (destination: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
    destinations: { hooks: { type: 'webhook', url: 'https://example.com/ci', ...destination } },
    ...rest,
  });

  it('takes ${NAME} in number, boolean, URL and address fields, as Herald fills them in first', () => {
    expect(errors(config({ retries: '${RETRIES}', enabled: '${ON}', url: '${HOOK_URL}' }, { block_private_addresses: '${BLOCK}' }))).toEqual([]);
    expect(errors(config({ url: 'https://${HOST}/ci', method: '${METHOD}' }))).toEqual([]);
    const mail = { type: 'email', host: 'smtp.example.com', port: '${SMTP_PORT}', from: '${MAIL_FROM}', to: '${MAIL_TO}' };
    expect(errors({ destinations: { mail } })).toEqual([]);
  });

  it('takes one value where a list goes (to: hooks, triggers: error, branches: main)', () => {
    expect(errors(config({}, { notifications: [{ triggers: 'error', to: 'hooks', branches: 'main', statuses: '!cancelled' }] }))).toEqual([]);
  });

  it.each([
    ['a number as text', config({ retries: 'three' }), '/destinations/hooks'],
    ['yes for a boolean', config({ enabled: 'yes' }), '/destinations/hooks'],
    ['a number where a mapping goes', config({ headers: 5 }), '/destinations/hooks'],
    ['a ${NAME} that is not the whole number', config({ retries: '${RETRIES}0' }), '/destinations/hooks'],
    ['an unknown key', config({ methd: 'POST' }), '/destinations/hooks'],
    ['an unknown type', { destinations: { hooks: { type: 'pager', url: 'https://example.com' } } }, '/destinations/hooks'],
    ['a field of another type', config({ webhook_url: 'https://example.com' }), '/destinations/hooks'],
    ['a missing url', { destinations: { hooks: { type: 'webhook' } } }, '/destinations/hooks'],
    ['not a URL', config({ url: 'not a url' }), '/destinations/hooks'],
    ['a status for a trigger', config({}, { notifications: [{ triggers: ['failure'], to: 'hooks' }] }), '/notifications/0/triggers'],
    ['a number for a destination name', config({}, { notifications: [{ triggers: 'error', to: 5 }] }), '/notifications/0/to'],
    ['no destinations', { notifications: [] }, ''],
    ['an unknown top-level key', config({}, { destination: {} }), ''],
  ])('rejects %s', (_, bad, where) => {
    const found = errors(bad);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((error) => error.startsWith(`${where} `) || error.startsWith(`${where}/`))).toBe(true);
  });
});
