/**
 * The few GitHub expressions Herald's action and workflow files use, evaluated as the runner does: a context path
 * (`inputs.dry-run`, `github.action_path`, `steps.herald.outputs.results`) or `toJSON(<path>)`. Anything else throws,
 * so a file that starts using more fails its test instead of being run wrongly.
 */
export type Contexts = Record<string, unknown>;

const PATH = /^[A-Za-z_][\w-]*(\.[A-Za-z_*][\w-]*)*$/;

export function evaluate(expression: string, contexts: Contexts): unknown {
  const text = expression.trim();
  const json = /^toJSON\((.+)\)$/.exec(text);
  if (json) return JSON.stringify(evaluate(json[1]!, contexts), null, 2);
  if (!PATH.test(text)) throw new Error(`unsupported expression in a test: \${{ ${text} }}`);
  let value: unknown = contexts;
  for (const part of text.split('.')) {
    if (value === null || typeof value !== 'object') return '';
    // Property names are case-insensitive in GitHub expressions.
    const key = Object.keys(value).find((name) => name.toLowerCase() === part.toLowerCase());
    value = key === undefined ? undefined : (value as Record<string, unknown>)[key];
  }
  return value ?? '';
}

/** A string with ${{ }} in it, as the runner fills `run:`, `env:` and `with:` values. */
export function interpolate(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([^]*?)\}\}/g, (_, expression: string) => {
    const value = evaluate(expression, contexts);
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}
