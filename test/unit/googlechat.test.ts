import { describe, expect, it } from 'vitest';
import { googlechat } from '../../src/destinations/googlechat.js';
import { buildInput, HOSTILE_COMMIT } from '../fixtures/build-input.js';

const URL = 'https://chat.googleapis.com/v1/spaces/AAAA/messages?key=KEY&token=TOKEN';
const config = (fields: object = {}) => googlechat.schema.parse({ type: 'googlechat', webhook_url: URL, ...fields });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);

describe('googlechat', () => {
  it('posts a cardsV2 card with the facts and a button to the run', () => {
    const [request] = googlechat.build(config(), buildInput('error'));
    expect(request).toMatchObject({ method: 'POST', url: URL });
    const { card } = body(request!).cardsV2[0];
    expect(card.header).toEqual({ title: '❌ CI failed on main', subtitle: 'Codertocat/Hello-World · failed' });
    const widgets = card.sections[0].widgets;
    expect(widgets[0]).toEqual({
      decoratedText: { topLabel: 'Repository', text: 'Codertocat/Hello-World', wrapText: true, onClick: { openLink: { url: 'https://github.com/Codertocat/Hello-World' } } },
    });
    expect(widgets.at(-1).buttonList.buttons[0]).toMatchObject({
      text: 'View run',
      onClick: { openLink: { url: 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890' } },
    });
  });

  it('escapes card values as HTML and breaks <users/all> in text', () => {
    const message = body(googlechat.build(config({ text: '<<commitTitle>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT }))[0]!);
    expect(message.text).not.toContain('<users/all>');
    expect(message.text).toContain('<\u200busers/all>');
    expect(message.text.length).toBeLessThanOrEqual(4096);
    const commit = message.cardsV2[0].card.sections[0].widgets[3].decoratedText.text;
    expect(commit).toContain('&lt;!channel&gt;');
    expect(commit.length).toBeLessThanOrEqual(1000);
  });

  it('declares the webhook URL, its path and query, and its key and token secret', () => {
    expect(googlechat.secrets(config())).toEqual([URL, '/v1/spaces/AAAA/messages?key=KEY&token=TOKEN', 'KEY', 'TOKEN']);
  });
});
