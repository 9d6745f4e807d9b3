import { createServer, type AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pushEvent } from '../fixtures/build-input.js';
import { Receiver, refusedUrl } from './receiver.js';
import { runAction, type RunResult } from './run-action.js';
import { SmtpReceiver } from './smtp-receiver.js';

const USER = 'herald';
const PASSWORD = 'smtp-pa55-word';

let smtp: SmtpReceiver;
beforeEach(async () => {
  smtp = await SmtpReceiver.start({ user: USER, password: PASSWORD, refuse: ['nobody@example.com'] });
});
afterEach(async () => {
  await smtp.close();
});

const REPO = 'https://github.com/Codertocat/Hello-World';
const RUN = `${REPO}/actions/runs/1234567890`;

/** An email destination `ops-mail` on the test server, with these YAML lines added. */
const mailConfig = (extra = '', port = smtp.port) => `destinations:
  ops-mail:
    type: email
    host: 127.0.0.1
    port: ${port}
    username: ${USER}
    password: \${SMTP_PASSWORD}
    use_tls: true
    insecure_skip_verify: true
    from: "CI <ci@example.com>"
    to: ["ops@example.com", "Dev Team <dev@example.com>"]
    cc: lead@example.com
    bcc: audit@example.com
    reply_to: "Support <support@example.com>"
    retry_backoff: 0.05
${extra}`;

const fail = (config: string, env: Record<string, string> = { SMTP_PASSWORD: PASSWORD }) =>
  runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'failure' }, config, env });

/** Everything the step printed or wrote, where a secret must never appear. */
const everything = (run: RunResult) =>
  [run.stdout.replace(/^::add-mask::.*$/gm, ''), run.stderr, JSON.stringify(run.outputs), run.summary].join('\n');

