import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { Receiver } from './receiver.js';
import { runAction } from './run-action.js';
import { SmtpReceiver } from './smtp-receiver.js';

let receiver: Receiver;
let smtp: SmtpReceiver;
beforeEach(async () => {
  receiver = await Receiver.start();
  smtp = await SmtpReceiver.start({});
});
afterEach(async () => {
  await receiver.close();
  await smtp.close();
});

/** Every destination type with its default message, and a pager that leaves cancellations out (the concurrency case). */
const everyDestination = (url: string, port: number) => `destinations:
  slack: {type: slack, webhook_url: "${url}/slack/T000/B000/XXXX"}
  teams: {type: teams, webhook_url: "${url}/teams/hook"}
  discord: {type: discord, webhook_url: "${url}/discord/123/token"}
  mattermost: {type: mattermost, url: "${url}/mattermost/hooks/abc"}
  rocketchat: {type: rocketchat, url: "${url}/rocketchat/hooks/abc/def"}
  googlechat: {type: googlechat, webhook_url: "${url}/googlechat/v1/spaces/AAAA/messages?key=k&token=t"}
  hooks: {type: webhook, url: "${url}/hooks"}
  pager: {type: webhook, url: "${url}/pager"}
  mail:
    type: email
    host: 127.0.0.1
    port: ${port}
    username: herald
    password: smtp-pa55-word
    insecure_skip_verify: true
    from: ci@example.com
    to: ops@example.com
notifications:
  - triggers: [success, error]
    to: [slack, teams, discord, mattermost, rocketchat, googlechat, hooks, mail]
  - triggers: error
    to: pager
    statuses: ["!cancelled"]
`;

const TITLE = '⚪ CI was cancelled on main';
const GREY = '#9e9e9e';

describe('a cancelled job (status: cancelled)', () => {
  it('is routed as error but every default message says cancelled, in grey, never "failed"; a "!cancelled" route is left out', async () => {
    const run = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'cancelled' }, config: everyDestination(receiver.url, smtp.port) });
    expect(run.exitCode, run.stdout).toBe(0);
    const byPath = (prefix: string) => JSON.parse(receiver.requests.find((request) => request.path.startsWith(`/${prefix}`))!.text);
    expect(receiver.requests.map((request) => request.path.split('/')[1]).sort()).toEqual(['discord', 'googlechat', 'hooks', 'mattermost', 'rocketchat', 'slack', 'teams']);

    expect(byPath('hooks')).toMatchObject({ trigger: 'error', status: 'cancelled', title: 'CI was cancelled on main', message: 'CI was cancelled on main in Codertocat/Hello-World (#42)' });
    const slack = byPath('slack').attachments[0];
    expect(slack).toMatchObject({ color: GREY, fallback: `${TITLE} in Codertocat/Hello-World (#42)` });
    expect(slack.blocks[0].text.text).toBe(TITLE);
    const teams = byPath('teams').attachments[0].content.body[0];
    expect(teams).toMatchObject({ style: 'emphasis', items: [{ text: TITLE }] });
    expect(byPath('discord').embeds[0]).toMatchObject({ title: TITLE, color: 0x9e9e9e });
    for (const name of ['mattermost', 'rocketchat']) expect(byPath(name).attachments[0]).toMatchObject({ color: GREY, title: TITLE });
    expect(byPath('googlechat').cardsV2[0].card.header).toMatchObject({ title: TITLE, subtitle: 'Codertocat/Hello-World · was cancelled' });

    const [mail] = await smtp.received();
    expect(mail!.parsed.subject).toBe('[Codertocat/Hello-World] CI was cancelled on main (#42)');
    expect(mail!.parsed.text).toMatch(/^CI was cancelled on main in Codertocat\/Hello-World \(#42\)\n/);
    expect(mail!.parsed.html).toContain(`border-left:4px solid ${GREY}`);
    expect(mail!.parsed.html).toContain('⚪ CI was cancelled on main in Codertocat/Hello-World (#42)</h2>');

    // The generic payload's (empty) failed_jobs field is a name, not a word about the run.
    for (const request of receiver.requests) expect(request.text.replace('"failed_jobs":[]', '')).not.toMatch(/fail|❌|#d00000|attention/i);
    expect(mail!.raw).not.toMatch(/fail|❌|#d00000/i);
    expect(run.summary).not.toMatch(/fail|❌/i);
    expect(run.summary).toContain('⚪ CI was cancelled on main in Codertocat/Hello-World (#42)');
    expect(run.outputs).toMatchObject({ sent: '8', failed: '0', status: 'cancelled', trigger: 'error' });
  });

  it('a failure still reaches the pager that leaves cancellations out', async () => {
    await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'failure' }, config: everyDestination(receiver.url, smtp.port) });
    expect(receiver.requests.map((request) => request.path)).toContain('/pager');
  });
});
