import { describe, expect, it } from 'vitest';
import { annotationsUrl, grafana } from '../../src/destinations/grafana.js';
import type { BuildInput } from '../../src/destinations/destination.js';
import { renderTemplate } from '../../src/render/template.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';

const TOKEN = 'glsa_grafanaServiceAccountToken_0123abcd';
const config = (fields: object = {}) => grafana.schema.parse({ type: 'grafana', url: 'https://grafana.example.com', api_key: TOKEN, ...fields });
const annotation = (outbound: { body?: string }) => JSON.parse(outbound.body!);
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';
// buildInput: HERALD_STARTED_AT 10:00:00, sent at 10:03:25 (a duration of 205 s).
const START = Date.parse('2026-01-01T10:00:00Z');
const NOW = Date.parse('2026-01-01T10:03:25Z');

/** The same input with other template variables (and a render that uses them). */
const withVars = (input: BuildInput, vars: Partial<BuildInput['vars']>): BuildInput => {
  const changed = { ...input.vars, ...vars };
  return { ...input, vars: changed, render: (template, format) => renderTemplate(template, changed, format).text };
};

describe('grafana', () => {
  it('an error with a known start is a region from the start to the end, POSTed with the token as Bearer', () => {
    const [request] = grafana.build(config(), buildInput('error'));
    expect(request).toEqual({
      transport: 'http',
      method: 'POST',
      url: 'https://grafana.example.com/api/annotations',
      headers: { 'Content-Type': 'application/json; charset=utf-8', Authorization: `Bearer ${TOKEN}` },
      insecureSkipVerify: false,
      body: JSON.stringify({
        time: START,
        timeEnd: START + 205_000,
        tags: ['herald', 'error', 'Codertocat/Hello-World'],
        text: `CI failed on main in Codertocat/Hello-World (#42) <a href="${RUN_URL}">View run</a>`,
      }),
    });
  });

  it('a success is a region too, tagged success', () => {
    expect(annotation(grafana.build(config(), buildInput('success'))[0]!)).toEqual({
      time: START,
      timeEnd: NOW,
      tags: ['herald', 'success', 'Codertocat/Hello-World'],
      text: `CI succeeded on main in Codertocat/Hello-World (#42) <a href="${RUN_URL}">View run</a>`,
    });
  });

  it('broken and fixed are regions like the error and success they refine, tagged with their own trigger; an approval is a point', () => {
    expect(annotation(grafana.build(config(), buildInput('broken'))[0]!)).toMatchObject({
      time: START,
      timeEnd: NOW,
      tags: ['herald', 'broken', 'Codertocat/Hello-World'],
      text: `CI broke on main in Codertocat/Hello-World (#42) <a href="${RUN_URL}">View run</a>`,
    });
    expect(annotation(grafana.build(config(), buildInput('fixed'))[0]!)).toMatchObject({ time: START, timeEnd: NOW, tags: ['herald', 'fixed', 'Codertocat/Hello-World'] });
    const approval = annotation(grafana.build(config(), buildInput('approval'))[0]!);
    expect(approval.time).toBe(NOW);
    expect(approval).not.toHaveProperty('timeEnd');
  });

  it('a success or an error without a known start is a point at the time of sending', () => {
    for (const trigger of ['success', 'error'] as const) {
      const body = annotation(grafana.build(config(), withVars(buildInput(trigger), { startedAt: '', durationSeconds: null }))[0]!);
      expect(body.time).toBe(NOW);
      expect(body).not.toHaveProperty('timeEnd');
    }
  });

  it('a start is a point at the start (the run\'s start when the event has one, else now)', () => {
    const body = annotation(grafana.build(config(), buildInput('started'))[0]!);
    expect(body).toEqual({
      time: START,
      tags: ['herald', 'started', 'Codertocat/Hello-World'],
      text: `CI started on main in Codertocat/Hello-World (#42) <a href="${RUN_URL}">View run</a>`,
    });
    expect(annotation(grafana.build(config(), withVars(buildInput('started'), { startedAt: '' }))[0]!).time).toBe(NOW);
  });

  it('a test notification is a point at the time of sending, tagged test also with tags of its own', () => {
    expect(annotation(grafana.build(config(), buildInput('test'))[0]!)).toEqual({
      time: NOW,
      tags: ['herald', 'test', 'Codertocat/Hello-World'],
      text: `Test notification from Herald in Codertocat/Hello-World (#42) <a href="${RUN_URL}">View run</a>`,
    });
    expect(annotation(grafana.build(config({ tags: ['deploy', 'prod'] }), buildInput('test'))[0]!).tags).toEqual(['deploy', 'prod', 'test']);
    expect(annotation(grafana.build(config({ tags: ['test'] }), buildInput('test'))[0]!).tags).toEqual(['test']);
  });

  it('puts the annotation on a dashboard by UID or by numeric id, and on one panel', () => {
    const byUid = annotation(grafana.build(config({ dashboard_uid: 'cIBgcSjkk', panel_id: 2, tags: 'deploy' }), buildInput('error'))[0]!);
    expect(Object.keys(byUid)).toEqual(['dashboardUID', 'panelId', 'time', 'timeEnd', 'tags', 'text']);
    expect(byUid).toMatchObject({ dashboardUID: 'cIBgcSjkk', panelId: 2, tags: ['deploy'] });
    const byId = annotation(grafana.build(config({ dashboard_id: 468, panel_id: 1 }), buildInput('error'))[0]!);
    expect(byId).toMatchObject({ dashboardId: 468, panelId: 1 });
    expect(byId).not.toHaveProperty('dashboardUID');
    expect(annotation(grafana.build(config({ tags: [] }), buildInput('error'))[0]!).tags).toEqual([]);
  });

  it('refuses a dashboard given twice, a panel without a dashboard, and an id that is no number', () => {
    const issues = (fields: object) => grafana.schema.safeParse({ type: 'grafana', url: 'https://g.example.com', api_key: TOKEN, ...fields }).error?.issues;
    expect(issues({ dashboard_uid: 'abc', dashboard_id: 1 })).toMatchObject([
      { path: ['dashboard_id'], message: 'set either dashboard_uid or dashboard_id (the older numeric id), not both' },
    ]);
    expect(issues({ panel_id: 2 })).toMatchObject([
      { path: ['panel_id'], message: 'a panel belongs to a dashboard: panel_id needs dashboard_uid (or dashboard_id)' },
    ]);
    expect(issues({ dashboard_id: '12' })?.[0]?.path).toEqual(['dashboard_id']);
    expect(issues({ dashboard_uid: 'my dashboard' })?.[0]?.path).toEqual(['dashboard_uid']);
    expect(issues({ url: 'grafana.example.com' })?.[0]?.path).toEqual(['url']);
  });

  it('POSTs to {url}/api/annotations under a sub-path, without a double slash', () => {
    expect(annotationsUrl({ url: 'https://example.com/grafana' })).toBe('https://example.com/grafana/api/annotations');
    expect(annotationsUrl({ url: 'https://example.com/grafana/' })).toBe('https://example.com/grafana/api/annotations');
    expect(annotationsUrl({ url: 'http://127.0.0.1:3000//' })).toBe('http://127.0.0.1:3000/api/annotations');
    expect(grafana.build(config({ url: 'http://127.0.0.1:3000/' }), buildInput('error'))[0]!.url).toBe('http://127.0.0.1:3000/api/annotations');
  });

  it('HTML-escapes values in the text template and in the default line: quotes, newlines and markup stay text', () => {
    const [request] = grafana.build(config({ text: '<b><<workflow>></b>: <<commitMessage>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT }));
    expect(isWellFormed(request!.body!)).toBe(true);
    const { text } = annotation(request!);
    expect(text.startsWith('<b>CI</b>: Fix &quot;quotes&quot; and \\backslashes\\ &lt;!channel&gt; &lt;!here&gt; @everyone')).toBe(true);
    expect(text.endsWith('\nsecond line\r\nthird line')).toBe(true);
    expect(text).not.toMatch(/<(?!\/?b>)/);

    const hostile = buildInput('error');
    hostile.message = { ...hostile.message, line: `Deploy "prod" <script>alert('x')</script>\nfailed & stopped`, url: 'https://example.com/?a=1&b="2"' };
    expect(annotation(grafana.build(config(), hostile)[0]!).text).toBe(
      'Deploy &quot;prod&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\nfailed &amp; stopped <a href="https://example.com/?a=1&amp;b=&quot;2&quot;">View run</a>',
    );
  });

  it('takes a per-trigger text from messages', () => {
    const fields = { text: 'default <<status>>', messages: { success: { text: 'Deployed <<shortSha>>' } } };
    expect(annotation(grafana.build(config(fields), buildInput('success'))[0]!).text).toBe('Deployed 6113728');
    expect(annotation(grafana.build(config(fields), buildInput('error'))[0]!).text).toBe('default failure');
  });

  it('passes insecure_skip_verify to the transport', () => {
    expect(grafana.build(config({ insecure_skip_verify: true }), buildInput('error'))[0]).toMatchObject({ insecureSkipVerify: true });
  });

  it("reads 200 with an id as a delivery, Grafana's message as the error, and a 2xx without an id as no Grafana", () => {
    expect(grafana.interpret!({ code: 200, headers: {}, body: '{"message":"Annotation added","id":1}' })).toEqual({});
    expect(grafana.interpret!({ code: 401, headers: {}, body: '{"message":"Invalid API key","messageId":"api-key.invalid","statusCode":401,"traceID":""}' })).toEqual({
      error: 'Grafana error: Invalid API key (HTTP 401)',
    });
    expect(grafana.interpret!({ code: 403, headers: {}, body: '{"accessErrorId":"ACE0","message":"You\'ll need additional permissions to perform this action. Permissions needed: annotations:create","title":"Access denied"}' })).toEqual({
      error: "Grafana error: You'll need additional permissions to perform this action. Permissions needed: annotations:create (HTTP 403)",
    });
    expect(grafana.interpret!({ code: 200, headers: {}, body: '<!doctype html><title>Sign in</title>' })).toEqual({
      error: 'Grafana did not answer with an annotation id (HTTP 200): is url the base URL of Grafana, with its sub-path?',
    });
    expect(grafana.interpret!({ code: 502, headers: {}, body: 'Bad Gateway' })).toEqual({});
  });

  it('declares the token secret, and a password in the URL', () => {
    expect(grafana.secrets(config())).toEqual([TOKEN]);
    expect(grafana.secrets(config({ url: 'https://admin:hunter2pass@grafana.example.com/' }))).toContain('hunter2pass');
  });
});
