import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/index.js';
import { parseConfigSource } from '../../src/config/source.js';
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
      payload_format: 'generic-v1',
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
    expect(message).toContain(
      ':9:16: notifications[0].triggers[0]: "failure" is a job status, not a trigger; failures and cancellations are routed with "error". Use one of: started, success, error, fixed, broken, approval.',
    );
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

  it('masks values of secret-named variables in its messages, and only those', () => {
    const secret = problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    method: ${HOOK_TOKEN}\n', { HOOK_TOKEN: 'super-secret-method' });
    expect(secret).toContain('destinations.hooks.method: "****" is not allowed');
    expect(secret).not.toContain('super-secret');
    const plain = problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    method: ${HOOK_METHOD}\n', { HOOK_METHOD: 'postt' });
    expect(plain).toContain('destinations.hooks.method: "postt" is not allowed. Did you mean "POST"?');
  });

  it('treats ${NAME} as a secret only when the name says so, and never a value under 4 characters', () => {
    const config = load(
      `destinations:
  hooks:
    type: webhook
    url: https://example.com/\${HOOK_PATH}
    headers:
      X-Stage: \${STAGE}
      X-Deploy: \${DEPLOY_KEY}
      X-Short: \${SHORT_TOKEN}
    secret: \${SIGNING_SECRET}
`,
      { HOOK_PATH: 'ci/events', STAGE: 'main', DEPLOY_KEY: 'dk-123456', SHORT_TOKEN: 'abc', SIGNING_SECRET: 'sig-value-1' },
    );
    expect(config.secrets).toEqual(expect.arrayContaining(['dk-123456', 'sig-value-1']));
    for (const plain of ['ci/events', 'main', 'abc']) expect(config.secrets).not.toContain(plain);
  });

  it('explains an empty file', () => {
    expect(problems('')).toContain('destinations: "destinations" is required');
  });
});

describe('one value where a list is expected', () => {
  const route = (lines: string) => `destinations:\n  hooks: {type: webhook, url: "https://example.com"}\nnotifications:\n  - ${lines}\n`;

  it('reads a single trigger, target and filter as a one-item list', () => {
    const config = load(route('triggers: error\n    to: hooks\n    branches: main\n    workflows: Deploy*\n    events: push'));
    expect(config.notifications).toEqual([{ triggers: ['error'], to: ['hooks'], branches: ['main'], workflows: ['Deploy*'], events: ['push'] }]);
  });

  it('names the whole value of an unknown single trigger, at the value, without [0]', () => {
    expect(problems(route('triggers: failure\n    to: hooks'))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:15: notifications[0].triggers: "failure" is a job status, not a trigger; failures and cancellations are routed with "error". Use one of: started, success, error, fixed, broken, approval.',
    );
  });

  it.each([
    ['failed', '"failed" is not a trigger; failures and cancellations are routed with "error".'],
    ['cancelled', '"cancelled" is a job status, not a trigger; failures and cancellations are routed with "error".'],
    ['canceled', '"canceled" is not a trigger; failures and cancellations are routed with "error".'],
    ['timed_out', '"timed_out" is a job status, not a trigger; failures and cancellations are routed with "error".'],
    ['succeeded', '"succeeded" is not a trigger; a run that succeeds is routed with "success".'],
    ['passed', '"passed" is not a trigger; a run that succeeds is routed with "success".'],
    ['ok', '"ok" is not a trigger; a run that succeeds is routed with "success".'],
    ['start', '"start" is not a trigger; a run that starts is routed with "started".'],
    ['running', '"running" is not a trigger; a run that starts is routed with "started".'],
    ['in_progress', '"in_progress" is not a trigger; a run that starts is routed with "started".'],
    ['sucess', '"sucess" is not a trigger. Did you mean "success"?'],
    ['Error', '"Error" is not a trigger. Triggers are case-sensitive: write "error".'],
  ])('says which trigger routes "%s"', (word, advice) => {
    expect(problems(route(`triggers: [${word}]\n    to: hooks`))).toContain(`notifications[0].triggers[0]: ${advice} Use one of: started, success, error, fixed, broken, approval.`);
  });

  it('says what an empty list or value should hold, once', () => {
    expect(problems(route('triggers: []\n    to: ""\n    events: ""\n    branches: []'))).toBe(
      'Config file .github/notifications.yml has 4 problems:\n' +
        '.github/notifications.yml:4:15: notifications[0].triggers: is empty: write one or more of started, success, error, fixed, broken, approval\n' +
        '.github/notifications.yml:5:9: notifications[0].to: is empty: name a destination\n' +
        '.github/notifications.yml:6:13: notifications[0].events: is empty: write a pattern, or leave the filter out to match everything\n' +
        '.github/notifications.yml:7:15: notifications[0].branches: is empty: write a pattern, or leave the filter out to match everything',
    );
  });

  it('reports an unknown single target at the value', () => {
    expect(problems(route('triggers: error\n    to: hook'))).toContain(':5:9: notifications[0].to: no destination is named "hook". Did you mean "hooks"?');
  });
});

