import { describe, expect, it } from 'vitest';
import { mattermost } from '../../src/destinations/mattermost.js';
import { buildInput, HOSTILE_COMMIT } from '../fixtures/build-input.js';

const URL = 'https://chat.example.com/hooks/xi3ot5kq8bdrdqw6g3y6dah5ue';
const config = (fields: object = {}) => mattermost.schema.parse({ type: 'mattermost', url: URL, ...fields });
const body = (outbound: { body?: string }) => JSON.parse(outbound.body!);

describe('mattermost', () => {
  it('posts a coloured attachment with AWX fields username, channel and icon_url', () => {
    const [request] = mattermost.build(config({ username: 'AWX', channel: 'ansible', icon_url: 'https://example.com/i.png' }), buildInput('success'));
    expect(request).toMatchObject({ method: 'POST', url: URL });
    const message = body(request!);
    expect(message).toMatchObject({ username: 'AWX', channel: 'ansible', icon_url: 'https://example.com/i.png' });
    expect(message.attachments[0]).toMatchObject({
      color: '#2eb886',
      title: '✅ CI succeeded on main',
      title_link: 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890',
      fallback: '✅ CI succeeded on main in Codertocat/Hello-World (#42)',
    });
    expect(message.attachments[0].fields[2]).toEqual({ short: true, title: 'Branch', value: '[main](https://github.com/Codertocat/Hello-World/tree/main)' });
  });

  it('escapes markdown and mentions in text and fields', () => {
    const message = body(mattermost.build(config({ text: '<<commitTitle>>' }), buildInput('error', { commitMessage: '@channel *now* [x](y)' }))[0]!);
    expect(message.text).toBe('@\u200bchannel \\*now\\* \\[x\\](y)');
    expect(message.attachments[0].fields[3].value).toBe(
      '[6113728 @\u200bchannel \\*now\\* \\[x\\](y)](https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246)',
    );
  });

  it('cuts a 5,000-character commit to 1,000 characters', () => {
    const message = body(mattermost.build(config(), buildInput('error', { commitMessage: HOSTILE_COMMIT }))[0]!);
    expect(message.attachments[0].fields[3].value.length).toBeLessThanOrEqual(1000);
  });

  it('masks the hook key, not the server', () => {
    expect(mattermost.secrets(config())).toEqual(['xi3ot5kq8bdrdqw6g3y6dah5ue']);
  });
});
