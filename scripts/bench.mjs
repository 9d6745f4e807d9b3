// npm run bench: start-up cost of the action. Median wall time of `node dist/index.js` delivering one webhook to
// 127.0.0.1, beside `node -e 0` on the same machine and Node; then a run with all six chat destinations and an
// e-mail (which loads nodemailer's chunk); peak memory; bundle size. Prints a Markdown table.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { ENTRY, ROOT, prepareWorkspace } from './action-env.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const node = process.env.HERALD_TEST_NODE || execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8' }).trim();
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const server = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/hook`;
const smtp = new SMTPServer({ disableReverseLookup: true, authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _session, done) => stream.resume().on('end', () => done()) });
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const event = { ref: 'refs/heads/main', head_commit: { message: 'bench', author: { name: 'bench' } } };
const workspaceFor = (config) => prepareWorkspace({ eventName: 'push', event, config, inputs: { status: 'success' } });
const webhookOnly = workspaceFor(`destinations:\n  hook:\n    type: webhook\n    url: ${url}\n`);
const everything = workspaceFor(`destinations:
  hook: {type: webhook, url: "${url}"}
  slack: {type: slack, webhook_url: "${url}"}
  teams: {type: teams, webhook_url: "${url}"}
  discord: {type: discord, webhook_url: "${url}"}
  mattermost: {type: mattermost, url: "${url}"}
  rocketchat: {type: rocketchat, url: "${url}"}
  googlechat: {type: googlechat, webhook_url: "${url}"}
  mail: {type: email, host: 127.0.0.1, port: ${smtp.server.address().port}, use_tls: false, from: ci@example.com, to: ops@example.com}
`);

/** Runs the command once; wall time in ms and, where /usr/bin/time exists, peak RSS in MiB. */
function once(args, { workspace, env } = webhookOnly) {
  const [command, argv] = timeCommand ? [timeCommand, ['-f', '%M', node, ...args]] : [node, args];
  const started = performance.now();
  const child = spawn(command, argv, { cwd: workspace, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      const kb = Number(stderr.trim().split('\n').at(-1));
      resolve({ ms, rssMiB: Number.isFinite(kb) ? kb / 1024 : NaN });
    }),
  );
}

async function measure(args, workspace) {
  await once(args, workspace); // warm the file cache
  const samples = [];
  for (let i = 0; i < RUNS; i++) samples.push(await once(args, workspace));
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { ms: median(samples.map((s) => s.ms)), rssMiB: median(samples.map((s) => s.rssMiB)) };
}

const baseline = await measure(['-e', '0']);
const herald = await measure([ENTRY]);
const heraldAll = await measure([ENTRY], everything);
server.close();
smtp.close();

const dist = join(ROOT, 'dist');
const jsFiles = readdirSync(dist).filter((file) => file.endsWith('.js'));
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const total = jsFiles.reduce((sum, file) => sum + statSync(join(dist, file)).size, 0);
const mem = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} MiB`);

console.log(`Node ${nodeVersion}, ${cpus().length} × ${cpus()[0]?.model.trim()}, median of ${RUNS} runs\n`);
console.log('| what | median wall time | peak RSS |');
console.log('|---|---:|---:|');
console.log(`| \`node -e 0\` | ${baseline.ms.toFixed(0)} ms | ${mem(baseline.rssMiB)} |`);
console.log(`| \`node dist/index.js\`, one webhook on 127.0.0.1 | ${herald.ms.toFixed(0)} ms | ${mem(herald.rssMiB)} |`);
console.log(`| ratio | ${(herald.ms / baseline.ms).toFixed(1)} × | |`);
console.log(`| \`node dist/index.js\`, a webhook, the six chat destinations and an e-mail (SMTP) | ${heraldAll.ms.toFixed(0)} ms | ${mem(heraldAll.rssMiB)} |`);
console.log('\n(The e-mail run includes the 100 ms by which smtp-server, like most MTAs, delays its greeting.)');
console.log(`\n| bundle | size |\n|---|---:|`);
console.log(`| dist/index.js (loaded on every run) | ${kib(statSync(ENTRY).size)} |`);
console.log(`| all of dist/*.js (chunks load only when a config needs them) | ${kib(total)} |`);
