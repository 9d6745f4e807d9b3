import module from 'node:module';
import { join } from 'node:path';
import { currentStep, markMainStep } from './step.js';

// A post step without track-job ends here, having loaded nothing: existing workflows pay nothing for action.yml's post.
const step = currentStep(process.env);
if (step === 'idle') process.exit(0);
if (step === 'main') markMainStep(process.env);

// Every Herald step of a job compiles the same bundle: Node's compile cache (22.1+) under RUNNER_TEMP, which lives as
// long as the job, saves a later step about 10 ms and costs the first a few. The cache must be on before the bundle
// loads, so this file stays tiny and the bundle comes in with import(), which ncc splits into chunks. Node 20 has no
// enableCompileCache and runs as before.
const { enableCompileCache } = module as { enableCompileCache?: (directory: string) => unknown };
if (enableCompileCache && process.env.RUNNER_TEMP) enableCompileCache(join(process.env.RUNNER_TEMP, 'herald-compile-cache'));

const { run } = await import('./main.js');
await run(step);
// Never hold the runner: once the work is done, nothing left behind (a stuck socket) may keep the step alive.
setTimeout(() => process.exit(), 2000).unref();
