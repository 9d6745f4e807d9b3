import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

/**
 * Integration tests run dist/index.js on Node 24, as the runner does (runs.using: node24). The binary comes from the
 * npm package node@24 (cached by npx after the first run); HERALD_TEST_NODE points at another one.
 */
export default function setup(project: TestProject): void {
  const node =
    process.env.HERALD_TEST_NODE ||
    execFileSync('npx', ['-y', 'node@24', '-p', 'process.execPath'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  if (!version.startsWith('v24.')) throw new Error(`integration tests need Node 24, but ${node} is ${version}`);
  project.provide('node24', node);
}

declare module 'vitest' {
  export interface ProvidedContext {
    node24: string;
  }
}
