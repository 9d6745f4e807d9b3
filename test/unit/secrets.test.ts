import { describe, expect, it } from 'vitest';
import { mask, registerSecrets, secretsInHeaders, secretsInUrl, secretUrl } from '../../src/secrets.js';

describe('masking', () => {
  it('masks every registered secret, its URL-encoded form, and the longest first', () => {
    registerSecrets(['abc def', 'abc def/ghi', 'xy']);
    expect(mask('token abc def/ghi and abc def and abc%20def')).toBe('token **** and **** and ****');
    expect(mask('xy is too short to mask')).toBe('xy is too short to mask');
    expect(mask(null)).toBeNull();
  });

  it('finds credentials in URLs', () => {
    expect(secretsInUrl('https://bot:p%40ss@example.com/hook?api_key=k1&channel=ops&sig=s1')).toEqual([
      'p@ss',
      `Basic ${Buffer.from('bot:p@ss').toString('base64')}`,
      Buffer.from('bot:p@ss').toString('base64'),
      'k1',
      's1',
    ]);
    expect(secretsInUrl('not a url')).toEqual([]);
  });

  it('masks a secret URL whole, its path and its token segments, but no short or plain segment', () => {
    expect(secretUrl('https://hooks.slack.com/services/T0AAAA/B0BBBB/slackToken123', 1)).toEqual([
      'https://hooks.slack.com/services/T0AAAA/B0BBBB/slackToken123',
      '/services/T0AAAA/B0BBBB/slackToken123',
      'slackToken123',
    ]);
    expect(secretUrl('http://127.0.0.1:9/hook', 1)).toEqual(['http://127.0.0.1:9/hook']);
  });

  it('finds secret headers and the credential after the scheme', () => {
    expect(secretsInHeaders({ Authorization: 'Bearer t0k', 'X-Api-Key': 'k', 'Content-Type': 'application/json' })).toEqual(['Bearer t0k', 't0k', 'k']);
  });
});
