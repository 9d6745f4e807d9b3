// npm run bench: start-up cost of the action. Wall time of `node dist/index.js` delivering one webhook to 127.0.0.1,
// beside `node -e 0` on the same machine and Node; the same run as a later Herald step of the job (compile cache
// warm); a run with all six chat destinations and an e-mail (which loads nodemailer's chunk); peak memory of a run
// whose receiver answers with 10 MB; the post step without track-job; the files a run loads. The rows' runs are interleaved, so a busy moment on a
// shared machine falls on all of them alike. Prints a Markdown table.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { ENTRY, ROOT, prepareWorkspace } from './action-env.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const node = process.env.HERALD_TEST_NODE || execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8' }).trim();
const nodeVersion = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
const timeCommand = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const server = createServer((req, res) => req.resume().on('end', () => res.end('ok')));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/hook`;
// 10 MB in 64 KiB writes, as a misconfigured receiver (an HTML error page, a file) might answer.
const chunk = Buffer.alloc(64 * 1024, 'x');
const huge = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  let left = 160;
  const write = () => {
    while (left > 0) {
      left--;
      if (!res.write(chunk)) return res.once('drain', write);
    }
    res.end();
  };
  write();
  res.on('error', () => {});
});
await new Promise((resolve) => huge.listen(0, '127.0.0.1', resolve));
const hugeUrl = `http://127.0.0.1:${huge.address().port}/hook`;
const smtp = new SMTPServer({ disableReverseLookup: true, authOptional: true, disabledCommands: ['STARTTLS'], logger: false, onData: (stream, _session, done) => stream.resume().on('end', () => done()) });
await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const event = { ref: 'refs/heads/main', head_commit: { message: 'bench', author: { name: 'bench' } } };
const workspaceFor = (config) => prepareWorkspace({ eventName: 'push', event, config, inputs: { status: 'success' } });
const webhookOnly = workspaceFor(`destinations:\n  hook:\n    type: webhook\n    url: ${url}\n`);
const hugeAnswer = workspaceFor(`destinations:\n  hook:\n    type: webhook\n    url: ${hugeUrl}\n`);
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

/** A RUNNER_TEMP of a job where no Herald step ran yet: its compile cache is empty. */
const freshRunnerTemp = () => mkdtempSync(join(tmpdir(), 'herald-bench-'));
/** A RUNNER_TEMP where a Herald step already ran: what a second step in the same job finds. */
const warmRunnerTemp = freshRunnerTemp();

/** Runs the command once; wall time in ms and, where /usr/bin/time exists, peak RSS in MiB. */
function once(args, { workspace, env }, runnerTemp = freshRunnerTemp(), extraEnv = {}) {
  const [command, argv] = timeCommand ? [timeCommand, ['-f', '%M', node, ...args]] : [node, args];
  const started = performance.now();
  const child = spawn(command, argv, { cwd: workspace, env: { ...env, RUNNER_TEMP: runnerTemp, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      const kb = Number(stderr.trim().split('\n').at(-1));
      resolve({ ms, rssMiB: Number.isFinite(kb) ? kb / 1024 : NaN, stderr });
    }),
  );
}

const rows = {
  baseline: () => once(['-e', '0'], webhookOnly),
  herald: () => once([ENTRY], webhookOnly),
  later: () => once([ENTRY], webhookOnly, warmRunnerTemp),
  all: () => once([ENTRY], everything),
  huge: () => once([ENTRY], hugeAnswer),
  // The post step the runner runs after every job that uses Herald (action.yml's post): without track-job, nothing.
  post: () => once([ENTRY], webhookOnly, freshRunnerTemp(), { STATE_isPost: 'true' }),
};
const samples = Object.fromEntries(Object.keys(rows).map((row) => [row, []]));
for (const run of Object.values(rows)) await run(); // warms the file cache and fills warmRunnerTemp's compile cache
for (let i = 0; i < RUNS; i++) for (const [row, run] of Object.entries(rows)) samples[row].push(await run());

// The files of dist/ a one-webhook run loads (test/integration/log-modules.mjs prints them).
const hook = fileURLToPath(new URL('../test/integration/log-modules.mjs', import.meta.url));
const traced = await once([ENTRY], webhookOnly, freshRunnerTemp(), { NODE_OPTIONS: `--import=${hook}` });
const loaded = [...traced.stderr.matchAll(/^herald-test loaded (\S+)$/gm)].map((match) => fileURLToPath(match[1]));
server.close();
huge.close();
smtp.close();

const sorted = (values) => [...values].sort((a, b) => a - b);
const at = (values, q) => sorted(values)[Math.round((values.length - 1) * q)];
const stats = (row) => {
  const ms = samples[row].map((s) => s.ms);
  return { ms: at(ms, 0.5), q1: at(ms, 0.25), q3: at(ms, 0.75), rssMiB: at(samples[row].map((s) => s.rssMiB), 0.5) };
};
const [baseline, herald, later, all, hugeRun, post] = ['baseline', 'herald', 'later', 'all', 'huge', 'post'].map(stats);
const mem = (value) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} MiB`);
const line = (what, s) => `| ${what} | ${s.ms.toFixed(0)} ms | ${s.q1.toFixed(0)}–${s.q3.toFixed(0)} ms | ${(s.ms / baseline.ms).toFixed(1)} × | ${mem(s.rssMiB)} |`;

const dist = join(ROOT, 'dist');
const size = (files) => `${(files.reduce((sum, file) => sum + statSync(file).size, 0) / 1024).toFixed(0)} KiB`;
const jsFiles = readdirSync(dist).filter((file) => file.endsWith('.js')).map((file) => join(dist, file));

console.log(`Node ${nodeVersion}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${RUNS} interleaved runs of each row\n`);
console.log('| what | median wall time | middle half of runs | × `node -e 0` | peak RSS |');
console.log('|---|---:|---:|---:|---:|');
console.log(line('`node -e 0`', baseline));
console.log(line('`node dist/index.js`, one webhook on 127.0.0.1 (first Herald step of a job)', herald));
console.log(line('the same, as a later Herald step of the job (compile cache in RUNNER_TEMP)', later));
console.log(line('a webhook, the six chat destinations and an e-mail (SMTP)', all));
console.log(line('one webhook whose receiver answers 200 with a 10 MB body', hugeRun));
console.log(line('the post step of a job without track-job (does nothing)', post));
console.log('\n(The e-mail run includes the 100 ms by which smtp-server, like most MTAs, delays its greeting.)');
console.log(`\n| bundle | size |\n|---|---:|`);
console.log(`| what a one-webhook run loads (${loaded.map((file) => file.slice(dist.length + 1)).join(', ')}) | ${size(loaded)} |`);
console.log(`| all of dist/*.js (the other chunks load only when a config needs them) | ${size(jsFiles)} |`);
