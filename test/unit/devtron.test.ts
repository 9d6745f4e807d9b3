import { describe, expect, it } from 'vitest';
import { splitImage } from '../../src/context.js';
import type { Outcome, Trigger } from '../../src/outcome.js';
import { messagesFor } from '../../src/message.js';
import { prepareDeliveries } from '../../src/prepare.js';
import { renderTemplate } from '../../src/render/template.js';
import { adaptiveCardProblems, discordMessageProblems, slackBlockProblems } from '../fixtures/chat-validators.js';
import { buildInput } from '../fixtures/build-input.js';
import { configProblems, loadConfig } from '../fixtures/config.js';
import { DEVTRON_RINGCENTRAL_SAMPLE, DEVTRON_SAMPLES } from '../fixtures/devtron-samples.js';
import { githubEvent } from '../fixtures/events.js';

const EVENTS: Record<string, () => Record<string, any>> = {
  push: () => githubEvent('push', (e) => e.head_commit),
  pull_request: () => githubEvent('pull_request', (e) => e.action === 'opened'),
  deployment_status: () => githubEvent('deployment_status'),
};

/** What a destination with these delimiters gets on a real event, as prepare.ts makes it. */
const on = (eventName: string, trigger: Trigger, delimiters: '<< >>' | '{{ }}' = '{{ }}', env: Record<string, string> = {}) =>
  buildInput(trigger, { event: EVENTS[eventName]!(), eventName, delimiters, env });

/** The variables a destination with these delimiters renders with, on a real event. */
const variables = (...args: Parameters<typeof on>) => on(...args).vars;

/** What prepare.ts makes of a destination whose `payload` is the sample, pasted as it is with `delimiters: "{{ }}"`. */
function deliver(type: keyof typeof DEVTRON_SAMPLES, eventName: string, trigger: Trigger) {
  const config = loadConfig(
    JSON.stringify({ destinations: { devtron: { type, webhook_url: 'https://example.com/hook', delimiters: '{{ }}', payload: DEVTRON_SAMPLES[type] } } }),
  );
  const { vars } = on(eventName, trigger, '<< >>');
  const outcome: Outcome = { trigger, status: vars.status };
  const [delivery] = prepareDeliveries(config, [{ destination: 'devtron', trigger }], vars, messagesFor(vars, outcome));
  if (delivery?.state !== 'ready' || delivery.outbound.transport !== 'http') throw new Error(`not ready: ${JSON.stringify(delivery)}`);
  return { warnings: delivery.warnings, body: JSON.parse(delivery.outbound.body!) };
}

describe("Devtron's sample payloads, pasted as they are", () => {
  const cases = ['push', 'pull_request'].flatMap((eventName) =>
    (['started', 'success', 'error'] as const).map((trigger) => [eventName, trigger] as const),
  );
  const EVENT_TYPE = { started: 'trigger', success: 'success', error: 'fail' };

  it.each(cases)('Teams: a valid Adaptive Card with no warnings on %s, %s', (eventName, trigger) => {
    const { warnings, body } = deliver('teams', eventName, trigger);
    expect(warnings).toEqual([]);
    const card = body.attachments[0].content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body[0].text).toBe(`Automation Notification for Devtron \n *App* : Hello-World \n *Event Type* : ${EVENT_TYPE[trigger]}`);
  });

  it.each(cases)('Slack: valid blocks with no warnings on %s, %s', (eventName, trigger) => {
    const { warnings, body } = deliver('slack', eventName, trigger);
    expect(warnings).toEqual([]);
    expect(slackBlockProblems(body.blocks)).toEqual([]);
    expect(body.blocks[0].text.text).toBe(`Automation Notification for Devtron \n *App* : Hello-World \n *Event Type* : ${EVENT_TYPE[trigger]}`);
  });

  it.each(cases)('Discord: a valid message with no warnings on %s, %s', (eventName, trigger) => {
    const { warnings, body } = deliver('discord', eventName, trigger);
    expect(warnings).toEqual([]);
    expect(discordMessageProblems(body)).toEqual([]);
    expect(body.content).toBe(`Automation Notification at Devtron \n App : Hello-World \n Event Type : ${EVENT_TYPE[trigger]}`);
  });

  it('RingCentral: the published sample is not JSON (a comma before a closing ]); the config error says where', () => {
    const config = JSON.stringify({ destinations: { rc: { type: 'webhook', url: 'https://example.com/rc', delimiters: '{{ }}', payload: DEVTRON_RINGCENTRAL_SAMPLE } } });
    expect(configProblems(config)).toContain('destinations.rc.payload: cannot be valid JSON whatever the variables hold');
  });

  it('RingCentral, its comma removed: every variable known, the image and the e-mail filled in', () => {
    const fixed = DEVTRON_RINGCENTRAL_SAMPLE.replace(/\},\s*\]\s*\}\s*\]\s*\}\s*$/, '}]}]}');
    const vars = variables('push', 'success', '{{ }}', { HERALD_IMAGE: 'ghcr.io/codertocat/hello-world:1.4.2' });
    const { text, warnings } = renderTemplate(fixed, vars, 'json', '{{ }}');
    expect(warnings).toEqual([]);
    const column = JSON.parse(text).attachments[0].body[1].columns[1].items;
    expect(column[0].text).toBe('Container Image Repo: ghcr.io/codertocat/hello-world \n Container Image Tag: 1.4.2');
    expect(column[1].text).toBe('Triggered by: 21031067+Codertocat@users.noreply.github.com');
  });
});

