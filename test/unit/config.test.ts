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
