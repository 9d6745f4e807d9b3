import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError } from '../../src/render/template.js';

const hostile = 'Fix "quotes", back\\slash,\nnew line, tab\t, emoji 🚀, <<repository>> and {{repository}}, </script> & \u2028';
const vars = { repository: 'octo/app', commitMessage: hostile, runNumber: '42', event: { pull_request: { number: 7, labels: ['a', 'b'] } } };

describe('templates', () => {
  it('JSON payloads stay valid and hold exactly the value, never evaluated as a template', () => {
    const { text } = renderTemplate('{"repo": "<<repository>>", "commit": "<<commitMessage>>", "run": <<runNumber>>}', vars, 'json');
    expect(JSON.parse(text)).toEqual({ repo: 'octo/app', commit: hostile, run: 42 });
  });

  it('<<json.x>> inserts a JSON literal', () => {
    const { text, warnings } = renderTemplate('{"pr": <<json.event.pull_request>>, "commit": <<json.commitMessage>>, "missing": <<json.event.nothing>>}', vars, 'json');
    expect(JSON.parse(text)).toEqual({ pr: { number: 7, labels: ['a', 'b'] }, commit: hostile, missing: null });
    expect(warnings).toEqual(['unknown variable "json.event.nothing" (it renders as nothing, or null under json.); see the README for the variables']);
  });

  it('plain text is not HTML-escaped', () => {
    expect(renderTemplate('<<commitMessage>>', vars, 'text').text).toBe(hostile);
  });

  it('HTML escapes values', () => {
    expect(renderTemplate('<p><<repository>> <<commitMessage>></p>', { ...vars, commitMessage: '<b>"x" & \'y\'</b>' }, 'html').text).toBe(
      '<p>octo/app &lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</p>',
    );
  });

  it('URL values are percent-encoded as RFC 3986 says, / included: one value stays one path segment or query value', () => {
    expect(renderTemplate('/deploy/<<b>>?ref=<<b>>', { b: 'feat/a b&c' }, 'url').text).toBe('/deploy/feat%2Fa%20b%26c?ref=feat%2Fa%20b%26c');
    expect(renderTemplate('<<commitMessage>>', vars, 'url').text).toBe(
      'Fix%20%22quotes%22%2C%20back%5Cslash%2C%0Anew%20line%2C%20tab%09%2C%20emoji%20%F0%9F%9A%80%2C%20%3C%3Crepository%3E%3E%20and%20%7B%7Brepository%7D%7D%2C%20%3C%2Fscript%3E%20%26%20%E2%80%A8',
    );
    expect(renderTemplate('?pr=<<json.event.pull_request.labels>>', vars, 'url').text).toBe('?pr=%5B%22a%22%2C%22b%22%5D');
  });

  it('header values are one line: every run of control characters (CR, LF, NUL, tab, DEL, C1) is one space', () => {
    expect(renderTemplate('msg: <<m>>', { m: 'x\r\nX-Injected: 1\0\t\u007f\u0085end' }, 'header').text).toBe('msg: x X-Injected: 1 end');
    expect(renderTemplate('<<commitMessage>>', vars, 'header').text).toBe(
      'Fix "quotes", back\\slash, new line, tab , emoji 🚀, <<repository>> and {{repository}}, </script> & \u2028',
    );
  });

  it('Devtron-style {{ }} delimiters on request', () => {
    expect(renderTemplate('{"app": "{{repository}}"}', vars, 'json', '{{ }}').text).toBe('{"app": "octo/app"}');
  });

  it('sections work', () => {
    expect(renderTemplate('<<#runNumber>>run <<runNumber>><</runNumber>><<^prNumber>> no PR<</prNumber>>', { ...vars, prNumber: '' }, 'text').text).toBe('run 42 no PR');
  });

  it('an unknown variable is a warning, rendered empty', () => {
    const { text, warnings } = renderTemplate('{"a": "<<repo>>", "b": "<<repository>>"}', vars, 'json');
    expect(text).toBe('{"a": "", "b": "octo/app"}');
    expect(warnings).toEqual(['unknown variable "repo" (it renders as nothing, or null under json.); see the README for the variables']);
  });

  it('a payload that is not JSON is an error that shows the rendered text', () => {
    expect(() => renderTemplate('{"a": <<repository>>}', vars, 'json')).toThrow(TemplateError);
    expect(() => renderTemplate('{"a": <<repository>>}', vars, 'json')).toThrow(/not valid JSON .*\{"a": octo\/app\}/);
  });

  it('an unclosed tag is an error', () => {
    expect(() => renderTemplate('{"a": "<<repository"}', vars, 'json')).toThrow('template does not parse: a tag opened with << is never closed with >>');
  });
});

describe('sections and warnings', () => {
  const push = { ...vars, event: { ref: 'refs/heads/main', head_commit: { message: 'x' } } };
  it('a section over a path the event does not have renders nothing and warns nothing', () => {
    const { text, warnings } = renderTemplate('{"a": 1<<#event.pull_request>>, "pr": <<json.event.pull_request>><</event.pull_request>>}', push, 'json');
    expect(text).toBe('{"a": 1}');
    expect(warnings).toEqual([]);
    expect(renderTemplate('<<^event.pull_request.merged>>not merged<</event.pull_request.merged>>', push, 'text')).toEqual({ text: 'not merged', warnings: [] });
  });

  it('a section whose first name is not a variable (a typo) still warns', () => {
    expect(renderTemplate('<<#evnt.pull_request>>x<</evnt.pull_request>>', push, 'text').warnings).toEqual([
      'unknown variable "evnt.pull_request" (it renders as nothing, or null under json.); see the README for the variables',
    ]);
  });
});