describe("Devtron's variables", () => {
  it('are known under {{ }}, with the values the README lists', () => {
    const event = EVENTS.push!();
    expect(variables('push', 'error')).toMatchObject({
      devtronAppName: 'Hello-World',
      devtronAppId: String(event.repository.id),
      devtronEnvName: '',
      devtronEnvId: '',
      devtronPipelineType: 'CI',
      devtronCiPipelineId: '1234567890',
      devtronCdPipelineId: '1234567890',
      devtronTriggeredByEmail: event.pusher.email,
      devtronApprovedByEmail: '',
      devtronContainerImageTag: '',
      devtronContainerImageRepo: '',
      devtronBuildGitCommitHash: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      eventType: 'fail',
      buildHistoryLink: `${event.repository.html_url}/actions/runs/1234567890`,
      appDetailsLink: event.repository.html_url,
      // Herald's own names stay.
      repository: 'Codertocat/Hello-World',
      status: 'failure',
    });
  });

  it.each([
    ['started', 'trigger'],
    ['success', 'success'],
    ['error', 'fail'],
    ['test', 'test'],
  ] as const)("eventType is Devtron's word under {{ }} (%s: %s), Herald's trigger under << >>", (trigger, devtron) => {
    expect(variables('push', trigger).eventType).toBe(devtron);
    expect(variables('push', trigger, '<< >>').eventType).toBe(trigger);
  });

  it('are unknown names under << >>: Herald templates are not changed by them', () => {
    const { text, warnings } = renderTemplate('<<devtronAppName>>', variables('push', 'success', '<< >>'), 'text');
    expect(text).toBe('');
    expect(warnings).toEqual([expect.stringContaining('unknown variable "devtronAppName"')]);
  });

  it('a deployment is a CD pipeline in its environment', () => {
    const event = EVENTS.deployment_status!();
    expect(variables('deployment_status', 'success')).toMatchObject({ devtronPipelineType: 'CD', devtronEnvName: event.deployment.environment });
  });

  it('the actor is named by login when the event carries no e-mail of theirs', () => {
    expect(variables('pull_request', 'success')).toMatchObject({ devtronTriggeredByEmail: 'Codertocat' });
  });
});

describe('HERALD_IMAGE', () => {
  it.each([
    ['ghcr.io/octo/app:1.2.0', 'ghcr.io/octo/app', '1.2.0'],
    ['octo/app', 'octo/app', ''],
    ['localhost:5000/app', 'localhost:5000/app', ''],
    ['localhost:5000/app:edge', 'localhost:5000/app', 'edge'],
    ['ghcr.io/octo/app@sha256:0123abcd', 'ghcr.io/octo/app', 'sha256:0123abcd'],
    ['ghcr.io/octo/app:1.2.0@sha256:0123abcd', 'ghcr.io/octo/app', '1.2.0'],
    ['', '', ''],
  ])('%s is repository %s and tag %s', (image, imageRepo, imageTag) => {
    expect(splitImage(image)).toEqual({ imageRepo, imageTag });
  });

  it('fills imageRepo and imageTag for every template', () => {
    expect(variables('push', 'success', '<< >>', { HERALD_IMAGE: ' ghcr.io/octo/app:1.2.0\n' })).toMatchObject({ imageRepo: 'ghcr.io/octo/app', imageTag: '1.2.0' });
  });
});
