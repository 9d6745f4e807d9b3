import { describe, expect, it } from 'vitest';
import { pagerduty } from '../../src/destinations/pagerduty.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';

const KEY = 'R0UT1NGKEY0123456789abcdef012345';
const config = (fields: object = {}) => pagerduty.schema.parse({ type: 'pagerduty', routing_key: KEY, ...fields });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';

describe('pagerduty', () => {
  it('an error triggers an incident and a success resolves it through the same dedup key', () => {
    const [trigger] = pagerduty.build(config(), buildInput('error'));
    const [resolve] = pagerduty.build(config(), buildInput('success'));
    expect(trigger).toMatchObject({ method: 'POST', url: 'https://events.pagerduty.com/v2/enqueue', headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(trigger!.body).toBe(
      JSON.stringify({
        routing_key: KEY,
        event_action: 'trigger',
        dedup_key: 'Codertocat/Hello-World/CI/main',
        payload: {
          summary: 'CI failed on main in Codertocat/Hello-World (#42)',
          source: 'Codertocat/Hello-World',
          severity: 'critical',
          timestamp: '2026-01-01T10:03:25.000Z',
          custom_details: {
            repository: 'Codertocat/Hello-World',
            workflow: 'CI / build',
            branch: 'main',
            commit: '6113728 Adding a .gitignore file',
            actor: 'Codertocat',
            duration: '3m 25s',
          },
        },
        client: 'GitHub Actions',
        client_url: RUN_URL,
        links: [
          { href: RUN_URL, text: 'Workflow run' },
          { href: 'https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246', text: 'Commit 6113728' },
        ],
      }),
    );
    expect(resolve!.url).toBe('https://events.pagerduty.com/v2/enqueue');
    expect(resolve!.body).toBe(JSON.stringify({ routing_key: KEY, event_action: 'resolve', dedup_key: 'Codertocat/Hello-World/CI/main' }));
  });

  it('a start sends nothing, and says why', () => {
    expect(pagerduty.skip!(config(), 'started')).toMatch(/^PagerDuty has no event for a start/);
    for (const trigger of ['error', 'success', 'test'] as const) expect(pagerduty.skip!(config(), trigger)).toBeUndefined();
    expect(pagerduty.build(config(), buildInput('started'))).toEqual([]);
  });

  it('a test notification triggers an info incident under a key of its own', () => {
    const event = body(pagerduty.build(config(), buildInput('test'))[0]!);
    expect(event).toMatchObject({ event_action: 'trigger', dedup_key: 'herald-test/Codertocat/Hello-World/CI/main' });
    expect(event.payload).toMatchObject({ severity: 'info', summary: 'Test notification from Herald in Codertocat/Hello-World (#42)' });
    expect(event.payload.custom_details.description).toBe('Sent by Codertocat from Codertocat/Hello-World to check that this destination works.');
  });

  it('takes the severity, source, component, group, class, client and dedup key from the config', () => {
    const fields = {
      severity: { error: 'warning' },
      source: 'ci-<<repository>>',
      component: '<<workflow>>',
      group: 'builds',
      class: 'ci',
      client_name: 'AWX',
      client_url: 'https://ci.example.com/',
      dedup_key: '<<repository>>#<<branch>>',
      api_url: 'http://127.0.0.1:9/pd/',
    };
    const [request] = pagerduty.build(config(fields), buildInput('error'));
    expect(request!.url).toBe('http://127.0.0.1:9/pd/v2/enqueue');
    const event = body(request!);
    expect(event).toMatchObject({ dedup_key: 'Codertocat/Hello-World#main', client: 'AWX', client_url: 'https://ci.example.com/' });
    expect(event.payload).toMatchObject({ severity: 'warning', source: 'ci-Codertocat/Hello-World', component: 'CI', group: 'builds', class: 'ci' });
    expect(body(pagerduty.build(config(fields), buildInput('test'))[0]!).payload.severity).toBe('info');
    expect(body(pagerduty.build(config({ severity: 'error' }), buildInput('test'))[0]!).payload.severity).toBe('error');
    expect(body(pagerduty.build(config(fields), buildInput('success'))[0]!).dedup_key).toBe('Codertocat/Hello-World#main');
  });

  it('refuses a severity PagerDuty does not know', () => {
    expect(pagerduty.schema.safeParse({ type: 'pagerduty', routing_key: KEY, severity: 'fatal' }).success).toBe(false);
    expect(pagerduty.schema.safeParse({ type: 'pagerduty', routing_key: KEY, severity: { started: 'info' } }).success).toBe(false);
  });

  it('keeps a hostile commit message as data and cuts the summary at 1024 characters', () => {
    const [request] = pagerduty.build(config({ summary: '<<commitMessage>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT }));
    expect(isWellFormed(request!.body!)).toBe(true);
    const event = body(request!);
    expect(event.payload.summary.length).toBe(1024);
    expect(event.payload.summary.startsWith('Fix "quotes" and \\backslashes\\ <!channel> <!here> @everyone')).toBe(true);
    expect(event.payload.summary.endsWith('…')).toBe(true);
    expect(event.payload.custom_details.commit.startsWith('6113728 Fix "quotes"')).toBe(true);
    expect(Object.keys(event)).toEqual(['routing_key', 'event_action', 'dedup_key', 'payload', 'client', 'client_url', 'links']);
  });

  it('cuts a long dedup key at 255 characters, the same for the break and the fix', () => {
    const long = config({ dedup_key: '<<commitMessage>>' });
    const [trigger] = pagerduty.build(long, buildInput('error', { commitMessage: 'x'.repeat(400) }));
    const [resolve] = pagerduty.build(long, buildInput('success', { commitMessage: 'x'.repeat(400) }));
    expect(body(trigger!).dedup_key).toHaveLength(255);
    expect(body(resolve!).dedup_key).toBe(body(trigger!).dedup_key);
  });

  it('reads 202 as a delivery and a 400 with its errors as a failure in PagerDuty\'s words', () => {
    expect(pagerduty.interpret!({ code: 202, headers: {}, body: '{"status":"success","message":"Event processed","dedup_key":"k"}' })).toEqual({});
    expect(
      pagerduty.interpret!({
        code: 400,
        headers: {},
        body: '{"status":"invalid event","message":"Event object is invalid","errors":["Length of \'routing_key\' is incorrect (should be 32 characters)"]}',
      }),
    ).toEqual({ error: "PagerDuty error: Event object is invalid: Length of 'routing_key' is incorrect (should be 32 characters) (HTTP 400)" });
    expect(pagerduty.interpret!({ code: 429, headers: {}, body: 'Too Many Requests' })).toEqual({});
  });

  it('declares the routing key secret', () => {
    expect(pagerduty.secrets(config())).toEqual([KEY]);
  });
});
