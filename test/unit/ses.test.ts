import { describe, expect, it } from 'vitest';
import { describeSesReply, ses, type SesConfig } from '../../src/destinations/ses.js';
import type { Trigger } from '../../src/outcome.js';
import { buildInput } from '../fixtures/build-input.js';
import { configProblems } from '../fixtures/config.js';
import { httpRequests } from '../fixtures/outbound.js';
import { expectedAuthorization, parseAuthorization } from '../fixtures/sigv4.js';

const KEYS = { access_key_id: 'AKIDEXAMPLE', secret_access_key: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const config = (fields: object = {}): SesConfig => ses.schema.parse({ type: 'ses', ...KEYS, from: 'CI <ci@example.com>', to: 'ops@example.com', ...fields });
const build = (fields: object = {}, trigger: Trigger = 'error', options: Parameters<typeof buildInput>[1] = {}) =>
  httpRequests(ses.build(config(fields), buildInput(trigger, options)))[0]!;
const received = (request: ReturnType<typeof build>) => ({ method: request.method, path: new URL(request.url).pathname, headers: request.headers, body: request.body! });

/** The step's message for a file with one ses destination `mail` made of these YAML lines. */
const problems = (lines: string): string => configProblems(`destinations:
  mail:
    type: ses
${lines}`);

describe('ses config', () => {
  it('needs the keys, a sender and a recipient', () => {
    const message = problems('    region: eu-west-1\n');
    for (const field of ['access_key_id', 'secret_access_key', 'from', 'to']) expect(message).toContain(`destinations.mail.${field}: "${field}" is required`);
  });

  it('checks the region and api_url', () => {
    const message = problems('    access_key_id: AKID\n    secret_access_key: s\n    from: ci@example.com\n    to: ops@example.com\n    region: Europe\n    api_url: ftp://x\n');
    expect(message).toContain('destinations.mail.region: must be an AWS region such as us-east-1 or eu-west-1');
    expect(message).toContain('destinations.mail.api_url: must be an http:// or https:// URL');
  });

  it('refuses an address with a line break', () => {
    expect(problems('    access_key_id: AKID\n    secret_access_key: s\n    from: ci@example.com\n    to: "ops@example.com\\nBcc: x@example.com"\n')).toContain(
      ':7:9: destinations.mail.to: must be an e-mail address',
    );
  });

  it('declares the secret key and session token secrets (the key id too: it names the account)', () => {
    expect(ses.secrets(config({ session_token: 'FwoGZXIvYXdzEXAMPLETOKEN' }))).toEqual(['AKIDEXAMPLE', KEYS.secret_access_key, 'FwoGZXIvYXdzEXAMPLETOKEN']);
  });
});

describe('ses request', () => {
  it('is SES v2 SendEmail on the regional endpoint', () => {
    const request = build({ region: 'eu-west-1' });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails');
    expect(request.headers).toMatchObject({ 'Content-Type': 'application/json', Host: 'email.eu-west-1.amazonaws.com' });
    expect(build().url).toBe('https://email.us-east-1.amazonaws.com/v2/email/outbound-emails');
  });

  it('api_url replaces the endpoint, path kept', () => {
    const request = build({ api_url: 'http://127.0.0.1:4566/' });
    expect(request.url).toBe('http://127.0.0.1:4566/v2/email/outbound-emails');
    expect(request.headers.Host).toBe('127.0.0.1:4566');
  });

  it('sends addresses and the same subject and parts as the email destination', () => {
    const request = build({ to: ['a@example.com', 'b@example.com'], cc: 'c@example.com', bcc: 'd@example.com', reply_to: 'r@example.com' });
    const body = JSON.parse(request.body!);
    expect(body).toEqual({
      FromEmailAddress: 'CI <ci@example.com>',
      Destination: { ToAddresses: ['a@example.com', 'b@example.com'], CcAddresses: ['c@example.com'], BccAddresses: ['d@example.com'] },
      ReplyToAddresses: ['r@example.com'],
      Content: {
        Simple: {
          Subject: { Data: '[Codertocat/Hello-World] CI failed on main (#42)', Charset: 'UTF-8' },
          Body: { Text: { Data: expect.stringContaining('View the run: https://github.com/'), Charset: 'UTF-8' }, Html: { Data: expect.stringMatching(/^<!DOCTYPE html>/), Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('leaves out a part that has no template when the other has one', () => {
    expect(JSON.parse(build({ body: '<<status>>' }).body!).Content.Simple.Body).toEqual({ Text: { Data: 'failure', Charset: 'UTF-8' } });
    expect(JSON.parse(build({ html: '<i><<commitTitle>></i>' }, 'error', { commitMessage: 'a<b' }).body!).Content.Simple.Body).toEqual({
      Html: { Data: '<i>a&lt;b</i>', Charset: 'UTF-8' },
    });
  });

  it('is signed with SigV4 for ses in the region, as the AWS SDK signer computes it', async () => {
    const request = build({ region: 'eu-west-1' });
    const { credential, signedHeaders } = parseAuthorization(request.headers.Authorization!);
    expect(credential).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/ses\/aws4_request$/);
    expect(signedHeaders).toEqual(['content-length', 'content-type', 'host', 'x-amz-date']);
    expect(request.headers['Content-Length']).toBe(String(Buffer.byteLength(request.body!)));
    const credentials = { accessKeyId: KEYS.access_key_id, secretAccessKey: KEYS.secret_access_key };
    expect(request.headers.Authorization).toBe(await expectedAuthorization(received(request), credentials, 'eu-west-1'));
    expect(request.headers.Authorization).not.toBe(await expectedAuthorization(received(request), { ...credentials, secretAccessKey: 'wrong' }, 'eu-west-1'));
  });

  it('signs the session token of temporary credentials', async () => {
    const request = build({ session_token: 'FwoGZXIvYXdzEXAMPLETOKEN' });
    expect(request.headers['X-Amz-Security-Token']).toBe('FwoGZXIvYXdzEXAMPLETOKEN');
    expect(parseAuthorization(request.headers.Authorization!).signedHeaders).toContain('x-amz-security-token');
    const credentials = { accessKeyId: KEYS.access_key_id, secretAccessKey: KEYS.secret_access_key, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' };
    expect(request.headers.Authorization).toBe(await expectedAuthorization(received(request), credentials, 'us-east-1'));
  });
});

describe('SES replies', () => {
  const reply = (code: number | null, body: string, headers: Record<string, string> = {}) => ({ code, body, headers });

  it('a 2xx is no failure', () => {
    expect(describeSesReply(reply(200, '{"MessageId":"0100018c-abc"}'))).toEqual({});
  });

  it('names the error type from x-amzn-ErrorType and the message from the body', () => {
    expect(
      describeSesReply(
        reply(400, '{"message":"Email address is not verified. The following identities failed the check in region US-EAST-1: ci@example.com"}', {
          'x-amzn-errortype': 'MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/',
        }),
      ),
    ).toEqual({ error: 'SES 400 MessageRejected: Email address is not verified. The following identities failed the check in region US-EAST-1: ci@example.com' });
  });

  it('or from __type / code and Message in the body', () => {
    expect(describeSesReply(reply(403, '{"__type":"com.amazonaws.sesv2#AccountSuspendedException","Message":"Account suspended"}'))).toEqual({
      error: 'SES 403 AccountSuspendedException: Account suspended',
    });
    expect(describeSesReply(reply(403, '{"code":"SignatureDoesNotMatch","message":"The request signature we calculated does not match"}'))).toEqual({
      error: 'SES 403 SignatureDoesNotMatch: The request signature we calculated does not match',
    });
  });

  it('shows a body that is not JSON as it is', () => {
    expect(describeSesReply(reply(502, '<html>Bad Gateway</html>'))).toEqual({ error: 'SES 502 <html>Bad Gateway</html>' });
    expect(describeSesReply(reply(500, ''))).toEqual({ error: 'SES 500' });
  });

  it('asks for a retry on throttling, whatever the status, after Retry-After or a second', () => {
    expect(describeSesReply(reply(429, '{"message":"Maximum sending rate exceeded."}', { 'x-amzn-errortype': 'TooManyRequestsException' }))).toEqual({
      error: 'SES 429 TooManyRequestsException: Maximum sending rate exceeded.',
      retryAfterMs: 1000,
    });
    expect(describeSesReply(reply(400, '{"__type":"ThrottlingException","message":"Rate exceeded"}', { 'retry-after': '3' }))).toEqual({
      error: 'SES 400 ThrottlingException: Rate exceeded',
      retryAfterMs: 3000,
    });
    expect(describeSesReply(reply(400, '{"message":"Sending quota exceeded"}', { 'x-amzn-errortype': 'LimitExceededException' })).retryAfterMs).toBe(1000);
    expect(describeSesReply(reply(400, '{"message":"x"}', { 'x-amzn-errortype': 'MessageRejected' })).retryAfterMs).toBeUndefined();
  });
});
