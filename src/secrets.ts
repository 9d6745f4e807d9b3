import * as core from '@actions/core';

export const MASK = '****';

/** Shorter values are never masked: masking `main` or `on` would hide every later mention of them in the job's log. */
export const MIN_SECRET_LENGTH = 4;

/** A variable name that says it holds a secret: HOOK_TOKEN, SMTP_PASSWORD, SLACK_WEBHOOK_URL, AWS_SECRET_ACCESS_KEY. */
const SECRET_VARIABLE = /TOKEN|SECRET|KEY|PASS|AUTH|CREDENTIAL|WEBHOOK|PRIVATE/i;

/** Whether the value of the environment variable `name` is masked when ${name} is used in the config. */
export const namesSecret = (name: string): boolean => SECRET_VARIABLE.test(name);

const SENSITIVE_NAME = /auth|token|secret|key|password|passwd|signature|sig$|cookie|session|credential/i;

/** Every registered secret, longest first so that a secret containing another is masked whole. */
const secrets: string[] = [];

/**
 * Registers values with the runner's log masking and with `mask()`; call before anything is printed. The command line
 * has no runner to tell (`::add-mask::` would print the secret on a terminal): it passes a `tellRunner` that does nothing.
 */
export function registerSecrets(values: Iterable<string>, tellRunner: (value: string) => void = core.setSecret): void {
  for (const value of values) {
    if (!value || value.length < MIN_SECRET_LENGTH || secrets.includes(value)) continue;
    tellRunner(value);
    secrets.push(value);
    // The forms a server may echo it in: URL-encoded (a path or query), JSON-escaped (an error body).
    for (const form of [encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
      if (form !== value && !secrets.includes(form)) {
        tellRunner(form);
        secrets.push(form);
      }
    }
  }
  secrets.sort((a, b) => b.length - a.length);
}

/** The text with every registered secret replaced by ****. */
export function mask(text: string): string;
export function mask(text: string | null): string | null;
export function mask(text: string | null): string | null {
  if (text === null) return null;
  return maskValues(text, secrets);
}

/** The text with each of `values` that is long enough to mask (MIN_SECRET_LENGTH) replaced by ****, in that order. */
export function maskValues(text: string, values: readonly string[]): string {
  let masked = text;
  for (const value of values) if (value.length >= MIN_SECRET_LENGTH) masked = masked.split(value).join(MASK);
  return masked;
}

/** The password in a URL's user info (and the Basic credentials made of it) and query values whose names look secret. */
export function secretsInUrl(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const found: string[] = [];
  if (parsed.password) {
    found.push(decodeURIComponent(parsed.password), ...basicCredentials(decodeURIComponent(parsed.username), decodeURIComponent(parsed.password)));
  }
  for (const [name, value] of parsed.searchParams) if (SENSITIVE_NAME.test(name)) found.push(value);
  return found.filter(Boolean);
}

/** Services whose webhook URLs are the credential themselves: Slack, Discord, Teams (and its Workflows), Google Chat, Telegram. */
const KEYED_HOSTS = /(^|\.)(hooks\.slack(-gov)?\.com|discord(app)?\.com|webhook\.office\.com|logic\.azure\.com|chat\.googleapis\.com|api\.telegram\.org)$/i;

/**
 * Whether a URL is a key as a whole: a service whose webhook URLs are keys (above), or an incoming webhook with a long
 * key after /hooks/ (Mattermost, Rocket.Chat). Such a URL in a generic `webhook` destination is masked like a Slack
 * destination's `webhook_url`, and `herald import` writes it as a `${NAME}` placeholder.
 */
export function isKeyedWebhookUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return KEYED_HOSTS.test(parsed.hostname) || /\/hooks\/[A-Za-z0-9]{10,}/.test(parsed.pathname);
}

/**
 * A URL that is a secret as a whole (a Slack, Discord, Teams or Google Chat webhook): the URL, its path and query (what
 * an error page echoes: "Cannot POST /services/T0/B0/token"), its last `tokenSegments` path segments, and its
 * credentials; parts under 8 characters are no token. Other path segments are left alone: masking "workflows" would hide that word in every later log line.
 */
export function secretUrl(url: string, tokenSegments = 0): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const segments = parsed.pathname.split('/').filter(Boolean);
  const parts = [parsed.pathname + parsed.search, ...(tokenSegments > 0 ? segments.slice(-tokenSegments).map(decodeURIComponent) : [])];
  // A short part ("/hook" in a test URL) is no credential, and masking it would garble messages that mention it.
  return [url, ...parts.filter((part) => part.length >= 8), ...secretsInUrl(url)];
}

/** The Authorization value for basic auth and the base64 credentials on their own, as a server may echo either. */
export function basicCredentials(username: string, password: string): [header: string, encoded: string] {
  const encoded = Buffer.from(`${username}:${password}`).toString('base64');
  return [`Basic ${encoded}`, encoded];
}

/** Values of headers such as Authorization, X-Api-Key or Cookie. */
export function secretsInHeaders(headers: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!SENSITIVE_NAME.test(name)) continue;
    found.push(value);
    // "Bearer abc": mask the credential on its own too, wherever it shows up.
    const credential = value.split(/\s+/).at(-1);
    if (credential && credential !== value) found.push(credential);
  }
  return found;
}
