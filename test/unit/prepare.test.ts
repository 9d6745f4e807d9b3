import { describe, expect, it } from 'vitest';
import { loadConfig } from '../fixtures/config.js';
import { buildInput } from '../fixtures/build-input.js';
import { prepareDeliveries } from '../../src/prepare.js';

describe('prepareDeliveries', () => {
  it('turns an unexpected exception in one destination into a failed delivery and prepares the others', () => {
    const config = loadConfig(`destinations:
  mail:
    type: email
    host: smtp.example.com
    from: ci@example.com
    to: [dev@example.com]
  hooks:
    type: webhook
    url: https://example.com/ci
`);
    // A bug in a destination's build(), as a config that skipped validation would cause.
    delete (config.destinations.mail as Record<string, unknown>).to;
    const { message, vars } = buildInput('error');
    const outcome = { trigger: 'error' as const, status: 'failure' };
    const selected = [{ destination: 'mail', trigger: 'error' as const }, { destination: 'hooks', trigger: 'error' as const }];
    const [mail, hooks] = prepareDeliveries(config, selected, vars, outcome, message);
    expect(mail).toMatchObject({ destination: 'mail', state: 'broken' });
    expect(mail!.state === 'broken' && mail!.error).toMatch(/^Herald could not build this notification \(TypeError: .+\); please report this$/);
    expect(hooks).toMatchObject({ destination: 'hooks', state: 'ready', outbound: { method: 'POST', url: 'https://example.com/ci' } });
  });
});
