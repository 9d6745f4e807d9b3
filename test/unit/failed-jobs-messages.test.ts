import { describe, expect, it } from 'vitest';
import { findDestination } from '../../src/destinations/index.js';
import { slack } from '../../src/destinations/slack.js';
import { teams, TEAMS_MAX_BYTES } from '../../src/destinations/teams.js';
import { discord } from '../../src/destinations/discord.js';
import { googlechat } from '../../src/destinations/googlechat.js';
import { telegram, TELEGRAM_LIMITS } from '../../src/destinations/telegram.js';
import { irc } from '../../src/destinations/irc.js';
import { pagerduty } from '../../src/destinations/pagerduty.js';
import { twilio } from '../../src/destinations/twilio.js';
import { webhook } from '../../src/destinations/webhook.js';
import { email } from '../../src/destinations/email.js';
import { listFailedJobs } from '../../src/message.js';
import { renderTemplate } from '../../src/render/template.js';
import { buildInput, FAILED_JOBS, HOSTILE_FAILED_JOBS, isWellFormed } from '../fixtures/build-input.js';
import { adaptiveCardProblems, discordEmbedProblems, slackBlockProblems } from '../fixtures/chat-validators.js';
import { httpRequests, mailMessages } from '../fixtures/outbound.js';
import type { IrcMessage } from '../../src/transport/wire.js';

const JOB = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890/job';
const failed = (failedJobs = FAILED_JOBS) => buildInput('error', { failedJobs });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);
const IRC = { type: 'irc', server: 'irc.example.com', nickname: 'herald', targets: '#ops' };
const parse = <C>(destination: { schema: { parse(value: unknown): C } }, fields: object): C => destination.schema.parse(fields);

describe('the failed jobs a default message lists', () => {
  it('names each job with its conclusion when it is not a plain failure and its failed steps, at most 3 of them', () => {
    const { message } = failed([
      ...FAILED_JOBS,
      { name: 'lint', url: `${JOB}/3`, conclusion: 'failure', failedSteps: ['a', 'b', 'c', 'd', 'e'] },
      { name: 'deploy', url: `${JOB}/4`, conclusion: 'startup_failure', failedSteps: [] },
    ]);
    expect(listFailedJobs(message)).toEqual({
      jobs: [
        { name: 'test (ubuntu-latest, 22)', url: `${JOB}/111`, detail: 'Run npm test' },
        { name: 'e2e', url: `${JOB}/222`, detail: 'timed out' },
        { name: 'lint', url: `${JOB}/3`, detail: 'a, b, c and 2 more' },
        { name: 'deploy', url: `${JOB}/4`, detail: 'failed to start' },
      ],
    });
  });

  it('lists 5 jobs, names cut to 100 characters, and counts the rest', () => {
    const { jobs, more } = listFailedJobs(failed(HOSTILE_FAILED_JOBS).message);
    expect(jobs).toHaveLength(5);
    expect(jobs.every((job) => job.name.length <= 100 && job.name.endsWith('…') && isWellFormed(job.name))).toBe(true);
    expect(more).toBe('and 95 more failed jobs');
  });

  it('lists them in a broken message as in an error one', () => {
    const slackConfig = parse(slack, { type: 'slack', webhook_url: 'https://hooks.slack.com/services/T/B/X' });
    const section = (trigger: 'error' | 'broken') =>
      body(slack.build(slackConfig, buildInput(trigger, { failedJobs: FAILED_JOBS }))[0]!).attachments[0].blocks.at(-2);
    expect(section('broken')).toEqual(section('error'));
    expect(section('broken').text.text).toMatch(/^\*Failed jobs\*\n/);
  });

  it('lists none in a test notification, which is about no run', () => {
    const input = buildInput('test', { failedJobs: FAILED_JOBS });
    expect(input.message.failedJobs).toEqual([]);
    expect(input.vars.failedJobs).toEqual([]);
  });
});

