import { describe, expect, it } from 'vitest';
import { describeSmtpReply, email, type EmailConfig } from '../../src/destinations/email.js';
import { buildInput } from '../fixtures/build-input.js';
import { configProblems } from '../fixtures/config.js';
import { mailMessages } from '../fixtures/outbound.js';

const config = (fields: object): EmailConfig =>
  email.schema.parse({ type: 'email', host: 'smtp.example.com', from: 'CI <ci@example.com>', to: 'ops@example.com', ...fields });
const build = (fields: object, ...input: Parameters<typeof buildInput>) => mailMessages(email.build(config(fields), buildInput(...input)))[0]!;
/** Subject and the two parts, with a missing part as undefined. */
const content = ({ subject, text, html }: { subject: string; text?: string; html?: string }) => ({ subject, text, html });

/** The step's message for a file with one email destination `mail` made of these YAML lines. */
const problems = (lines: string): string => configProblems(`destinations:
  mail:
    type: email
${lines}`);

const RUN = 'https://github.com/Codertocat/Hello-World/actions/runs/1234567890';
const REPO = 'https://github.com/Codertocat/Hello-World';

describe('email config', () => {
  it('needs a host, named in the message', () => {
    expect(problems('    from: ci@example.com\n    to: ops@example.com\n')).toContain('destinations.mail.host: "host" is required (a string)');
    expect(problems('    host: " "\n    from: ci@example.com\n    to: ops@example.com\n')).toContain(
      'destinations.mail.host: needs the SMTP server, e.g. smtp.example.com',
    );
  });

  it('refuses use_tls together with use_ssl', () => {
    expect(problems('    host: smtp.example.com\n    use_tls: true\n    use_ssl: true\n    from: ci@example.com\n    to: ops@example.com\n')).toContain(
      'destinations.mail.use_tls: use_tls (STARTTLS) and use_ssl (TLS from the start) exclude each other',
    );
  });

  it('refuses an address with a line break, so no value can start a header of its own', () => {
    const message = problems('    host: smtp.example.com\n    from: "ci@example.com\\nBcc: evil@example.com"\n    to: ["ops@example.com", "a@example.com\\r\\nX-Evil: 1"]\n');
    expect(message).toContain('destinations.mail.from: must be an e-mail address such as ops@example.com or "CI <ci@example.com>", on one line');
    expect(message).toContain('destinations.mail.to[1]: must be an e-mail address');
    expect(message).toContain('has 2 problems');
  });

  it('refuses several addresses in one string, which SES would take as one bad address', () => {
    const message = problems('    host: smtp.example.com\n    from: ci@example.com\n    to: "a@example.com, b@example.com"\n    cc: ["c@example.com; d@example.com"]\n');
    expect(message).toContain(':6:9: destinations.mail.to: holds several addresses: write one address per list item, e.g. to: [a@example.com, b@example.com]');
    expect(message).toContain('destinations.mail.cc[0]: holds several addresses');
    expect(config({ to: '"Ops, Team" <ops@example.com>' }).to).toEqual(['"Ops, Team" <ops@example.com>']);
  });

  it('needs at least one recipient', () => {
    expect(problems('    host: smtp.example.com\n    from: ci@example.com\n    to: []\n')).toContain('destinations.mail.to: needs at least one recipient');
    expect(problems('    host: smtp.example.com\n    from: ci@example.com\n')).toContain('destinations.mail.to: "to" is required');
  });

  it('takes one recipient as a string or several as a list, for to, cc, bcc and reply_to', () => {
    expect(config({ to: 'ops@example.com' })).toMatchObject({ to: ['ops@example.com'], cc: [], bcc: [], reply_to: [] });
    expect(config({ to: ['a@example.com', 'B <b@example.com>'], cc: 'c@example.com', bcc: ['d@example.com'], reply_to: 'r@example.com' })).toMatchObject({
      to: ['a@example.com', 'B <b@example.com>'],
      cc: ['c@example.com'],
      bcc: ['d@example.com'],
      reply_to: ['r@example.com'],
    });
  });

  it('declares the password a secret', () => {
    expect(email.secrets(config({ username: 'ci', password: 's3cret-pw' }))).toContain('s3cret-pw');
    expect(email.secrets(config({ username: 'ci', password: 's3cret-pw' }))).not.toContain('ci');
  });

  it('refuses unknown keys with a suggestion (AWX calls the sender "sender")', () => {
    expect(problems('    host: smtp.example.com\n    sender: ci@example.com\n    from: ci@example.com\n    to: ops@example.com\n')).toContain(
      'destinations.mail.sender: unknown key "sender"',
    );
  });
});