describe('keys in the wrong case', () => {
  it('names a destination\'s "Type" as the mistake, not a missing type', () => {
    expect(problems('destinations:\n  hooks:\n    Type: webhook\n    url: https://example.com\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:3:5: destinations.hooks.Type: unknown key "Type". Keys are case-sensitive: write "type".',
    );
  });

  it('checks the rest of a destination whose type is in the wrong case, or under another key', () => {
    expect(problems('destinations:\n  chat:\n    Type: slack\n    webhook_url: https://hooks.slack.com/x\n    text: "<<branch"\n')).toBe(
      'Config file .github/notifications.yml has 2 problems:\n' +
        '.github/notifications.yml:3:5: destinations.chat.Type: unknown key "Type". Keys are case-sensitive: write "type".\n' +
        '.github/notifications.yml:5:11: destinations.chat.text: template does not parse: a tag opened with << is never closed with >>',
    );
    expect(problems('destinations:\n  mail:\n    kind: email\n    host: smtp.example.com\n    from: ci@example.com\n    to: ops@example.com\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:3:5: destinations.mail.kind: unknown key "kind". Did you mean "type"?',
    );
  });

  it('says a destination without a type needs one, and which', () => {
    expect(problems('destinations:\n  hooks:\n    url: https://example.com\n')).toContain(
      ':3:5: destinations.hooks: "type" is required: one of webhook, slack, teams, discord, mattermost, rocketchat, googlechat, telegram, email, ses, sns, pagerduty, twilio, grafana, irc.',
    );
  });

  it('at the top level, one message for the misspelt required key', () => {
    expect(problems('Destinations:\n  hooks: {type: webhook, url: "https://example.com"}\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:1:1: Destinations: unknown key "Destinations". Keys are case-sensitive: write "destinations". Allowed here: destinations, notifications, block_private_addresses.',
    );
  });

  it('in a destination\'s fields, one message for the misspelt required key', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    URL: https://example.com\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:5: destinations.hooks.URL: unknown key "URL". Keys are case-sensitive: write "url". Allowed here: type, enabled, timeout, retries, retry_backoff, delimiters, block_private_addresses, payload, messages, url, method, headers, format, payload_format, forward_all, secret, signature_header, signature_prefix, username, password, authorization_header, insecure_skip_verify, follow_redirects.',
    );
  });

  it('in routes', () => {
    expect(problems('destinations:\n  hooks: {type: webhook, url: "https://example.com"}\nnotifications:\n  - Triggers: error\n    to: hooks\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:5: notifications[0].Triggers: unknown key "Triggers". Keys are case-sensitive: write "triggers". Allowed here: triggers, to, branches, head_branches, workflows, events, jobs, environments, repositories, actors, statuses, if.',
    );
  });

  it('under messages, for triggers and fields', () => {
    const message = problems(
      'destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    messages:\n      Error:\n        payload: "{}"\n      success:\n        Payload: "{}"\n',
    );
    expect(message).toContain(':6:7: destinations.hooks.messages.Error: unknown key "Error". Keys are case-sensitive: write "error". Allowed here: started, success, error, fixed, broken, approval, test.');
    expect(message).toContain(':9:9: destinations.hooks.messages.success.Payload: unknown key "Payload". Keys are case-sensitive: write "payload". Allowed here: payload.');
  });
});

describe('a template that YAML read as a mapping or a list', () => {
  it('says to quote unquoted JSON, with what they wrote', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    payload: {"text": "hi <<branch>>"}\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:5:14: destinations.hooks.payload: must be a string, not a mapping. YAML reads it as a mapping; a template is text: ' +
        `quote it, payload: '{"text": "hi <<branch>>"}', or write it as a | block:\n` +
        'payload: |\n  {"text": "hi <<branch>>"}',
    );
  });

  it('under messages too, and for a list', () => {
    const message = problems(
      'destinations:\n  chat:\n    type: slack\n    webhook_url: https://hooks.slack.com/x\n    messages:\n      error:\n        text:\n          - "<<workflow>> failed"\n          - "on <<branch>>"\n',
    );
    expect(message).toContain(
      ':8:11: destinations.chat.messages.error.text: must be a string, not a list. YAML reads it as a list; a template is text: write it as a | block:\n' +
        'text: |\n  <<workflow>> failed\n  on <<branch>>',
    );
  });
});