describe('email over SMTP, run as the runner runs dist/index.js', () => {
  it('sends one message over STARTTLS with AUTH to every recipient, with the default subject and both parts', async () => {
    const run = await fail(mailConfig());
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const messages = await smtp.received();
    expect(messages).toHaveLength(1);
    expect(smtp.connections).toBe(1);
    const [mail] = messages;

    // The envelope: every recipient, Bcc included, in one message.
    expect(mail!.mailFrom).toBe('ci@example.com');
    expect(mail!.rcptTo).toEqual(['ops@example.com', 'dev@example.com', 'lead@example.com', 'audit@example.com']);
    expect(mail!.secure).toBe(true);
    expect(mail!.user).toBe(USER);

    // The headers a reader sees; Bcc is not one of them.
    const headerLines = mail!.raw.split('\r\n\r\n')[0]!.split('\r\n');
    expect(headerLines).toEqual(
      expect.arrayContaining([
        'From: CI <ci@example.com>',
        'To: ops@example.com, Dev Team <dev@example.com>',
        'Cc: lead@example.com',
        'Reply-To: Support <support@example.com>',
        'Subject: [Codertocat/Hello-World] CI failed on main (#42)',
        'MIME-Version: 1.0',
      ]),
    );
    const { parsed } = mail!;
    expect(parsed.from?.text).toBe('"CI" <ci@example.com>');
    expect(parsed.from?.value).toEqual([{ address: 'ci@example.com', name: 'CI' }]);
    expect([parsed.to].flat().flatMap((to) => to!.value)).toEqual([
      { address: 'ops@example.com', name: '' },
      { address: 'dev@example.com', name: 'Dev Team' },
    ]);
    expect([parsed.cc].flat().flatMap((cc) => cc!.value)).toEqual([{ address: 'lead@example.com', name: '' }]);
    expect(parsed.replyTo?.value).toEqual([{ address: 'support@example.com', name: 'Support' }]);
    expect(parsed.subject).toBe('[Codertocat/Hello-World] CI failed on main (#42)');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(mail!.raw).not.toMatch(/^bcc:/im);
    expect(mail!.raw).not.toContain('audit@example.com');
    expect(parsed.headers.get('x-mailer')).toMatch(/^Herald\/\d+\.\d+\.\d+/);

    expect(parsed.text).toBe(
      [
        'CI failed on main in Codertocat/Hello-World (#42)',
        '',
        `Repository: Codertocat/Hello-World <${REPO}>`,
        `Workflow: CI / build <${RUN}>`,
        `Branch: main <${REPO}/tree/main>`,
        `Commit: 6113728 Adding a .gitignore file <${REPO}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246>`,
        'Actor: Codertocat',
        '',
        `View the run: ${RUN}`,
        '',
        '-- ',
        'Sent by Herald (destination "ops-mail")',
        '',
      ].join('\n'),
    );
    const html = parsed.html as string;
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('❌ CI failed on main in Codertocat/Hello-World (#42)</h2>');
    expect(html).toContain(`<a href="${REPO}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246">6113728 Adding a .gitignore file</a>`);
    expect(html).toContain(`<a href="${RUN}" style="display:inline-block;`);
    expect(html).toContain('Sent by Herald (destination &quot;ops-mail&quot;)');

    const [result] = run.results;
    expect(result).toMatchObject({
      destination: 'ops-mail',
      type: 'email',
      trigger: 'error',
      status: 'successful',
      code: 250,
      attempts: 1,
      url: `smtp://127.0.0.1:${smtp.port}`,
      response: expect.stringMatching(/^250 .*Ok: queued as HERALD1/),
      error: null,
    });
    expect(parsed.headers.get('x-herald-delivery')).toBe(result.delivery_id);
    expect(result.delivery_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(run.outputs).toMatchObject({ sent: '1', failed: '0' });
    expect(run.summary).toMatch(/<td>ops-mail<\/td><td>email<\/td><td>error<\/td><td>✅ sent<\/td><td>250<\/td><td>1<\/td>/);

    expect(everything(run)).not.toContain(PASSWORD);
    expect(mail!.raw).not.toContain(PASSWORD);
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`);
  });

  it('subject, body and html templates: values HTML-escaped in html only, line breaks in the subject become spaces', async () => {
    const event = pushEvent('Fix <b>bold</b> & "quotes"\nsecond line');
    const config = mailConfig(`    subject: "<<workflow>>: <<commitMessage>>"
    body: "Commit: <<commitMessage>>"
    html: "<p><<commitMessage>></p>"
`);
    const run = await runAction({ eventName: 'push', event, inputs: { status: 'failure' }, config, env: { SMTP_PASSWORD: PASSWORD } });
    expect(run.results[0]).toMatchObject({ status: 'successful', attempts: 1 });
    const [mail] = await smtp.received();
    expect(mail!.parsed.subject).toBe('CI: Fix <b>bold</b> & "quotes" second line');
    expect(mail!.parsed.text).toBe('Commit: Fix <b>bold</b> & "quotes"\nsecond line');
    expect(mail!.parsed.html).toBe('<p>Fix &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;\nsecond line</p>');
  });

  it('implicit TLS (use_ssl) works too', async () => {
    const secure = await SmtpReceiver.start({ secure: true, user: USER, password: PASSWORD });
    try {
      const config = mailConfig('', secure.port).replace('    use_tls: true\n', '    use_ssl: true\n');
      const run = await fail(config);
      expect(run.results[0]).toMatchObject({ status: 'successful', code: 250, attempts: 1, url: `smtps://127.0.0.1:${secure.port}` });
      const messages = await secure.received();
      expect(messages).toHaveLength(1);
      expect(messages[0]!.secure).toBe(true);
      expect(secure.connections).toBe(1);
    } finally {
      await secure.close();
    }
  });
});

