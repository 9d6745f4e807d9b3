import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { expectedAuthorization, parseAuthorization } from '../fixtures/sigv4.js';
import { Receiver, type Received } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';

const ACCESS_KEY_ID = 'AKIAIOSFODNN7SNSEXA';
const SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSNSEXAMPLE';
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLE-sns-session-token';
const CREDENTIALS = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN };
const ARN = 'arn:aws:sns:eu-central-1:123456789012:ci-notifications';

const PUBLISH_RESPONSE = (id: string) =>
  `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <PublishResult>
    <MessageId>${id}</MessageId>
  </PublishResult>
  <ResponseMetadata>
    <RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId>
  </ResponseMetadata>
</PublishResponse>`;

const ERROR_RESPONSE = (code: string, message: string) =>
  `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">
  <Error>
    <Type>Sender</Type>
    <Code>${code}</Code>
    <Message>${message}</Message>
  </Error>
  <RequestId>9b4a4f2c-1111-2222-3333-444455556666</RequestId>
</ErrorResponse>`;

let receiver: Receiver;
beforeEach(async () => {
  receiver = await Receiver.start(() => ({ status: 200, headers: { 'Content-Type': 'text/xml' }, body: PUBLISH_RESPONSE('567910cd-659e-55d4-8ccb-5aaf14679dc0') }));
});
afterEach(async () => {
  await receiver.close();
});

/** An sns destination `ci-topic` publishing to the receiver, credentials from the environment as in a workflow. */
const snsConfig = (extra = '') => `destinations:
  ci-topic:
    type: sns
    topic_arn: ${ARN}
    access_key_id: \${AWS_ACCESS_KEY_ID}
    secret_access_key: \${AWS_SECRET_ACCESS_KEY}
    session_token: \${AWS_SESSION_TOKEN}
    api_url: ${receiver.url}
    message_attributes:
      source: github-actions
      branch: main
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

describe('sns, run as the runner runs dist/index.js', () => {
  it('publishes a form-encoded Publish whose SigV4 signature verifies, in the region of the ARN', async () => {
    const run = await fail(snsConfig());
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/');
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(request!.headers.host).toBe(new URL(receiver.url).host);

    const form = [...new URLSearchParams(request!.text)];
    expect(form.map(([name]) => name)).toEqual([
      'Action',
      'Version',
      'TopicArn',
      'Message',
      'Subject',
      'MessageAttributes.entry.1.Name',
      'MessageAttributes.entry.1.Value.DataType',
      'MessageAttributes.entry.1.Value.StringValue',
      'MessageAttributes.entry.2.Name',
      'MessageAttributes.entry.2.Value.DataType',
      'MessageAttributes.entry.2.Value.StringValue',
    ]);
    const params = Object.fromEntries(form);
    expect(params).toMatchObject({
      Action: 'Publish',
      Version: '2010-03-31',
      TopicArn: ARN,
      Subject: '[Codertocat/Hello-World] CI failed on main (#42)',
      'MessageAttributes.entry.1.Name': 'source',
      'MessageAttributes.entry.1.Value.DataType': 'String',
      'MessageAttributes.entry.1.Value.StringValue': 'github-actions',
      'MessageAttributes.entry.2.Name': 'branch',
      'MessageAttributes.entry.2.Value.StringValue': 'main',
    });
    expect(params.Message).toMatch(/^CI failed on main in Codertocat\/Hello-World \(#42\)\n\nRepository: Codertocat\/Hello-World/);
    expect(params.Message).toContain('Sent by Herald (destination "ci-topic")');

    // The signature, checked by the AWS SDK's own signer over what arrived.
    const authorization = String(request!.headers.authorization);
    const { credential, signedHeaders } = parseAuthorization(authorization);
    expect(credential).toMatch(new RegExp(`^${ACCESS_KEY_ID}/\\d{8}/eu-central-1/sns/aws4_request$`));
    expect(signedHeaders).toEqual(['content-length', 'content-type', 'host', 'x-amz-date', 'x-amz-security-token']);
    expect(request!.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(authorization).toBe(await expectedAuthorization(asSigned(request!), CREDENTIALS, 'eu-central-1', 'sns'));
    expect(authorization).not.toBe(await expectedAuthorization(asSigned(request!), { ...CREDENTIALS, secretAccessKey: `${SECRET_ACCESS_KEY}x` }, 'eu-central-1', 'sns'));
    expect(authorization).not.toBe(await expectedAuthorization(asSigned(request!), CREDENTIALS, 'us-east-1', 'sns'));
    expect(authorization).not.toBe(await expectedAuthorization({ ...asSigned(request!), body: request!.text.replace('github-actions', 'evil') }, CREDENTIALS, 'eu-central-1', 'sns'));

    expect(run.results).toEqual([
      expect.objectContaining({
        destination: 'ci-topic',
        type: 'sns',
        status: 'successful',
        code: 200,
        attempts: 1,
        url: `${receiver.url}/`,
        response: expect.stringContaining('<MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId>'),
        error: null,
      }),
    ]);
    noSecrets(run);
  });

  it('AuthorizationError: failed in SNS words, not retried', async () => {
    receiver.respond(() => ({
      status: 403,
      headers: { 'Content-Type': 'text/xml' },
      body: ERROR_RESPONSE('AuthorizationError', `User: arn:aws:iam::123456789012:user/ci is not authorized to perform: SNS:Publish on resource: ${ARN}`),
    }));
    const run = await fail(snsConfig());
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      status: 'failed',
      code: 403,
      attempts: 1,
      error: `SNS error AuthorizationError: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: SNS:Publish on resource: ${ARN} (HTTP 403)`,
    });
    expect(run.stdout).toContain('::warning::Notification failed: ci-topic (sns): SNS error AuthorizationError: User:');
    noSecrets(run);
  });

  it('InvalidParameter (a 400 client error) is not retried', async () => {
    receiver.respond(() => ({ status: 400, body: ERROR_RESPONSE('InvalidParameter', 'Invalid parameter: TopicArn') }));
    const run = await fail(snsConfig());
    expect(receiver.requests).toHaveLength(1);
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 400, attempts: 1, error: 'SNS error InvalidParameter: Invalid parameter: TopicArn (HTTP 400)' });
  });

  it('Throttling (a 400) is retried, with the same signed request', async () => {
    receiver.respond((_request, index) =>
      index === 0 ? { status: 400, body: ERROR_RESPONSE('Throttling', 'Rate exceeded') } : { status: 200, body: PUBLISH_RESPONSE('0000-second') },
    );
    const run = await fail(snsConfig());
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[1]!.text).toBe(receiver.requests[0]!.text);
    expect(run.results[0]).toMatchObject({ status: 'successful', code: 200, attempts: 2, error: null });
    expect(run.stdout).toContain('attempt 1: SNS error Throttling: Rate exceeded (HTTP 400)');
    noSecrets(run);
  });

  it('a response echoing a credential is masked', async () => {
    receiver.respond((request) => ({ status: 403, body: ERROR_RESPONSE('InvalidClientTokenId', `bad token ${request.headers['x-amz-security-token']}`) }));
    const run = await fail(snsConfig());
    expect(run.results[0]).toMatchObject({ status: 'failed', code: 403, attempts: 1, error: 'SNS error InvalidClientTokenId: bad token **** (HTTP 403)' });
    noSecrets(run);
  });
});
