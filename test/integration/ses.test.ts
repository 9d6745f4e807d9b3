import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { expectedAuthorization, parseAuthorization } from '../fixtures/sigv4.js';
import { Receiver, type Received } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE-session-token';
const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN };

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start(() => ({ status: 200, headers: { 'Content-Type': 'application/json' }, body: '{"MessageId":"0100018c-test-0001"}' }));
});
afterEach(async () => {
  await receiver.close();
});

/** An ses destination `ses-mail` sending to the receiver, credentials from the environment as in a workflow. */
const sesConfig = (extra = '') => `destinations:
  ses-mail:
    type: ses
    access_key_id: \${AWS_ACCESS_KEY_ID}
    secret_access_key: \${AWS_SECRET_ACCESS_KEY}
    session_token: \${AWS_SESSION_TOKEN}
    region: eu-west-1
    api_url: ${receiver.url}
    from: "CI <ci@example.com>"
    to: ["ops@example.com", "dev@example.com"]
    cc: lead@example.com
    bcc: audit@example.com
    reply_to: support@example.com
    retry_backoff: 0.05
${extra}`;

const fail = (config: string) =>
  runAction({
    eventName: 'push',
    event: pushEvent(),
    inputs: { status: 'failure' },
    config,
    env: { AWS_ACCESS_KEY_ID: ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY, AWS_SESSION_TOKEN: SESSION_TOKEN },
  });

const everything = (run: RunResult) =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');

const noSecrets = (run: RunResult) => {
  const printed = everything(run);
  for (const secret of [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN]) expect(printed).not.toContain(secret);
};

const asSigned = (request: Received) => ({ method: request.method, path: request.path, headers: request.headers, body: request.text });

describe('ses, run as the runner runs dist/index.js', () => {
  it('sends a SES v2 SendEmail request whose SigV4 signature verifies with the same secret', async () => {
    const run = await fail(sesConfig());
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v2/email/outbound-emails');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers.host).toBe(new URL(receiver.url).host);

    const body = JSON.parse(request!.text);
    expect(body).toEqual({
      FromEmailAddress: 'CI <ci@example.com>',
      Destination: { ToAddresses: ['ops@example.com', 'dev@example.com'], CcAddresses: ['lead@example.com'], BccAddresses: ['audit@example.com'] },
      ReplyToAddresses: ['support@example.com'],
      Content: {
        Simple: {
          Subject: { Data: '[Codertocat/Hello-World] CI failed on main (#42)', Charset: 'UTF-8' },
          Body: {
            Text: { Data: expect.stringMatching(/^CI failed on main in Codertocat\/Hello-World \(#42\)\n/), Charset: 'UTF-8' },
            Html: { Data: expect.stringMatching(/^<!DOCTYPE html>/), Charset: 'UTF-8' },
          },
        },
      },
    });
    expect(body.Content.Simple.Body.Text.Data).toContain('Sent by Herald (destination "ses-mail")');

    // The signature, checked by the AWS SDK's own signer over what arrived.
    const authorization = String(request!.headers.authorization);
    const { credential, signedHeaders } = parseAuthorization(authorization);
    expect(credential).toMatch(new RegExp(`^${ACCESS_KEY_ID}/\\d{8}/eu-west-1/ses/aws4_request$`));
    expect(signedHeaders).toEqual(['content-length', 'content-type', 'host', 'x-amz-date', 'x-amz-security-token']);
    expect(request!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(request!.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    expect(authorization).toBe(await expectedAuthorization(asSigned(request!), CREDENTIALS, 'eu-west-1'));
    expect(authorization).not.toBe(await expectedAuthorization(asSigned(request!), { ...CREDENTIALS, secretAccessKey: `${SECRET_ACCESS_KEY}x` }, 'eu-west-1'));
    expect(authorization).not.toBe(await expectedAuthorization(asSigned(request!), CREDENTIALS, 'us-east-1'));
    expect(authorization).not.toBe(await expectedAuthorization({ ...asSigned(request!), body: request!.text.replace('ops@', 'evil@') }, CREDENTIALS, 'eu-west-1'));

    expect(run.results).toEqual([
      expect.objectContaining({
        destination: 'ses-mail',
        type: 'ses',
        status: 'successful',
        code: 200,
        attempts: 1,
        url: `${receiver.url}/v2/email/outbound-emails`,
        response: '{"MessageId":"0100018c-test-0001"}',
        error: null,
      }),
    ]);
    noSecrets(run);
  });

  it('an unverified sender: failed with SES error type and message, not retried', async () => {
    receiver.respond(() => ({
      status: 400,
      headers: { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'MessageRejected:http://internal.amazon.com/coral/com.amazonaws.sesv2/' },
      body: '{"message":"Email address is not verified. The following identities failed the check in region EU-WEST-1: ci@example.com"}',
    }));
    const run = await fail(sesConfig());
    expect(run.exitCode).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      status: 'failed',
      code: 400,
      attempts: 1,
      error: 'SES 400 MessageRejected: Email address is not verified. The following identities failed the check in region EU-WEST-1: ci@example.com',
    });
    expect(run.stdout).toContain('::warning::Notification failed: ses-mail (ses): SES 400 MessageRejected: Email address is not verified.');
    noSecrets(run);
  });

  it('throttling (429 TooManyRequestsException) is retried, with the same signed request', async () => {
    receiver.respond((_request, index) =>
      index === 0
        ? { status: 429, headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' }, body: '{"message":"Maximum sending rate exceeded."}' }
        : { status: 200, body: '{"MessageId":"0100018c-test-0002"}' },
    );
    const run = await fail(sesConfig());
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(receiver.requests[1]!.headers['x-herald-delivery']).toBe(receiver.requests[0]!.headers['x-herald-delivery']);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, attempts: 2, error: null });
    expect(run.stdout).toContain('attempt 1: SES 429 TooManyRequestsException: Maximum sending rate exceeded.');
    noSecrets(run);
  });

  it('throttling answered with a 400 (ThrottlingException in the body) is retried too', async () => {
    receiver.respond((_request, index) =>
      index === 0 ? { status: 400, body: '{"__type":"ThrottlingException","message":"Rate exceeded"}' } : { status: 200, body: '{"MessageId":"0100018c-test-0003"}' },
    );
    const run = await fail(sesConfig());
    expect(receiver.requests).toHaveLength(2);
    expect(run.results[0]).toMatchObject({ status: 'successful', attempts: 2 });
    expect(run.stdout).toContain('attempt 1: SES 400 ThrottlingException: Rate exceeded');
  });

  it('a response echoing a credential is masked', async () => {
    receiver.respond((request) => ({ status: 403, body: JSON.stringify({ __type: 'InvalidClientTokenId', message: `bad token ${request.headers['x-amz-security-token']}` }) }));
    const run = await fail(sesConfig());
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 403, attempts: 1, error: 'SES 403 InvalidClientTokenId: bad token ****' });
    noSecrets(run);
  });
});
