import { describe, expect, it } from 'vitest';
import { configProblems, loadConfig } from '../fixtures/config.js';
import { buildInput } from '../fixtures/build-input.js';
import { messagesFor } from '../../src/message.js';
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
    const { vars } = buildInput('error');
    const outcome = { trigger: 'error' as const, status: 'failure' };
    const selected = [{ destination: 'mail', trigger: 'error' as const }, { destination: 'hooks', trigger: 'error' as const }];
    const [mail, hooks] = prepareDeliveries(config, selected, vars, messagesFor(vars, outcome));
    expect(mail).toMatchObject({ destination: 'mail', state: 'broken' });
    expect(mail!.state === 'broken' && mail!.error).toMatch(/^Herald could not build this notification \(TypeError: .+\); please report this$/);
    expect(hooks).toMatchObject({ destination: 'hooks', state: 'ready', outbound: { method: 'POST', url: 'https://example.com/ci' } });
  });

  it('records a trigger that a destination has nothing to send for as skipped, with its reason', () => {
    const config = loadConfig(`destinations:
  pager:
    type: pagerduty
    routing_key: R0UT1NGKEY0123456789abcdef012345
`);
    const { vars } = buildInput('started');
    const [delivery] = prepareDeliveries(config, [{ destination: 'pager', trigger: 'started' }], vars, messagesFor(vars, { trigger: 'started', status: 'started' }));
    expect(delivery).toMatchObject({ destination: 'pager', type: 'pagerduty', trigger: 'started', state: 'skipped' });
    expect(delivery!.state === 'skipped' && delivery!.reason).toBe('PagerDuty has no event for a start (error and broken trigger an incident, success and fixed resolve it)');
  });
});

describe('block_private_addresses', () => {
  const config = (top: string) =>
    loadConfig(
      `${top}destinations:
  inherits:
    type: webhook
    url: https://example.com/a
  on:
    type: slack
    webhook_url: https://hooks.slack.com/services/T0/B0/abcdefgh
    block_private_addresses: true
  off:
    type: webhook
    url: https://example.com/c
    block_private_addresses: \${GUARD}
`,
      { GUARD: 'false' },
    );
  const guards = (text: string) => {
    const { vars } = buildInput('error');
    const selected = (['inherits', 'on', 'off'] as const).map((destination) => ({ destination, trigger: 'error' as const }));
    return prepareDeliveries(config(text), selected, vars, messagesFor(vars, { trigger: 'error', status: 'failure' })).map(
      (delivery) => delivery.state === 'ready' && delivery.blockPrivateAddresses,
    );
  };

  it('is off unless the file or the destination turns it on', () => {
    expect(guards('')).toEqual([false, true, false]);
  });

  it('at the top level is the default; a destination that sets it wins', () => {
    expect(guards('block_private_addresses: true\n')).toEqual([true, true, false]);
  });

  it('at the top level takes ${NAME} as a boolean, and says so when it is not one', () => {
    expect(loadConfig('block_private_addresses: ${GUARD}\ndestinations: {}\n', { GUARD: 'TRUE' }).blockPrivateAddresses).toBe(true);
    expect(configProblems('block_private_addresses: ${GUARD}\ndestinations: {}\n', { GUARD: 'maybe' })).toBe(
      'Config file .github/notifications.yml has 1 problem:\n' +
        '.github/notifications.yml:1:26: block_private_addresses: environment variable GUARD is "maybe"; block_private_addresses must be true or false.',
    );
  });
});
