import { describe, expect, it } from 'vitest';

import { configProblems as problems, loadConfig as load } from '../fixtures/config.js';

describe('config file', () => {
  it('fills defaults and keeps routes', () => {
    const config = load(`
destinations:
  hooks:
    type: webhook
    url: https://example.com/ci
notifications:
  - triggers: error
    to: hooks
    branches: [main, "release/*"]
`);
    expect(config.destinations.hooks).toMatchObject({
      type: 'webhook',
      method: 'POST',
      enabled: true,
      timeout: 10,
      retries: 3,
      headers: {},
      signature_header: 'X-Herald-Signature',
    });
    expect(config.notifications).toEqual([{ triggers: ['error'], to: ['hooks'], branches: ['main', 'release/*'] }]);
  });

  it('reads JSON files the same way', () => {
    const config = load('{"destinations": {"hooks": {"type": "webhook", "url": "https://example.com", "method": "put"}}}');
    expect(config.destinations.hooks!.method).toBe('PUT');
  });

  it('names an unknown key with its line, path and the closest known key', () => {
    const message = problems(`destinations:
  hooks:
    type: webhook
    url: https://example.com
    methd: PUT
`);
    expect(message).toContain('.github/notifications.yml:5:5: destinations.hooks.methd: unknown key "methd". Did you mean "method"?');
    expect(message).not.toMatch(/\n\s+at /);
  });

  it('reports every problem at once, each at its own line', () => {
    const message = problems(`destinations:
  hooks:
    type: webhook
    url: not a url
    retries: many
  chat:
    type: slak
notifications:
  - triggers: [failure]
    to: [hook]
`);
    expect(message).toContain('has 5 problems');
    expect(message).toContain(':4:10: destinations.hooks.url: must be an http:// or https:// URL');
    expect(message).toContain(':5:14: destinations.hooks.retries: must be a number, not a string');
    expect(message).toContain(':7:11: destinations.chat.type: unknown destination type "slak"');
    expect(message).toContain(':10:10: notifications[0].to[0]: no destination is named "hook". Did you mean "hooks"?');
    expect(message).toMatch(/:9:16: notifications\[0\]\.triggers\[0\]: "failure" is not allowed\. Use one of: started, success, error\./);
  });

  it('says how to write a boolean or a number that YAML read as text', () => {
    const message = problems(`destinations:
  mail:
    type: email
    host: smtp.example.com
    port: "465"
    use_ssl: yes
    use_tls: "off"
    from: ci@example.com
    to: ops@example.com
`);
    expect(message).toContain(':5:11: destinations.mail.port: must be a number, not a string ("465"): write 465, without quotes');
    expect(message).toContain(':6:14: destinations.mail.use_ssl: must be true or false, not a string ("yes"): write true, without quotes');
    expect(message).toContain(':7:14: destinations.mail.use_tls: must be true or false, not a string ("off"): write false, without quotes');
  });

  it('names a route target that is not a destination, with a suggestion', () => {
    expect(problems(`destinations:
  hooks: {type: webhook, url: "https://example.com"}
notifications:
  - {triggers: [error], to: [hook]}
`)).toContain(':4:30: notifications[0].to[0]: no destination is named "hook". Did you mean "hooks"?');
  });

  it('says where the YAML is broken', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n   url: x\n')).toMatch(/notifications\.yml:4:\d+: invalid YAML/);
  });

  it('requires fields a destination cannot work without', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n')).toContain(':3:5: destinations.hooks.url: "url" is required');
  });

  it('replaces ${NAME} with the environment and treats the values as secrets', () => {
    const config = load(
      `destinations:
  hooks:
    type: webhook
    url: https://example.com/\${GITHUB_REPOSITORY}
    headers: {Authorization: "Bearer \${HOOK_TOKEN}"}
    payload: '{"literal": "$\${NOT_A_VARIABLE}"}'
`,
      { HOOK_TOKEN: 's3cr3t-token', GITHUB_REPOSITORY: 'octo/app' },
    );
    expect(config.destinations.hooks!.url).toBe('https://example.com/octo/app');
    expect(config.destinations.hooks!.headers).toEqual({ Authorization: 'Bearer s3cr3t-token' });
    expect(config.destinations.hooks!.payload).toBe('{"literal": "${NOT_A_VARIABLE}"}');
    expect(config.secrets).toContain('s3cr3t-token');
    expect(config.secrets).toContain('Bearer s3cr3t-token');
    expect(config.secrets).not.toContain('octo/app');
  });

  it('explains a missing or empty environment variable, naming the destination key', () => {
    const message = problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    secret: ${HOOK_SECRET}\n', { HOOK_SECRET: '' });
    expect(message).toContain(':5:13: destinations.hooks.secret: environment variable HOOK_SECRET is empty.');
    expect(message).toContain('HOOK_SECRET: ${{ secrets.HOOK_SECRET }}');
  });

  it('refuses GitHub expressions, which files never get evaluated', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    secret: ${{ secrets.X }}\n')).toContain(
      'destinations.hooks.secret: "${{ secrets.X }}" is a GitHub expression, and GitHub does not evaluate expressions in files',
    );
  });

  it('masks values from the environment in its messages', () => {
    const message = problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    method: ${HOOK_METHOD}\n', { HOOK_METHOD: 'super-secret-method' });
    expect(message).toContain('destinations.hooks.method: "****" is not allowed');
    expect(message).not.toContain('super-secret');
  });

  it('explains an empty file', () => {
    expect(problems('')).toContain('destinations: "destinations" is required');
  });
});

