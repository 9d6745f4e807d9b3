import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { Receiver, type Answer } from './receiver.js';
import { runAction } from './run-action.js';

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start(() => ({ status: 201, headers: { 'content-type': 'application/json' }, body: '{"sid":"SM0123","status":"queued"}' }));
});
afterEach(async () => {
  await receiver.close();
});

const SID = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilioAuthToken0123456789abcdef0';
const BASIC = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
const RUN_URL = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';
// +447700900123 unquoted: YAML reads it as a number, which Herald takes back as the number it was.
const config = (url: string, extra = '') => `destinations:
  sms:
    type: twilio
    account_sid: ${SID}
    auth_token: \${TWILIO_AUTH_TOKEN}
    from_number: "+15005550006"
    to_numbers: ["+15551234567", +447700900123]
    api_url: ${url}/twilio
    retry_backoff: 0.05${extra}
`;
const run = (status: string, extra = '') =>
  runAction({ eventName: 'push', event: pushEvent(), inputs: { status }, config: config(receiver.url, extra), env: { TWILIO_AUTH_TOKEN: TOKEN } });

const shown = (stdout: string) => stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')).join('\n');

describe('twilio, run as the runner runs dist/index.js', () => {
  it('one form-encoded POST per number to Messages.json with basic auth, byte for byte, one record per number', async () => {
    const result = await run('failure');
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    const path = `/twilio/2010-04-01/Accounts/${SID}/Messages.json`;
    expect(receiver.requests.map((r) => [r.method, r.path, r.headers['content-type'], r.headers.authorization])).toEqual([
      ['POST', path, 'application/x-www-form-urlencoded', BASIC],
      ['POST', path, 'application/x-www-form-urlencoded', BASIC],
    ]);
    const body = `From=%2B15005550006&Body=CI+failed+on+main+in+Codertocat%2FHello-World+%28%2342%29+${encodeURIComponent(RUN_URL)}`;
    expect(receiver.requests.map((r) => r.text)).toEqual([`To=%2B15551234567&${body}`, `To=%2B447700900123&${body}`]);
    expect(new URLSearchParams(receiver.requests[0]!.text).get('Body')).toBe(`CI failed on main in Codertocat/Hello-World (#42) ${RUN_URL}`);
    expect(result.results.map((r) => [r.destination, r.target, r.status, r.code])).toEqual([
      ['sms', '+15551234567', 'successful', 201],
      ['sms', '+447700900123', 'successful', 201],
    ]);
    const encoded = BASIC.slice('Basic '.length);
    for (const text of [shown(result.stdout), result.stderr, result.summary, result.outputs.results ?? '']) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(encoded);
    }
  });

  it("Twilio's error JSON fails that number in Twilio's words, not retried; the other number still delivered", async () => {
    receiver.respond((request) =>
      request.text.startsWith('To=%2B447700900123&')
        ? {
            status: 400,
            headers: { 'content-type': 'application/json' },
            body: '{"code": 21211, "message": "The \'To\' number +447700900123 is not a valid phone number.", "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}',
          }
        : { status: 201, headers: { 'content-type': 'application/json' }, body: '{"sid":"SM0123","status":"queued"}' },
    );
    const result = await run('success');
    expect(receiver.requests).toHaveLength(2);
    expect(result.results.map((r) => [r.target, r.status, r.code])).toEqual([
      ['+15551234567', 'successful', 201],
      ['+447700900123', 'failed', 400],
    ]);
    expect(result.results[1].error).toContain("Twilio error 21211: The 'To' number +447700900123 is not a valid phone number. (HTTP 400)");
  });

  it('a 429 is retried after its Retry-After, then delivered', async () => {
    receiver.respond((_request, index): Answer =>
      index === 0
        ? { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '1' }, body: '{"code": 20429, "message": "Too Many Requests", "status": 429}' }
        : { status: 201, headers: { 'content-type': 'application/json' }, body: '{"sid":"SM0123","status":"queued"}' },
    );
    const result = await runAction({
      eventName: 'push',
      event: pushEvent(),
      inputs: { status: 'success' },
      config: config(receiver.url).replace('["+15551234567", +447700900123]', '"+15551234567"'),
      env: { TWILIO_AUTH_TOKEN: TOKEN },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.at - receiver.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(result.results[0]).toMatchObject({ target: '+15551234567', status: 'successful', code: 201, attempts: 2 });
  });
});
