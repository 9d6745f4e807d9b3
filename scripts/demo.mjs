// npm run demo: runs the bundled action exactly as the GitHub runner would, on an embedded config, a real push event
// and a local receiver on 127.0.0.1 that prints what it got; then shows the step's outputs and job summary.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import examples from '@octokit/webhooks-examples' with { type: 'json' };
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ENTRY, parseCommandFile, prepareWorkspace } from './action-env.mjs';

const status = process.argv[2] ?? 'failure';
const received = [];
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString() });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const receiver = `http://127.0.0.1:${server.address().port}`;

const mails = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  disableReverseLookup: true,
  logger: false,
  onData: (stream, session, done) =>
    simpleParser(stream).then((mail) => {
      mails.push({ envelope: session.envelope, mail });
      done();
    }, done),
});
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));

const config = `# The embedded demo config: a signed webhook with the generic JSON payload, a templated webhook,
# Slack and e-mail with their default messages (no template at all).
destinations:
  ops-webhook:
    type: webhook
    url: ${receiver}/hooks/ops
    secret: \${DEMO_SIGNING_SECRET}
  chat-bridge:
    type: webhook
    url: ${receiver}/hooks/chat
    payload: |
      {"text": "<<message>>", "commit": "<<shortSha>> <<commitTitle>>", "by": "<<actor>>", "run": "<<runUrl>>"}
  team-slack:
    type: slack
    webhook_url: ${receiver}/slack/T000/B000/demo-slack-webhook-key
  team-mail:
    type: email
    host: 127.0.0.1
    port: ${smtp.server.address().port}
    use_tls: false
    from: "Herald demo <ci@example.com>"
    to: [dev-team@example.com]
notifications:
  - triggers: [started, success, error]
    to: [ops-webhook, chat-bridge, team-slack]
  - triggers: [error]
    to: team-mail
`;
const event = examples.find((entry) => entry.name === 'push').examples.find((example) => example.head_commit);
const { workspace, files, env } = prepareWorkspace({
  eventName: 'push',
  event,
  config,
  // `npm run demo -- test` sends a test notification (the `test` input) instead.
  inputs: status === 'test' ? { test: 'true' } : { status },
  env: { DEMO_SIGNING_SECRET: 'demo-signing-secret' },
});

console.log(`Herald demo: status=${status}, workspace ${workspace}\n$ node dist/index.js\n`);
const child = spawn(process.execPath, [ENTRY], { cwd: workspace, env, stdio: ['ignore', 'inherit', 'inherit'] });
const exitCode = await new Promise((resolve) => child.on('close', resolve));
server.close();
smtp.close();

console.log(`\n--- the receiver on ${receiver} got ${received.length} request(s) ---`);
for (const request of received) {
  console.log(`\n${request.method} ${request.url}`);
  for (const name of ['content-type', 'user-agent', 'x-herald-delivery', 'x-herald-signature']) {
    if (request.headers[name]) console.log(`${name}: ${request.headers[name]}`);
  }
  console.log(JSON.stringify(JSON.parse(request.body), null, 2));
}

for (const { envelope, mail } of mails) {
  console.log(`\n--- the SMTP server got a message: MAIL FROM ${envelope.mailFrom.address}, RCPT TO ${envelope.rcptTo.map((r) => r.address).join(', ')} ---`);
  console.log(`Subject: ${mail.subject}\nParts: text${mail.html ? ' and HTML' : ''}\n\n${mail.text}`);
}

const outputs = parseCommandFile(readFileSync(files.output, 'utf8'));
console.log(`\n--- step outputs ---\nsent=${outputs.sent} failed=${outputs.failed} skipped=${outputs.skipped}`);
console.log(`results=${JSON.stringify(JSON.parse(outputs.results ?? '[]'), null, 2)}`);
const summary = readFileSync(files.summary, 'utf8')
  .replace(/<\/(th|td)>/g, ' | ')
  .replace(/<\/tr>/g, '\n')
  .replace(/<[^>]+>/g, '')
  .replace(/&quot;/g, '"')
  .replace(/&amp;/g, '&');
console.log(`\n--- job summary ---\n${summary}`);
console.log(`exit code ${exitCode}`);
process.exit(exitCode ?? 1);
