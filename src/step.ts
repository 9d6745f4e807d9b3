import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';

/**
 * Which of its two runs in a job the action is in. The runner runs the entry as the step, and after the job's last step
 * again as its post step (action.yml's `post`, `post-if: always()`) with the state the step saved as STATE_<name>.
 * `idle`: a post step without `track-job`, which must cost nothing and print nothing. Read before anything loads, so it
 * reads the two variables itself rather than through inputs.ts (which brings @actions/core and zod).
 */
export function currentStep(env: NodeJS.ProcessEnv): 'main' | 'post' | 'idle' {
  if (env.STATE_isPost !== 'true') return 'main';
  return env['INPUT_TRACK-JOB']?.trim().toLowerCase() === 'true' ? 'post' : 'idle';
}

/** The main step's mark for its post step, in core.saveState's format, written without loading @actions/core. */
export function markMainStep(env: NodeJS.ProcessEnv): void {
  if (env.GITHUB_STATE) appendFileSync(env.GITHUB_STATE, `isPost=true${EOL}`);
}
