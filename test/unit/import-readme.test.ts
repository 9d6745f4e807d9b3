import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedConfigText } from '../../src/cli/import/config-yaml.js';
import type { Importer } from '../../src/cli/import/model.js';
import { importScalingo } from '../../src/cli/import/scalingo.js';
import { importTerraformCloud } from '../../src/cli/import/terraform-cloud.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The first ```json block of the README section under `heading` (a whole line) and the first ```yaml block after it: an import's input and output. */
function example(heading: string): { input: unknown; output: string } {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThan(0);
  const section = README.slice(start);
  const input = /```json\n([\s\S]*?)```/.exec(section)![1]!;
  const output = /```yaml\n([\s\S]*?)```/.exec(section.slice(section.indexOf(input)))![1]!;
  return { input: JSON.parse(input), output };
}

describe('the README examples of herald import', () => {
  it.each([
    ['#### Terraform Cloud', importTerraformCloud],
    ['#### Scalingo', importScalingo],
  ] as [string, Importer][])('"%s" shows what the import writes for its input', (heading, importer) => {
    const { input, output } = example(heading);
    expect(importedConfigText(importer(input, {}))).toBe(output);
  });
});
