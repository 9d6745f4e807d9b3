import { describe, expect, it } from 'vitest';
import { rocketchat } from '../../src/destinations/rocketchat.js';
import { buildInput } from '../fixtures/build-input.js';

const URL = 'https://rocket.example.com/hooks/64f1a2b3c4d5e6f7/Xk9dPq2LmN8rTz';
const config = (fields: object = {}) => rocketchat.schema.parse({ type: 'rocketchat', url: URL, ...fields });

describe('rocketchat', () => {
  it('posts a coloured attachment with username and icon_url (AWX fields)', () => {
    const [request] = rocketchat.build(config({ username: 'Herald', icon_url: 'https://example.com/i.png', text: '<<message>>' }), buildInput('started'));
    const message = JSON.parse(request!.body!);
    expect(message).toMatchObject({ username: 'Herald', icon_url: 'https://example.com/i.png', text: 'CI started on main in Codertocat/Hello-World (#42)' });
    expect(message.attachments[0]).toMatchObject({ color: '#439fe0', title: '🚀 CI started on main' });
  });

  it('masks both parts of the hook path', () => {
    expect(rocketchat.secrets(config())).toEqual(['64f1a2b3c4d5e6f7', 'Xk9dPq2LmN8rTz']);
  });

  it('a payload template replaces the default', () => {
    const [request] = rocketchat.build(config({ payload: '{"text":"<<status>>"}' }), buildInput('error'));
    expect(request!.body).toBe('{"text":"failure"}');
  });
});