describe('${NAME} problems', () => {
  it('one mistake, one message: a missing variable hides what the empty value would break', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    url: ${MISSING}\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:4:10: destinations.hooks.url: environment variable MISSING is not set. ' +
        'Pass it in the step\'s env, for example "env: { MISSING: ${{ secrets.MISSING }} }", and check that the secret exists.',
    );
  });

  it('a value that is exactly one ${NAME} takes the type of a number or boolean field', () => {
    const config = load('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    retries: ${RETRIES}\n    enabled: "${ON}"\n    timeout: ${TIMEOUT}\n', {
      RETRIES: '3',
      ON: 'false',
      TIMEOUT: '2.5',
    });
    expect(config.destinations.hooks).toMatchObject({ retries: 3, enabled: false, timeout: 2.5 });
    expect(config.secrets).not.toContain('false');
  });

  it('names the variable when its value does not fit the field', () => {
    const message = problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    enabled: ${ON}\n    retries: ${RETRIES}\n', { ON: 'maybe', RETRIES: 'three' });
    expect(message).toBe(
      'Config file .github/notifications.yml has 2 problems:\n' +
        '.github/notifications.yml:5:14: destinations.hooks.enabled: environment variable ON is "maybe"; enabled must be true or false.\n' +
        '.github/notifications.yml:6:14: destinations.hooks.retries: environment variable RETRIES is "three"; retries must be a number.',
    );
  });

  it('keeps text fields text, and a quoted number still a mistake', () => {
    const config = load('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    username: ${USER_ID}\n', { USER_ID: '1234' });
    expect(config.destinations.hooks!.username).toBe('1234');
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    retries: "3"\n')).toContain(
      'destinations.hooks.retries: must be a number, not a string ("3"): write 3, without quotes',
    );
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    url: https://example.com\n    retries: ${A}${B}\n', { A: '1', B: '2' })).toContain(
      'destinations.hooks.retries: must be a number, not a string',
    );
  });
});

describe('duplicate keys', () => {
  it('names the key and where it first appears', () => {
    expect(problems('destinations:\n  hooks:\n    type: webhook\n    url: https://a.example.com\n    url: https://b.example.com\n')).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:5:5: the key "url" appears twice in one mapping (first on line 4); keep one of them.\n' +
        "Fix the file's syntax (indentation, quotes, colons) and run again.",
    );
  });

  it('in a JSON file, on one line', () => {
    expect(problems('{"destinations": {"hooks": {"type": "webhook", "url": "https://a.example.com", "url": "https://b"}}}')).toContain(
      '.github/notifications.yml:1:80: the key "url" appears twice in one mapping (first at column 48 of this line); keep one of them.',
    );
  });
});

