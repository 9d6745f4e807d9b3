import { appendFileSync } from 'node:fs';
import module from 'node:module';
import { EOL } from 'node:os';
import { join } from 'node:path';

// The runner runs this file twice: as the step, and after the job's last step as its post step (action.yml's `post`,
// `post-if: always()`), with the state the step saved as STATE_* variables. Without `track-job` the post step must
// cost nothing and print nothing: it decides here, before anything else loads.
const post = process.env.STATE_isPost === 'true';
if (post && process.env['INPUT_TRACK-JOB']?.trim().toLowerCase() !== 'true') process.exit(0);
// The mark that tells the post step it is one, written by hand (core.saveState's format) to load nothing for it.
if (!post && process.env.GITHUB_STATE) appendFileSync(process.env.GITHUB_STATE, `isPost=true${EOL}`);

// Every Herald step of a job compiles the same bundle: Node's compile cache (22.1+) under RUNNER_TEMP, which lives as
// long as the job, saves a later step about 10 ms and costs the first a few. The cache must be on before the bundle
// loads, so this file stays tiny and the bundle comes in with import(), which ncc splits into chunks. Node 20 has no
// enableCompileCache and runs as before.
const { enableCompileCache } = module as { enableCompileCache?: (directory: string) => unknown };
if (enableCompileCache && process.env.RUNNER_TEMP) enableCompileCache(join(process.env.RUNNER_TEMP, 'herald-compile-cache'));

const { run } = await import('./main.js');
await run(post ? 'post' : 'main');
// Never hold the runner: once the work is done, nothing left behind (a stuck socket) may keep the step alive.
setTimeout(() => process.exit(), 2000).unref();