describe('email connection settings', () => {
  it('defaults to port 587 with STARTTLS required', () => {
    const mail = build({}, 'error');
    expect(mail.url).toBe('smtp://smtp.example.com:587');
    expect(mail.smtp).toEqual({ host: 'smtp.example.com', port: 587, secure: false, requireTLS: true, insecureSkipVerify: false });
  });

  it('use_ssl means TLS from the first byte on port 465', () => {
    const mail = build({ use_ssl: true }, 'error');
    expect(mail.url).toBe('smtps://smtp.example.com:465');
    expect(mail.smtp).toMatchObject({ port: 465, secure: true, requireTLS: false });
  });

  it('keeps an explicit port; use_tls: false allows a server without STARTTLS', () => {
    expect(build({ port: 2525, use_tls: false }, 'error').smtp).toMatchObject({ port: 2525, secure: false, requireTLS: false });
    expect(build({ port: 25, use_tls: true }, 'error').smtp).toMatchObject({ port: 25, requireTLS: true });
  });

  it('authenticates only with a username; the URL never holds credentials', () => {
    expect(build({}, 'error').smtp.auth).toBeUndefined();
    const mail = build({ username: 'ci@example.com', password: 'pw-123', insecure_skip_verify: true }, 'error');
    expect(mail.smtp).toMatchObject({ auth: { user: 'ci@example.com', pass: 'pw-123' }, insecureSkipVerify: true });
    expect(mail.url).toBe('smtp://smtp.example.com:587');
  });

  it('puts an IPv6 host in brackets in the URL', () => {
    expect(build({ host: '::1' }, 'error').url).toBe('smtp://[::1]:587');
  });

  it('sends one message to every recipient', () => {
    const mails = mailMessages(
      email.build(config({ to: ['a@example.com', 'b@example.com'], cc: 'c@example.com', bcc: ['d@example.com', 'e@example.com'], reply_to: 'r@example.com' }), buildInput('error')),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'CI <ci@example.com>',
      to: ['a@example.com', 'b@example.com'],
      cc: ['c@example.com'],
      bcc: ['d@example.com', 'e@example.com'],
      replyTo: ['r@example.com'],
    });
  });
});

describe('default e-mail content', () => {
  it('subject "[owner/repo] <title> (#N)" for each trigger', () => {
    expect(build({}, 'error').subject).toBe('[Codertocat/Hello-World] CI failed on main (#42)');
    expect(build({}, 'success').subject).toBe('[Codertocat/Hello-World] CI succeeded on main (#42)');
    expect(build({}, 'started').subject).toBe('[Codertocat/Hello-World] CI started on main (#42)');
  });

  it('a plain-text body with the line, the facts and their links, and the run', () => {
    expect(build({}, 'error').text).toBe(
      [
        'CI failed on main in Codertocat/Hello-World (#42)',
        '',
        `Repository: Codertocat/Hello-World <${REPO}>`,
        `Workflow: CI / build <${RUN}>`,
        `Branch: main <${REPO}/tree/main>`,
        `Commit: 6113728 Adding a .gitignore file <${REPO}/commit/6113728f27ae82c7b1a177c8d03f9e96e0adf246>`,
        'Actor: Codertocat',
        'Duration: 3m 25s',
        '',
        `View the run: ${RUN}`,
        '',
        '-- ',
        'Sent by Herald (destination "chat")',
        '',
      ].join('\n'),
    );
  });

  it('an HTML body with the same facts, linked, the colour of the outcome and a button to the run', () => {
    const html = build({}, 'error').html!;
    expect(html).toMatch(/^<!DOCTYPE html>\n<html>\n<body /);
    expect(html).toContain('<div style="border-left:4px solid #d00000;padding:4px 12px">');
    expect(html).toContain('<h2 style="margin:0 0 8px;font-size:18px">❌ CI failed on main in Codertocat/Hello-World (#42)</h2>');
    expect(html).toContain(`<th align="left" style="padding:2px 12px 2px 0;color:#57606a;font-weight:normal">Repository</th><td style="padding:2px 0"><a href="${REPO}">Codertocat/Hello-World</a></td>`);
    expect(html).toContain('>Actor</th><td style="padding:2px 0">Codertocat</td>');
    expect(html).toContain(`<a href="${RUN}" style="display:inline-block;padding:6px 12px;background:#d00000;`);
    expect(html).toContain('>View the run</a>');
    expect(html).toContain('Sent by Herald (destination &quot;chat&quot;)');
    expect(build({}, 'success').html).toContain('✅ CI succeeded on main');
    expect(build({}, 'success').html).toContain('border-left:4px solid #2eb886');
  });

  it('escapes values in the default HTML, but not in the default subject and text', () => {
    const mail = build({}, 'error', { commitMessage: 'Fix <b>bold</b> & "quotes" \'x\'\n\nmore' });
    expect(mail.html).toContain('6113728 Fix &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &#39;x&#39;</a>');
    expect(mail.html).not.toContain('<b>bold');
    expect(mail.text).toContain('Commit: 6113728 Fix <b>bold</b> & "quotes" \'x\' <');
  });

  it('the readable form (dry runs) shows the headers, Bcc included, and the text', () => {
    const mail = build({ cc: 'c@example.com', bcc: 'd@example.com', reply_to: 'r@example.com' }, 'error');
    expect(mail.body.split('\n').slice(0, 8)).toEqual([
      'From: CI <ci@example.com>',
      'To: ops@example.com',
      'Cc: c@example.com',
      'Bcc: d@example.com',
      'Reply-To: r@example.com',
      'Subject: [Codertocat/Hello-World] CI failed on main (#42)',
      'Parts: text and HTML',
      '',
    ]);
    expect(mail.body.endsWith(mail.text!)).toBe(true);
  });
});

