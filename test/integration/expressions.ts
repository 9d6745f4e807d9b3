/**
 * The part of GitHub's expression language that Herald's action, workflow and example files use, evaluated as the
 * runner does: context paths (`inputs.dry-run`, `github.action_path`, `needs.*.result`), string, number and boolean
 * literals, `==`, `!=`, `!`, `&&`, `||` (which give one of their operands), parentheses, `contains()` and `toJSON()`.
 * Anything else throws, so a file that starts using more fails its test instead of being run wrongly.
 */
export type Contexts = Record<string, unknown>;

const TOKEN = /\s*(?:('(?:[^']|'')*')|(\d+(?:\.\d+)?)|(==|!=|&&|\|\||[!().,*])|([A-Za-z_][\w-]*))/y;

export function evaluate(expression: string, contexts: Contexts): unknown {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expression.trimEnd().length) {
    const match = TOKEN.exec(expression);
    if (!match) throw new Error(`unsupported expression in a test: \${{ ${expression.trim()} }}`);
    tokens.push(match[0].trim());
  }
  let at = 0;
  const peek = () => tokens[at];
  const take = (expected?: string) => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) throw new Error(`unsupported expression in a test: \${{ ${expression.trim()} }}`);
    return token;
  };

  const or = (): unknown => {
    let value = and();
    while (peek() === '||') {
      take();
      const right = and();
      value = truthy(value) ? value : right;
    }
    return value;
  };
  const and = (): unknown => {
    let value = comparison();
    while (peek() === '&&') {
      take();
      const right = comparison();
      value = truthy(value) ? right : value;
    }
    return value;
  };
  const comparison = (): unknown => {
    const left = unary();
    if (peek() !== '==' && peek() !== '!=') return left;
    const equal = take() === '==';
    return same(left, unary()) === equal;
  };
  const unary = (): unknown => (peek() === '!' ? (take(), !truthy(unary())) : primary());
  const primary = (): unknown => {
    const token = take();
    if (token === '(') {
      const value = or();
      take(')');
      return value;
    }
    if (token.startsWith("'")) return token.slice(1, -1).replace(/''/g, "'");
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    if (peek() === '(') {
      take();
      const args: unknown[] = [];
      while (peek() !== ')') {
        args.push(or());
        if (peek() === ',') take();
      }
      take(')');
      return call(token, args);
    }
    let values: unknown[] = [property(contexts, token)];
    let filtered = false;
    while (peek() === '.') {
      take();
      const name = take();
      if (name === '*') {
        values = values.flatMap((value) => (value !== null && typeof value === 'object' ? Object.values(value) : []));
        filtered = true;
      } else values = values.map((value) => property(value, name));
    }
    return filtered ? values : values[0];
  };

  const value = or();
  if (at !== tokens.length) throw new Error(`unsupported expression in a test: \${{ ${expression.trim()} }}`);
  return value;
}

/** A string with ${{ }} in it, as the runner fills `run:`, `env:` and `with:` values. */
export function interpolate(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([^]*?)\}\}/g, (_, expression: string) => {
    const value = evaluate(expression, contexts);
    return typeof value === 'string' ? value : value === null ? '' : JSON.stringify(value);
  });
}

/** Property names are case-insensitive in GitHub expressions; a missing one is null. */
function property(value: unknown, name: string): unknown {
  if (value === null || typeof value !== 'object') return null;
  const key = Object.keys(value).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : ((value as Record<string, unknown>)[key] ?? null);
}

function call(name: string, args: unknown[]): unknown {
  if (name === 'toJSON' && args.length === 1) return JSON.stringify(args[0], null, 2);
  if (name === 'contains' && args.length === 2) {
    const [haystack, needle] = args;
    if (Array.isArray(haystack)) return haystack.some((item) => same(item, needle));
    return String(haystack ?? '').toLowerCase().includes(String(needle ?? '').toLowerCase());
  }
  throw new Error(`unsupported function in a test: ${name}()`);
}

const truthy = (value: unknown): boolean => value !== null && value !== undefined && value !== false && value !== '' && value !== 0;
/** GitHub's ==: strings ignoring case; values of different types compared as numbers (null and '' are 0). */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b) return a === b;
  const number = (value: unknown) => (value === null ? 0 : typeof value === 'string' && value.trim() === '' ? 0 : Number(value));
  return number(a) === number(b);
}