describe('templates are checked when the config is loaded', () => {
  const hook = (lines: string) => `destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n${lines}`;

  it('an unclosed section, with the field path', () => {
    expect(problems(hook(`    payload: '{"a": "<<#x>>"}'\n`))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:5:14: destinations.hooks.payload: template does not parse: the section "x" is never closed: end it with <</x>>',
    );
  });

  it('under messages, with the line in a block template', () => {
    expect(problems(hook('    messages:\n      error:\n        payload: |\n          {"a": "<<x>>",\n           "b": "<</y>>"}\n'))).toContain(
      ':7:18: destinations.hooks.messages.error.payload: template does not parse: <</y>> closes a section that is not open: open it with <<#y>> or remove it (line 2 of the template)',
    );
  });

  it('a partial, which Herald does not have', () => {
    expect(problems(hook(`    payload: 'hello <<> name>>'\n`))).toContain(
      'destinations.hooks.payload: template does not parse: <<> name>> is a partial, and Herald has no partials; write <<name>> for a variable',
    );
  });

  it('an unclosed tag and bad delimiters', () => {
    expect(problems(hook(`    payload: 'hello <<name'\n`))).toContain('destinations.hooks.payload: template does not parse: a tag opened with << is never closed with >>');
    expect(problems(hook(`    payload: '<<=x=>>'\n`))).toContain(
      'destinations.hooks.payload: template does not parse: Invalid tags: x: change delimiters with <<={{ }}=>>, two tags and a space between them',
    );
  });

  it('respects the destination\'s delimiters', () => {
    expect(load(hook(`    delimiters: "{{ }}"\n    payload: '{"a": "{{x}}", "b": "<<#y>>"}'\n`)).destinations.hooks!.payload).toBe('{"a": "{{x}}", "b": "<<#y>>"}');
    expect(problems(hook(`    delimiters: "{{ }}"\n    payload: '{"a": "{{#x}}"}'\n`))).toContain('the section "x" is never closed: end it with {{/x}}');
  });

  it('a JSON payload that no values can make JSON', () => {
    expect(problems(hook(`    payload: '{"a": "<<x>>" "b": 1}'\n`))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:5:14: destinations.hooks.payload: payload is not valid JSON whatever the variables hold: ' +
        `Expected ',' or '}' after property value, in {"a": "1" "b": 1} (each variable written as 1). ` +
        'Check the quotes, commas and braces around the tags; a text value needs quotes: "<<message>>".',
    );
  });

  it('accepts JSON that some values make JSON: numbers, sections taken or not', () => {
    for (const payload of ['{"pr": <<prNumber>>}', '{"x": 1<<#a>>, "a": "<<a>>"<</a>>}', '{"a": 1<<^b>>, "b": 0<</b>>}', '{"labels": <<json.event.labels>>}']) {
      expect(load(hook(`    payload: '${payload}'\n`)).destinations.hooks!.payload).toBe(payload);
    }
  });

  it('a webhook payload is JSON by its format or its first character', () => {
    expect(load(hook('    payload: "hi <<branch>>, {not json"\n')).destinations.hooks!.payload).toBe('hi <<branch>>, {not json');
    expect(load(hook('    format: text\n    payload: "{not json"\n')).destinations.hooks!.payload).toBe('{not json');
    expect(problems(hook('    format: json\n    payload: "hi <<branch>>"\n'))).toContain('destinations.hooks.payload: payload is not valid JSON whatever the variables hold');
  });

  it('each destination declares which templates are JSON', () => {
    const message = problems(`destinations:
  chat:
    type: slack
    webhook_url: https://hooks.slack.com/x
    text: "{not json <<branch>>"
    payload: "{not json"
  mail:
    type: email
    host: smtp.example.com
    from: ci@example.com
    to: ops@example.com
    subject: "{not json"
    html: "<p><<#x>></p>"
`);
    expect(message).toContain('has 2 problems');
    expect(message).toContain(':6:14: destinations.chat.payload: payload is not valid JSON whatever the variables hold');
    expect(message).toContain(':13:11: destinations.mail.html: template does not parse: the section "x" is never closed');
  });
});
