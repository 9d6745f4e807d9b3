import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discord } from '../../src/destinations/discord.js';
import { googlechat, GOOGLE_CHAT_LIMITS } from '../../src/destinations/googlechat.js';
import { mattermost } from '../../src/destinations/mattermost.js';
import { rocketchat } from '../../src/destinations/rocketchat.js';
import { slack } from '../../src/destinations/slack.js';
import { teams, TEAMS_MAX_BYTES } from '../../src/destinations/teams.js';
import { telegram } from '../../src/destinations/telegram.js';
import { escapers } from '../../src/render/escape.js';
import { renderTemplate } from '../../src/render/template.js';
import { buildInput, isWellFormed } from '../fixtures/build-input.js';
import { adaptiveCardProblems, discordMessageProblems, slackBlockProblems } from '../fixtures/chat-validators.js';

/**
 * Properties over any text a commit message, a branch or a PR title can hold: every code point (lone surrogates too,
 * which JSON.stringify writes as escapes), markup of every platform, and lengths far past every limit.
 */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom('<', '>', '&', '@', '*', '_', '~', '`', '[', ']', '(', ')', '|', '#', '\\', '"', '\n', 'x', '!', ' '), maxLength: 300 }),
  fc.string({ unit: 'grapheme', minLength: 3000, maxLength: 12_000 }),
);
const runs = { numRuns: 150 };

describe('templates, for any value', () => {
  it('a JSON payload renders valid JSON holding exactly the value', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const { text } = renderTemplate('{"value": "<<x>>", "raw": <<json.x>>}', { x: value }, 'json');
        const parsed = JSON.parse(text);
        expect(parsed.value).toBe(value);
        expect(parsed.raw).toBe(value);
      }),
      runs,
    );
  });

  it('a value is never evaluated as a template', () => {
    const trap = fc.constantFrom('<<repository>>', '{{repository}}', '<<#a>>x<</a>>', '<<={{ }}=>>{{x}}', '${HOME}', '<<&x>>');
    fc.assert(
      fc.property(fc.array(fc.oneof(trap, anyText), { maxLength: 5 }), (parts) => {
        const value = parts.join('');
        expect(renderTemplate('<<x>>', { x: value, repository: 'EVALUATED' }, 'text').text).toBe(value);
        expect(renderTemplate('{{x}}', { x: value, repository: 'EVALUATED' }, 'text', '{{ }}').text).toBe(value);
      }),
      runs,
    );
  });
});

describe('escaping, for any value', () => {
  it('Slack: no raw < or >, so a value can neither mention nor link', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(escapers.slack(value)).not.toMatch(/[<>]/);
      }),
      runs,
    );
  });

  it('Markdown (Discord, Mattermost, Rocket.Chat): no @mention, no link, no formatting character left bare', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const escaped = escapers.markdown(value);
        expect(escaped).not.toMatch(/@[\p{L}\p{N}_]/u);
        // Every formatting character is backslash-escaped: remove the escaped pairs, and none may remain.
        expect(escaped.replace(/\\[\\`*_~|<>[\]#]/g, '')).not.toMatch(/[\\`*_~|<>[\]]/);
      }),
      runs,
    );
  });

  it('Google Chat: every < is followed by a zero-width space, so <users/all> and <url|text> do nothing', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(escapers.googlechat(value)).not.toMatch(/<(?!\u200b)/);
      }),
      runs,
    );
  });

  it('Telegram HTML: no raw < > or &, and no " to end an href early', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        // Every & starts one of the entities Telegram knows.
        expect(escapers.html(value).replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[<>&"]/);
      }),
      runs,
    );
  });

  it('Telegram MarkdownV2: no special character left unescaped', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const escaped = escapers.markdownv2(value);
        expect(escaped.replace(/\\[_*[\]()~`>#+\-=|{}.!\\]/g, '')).not.toMatch(/[_*[\]()~`>#+\-=|{}.!\\]/);
      }),
      runs,
    );
  });

  it('Teams: no ]( pair, so a value cannot form a link', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(escapers.teams(value)).not.toContain('](');
      }),
      runs,
    );
  });
});

