import { describe, expect, it } from 'vitest';
import { adaptiveCardProblems, discordEmbedProblems, slackBlockProblems } from '../fixtures/chat-validators.js';

/** The validators the chat tests rely on must be able to say no. */
describe('chat payload validators', () => {
  it('adaptivecards rejects a card newer than 1.4, an unknown element and an OpenUrl without url', () => {
    expect(adaptiveCardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Table' }], actions: [{ type: 'Action.OpenUrl', title: 'x' }] })).toEqual([
      'version 1.5 is not 1.4 or lower',
      'parse: Unknown element type "Table". Fallback will be used if present.',
      'validate: Property "url" must be set.',
    ]);
  });

  it('discord rejects a long title, an empty field and a 6,001-character embed', () => {
    const problems = discordEmbedProblems({
      title: 'x'.repeat(257),
      fields: [{ name: '', value: 'v' }, ...Array.from({ length: 6 }, () => ({ name: 'n', value: 'v'.repeat(1000) }))],
    });
    expect(problems.some((p) => p.startsWith('title:'))).toBe(true);
    expect(problems).toContain('fields[0]: name and value must not be empty');
    expect(problems.some((p) => /embed has \d+ characters, more than 6000/.test(p))).toBe(true);
  });

  it('slack rejects a long header and eleven fields', () => {
    expect(
      slackBlockProblems([
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) },
      ]),
    ).toEqual(['blocks[0].text: 151 characters, more than 150', 'blocks[1]: 11 fields, more than 10']);
  });
});
