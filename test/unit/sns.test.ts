import { describe, expect, it } from 'vitest';
import { formEncode, interpretSnsReply, sns, snsSubject, type SnsConfig } from '../../src/destinations/sns.js';
import type { Trigger } from '../../src/outcome.js';
import { buildInput, HOSTILE_COMMIT, isWellFormed } from '../fixtures/build-input.js';
import { configProblems } from '../fixtures/config.js';
import { httpRequests } from '../fixtures/outbound.js';
import { expectedAuthorization, parseAuthorization } from '../fixtures/sigv4.js';

const KEYS = { access_key_id: 'AKIDEXAMPLE', secret_access_key: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const ARN = 'arn:aws:sns:eu-west-1:123456789012:ci-notifications';
const config = (fields: object = {}): SnsConfig => sns.schema.parse({ type: 'sns', ...KEYS, topic_arn: ARN, ...fields });
const build = (fields: object = {}, trigger: Trigger = 'error', options: Parameters<typeof buildInput>[1] = {}) =>
  httpRequests(sns.build(config(fields), buildInput(trigger, options)))[0]!;
/** The form body as name -> value, in order. */
const form = (request: ReturnType<typeof build>) => [...new URLSearchParams(request.body!)];
const params = (request: ReturnType<typeof build>) => Object.fromEntries(form(request));
const received = (request: ReturnType<typeof build>) => ({ method: request.method, path: new URL(request.url).pathname, headers: request.headers, body: request.body! });

const problems = (lines: string): string => configProblems(`destinations:
  topic:
    type: sns
${lines}`);

describe('sns config', () => {
  it('needs the topic and the keys', () => {
    const message = problems('    region: eu-west-1\n');
    for (const field of ['topic_arn', 'access_key_id', 'secret_access_key']) expect(message).toContain(`destinations.topic.${field}: "${field}" is required`);
  });

  it('checks the ARN, the region, the attributes and api_url', () => {
    const message = problems(
      '    access_key_id: AKID\n    secret_access_key: s\n    topic_arn: arn:aws:sqs:eu-west-1:123456789012:q\n    region: Europe\n    api_url: ftp://x\n' +
        '    message_attributes:\n      AWS.trace: x\n      "a..b": y\n',
    );
    expect(message).toContain('destinations.topic.topic_arn: must be an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:ci-notifications');
    expect(message).toContain('destinations.topic.region: must be an AWS region such as us-east-1 or eu-west-1');
    expect(message).toContain('destinations.topic.api_url: must be an http:// or https:// URL');
    expect(message).toContain('destinations.topic.message_attributes.AWS.trace: an attribute name must not start with AWS. or Amazon. (reserved)');
    expect(message).toContain('destinations.topic.message_attributes.a..b: an attribute name must be 1 to 256 letters, digits, _, - or .');
  });

  it('takes at most 10 attributes', () => {
    const attributes = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, 'v']));
    expect(sns.schema.safeParse({ type: 'sns', ...KEYS, topic_arn: ARN, message_attributes: attributes }).success).toBe(false);
  });

  it('accepts other partitions, refuses FIFO topics (they need a MessageGroupId)', () => {
    expect(build({ topic_arn: 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:deploys' }).url).toBe('https://sns.us-gov-west-1.amazonaws.com/');
    expect(problems('    access_key_id: AKID\n    secret_access_key: s\n    topic_arn: arn:aws:sns:eu-west-1:123456789012:deploys.fifo\n')).toContain(
      'destinations.topic.topic_arn: is a FIFO topic, which Herald does not publish to yet (it needs a MessageGroupId)',
    );
  });

  it('declares the keys and the session token secrets', () => {
    expect(sns.secrets(config({ session_token: 'FwoGZXIvYXdzEXAMPLETOKEN' }))).toEqual(['AKIDEXAMPLE', KEYS.secret_access_key, 'FwoGZXIvYXdzEXAMPLETOKEN']);
  });
});

describe('sns request', () => {
  it('is a form-encoded Publish on the regional endpoint of the ARN', () => {
    const request = build();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://sns.eu-west-1.amazonaws.com/');
    expect(request.headers).toMatchObject({ 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', Host: 'sns.eu-west-1.amazonaws.com' });
    expect(form(request).map(([name]) => name)).toEqual(['Action', 'Version', 'TopicArn', 'Message', 'Subject']);
    expect(params(request)).toMatchObject({ Action: 'Publish', Version: '2010-03-31', TopicArn: ARN, Subject: '[Codertocat/Hello-World] CI failed on main (#42)' });
    expect(request.body!.startsWith(
      'Action=Publish&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Aci-notifications&Message=CI%20failed%20on%20main%20in%20Codertocat%2FHello-World%20%28%2342%29%0A%0ARepository%3A%20',
    )).toBe(true);
    expect(request.body).toMatch(/&Subject=%5BCodertocat%2FHello-World%5D%20CI%20failed%20on%20main%20%28%2342%29$/);
  });

  it('sends the default message of the e-mail destinations as the Message', () => {
    expect(params(build()).Message).toBe(`CI failed on main in Codertocat/Hello-World (#42)

Repository: Codertocat/Hello-World <https://github.com/Codertocat/Hello-World>
Workflow: CI / build <https://github.com/Codertocat/Hello-World/actions/runs/1234567890>
Branch: main <https://github.com/Codertocat/Hello-World/tree/main>
Commit: 6113728 Adding a .gitignore file <https://github.com/Codertocat/Hello-World/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246>
Actor: Codertocat
Duration: 3m 25s

View the run: https://github.com/Codertocat/Hello-World/actions/runs/1234567890

-- 
Sent by Herald (destination "chat")
`);
    expect(params(build({}, 'test')).Subject).toBe('[Codertocat/Hello-World] Test notification from Herald (#42)');
  });

  it('region overrides the ARN, api_url the endpoint', () => {
    expect(build({ region: 'us-west-2' }).url).toBe('https://sns.us-west-2.amazonaws.com/');
    const request = build({ api_url: 'http://127.0.0.1:4566/' });
    expect(request.url).toBe('http://127.0.0.1:4566/');
    expect(request.headers.Host).toBe('127.0.0.1:4566');
    expect(build({ api_url: 'https://vpce-1.sns.eu-west-1.vpce.amazonaws.com/proxy' }).url).toBe('https://vpce-1.sns.eu-west-1.vpce.amazonaws.com/proxy/');
  });

  it('templates, per trigger too', () => {
    const request = build({ subject: '<<workflow>> <<status>>', text: 'Broken: <<commitTitle>>', messages: { error: { subject: 'BROKEN <<branch>>' } } });
    expect(params(request)).toMatchObject({ Subject: 'BROKEN main', Message: 'Broken: Adding a .gitignore file' });
  });

  it('message attributes as String attributes, numbered from 1', () => {
    const request = build({ message_attributes: { severity: 'high', 'team.name': 'a&b=c ü' } });
    expect(form(request).slice(5)).toEqual([
      ['MessageAttributes.entry.1.Name', 'severity'],
      ['MessageAttributes.entry.1.Value.DataType', 'String'],
      ['MessageAttributes.entry.1.Value.StringValue', 'high'],
      ['MessageAttributes.entry.2.Name', 'team.name'],
      ['MessageAttributes.entry.2.Value.DataType', 'String'],
      ['MessageAttributes.entry.2.Value.StringValue', 'a&b=c ü'],
    ]);
    expect(request.body).toContain('&MessageAttributes.entry.2.Value.StringValue=a%26b%3Dc%20%C3%BC');
  });

  it('a hostile commit message stays inside its parameter, whole and well-formed', () => {
    const request = build({ subject: '<<commitMessage>>', text: '<<commitMessage>>&Action=DeleteTopic' }, 'error', { commitMessage: `${HOSTILE_COMMIT}&TopicArn=x` });
    const parsed = form(request);
    expect(parsed.filter(([name]) => name === 'Action')).toEqual([['Action', 'Publish']]);
    expect(parsed.filter(([name]) => name === 'TopicArn')).toEqual([['TopicArn', ARN]]);
    const { Message, Subject } = params(request);
    expect(Message).toBe(`${HOSTILE_COMMIT}&TopicArn=x&Action=DeleteTopic`);
    expect(isWellFormed(Message!)).toBe(true);
    expect(Subject!.length).toBeLessThanOrEqual(100);
    expect(Subject).toMatch(/^[\x20-\x7e]+$/);
    expect(Subject!.startsWith('Fix "quotes" and \\backslashes\\ <!channel>')).toBe(true);
    expect(Subject!.endsWith('...')).toBe(true);
  });

  it('a Message over 256 KB is cut to fit, with the attributes, without splitting an emoji', () => {
    const { Message } = params(build({ text: '<<commitMessage>>', message_attributes: { big: 'x'.repeat(10_000) } }, 'error', { commitMessage: '💥'.repeat(80_000) }));
    expect(Buffer.byteLength(Message!) + 10_000).toBeLessThanOrEqual(256 * 1024);
    expect(Buffer.byteLength(Message!)).toBeGreaterThan(200 * 1024);
    expect(Message!.endsWith('…')).toBe(true);
    expect(isWellFormed(Message!)).toBe(true);
  });

  it('is signed with SigV4 for sns in the region of the ARN, as the AWS SDK signer computes it', async () => {
    const request = build({ session_token: 'FwoGZXIvYXdzEXAMPLETOKEN' });
    const { credential, signedHeaders } = parseAuthorization(request.headers.Authorization!);
    expect(credential).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-west-1\/sns\/aws4_request$/);
    expect(signedHeaders).toEqual(['content-length', 'content-type', 'host', 'x-amz-date', 'x-amz-security-token']);
    expect(request.headers['Content-Length']).toBe(String(Buffer.byteLength(request.body!)));
    const credentials = { accessKeyId: KEYS.access_key_id, secretAccessKey: KEYS.secret_access_key, sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN' };
    expect(request.headers.Authorization).toBe(await expectedAuthorization(received(request), credentials, 'eu-west-1', 'sns'));
    expect(request.headers.Authorization).not.toBe(await expectedAuthorization(received(request), credentials, 'eu-west-1', 'ses'));
    expect(request.headers.Authorization).not.toBe(await expectedAuthorization(received(request), { ...credentials, secretAccessKey: 'wrong' }, 'eu-west-1', 'sns'));
  });
});

describe('sns subject', () => {
  it('is printable ASCII on one line', () => {
    expect(snsSubject('❌ CI failed on feat/café\r\nsecond\tline')).toBe('CI failed on feat/cafe second line');
    expect(snsSubject('🎉')).toBe('');
    expect(snsSubject('  a  \u0007 b ')).toBe('a b');
  });

  it('is cut at 100 characters with ...', () => {
    expect(snsSubject('x'.repeat(100))).toBe('x'.repeat(100));
    expect(snsSubject('x'.repeat(101))).toBe(`${'x'.repeat(97)}...`);
  });

  it('is left out when nothing printable is left', () => {
    expect(form(build({ subject: '🚀🚀' })).map(([name]) => name)).not.toContain('Subject');
  });
});

describe('form encoding', () => {
  it('is RFC 3986, as SigV4 canonicalises it', () => {
    expect(formEncode([['a b', "!'()*~-_."], ['x', '+/=&']])).toBe("a%20b=%21%27%28%29%2A~-_.&x=%2B%2F%3D%26");
  });
});

describe('SNS replies', () => {
  const reply = (code: number | null, body: string, headers: Record<string, string> = {}) => ({ code, body, headers });
  const errorResponse = (type: string, code: string, message: string) =>
    `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">\n  <Error>\n    <Type>${type}</Type>\n    <Code>${code}</Code>\n    <Message>${message}</Message>\n  </Error>\n  <RequestId>9b4a4f2c-1111-2222-3333-444455556666</RequestId>\n</ErrorResponse>`;

  it('a PublishResponse is no failure', () => {
    expect(
      interpretSnsReply(reply(200, '<PublishResponse><PublishResult><MessageId>567910cd-659e-55d4-8ccb-5aaf14679dc0</MessageId></PublishResult></PublishResponse>')),
    ).toEqual({});
  });

  it('AuthorizationError: a failure in SNS words, not retried', () => {
    expect(
      interpretSnsReply(reply(403, errorResponse('Sender', 'AuthorizationError', 'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: SNS:Publish on resource: ' + ARN))),
    ).toEqual({ error: `SNS error AuthorizationError: User: arn:aws:iam::123456789012:user/ci is not authorized to perform: SNS:Publish on resource: ${ARN} (HTTP 403)` });
  });

  it('other client errors: not retried, entities decoded', () => {
    expect(interpretSnsReply(reply(400, errorResponse('Sender', 'InvalidParameter', 'Invalid parameter: Subject &lt;bad&gt; &amp; &quot;x&quot;')))).toEqual({
      error: 'SNS error InvalidParameter: Invalid parameter: Subject <bad> & "x" (HTTP 400)',
    });
    expect(interpretSnsReply(reply(404, errorResponse('Sender', 'NotFound', 'Topic does not exist')))).toEqual({ error: 'SNS error NotFound: Topic does not exist (HTTP 404)' });
    expect(interpretSnsReply(reply(403, errorResponse('Sender', 'SignatureDoesNotMatch', 'The request signature we calculated does not match')))).toEqual({
      error: 'SNS error SignatureDoesNotMatch: The request signature we calculated does not match (HTTP 403)',
    });
  });

  it('Throttling is retried after Retry-After or a second', () => {
    expect(interpretSnsReply(reply(400, errorResponse('Sender', 'Throttling', 'Rate exceeded')))).toEqual({ error: 'SNS error Throttling: Rate exceeded (HTTP 400)', retryAfterMs: 1000 });
    expect(interpretSnsReply(reply(400, errorResponse('Sender', 'Throttling', 'Rate exceeded'), { 'retry-after': '2' })).retryAfterMs).toBe(2000);
    expect(interpretSnsReply(reply(400, errorResponse('Sender', 'KMSThrottling', 'x'))).retryAfterMs).toBe(1000);
  });

  it('a server error keeps its words (the transport retries 5xx anyway)', () => {
    expect(interpretSnsReply(reply(500, errorResponse('Receiver', 'InternalError', 'Internal service error')))).toEqual({ error: 'SNS error InternalError: Internal service error (HTTP 500)' });
  });

  it('a body without <Code> is left to the transport', () => {
    expect(interpretSnsReply(reply(502, '<html>Bad Gateway</html>'))).toEqual({});
    expect(interpretSnsReply(reply(null, ''))).toEqual({});
  });
});