describe('e-mail templates', () => {
  const hostile = 'Fix <b>bold</b> & "quotes"\nsecond line\r\nthird';

  it('subject and body render values as they are; line breaks in the subject become spaces', () => {
    const mail = build({ subject: '<<repository>>: <<commitMessage>>', body: 'Commit:\n<<commitMessage>>\n<<runUrl>>' }, 'error', { commitMessage: hostile });
    expect(mail.subject).toBe('Codertocat/Hello-World: Fix <b>bold</b> & "quotes" second line third');
    expect(mail.text).toBe(`Commit:\n${hostile}\n${RUN}`);
  });

  it('the html template HTML-escapes values', () => {
    const mail = build({ html: '<p title="<<commitTitle>>"><<commitMessage>></p>' }, 'error', { commitMessage: hostile });
    expect(mail.html).toBe('<p title="Fix &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;">Fix &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;\nsecond line\r\nthird</p>');
  });

  it('a body template alone sends text only; an html template alone sends HTML only', () => {
    const text = build({ body: 'plain <<status>>' }, 'error');
    expect(content(text)).toMatchObject({ text: 'plain failure', html: undefined });
    expect(text.body).toContain('Parts: text\n\nplain failure');
    const html = build({ html: '<b><<status>></b>' }, 'error');
    expect(content(html)).toMatchObject({ text: undefined, html: '<b>failure</b>' });
    expect(html.body).toContain('Parts: HTML\n\n<b>failure</b>');
  });

  it('a subject template alone keeps the default bodies', () => {
    const mail = build({ subject: 'Build <<status>>' }, 'error');
    expect(mail.subject).toBe('Build failure');
    expect(mail.text).toContain('View the run:');
    expect(mail.html).toContain('View the run</a>');
  });

  it('per-trigger messages override subject, body and html for that trigger only', () => {
    const fields = {
      subject: 'all: <<status>>',
      body: 'text for all',
      messages: { error: { subject: 'BROKEN <<workflow>>', html: '<h1><<workflow>></h1>' }, started: { body: 'starting' } },
    };
    expect(content(build(fields, 'error'))).toEqual({ subject: 'BROKEN CI', text: 'text for all', html: '<h1>CI</h1>' });
    expect(content(build(fields, 'started'))).toEqual({ subject: 'all: started', text: 'starting', html: undefined });
    expect(content(build(fields, 'success'))).toEqual({ subject: 'all: success', text: 'text for all', html: undefined });
  });

  it('messages only take the template fields', () => {
    expect(problems('    host: smtp.example.com\n    from: ci@example.com\n    to: ops@example.com\n    messages:\n      error:\n        text: x\n')).toContain(
      'destinations.mail.messages.error.text: unknown key "text"',
    );
  });
});

describe('SMTP replies', () => {
  it('a 2xx or 3xx reply, or none, is no failure', () => {
    expect(describeSmtpReply({ code: 250, body: '250 2.0.0 Ok: queued as 12345', headers: {} })).toEqual({});
    expect(describeSmtpReply({ code: null, body: '', headers: {} })).toEqual({});
  });

  it('a refusal names the command the server refused, with its code and text', () => {
    expect(describeSmtpReply({ code: 535, body: '535 5.7.8 Error: authentication failed', stage: 'AUTH PLAIN' })).toEqual({
      error: 'the SMTP server refused AUTH PLAIN: 535 5.7.8 Error: authentication failed',
    });
    expect(describeSmtpReply({ code: 550, body: '550 5.1.1 <x@example.com>: Recipient address rejected', stage: 'RCPT TO' })).toEqual({
      error: 'the SMTP server refused RCPT TO: 550 5.1.1 <x@example.com>: Recipient address rejected',
    });
    expect(describeSmtpReply({ code: 554, body: '554 5.7.1 Spam', headers: {} })).toEqual({ error: 'the SMTP server refused the message: 554 5.7.1 Spam' });
  });
});
