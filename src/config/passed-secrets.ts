/**
 * The variable through which a workflow hands Herald every secret it has in one go, `${{ toJSON(secrets) }}`, so a
 * reusable workflow called with `secrets: inherit` serves any ${NAME} without listing names.
 */
export const PASSED_SECRETS_VARIABLE = 'HERALD_SECRETS';

/** What HERALD_SECRETS holds: the secrets by name, or why it could not be read. */
export type PassedSecrets = { values: Map<string, string> } | { error: string };

/** Reads HERALD_SECRETS; undefined when it is not set. */
export function readPassedSecrets(env: NodeJS.ProcessEnv): PassedSecrets | undefined {
  const text = env[PASSED_SECRETS_VARIABLE];
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { error: `${PASSED_SECRETS_VARIABLE} is not JSON; set it to \${{ toJSON(secrets) }}` };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { error: `${PASSED_SECRETS_VARIABLE} is not a JSON object of secrets by name; set it to \${{ toJSON(secrets) }}` };
  }
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(parsed)) if (typeof value === 'string') values.set(name, value);
  return { values };
}

/** The secret called `name`: its exact name first, else the one name equal ignoring case, as GitHub's secret names are. */
export function findPassedSecret(secrets: { values: Map<string, string> }, name: string): string | undefined {
  const exact = secrets.values.get(name);
  if (exact !== undefined) return exact;
  const matches = [...secrets.values.keys()].filter((key) => key.toLowerCase() === name.toLowerCase());
  return matches.length === 1 ? secrets.values.get(matches[0]!) : undefined;
}
