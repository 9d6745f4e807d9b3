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

/** Registers values with the runner's log masking and with `mask()`; call before anything is printed. */
export function registerSecrets(values: Iterable<string>): void {
  for (const value of values) {
    if (!value || value.length < MIN_SECRET_LENGTH || secrets.includes(value)) continue;
    core.setSecret(value);
    secrets.push(value);
    const encoded = encodeURIComponent(value);
    if (encoded !== value && !secrets.includes(encoded)) {
      core.setSecret(encoded);
      secrets.push(encoded);
    }
  }
  secrets.sort((a, b) => b.length - a.length);
}

/** The text with every registered secret replaced by ****. */
export function mask(text: string): string;
export function mask(text: string | null): string | null;
export function mask(text: string | null): string | null {
  if (text === null) return null;
  let masked = text;
  for (const secret of secrets) masked = masked.split(secret).join(MASK);
  return masked;
}

/** The password in a URL's user info and the values of query parameters whose names look secret. */
export function secretsInUrl(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const found = [decodeURIComponent(parsed.password)];
  for (const [name, value] of parsed.searchParams) if (SENSITIVE_NAME.test(name)) found.push(value);
  return found.filter(Boolean);
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