describe('<<failedJobs>> in templates', () => {
  it('is a list for Mustache sections: each job has name, url, conclusion and failedSteps', () => {
    const { vars } = failed();
    const template = '<<#failedJobs>><<name>> [<<conclusion>>] <<url>>: <<#failedSteps>><<.>>; <</failedSteps>>\n<</failedJobs>>';
    expect(renderTemplate(template, vars, 'text')).toEqual({
      text: `test (ubuntu-latest, 22) [failure] ${JOB}/111: Run npm test; \ne2e [timed_out] ${JOB}/222: \n`,
      warnings: [],
    });
  });

  it('is empty and false when no job failed, so <<^failedJobs>> can say so', () => {
    const { vars } = buildInput('error');
    expect(renderTemplate('<<#failedJobs>>x<</failedJobs>><<^failedJobs>>no failed jobs<</failedJobs>>', vars, 'text').text).toBe('no failed jobs');
  });

  it('goes into a JSON payload whole with <<json.failedJobs>>, or item by item with JSON escaping', () => {
    const { vars } = failed([{ name: 'say "hi"\n', url: `${JOB}/1`, conclusion: 'failure', failedSteps: ['a\\b'] }]);
    expect(JSON.parse(renderTemplate('{"jobs": <<json.failedJobs>>}', vars, 'json').text)).toEqual({
      jobs: [{ name: 'say "hi"\n', url: `${JOB}/1`, conclusion: 'failure', failedSteps: ['a\\b'] }],
    });
    const listed = renderTemplate('[<<#failedJobs>>"<<name>>: <<#failedSteps>><<.>><</failedSteps>>"<</failedJobs>>]', vars, 'json').text;
    expect(JSON.parse(listed)).toEqual(['say "hi"\n: a\\b']);
  });

  it('is escaped for the chat platform in a text template', () => {
    const { vars } = failed([{ name: '<!channel> *x*', url: `${JOB}/1`, conclusion: 'failure', failedSteps: [] }]);
    expect(renderTemplate('<<#failedJobs>><<name>><</failedJobs>>', vars, 'slack').text).toBe('&lt;!channel&gt; *x*');
  });
});

