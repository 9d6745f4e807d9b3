import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentStep, markMainStep } from '../../src/step.js';

describe('which run of the action this is', () => {
  it('the step, unless the runner passes the mark it left (STATE_isPost)', () => {
    expect(currentStep({})).toBe('main');
    expect(currentStep({ 'INPUT_TRACK-JOB': 'true' })).toBe('main');
  });

  it('the post step: working with track-job (any case), idle without', () => {
    expect(currentStep({ STATE_isPost: 'true', 'INPUT_TRACK-JOB': ' True ' })).toBe('post');
    expect(currentStep({ STATE_isPost: 'true', 'INPUT_TRACK-JOB': 'false' })).toBe('idle');
    expect(currentStep({ STATE_isPost: 'true' })).toBe('idle');
  });

  it('the mark is a line of the state file as core.saveState writes it, after what is there', () => {
    const state = join(mkdtempSync(join(tmpdir(), 'herald-state-')), 'state');
    writeFileSync(state, 'other=1\n');
    markMainStep({ GITHUB_STATE: state });
    expect(readFileSync(state, 'utf8')).toBe('other=1\nisPost=true\n');
    expect(() => markMainStep({})).not.toThrow();
  });
});
