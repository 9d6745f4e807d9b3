import { describe, expect, it } from 'vitest';
import { discord } from '../../src/destinations/discord.js';
import { email } from '../../src/destinations/email.js';
import { googlechat } from '../../src/destinations/googlechat.js';
import { mattermost } from '../../src/destinations/mattermost.js';
import { slack } from '../../src/destinations/slack.js';
import { markdownLink } from '../../src/render/markdown-link.js';
import { buildInput } from '../fixtures/build-input.js';
import { httpRequests, mailMessages } from '../fixtures/outbound.js';

const REPO = 'https://github.com/Codertocat/Hello-World';

/** Branch and tag names real repositories have, and the link GitHub serves them at. */
const NAMES = [
  ['refs/heads/feature/#123-login', 'Branch', 'feature/#123-login', `${REPO}/tree/feature/%23123-login`],
  ['refs/heads/fix/(issue)-1', 'Branch', 'fix/(issue)-1', `${REPO}/tree/fix/%28issue%29-1`],
  ['refs/heads/release/v1.0+build', 'Branch', 'release/v1.0+build', `${REPO}/tree/release/v1.0%2Bbuild`],
  ['refs/heads/feat/café', 'Branch', 'feat/café', `${REPO}/tree/feat/caf%C3%A9`],
  ['refs/heads/a|b<c>', 'Branch', 'a|b<c>', `${REPO}/tree/a%7Cb%3Cc%3E`],
  ['refs/tags/v1.0+build/#2', 'Tag', 'v1.0+build/#2', `${REPO}/releases/tag/v1.0%2Bbuild/%232`],
] as const;

const fact = (ref: string, label: string) => buildInput('success', { ref }).message.facts.find((f) => f.label === label)!;
const json = (body: string | undefined) => JSON.parse(body!);

describe('links built from branch and tag names', () => {
  it.each(NAMES)('%s: each path segment is percent-encoded', (ref, label, name, url) => {
    expect(fact(ref, label)).toEqual({ kind: label.toLowerCase(), label, value: name, url });
  });

  it.each(NAMES)('%s: Slack gets <url|name> whole', (ref, label, name, url) => {
    const [request] = httpRequests(slack.build(slack.schema.parse({ type: 'slack', webhook_url: 'https://hooks.slack.com/services/T/B/X' }), buildInput('success', { ref })));
    const fields = json(request!.body).attachments[0].blocks[1].fields.map((f: { text: string }) => f.text);
    expect(fields).toContain(`*${label}*\n<${url}|${name.replace(/</g, '&lt;').replace(/>/g, '&gt;')}>`);
  });

  it.each(NAMES)('%s: Discord and Mattermost get [name](url) whole', (ref, label, name, url) => {
    const input = buildInput('success', { ref });
    const escaped = name.replace(/[|<>]/g, '\\$&');
    const [toDiscord] = httpRequests(discord.build(discord.schema.parse({ type: 'discord', webhook_url: 'https://discord.com/api/webhooks/1/t' }), input));
    expect(json(toDiscord!.body).embeds[0].fields[2]).toEqual({ name: label, value: `[${escaped}](${url})`, inline: true });
    const [toMattermost] = httpRequests(mattermost.build(mattermost.schema.parse({ type: 'mattermost', url: 'https://chat.example.com/hooks/k' }), input));
    expect(json(toMattermost!.body).attachments[0].fields[2]).toEqual({ short: true, title: label, value: `[${escaped}](${url})` });
  });

  it.each(NAMES)('%s: Google Chat opens the encoded link', (ref, label, _name, url) => {
    const [request] = httpRequests(googlechat.build(googlechat.schema.parse({ type: 'googlechat', webhook_url: 'https://chat.googleapis.com/v1/spaces/A/messages?key=k' }), buildInput('success', { ref })));
    const widget = json(request!.body).cardsV2[0].card.sections[0].widgets[2].decoratedText;
    expect(widget.topLabel).toBe(label);
    expect(widget.onClick).toEqual({ openLink: { url } });
  });

  it.each(NAMES)('%s: the e-mail text part has <url>, the HTML part href="url"', (ref, label, name, url) => {
    const config = email.schema.parse({ type: 'email', host: 'smtp.example.com', from: 'ci@example.com', to: 'ops@example.com' });
    const [mail] = mailMessages(email.build(config, buildInput('success', { ref })));
    expect(mail!.text).toContain(`\n${label}: ${name} <${url}>\n`);
    expect(mail!.html).toContain(`<a href="${url}">${name.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</a>`);
  });

  it('a Markdown link target never ends early at ( ) < > or a space', () => {
    expect(markdownLink('staging', 'https://example.com/env (eu)/<1>', 100)).toBe('[staging](https://example.com/env%20%28eu%29/%3C1%3E)');
  });
});
