import { describe, expect, it } from 'vitest';
import { twilio, twilioText, TWILIO_LIMITS } from '../../src/destinations/twilio.js';
import type { Message } from '../../src/message.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-0123456789abcdef';
const BASIC = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
const config = (fields: object = {}) =>
  twilio.schema.parse({ type: 'twilio', account_sid: SID, auth_token: TOKEN, from_number: '+15005550006', to_numbers: '+15551234567', ...fields });
const form = (outbound: { body?: string }) => Object.fromEntries(new URLSearchParams(outbound.body!));
const RUN = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';

describe('twilio', () => {
  it('one form-encoded POST per number to Messages.json, with basic auth, labelled with the number', () => {
    const requests = twilio.build(config({ to_numbers: ['+15551234567', '+447700900123'] }), buildInput('error'));
    const url = `https://api.twilio.com/2010-04-01/Accounts/${SID}/Messages.json`;
    expect(requests).toEqual([
      {
        transport: 'http',
        method: 'POST',
        url,
        label: '+15551234567',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: BASIC },
        body: `To=%2B15551234567&From=%2B15005550006&Body=CI+failed+on+main+in+Codertocat%2FHello-World+%28%2342%29+${encodeURIComponent(RUN)}`,
      },
      {
        transport: 'http',
        method: 'POST',
        url,
        label: '+447700900123',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: BASIC },
        body: `To=%2B447700900123&From=%2B15005550006&Body=CI+failed+on+main+in+Codertocat%2FHello-World+%28%2342%29+${encodeURIComponent(RUN)}`,
      },
    ]);
    expect(form(requests[0]!).Body).toBe(`CI failed on main in Codertocat/Hello-World (#42) ${RUN}`);
  });

  it('the default text is one GSM segment: the line and the link, then without the repository, then the title cut with "..."', () => {
    const message = (title: string, repository = 'octo/app'): Message => ({
      title,
      line: `${title} in ${repository} (#42)`,
      verb: 'failed',
      emoji: '❌',
      colour: '#d00000',
      facts: [],
      url: 'https://github.com/octo/app/actions/runs/12345678901',
      failedJobs: [],
    });
    const url = 'https://github.com/octo/app/actions/runs/12345678901';
    expect(twilioText(message('CI failed on main'), { runNumber: '42' })).toBe(`CI failed on main in octo/app (#42) ${url}`);
    const longRepo = twilioText(message('Deploy failed on main', `some-organisation/${'a-very-long-repository-name-'.repeat(3)}`), { runNumber: '42' });
    expect(longRepo).toBe(`Deploy failed on main (#42) ${url}`);
    const longTitle = twilioText(message(`CI failed on ${'feature/'.repeat(20)}x`), { runNumber: '42' });
    expect(longTitle.length).toBe(TWILIO_LIMITS.segment);
    expect(longTitle).toMatch(/^CI failed on feature\/feature\/.*\.\.\. https:\/\/github\.com\/octo\/app\/actions\/runs\/12345678901$/);
    expect(longTitle).not.toContain('…');
    for (const trigger of ['started', 'success', 'error', 'test'] as const) {
      const text = form(twilio.build(config(), buildInput(trigger))[0]!).Body!;
      expect(text.length).toBeLessThanOrEqual(TWILIO_LIMITS.segment);
      expect(text.endsWith(` ${RUN}`)).toBe(true);
      expect(text).not.toMatch(/[^\x20-\x7e]/);
    }
  });

  it('hostile values stay inside Body: form encoding escapes & = + and newlines', () => {
    const [request] = twilio.build(config({ text: '<<commitMessage>>' }), buildInput('error', { commitMessage: 'a&To=+19999999999&Body=x\r\n=%+' }));
    expect(request!.body).toBe('To=%2B15551234567&From=%2B15005550006&Body=a%26To%3D%2B19999999999%26Body%3Dx%0D%0A%3D%25%2B');
    expect(form(request!)).toEqual({ To: '+15551234567', From: '+15005550006', Body: 'a&To=+19999999999&Body=x\r\n=%+' });
  });

  it('a text template is rendered as plain text and cut to 1600 characters, never through an emoji', () => {
    const [request] = twilio.build(config({ text: '<<workflow>> <<status>>: <<commitTitle>>' }), buildInput('error', { commitMessage: '<b>x</b> & "y"' }));
    expect(form(request!).Body).toBe('CI failure: <b>x</b> & "y"');
    const [long] = twilio.build(config({ text: '<<commitMessage>>' }), buildInput('error', { commitMessage: HOSTILE_COMMIT }));
    const body = form(long!).Body!;
    expect(body.length).toBeLessThanOrEqual(TWILIO_LIMITS.body);
    expect(isWellFormed(body)).toBe(true);
    const [override] = twilio.build(config({ text: 'x', messages: { error: { text: 'broke: <<branch>>' } } }), buildInput('error'));
    expect(form(override!).Body).toBe('broke: main');
  });

  it('numbers: one or a list, unquoted ones (YAML reads +1555... as a number) taken back, malformed ones refused', () => {
    expect(config({ to_numbers: 15551234567, from_number: 15005550006 })).toMatchObject({ to_numbers: ['+15551234567'], from_number: '+15005550006' });
    expect(() => config({ to_numbers: ['+1 555 123 4567'] })).toThrow(/E.164 form/);
    expect(() => config({ to_numbers: ['5551234567'] })).toThrow(/E.164 form/);
    expect(() => config({ to_numbers: [] })).toThrow(/at least one number/);
    expect(() => config({ from_number: 'Herald' })).toThrow(/a Twilio number in E.164 form/);
    expect(() => config({ account_sid: 'AC 1' })).toThrow(/Account SID/);
    expect(config({ api_url: 'http://localhost:9/' }).api_url).toBe('http://localhost:9/');
    expect(twilio.build(config({ api_url: 'http://localhost:9/' }), buildInput('success'))[0]!.url).toBe(`http://localhost:9/2010-04-01/Accounts/${SID}/Messages.json`);
  });

  it("Twilio's error JSON becomes the result's words; 201 and a body without a message add nothing", () => {
    const refusal = { code: 400, headers: {}, body: '{"code": 21211, "message": "The \'To\' number +1555 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}' };
    expect(twilio.interpret!(refusal)).toEqual({ error: "Twilio error 21211: The 'To' number +1555 is not a valid phone number. (HTTP 400)" });
    expect(twilio.interpret!({ code: 429, headers: {}, body: '{"code": 20429, "message": "Too Many Requests", "status": 429}' })).toEqual({
      error: 'Twilio error 20429: Too Many Requests (HTTP 429)',
    });
    expect(twilio.interpret!({ code: 201, headers: {}, body: '{"sid": "SM1", "status": "queued"}' })).toEqual({});
    expect(twilio.interpret!({ code: 502, headers: {}, body: 'Bad Gateway' })).toEqual({});
  });

  it('declares the token and the Basic credentials made of it secret', () => {
    expect(twilio.secrets(config())).toEqual([TOKEN, BASIC, BASIC.slice('Basic '.length)]);
  });
});