describe('email failures land in the result, with the server reply and never the password', () => {
  it('a wrong password: 535 and the server text, not retried', async () => {
    const wrong = 'not-the-pa55-word';
    const run = await fail(mailConfig(), { SMTP_PASSWORD: wrong });
    expect(run.exitCode).toBe(0);
    expect(await smtp.received()).toHaveLength(0);
    expect(smtp.connections).toBe(1);
    const [result] = run.results;
    expect(result).toMatchObject({ status: 'failed', code: 535, attempts: 1 });
    expect(result.error).toMatch(/^the SMTP server refused AUTH (PLAIN|LOGIN): 535 5\.7\.8 Error: authentication failed: bad username or password/);
    expect(result.response).toContain('535 5.7.8 Error: authentication failed');
    expect(everything(run)).not.toContain(wrong);
    expect(run.stdout).toContain('::warning::Notification failed: ops-mail (email): the SMTP server refused AUTH');
  });

  it('a refused recipient: 550, the others still get it, not retried', async () => {
    const run = await fail(mailConfig().replace('to: ["ops@example.com", "Dev Team <dev@example.com>"]', 'to: ["ops@example.com", "nobody@example.com"]'));
    const [result] = run.results;
    expect(result).toMatchObject({ status: 'failed', code: 550, attempts: 1 });
    expect(result.error).toContain('the SMTP server refused RCPT TO for nobody@example.com: 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown');
    expect(result.error).toContain('the others accepted it: 250');
    const messages = await smtp.received();
    expect(messages).toHaveLength(1);
    expect(messages[0]!.rcptTo).toEqual(['ops@example.com', 'lead@example.com', 'audit@example.com']);
    expect(smtp.connections).toBe(1);
  });

  it('every recipient refused: 550, nothing sent, not retried', async () => {
    const config = mailConfig()
      .replace('to: ["ops@example.com", "Dev Team <dev@example.com>"]', 'to: nobody@example.com')
      .replace(/    (cc|bcc): .*\n/g, '');
    const run = await fail(config);
    const [result] = run.results;
    expect(result).toMatchObject({ status: 'failed', code: 550, attempts: 1 });
    expect(result.error).toContain('550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown');
    expect(await smtp.received()).toHaveLength(0);
    expect(smtp.connections).toBe(1);
  });

  it('a server that is down fails the email alone: the webhook beside it is delivered and the step succeeds', async () => {
    const hook = await Receiver.start();
    try {
      const port = Number(new URL(await refusedUrl()).port);
      const config = `${mailConfig('    retries: 1\n', port)}  hooks:\n    type: webhook\n    url: ${hook.url}/ci\n`;
      const run = await fail(config);
      expect(run.exitCode).toBe(0);
      expect(hook.requests).toHaveLength(1);
      expect(run.results.find((r) => r.destination === 'hooks')).toMatchObject({ status: 'successful', code: 200, attempts: 1 });
      const mail = run.results.find((r) => r.destination === 'ops-mail');
      expect(mail).toMatchObject({ status: 'failed', code: null, attempts: 2, url: `smtp://127.0.0.1:${port}` });
      expect(mail.error).toMatch(/^connection refused \(ECONNREFUSED\)/);
      expect(run.outputs).toMatchObject({ sent: '1', failed: '1' });
      expect(everything(run)).not.toContain(PASSWORD);
    } finally {
      await hook.close();
    }
  });

  it('a self-signed certificate without insecure_skip_verify is a TLS error that says how to accept it, not retried', async () => {
    const run = await fail(mailConfig().replace('    insecure_skip_verify: true\n', ''));
    const [result] = run.results;
    expect(result).toMatchObject({ status: 'failed', code: null, attempts: 1 });
    expect(result.error).toMatch(/^TLS failed \(set insecure_skip_verify: true to accept it\): .*self[- ]signed certificate/);
    expect(await smtp.received()).toHaveLength(0);
    expect(smtp.connections).toBe(1);
    expect(everything(run)).not.toContain(PASSWORD);
  });

  it('a server that never greets is cut off by the timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const run = await fail(mailConfig('    timeout: 0.5\n    retries: 0\n', port));
      expect(run.exitCode).toBe(0);
      // nodemailer's greeting timeout and Herald's own race; either way the same words.
      expect(run.results[0]).toMatchObject({ status: 'failed', code: null, attempts: 1 });
      expect(run.results[0].error).toMatch(/^no answer within 0\.5 s \(timeout\)(: Greeting never received)?$/);
    } finally {
      silent.close();
    }
  });

  it('a dry run shows the message, Bcc included, and connects to nothing', async () => {
    const run = await runAction({ eventName: 'push', event: pushEvent(), inputs: { status: 'failure', 'dry-run': 'true' }, config: mailConfig(), env: { SMTP_PASSWORD: PASSWORD } });
    expect(run.exitCode).toBe(0);
    expect(smtp.connections).toBe(0);
    expect(run.results[0]).toMatchObject({ status: 'skipped', attempts: 0 });
    expect(run.results[0].payload).toMatch(
      /^From: CI <ci@example.com>\nTo: ops@example.com, Dev Team <dev@example.com>\nCc: lead@example.com\nBcc: audit@example.com\nReply-To: Support <support@example.com>\nSubject: \[Codertocat\/Hello-World\] CI failed on main \(#42\)\nParts: text and HTML\n\nCI failed on main/,
    );
    expect(everything(run)).not.toContain(PASSWORD);
  });
});