describe('default chat messages stay within each platform, for any commit message and PR title', () => {
  const input = (commitMessage: string) => buildInput('error', { commitMessage });

  it('Slack: Block Kit limits, valid JSON, no split emoji', () => {
    const config = slack.schema.parse({ type: 'slack', webhook_url: 'https://hooks.slack.com/services/T/B/x' });
    fc.assert(
      fc.property(anyText, (commit) => {
        const [request] = slack.build(config, input(commit));
        const body = JSON.parse(request!.body!);
        expect(slackBlockProblems(body.attachments[0].blocks)).toEqual([]);
        expect(isWellFormed(request!.body!)).toBe(true);
      }),
      runs,
    );
  });

  it('Discord: embed limits (@discordjs/builders), mentions off', () => {
    const config = discord.schema.parse({ type: 'discord', webhook_url: 'https://discord.com/api/webhooks/1/x' });
    fc.assert(
      fc.property(anyText, (commit) => {
        const body = JSON.parse(discord.build(config, input(commit))[0]!.body!);
        expect(discordMessageProblems(body)).toEqual([]);
        expect(body.allowed_mentions).toEqual({ parse: [] });
      }),
      runs,
    );
  });

  it.each(['HTML', 'MarkdownV2'])('Telegram %s: within 4096, no split emoji, ends with the link to the run', (parse_mode) => {
    const config = telegram.schema.parse({ type: 'telegram', bot_token: '1:abc', chat_ids: 1, parse_mode });
    fc.assert(
      fc.property(anyText, (commit) => {
        const [request] = telegram.build(config, input(commit));
        const { text } = JSON.parse(request!.body!);
        expect(text.length).toBeLessThanOrEqual(4096);
        expect(isWellFormed(text)).toBe(true);
        expect(text).toMatch(/View run(<\/a>|\]\(https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/1234567890\))$/);
      }),
      runs,
    );
  });

  it('Teams: a valid Adaptive Card 1.4 under 28 KB', () => {
    const config = teams.schema.parse({ type: 'teams', webhook_url: 'https://example.com/workflows/x' });
    fc.assert(
      fc.property(anyText, (commit) => {
        const text = teams.build(config, input(commit))[0]!.body!;
        expect(Buffer.byteLength(text)).toBeLessThanOrEqual(TEAMS_MAX_BYTES);
        expect(adaptiveCardProblems(JSON.parse(text).attachments[0].content)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('Mattermost and Rocket.Chat: field values within 1,000 characters', () => {
    const configs = [
      [mattermost, mattermost.schema.parse({ type: 'mattermost', url: 'https://chat.example.com/hooks/abcdefgh' })],
      [rocketchat, rocketchat.schema.parse({ type: 'rocketchat', url: 'https://chat.example.com/hooks/abcdefgh/ijklmnop' })],
    ] as const;
    fc.assert(
      fc.property(anyText, (commit) => {
        for (const [destination, config] of configs) {
          const body = JSON.parse((destination.build as (c: unknown, i: unknown) => { body?: string }[])(config, input(commit))[0]!.body!);
          expect(body.attachments[0].fields.length).toBeGreaterThan(3);
          for (const field of body.attachments[0].fields) expect(field.value.length).toBeLessThanOrEqual(1000);
        }
      }),
      runs,
    );
  });

  it('Google Chat: card title and values within their limits', () => {
    const config = googlechat.schema.parse({ type: 'googlechat', webhook_url: 'https://chat.googleapis.com/v1/spaces/A/messages?key=k&token=t' });
    fc.assert(
      fc.property(anyText, (commit) => {
        const card = JSON.parse(googlechat.build(config, input(commit))[0]!.body!).cardsV2[0].card;
        expect(card.header.title.length).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.title);
        expect(card.sections[0].widgets.filter((widget: any) => widget.decoratedText).length).toBeGreaterThan(3);
        for (const section of card.sections) {
          for (const widget of section.widgets) {
            const text = widget.decoratedText?.text ?? widget.textParagraph?.text;
            if (text !== undefined) expect(text.length).toBeLessThanOrEqual(GOOGLE_CHAT_LIMITS.value);
          }
        }
      }),
      runs,
    );
  });
});