describe('every default message shows the failed jobs with their steps and links', () => {
  it('slack: a section after the commit, each job linked to its page', () => {
    const message = body(slack.build(parse(slack, { type: 'slack', webhook_url: 'https://hooks.slack.com/services/T/B/X' }), failed())[0]!);
    const blocks = message.attachments[0].blocks;
    expect(blocks.at(-2)).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*Failed jobs*\n• <${JOB}/111|test (ubuntu-latest, 22)>: Run npm test\n• <${JOB}/222|e2e>: timed out`,
      },
    });
    expect(slackBlockProblems(blocks)).toEqual([]);
  });

  it('teams: a heading and a row per job that opens the job, valid for the adaptivecards parser', () => {
    const card = body(teams.build(parse(teams, { type: 'teams', webhook_url: 'https://example.com/workflow' }), failed())[0]!).attachments[0].content;
    expect(card.body.slice(-3)).toEqual([
      { type: 'TextBlock', text: 'Failed jobs', weight: 'Bolder', spacing: 'Medium', wrap: true },
      {
        type: 'Container',
        selectAction: { type: 'Action.OpenUrl', title: 'View job', url: `${JOB}/111` },
        items: [{ type: 'TextBlock', text: 'test (ubuntu-latest, 22): Run npm test', color: 'Attention', spacing: 'None', wrap: true }],
      },
      {
        type: 'Container',
        selectAction: { type: 'Action.OpenUrl', title: 'View job', url: `${JOB}/222` },
        items: [{ type: 'TextBlock', text: 'e2e: timed out', color: 'Attention', spacing: 'None', wrap: true }],
      },
    ]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('discord: a field of Markdown links, valid for @discordjs/builders', () => {
    const [embed] = body(discord.build(parse(discord, { type: 'discord', webhook_url: 'https://discord.com/api/webhooks/1/x' }), failed())[0]!).embeds;
    expect(embed.fields.at(-1)).toEqual({
      name: 'Failed jobs',
      value: `- [test (ubuntu-latest, 22)](${JOB}/111): Run npm test\n- [e2e](${JOB}/222): timed out`,
      inline: false,
    });
    expect(discordEmbedProblems(embed)).toEqual([]);
  });

  it.each(['mattermost', 'rocketchat'])('%s: a long attachment field of Markdown links', (type) => {
    const destination = findDestination(type)!;
    const config = destination.schema.parse({ type, url: 'https://chat.example.com/hooks/KEY' });
    const attachment = body(destination.build(config, failed())[0]!).attachments[0];
    expect(attachment.fields.at(-1)).toEqual({
      short: false,
      title: 'Failed jobs',
      value: `- [test (ubuntu-latest, 22)](${JOB}/111): Run npm test\n- [e2e](${JOB}/222): timed out`,
    });
  });

  it('googlechat: a section headed "Failed jobs", each row opening its job', () => {
    const { card } = body(googlechat.build(parse(googlechat, { type: 'googlechat', webhook_url: 'https://chat.googleapis.com/v1/x' }), failed())[0]!).cardsV2[0];
    expect(card.sections[1]).toEqual({
      header: 'Failed jobs',
      widgets: [
        { decoratedText: { text: 'test (ubuntu-latest, 22): Run npm test', wrapText: true, onClick: { openLink: { url: `${JOB}/111` } } } },
        { decoratedText: { text: 'e2e: timed out', wrapText: true, onClick: { openLink: { url: `${JOB}/222` } } } },
      ],
    });
  });

  it.each([
    ['HTML', `<b>Failed jobs:</b>\n• <a href="${JOB}/111">test (ubuntu-latest, 22)</a>: Run npm test\n• <a href="${JOB}/222">e2e</a>: timed out\n`],
    ['MarkdownV2', `*Failed jobs:*\n• [test \\(ubuntu\\-latest, 22\\)](${JOB}/111): Run npm test\n• [e2e](${JOB}/222): timed out\n`],
  ])('telegram %s: the jobs linked, before the link to the run', (parse_mode, expected) => {
    const { text } = body(telegram.build(parse(telegram, { type: 'telegram', bot_token: '1:A', chat_ids: 1, parse_mode }), failed())[0]!);
    expect(text).toContain(expected);
  });

  it('email: a list in the text part and in the HTML part, each job with its link', () => {
    const [mail] = mailMessages(email.build(parse(email, { type: 'email', host: 'smtp.example.com', from: 'ci@example.com', to: 'ops@example.com' }), failed()));
    expect(mail!.text).toContain(`\n\nFailed jobs:\n- test (ubuntu-latest, 22): Run npm test <${JOB}/111>\n- e2e: timed out <${JOB}/222>\n\nView the run:`);
    expect(mail!.html).toContain(
      `<p style="margin:8px 0 4px;font-weight:bold">Failed jobs</p>\n<ul style="margin:0 0 8px;padding-left:20px">\n` +
        `<li><a href="${JOB}/111">test (ubuntu-latest, 22)</a>: Run npm test</li>\n<li><a href="${JOB}/222">e2e</a>: timed out</li>\n</ul>\n`,
    );
  });

  it('pagerduty: failed_jobs in custom_details and a link per job', () => {
    const event = body(pagerduty.build(parse(pagerduty, { type: 'pagerduty', routing_key: 'R' }), failed())[0]!);
    expect(event.payload.custom_details.failed_jobs).toEqual(['test (ubuntu-latest, 22): Run npm test', 'e2e: timed out']);
    expect(event.links.slice(2)).toEqual([
      { href: `${JOB}/111`, text: 'Failed job: test (ubuntu-latest, 22)' },
      { href: `${JOB}/222`, text: 'Failed job: e2e' },
    ]);
  });

  it('twilio: the first failed job in the one SMS segment, the repository left to the link', () => {
    const config = parse(twilio, { type: 'twilio', account_sid: 'AC1', auth_token: 't', from_number: '+15551234567', to_numbers: '+15557654321' });
    const text = new URLSearchParams(httpRequests(twilio.build(config, failed([FAILED_JOBS[1]!])))[0]!.body).get('Body');
    expect(text).toBe('CI failed on main in Codertocat/Hello-World (#42); failed: e2e: timed out https://github.com/Codertocat/Hello-World/actions/runs/1234567890');
    const two = new URLSearchParams(httpRequests(twilio.build(config, failed()))[0]!.body).get('Body');
    expect(two).toBe('CI failed on main (#42); failed: test (ubuntu-latest, 22): Run npm test, and 1 more job https://github.com/Codertocat/Hello-World/actions/runs/1234567890');
  });

  it('grafana: the annotation text lists them, each linked, on a line under the one-line message', () => {
    const grafana = findDestination('grafana')!;
    const config = grafana.schema.parse({ type: 'grafana', url: 'https://grafana.example.com', api_key: 'glsa_x' });
    expect(body(grafana.build(config, failed())[0]!).text).toBe(
      'CI failed on main in Codertocat/Hello-World (#42) <a href="https://github.com/Codertocat/Hello-World/actions/runs/1234567890">View run</a>' +
        `<br>Failed jobs: <a href="${JOB}/111">test (ubuntu-latest, 22)</a>: Run npm test; <a href="${JOB}/222">e2e</a>: timed out`,
    );
  });

  it('irc: a line of the failed jobs, each with its link, after the one-line message', () => {
    const [message] = irc.build(parse(irc, IRC), failed()) as IrcMessage[];
    expect(message!.lines).toEqual([
      'CI failed on main in Codertocat/Hello-World (#42) https://github.com/Codertocat/Hello-World/actions/runs/1234567890',
      `Failed jobs: test (ubuntu-latest, 22): Run npm test ${JOB}/111; e2e: timed out ${JOB}/222`,
    ]);
  });

  it('webhook: the generic payload has every failed job, uncut, in failed_jobs (still payload_version 1)', () => {
    const payload = body(webhook.build(parse(webhook, { type: 'webhook', url: 'https://hooks.example.com/ci' }), failed(HOSTILE_FAILED_JOBS))[0]!);
    expect(payload.payload_version).toBe(1);
    expect(payload.failed_jobs).toHaveLength(100);
    expect(payload.failed_jobs[0]).toEqual({
      name: HOSTILE_FAILED_JOBS[0]!.name,
      url: `${JOB}/1000`,
      conclusion: 'failure',
      failed_steps: HOSTILE_FAILED_JOBS[0]!.failedSteps,
    });
    expect(body(webhook.build(parse(webhook, { type: 'webhook', url: 'https://hooks.example.com/ci' }), buildInput('success'))[0]!).failed_jobs).toEqual([]);
  });
});

describe('100 failed jobs with hostile names stay within every platform limit and escape everything', () => {
  const input = failed(HOSTILE_FAILED_JOBS);
  const bodyOf = (type: string, fields: object) => {
    const destination = findDestination(type)!;
    const [request] = httpRequests(destination.build(destination.schema.parse({ type, ...fields }), input));
    expect(isWellFormed(request!.body!)).toBe(true);
    return request!.body!;
  };

  it('slack: one section within 3,000 characters, no mention, "and 95 more failed jobs"', () => {
    const message = JSON.parse(bodyOf('slack', { webhook_url: 'https://hooks.slack.com/services/T/B/X' }));
    const blocks = message.attachments[0].blocks;
    expect(slackBlockProblems(blocks)).toEqual([]);
    const text: string = blocks.at(-2).text.text;
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('<@U123>');
    expect(text.match(/^• <https:/gm)).toHaveLength(5);
    expect(text.endsWith('\nand 95 more failed jobs')).toBe(true);
  });

  it('teams: a valid card under 28 KB', () => {
    const text = bodyOf('teams', { webhook_url: 'https://example.com/workflow' });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
    const card = JSON.parse(text).attachments[0].content;
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body.at(-1)).toEqual({ type: 'TextBlock', text: 'and 95 more failed jobs', isSubtle: true, spacing: 'None', wrap: true });
    expect(text).not.toContain('](https://evil.example)');
  });

  it('discord: a valid embed, the field within 1,024 characters, no mention', () => {
    const [embed] = JSON.parse(bodyOf('discord', { webhook_url: 'https://discord.com/api/webhooks/1/x' })).embeds;
    expect(discordEmbedProblems(embed)).toEqual([]);
    const { value } = embed.fields.at(-1);
    expect(value).not.toMatch(/@everyone/);
    expect(value).toContain('@\u200beveryone');
    expect(value.endsWith('\nand 95 more failed jobs')).toBe(true);
  });

  it.each(['mattermost', 'rocketchat'])('%s: the field within 1,000 characters', (type) => {
    const field = JSON.parse(bodyOf(type, { url: 'https://chat.example.com/hooks/KEY' })).attachments[0].fields.at(-1);
    expect(field.value.length).toBeLessThanOrEqual(1000);
    expect(field.value).not.toContain('[x](https://evil.example)');
    expect(field.value.match(/^- \[/gm)).toHaveLength(5);
  });

  it('googlechat: names HTML-escaped, 5 rows and the count', () => {
    const section = JSON.parse(bodyOf('googlechat', { webhook_url: 'https://chat.googleapis.com/v1/x' })).cardsV2[0].card.sections[1];
    expect(section.widgets).toHaveLength(6);
    expect(section.widgets[0].decoratedText.text).toMatch(/^&lt;!channel&gt; @everyone \*job\* \[x\]\(https:\/\/evil\.example\) &lt;b&gt;0&lt;\/b&gt; &amp; &quot;q&quot;/);
    expect(section.widgets[5]).toEqual({ textParagraph: { text: 'and 95 more failed jobs' } });
  });

  it.each(['HTML', 'MarkdownV2'])('telegram %s: the whole text within 4,096, the link to the run kept', (parse_mode) => {
    const { text } = JSON.parse(bodyOf('telegram', { bot_token: '1:A', chat_ids: 1, parse_mode }));
    expect(text.length).toBeLessThanOrEqual(TELEGRAM_LIMITS.text);
    expect(text).not.toContain('<b>0</b>');
    expect(text).toContain('and 95 more failed jobs');
    expect(text).toMatch(/View run(<\/a>|\]\(https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/1234567890\))$/);
  });

  it('twilio: still one SMS segment', () => {
    const text = new URLSearchParams(bodyOf('twilio', { account_sid: 'AC1', auth_token: 't', from_number: '+15551234567', to_numbers: '+15557654321' })).get('Body')!;
    expect(text.length).toBeLessThanOrEqual(160);
    expect(text.endsWith(' https://github.com/Codertocat/Hello-World/actions/runs/1234567890')).toBe(true);
  });

  it('grafana: names HTML-escaped, 5 jobs and the count', () => {
    const { text } = JSON.parse(bodyOf('grafana', { url: 'https://grafana.example.com', api_key: 'glsa_x' }));
    expect(text).not.toContain('<b>');
    expect(text.match(/<a href="https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/1234567890\/job\//g)).toHaveLength(5);
    expect(text.endsWith('; and 95 more failed jobs')).toBe(true);
  });

  it('irc: no line over IRC\'s 512 bytes, no line break from a name, 5 jobs and the count', () => {
    const [message] = irc.build(parse(irc, IRC), input) as IrcMessage[];
    for (const line of message!.body.split('\n')) expect(Buffer.byteLength(`${line}\r\n`)).toBeLessThanOrEqual(512);
    const text = message!.lines.slice(1).join(' ');
    expect(text.match(/https:\/\/github\.com\/\S+\/job\/\d+/g)).toHaveLength(5);
    expect(text.endsWith('; and 95 more failed jobs')).toBe(true);
  });

  it('pagerduty: 5 lines and the count in custom_details', () => {
    const event = JSON.parse(bodyOf('pagerduty', { routing_key: 'R' }));
    expect(event.payload.custom_details.failed_jobs).toHaveLength(6);
    expect(event.payload.custom_details.failed_jobs.at(-1)).toBe('and 95 more failed jobs');
  });
});
