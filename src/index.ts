import { run } from './main.js';

await run();
// Never hold the runner: once the work is done, nothing left behind (a stuck socket) may keep the step alive.
setTimeout(() => process.exit(), 2000).unref();