describe('filters that can never match', () => {
  const route = (filter: string) =>
    `destinations:\n  hooks: {type: webhook, url: "https://example.com"}\nnotifications:\n  - triggers: error\n    to: hooks\n    ${filter}\n`;

  it('a list written as one string with commas', () => {
    expect(problems(route('branches: "main, develop"'))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:6:15: notifications[0].branches: "main, develop" is one pattern holding a comma; write a list: [main, develop]',
    );
  });

  it.each([
    ['branches: "[unclosed"', ':6:15: notifications[0].branches: "[unclosed" is not a valid pattern: the "[" is never closed with "]"; close it, or write \\[ for a literal [.'],
    ['workflows: ["Deploy*", "{a,b"]', ':6:28: notifications[0].workflows[1]: "{a,b" is not a valid pattern: the "{" is never closed with "}"; close it, or write \\{ for a literal {.'],
    ['events: "!(push"', ':6:13: notifications[0].events: "!(push" is not a valid pattern: the "(" is never closed with ")"; close it, or write \\( for a literal (.'],
  ])('a glob that does not close: %s', (filter, expected) => {
    expect(problems(route(filter))).toContain(expected);
  });

  it('a comma inside braces is a glob, not a list', () => {
    expect(load(route('branches: "feature/{a,b}"')).notifications![0]!.branches).toEqual(['feature/{a,b}']);
  });

  it('accepts globs that close, and escaped brackets', () => {
    expect(load(route('branches: ["release/[0-9]*", "feature/{a,b}/**", "!old-\\\\[x"]')).notifications![0]!.branches).toEqual([
      'release/[0-9]*',
      'feature/{a,b}/**',
      '!old-\\[x',
    ]);
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

  it('an unclosed section in a block template is placed at its opening tag', () => {
    expect(problems(hook('    payload: |\n      {"text": "<<message>>",\n       "commit": "<<#sha>><<sha>>"}\n'))).toContain(
      ':5:14: destinations.hooks.payload: template does not parse: the section "sha" is never closed: end it with <</sha>> (line 2 of the template)',
    );
  });

  it('under messages, with the line in a block template', () => {
    expect(problems(hook('    messages:\n      error:\n        payload: |\n          {"a": "<<x>>",\n           "b": "<</y>>"}\n'))).toContain(
      ':7:18: destinations.hooks.messages.error.payload: template does not parse: <</y>> closes a section that is not open: open it with <<#y>> or remove it (line 2 of the template)',
    );
  });

  it('under messages.test, the templates of a test notification', () => {
    expect(problems(hook('    messages:\n      test:\n        payload: \'{"a": "<<#x>>"}\'\n'))).toContain(
      ':7:18: destinations.hooks.messages.test.payload: template does not parse: the section "x" is never closed: end it with <</x>>',
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
    expect(problems(hook(`    delimiters: "{{ }}"\n    payload: '{"a": {{x}} "b"}'\n`))).toContain('around the tags; a text value needs quotes: "{{message}}".');
  });

  it('a JSON payload that no values can make JSON', () => {
    expect(problems(hook(`    payload: '{"a": "<<x>>" "b": 1}'\n`))).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:5:14: destinations.hooks.payload: cannot be valid JSON whatever the variables hold: ' +
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
    expect(problems(hook('    format: json\n    payload: "hi <<branch>>"\n'))).toContain('destinations.hooks.payload: cannot be valid JSON whatever the variables hold');
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
    expect(message).toContain(':6:14: destinations.chat.payload: cannot be valid JSON whatever the variables hold');
    expect(message).toContain(':13:11: destinations.mail.html: template does not parse: the section "x" is never closed');
  });
});

describe('secrets GitHub withholds (a pull request from a fork)', () => {
  const withheld = { reason: 'GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from octo-fork/app)', advice: 'Notify from workflow_run.' };
  const text = 'destinations:\n  hooks:\n    type: webhook\n    url: https://example.com/${HOOK_PATH}\n    headers:\n      Authorization: Bearer ${HOOK_TOKEN}\n';
  const failure = (env: NodeJS.ProcessEnv) => {
    try {
      validateConfig(parseConfigSource('.github/notifications.yml', text), env, withheld);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('config was accepted');
  };

  it('an empty ${NAME} gives the reason, and the advice follows the problems once', () => {
    expect(failure({ HOOK_PATH: 'ci', HOOK_TOKEN: '' })).toBe(
      [
        'Config file .github/notifications.yml has 1 problem:',
        '.github/notifications.yml:6:22: destinations.hooks.headers.Authorization: environment variable HOOK_TOKEN is empty: GitHub passes no secrets to workflows run for pull requests from forks (#2 comes from octo-fork/app).',
        'Notify from workflow_run.',
      ].join('\n'),
    );
  });

  it('a ${NAME} that is not set at all is a missing env entry, not the fork: the usual message, no advice', () => {
    expect(failure({ HOOK_TOKEN: 'x' })).toBe(
      [
        'Config file .github/notifications.yml has 1 problem:',
        '.github/notifications.yml:4:10: destinations.hooks.url: environment variable HOOK_PATH is not set. Pass it in the step\'s env, for example "env: { HOOK_PATH: ${{ secrets.HOOK_PATH }} }", and check that the secret exists.',
      ].join('\n'),
    );
  });
});
