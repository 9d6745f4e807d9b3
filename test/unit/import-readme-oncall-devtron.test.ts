import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importedConfigText } from '../../src/cli/import/config-yaml.js';
import { importDevtron } from '../../src/cli/import/devtron.js';
import { importGrafanaOncall } from '../../src/cli/import/grafana-oncall.js';
import type { Importer } from '../../src/cli/import/model.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The example input (```json) and output (```yaml) of a README section, up to the next heading. */
function example(heading: string): { input: unknown; output: string } {
  const start = README.indexOf(`\n#### ${heading}\n`);
  expect(start, heading).toBeGreaterThan(-1);
  const rest = README.slice(start + 6);
  const section = rest.slice(0, rest.search(/\n#{2,4} /));
  const block = (language: string) => section.match(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``))![1]!;
  return { input: JSON.parse(block('json')), output: block('yaml') };
}

describe("the README's Moving in examples (Grafana OnCall, Devtron) are what the importers write", () => {
  it.each<[string, Importer]>([
    ['Grafana OnCall', importGrafanaOncall],
    ['Devtron', importDevtron],
  ])('%s', (heading, importer) => {
    const { input, output } = example(heading);
    expect(importedConfigText(importer(input, {}))).toBe(output);
  });
});
