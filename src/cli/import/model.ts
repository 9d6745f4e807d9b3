/**
 * What an importer makes of another system's export (`herald import --from <source> FILE`): destinations, routes, the
 * secrets to create and the comments that keep what has no equivalent. Each source is one module exporting an
 * `Importer` (a pure function: no I/O), registered in ./index.ts; writing the YAML, checking it with `herald validate`
 * and printing the secrets is the command's job (./command.ts), the same for every source.
 */

export type Source = 'awx' | 'terraform-cloud' | 'grafana-oncall' | 'scalingo' | 'devtron';

export interface ImportedDestination {
  /** Its key under `destinations:`, made from the source object's name by `destinationKey()`. */
  key: string;
  /** The destination's fields, `type` first, as they go into the file; secret values are `${NAME}` placeholders. */
  fields: Record<string, unknown>;
  /** Written as YAML comments above the destination: what it came from, what has no equivalent (never dropped). */
  comments: string[];
}

export interface ImportedRoute {
  triggers: string[];
  to: string[];
  /** Other route keys (branches, events, if, ...), as they go into the file. */
  filters?: Record<string, unknown>;
  /** Written as YAML comments above the route (why it routes as it does). */
  comments?: string[];
}

export interface ImportedSecret {
  /** The placeholder's name: `${SLACK_ALERTS_TOKEN}` is `SLACK_ALERTS_TOKEN`. */
  name: string;
  /** What to put in it, for the list the command prints: "the Slack token of AWX template 'Slack alerts'". */
  description: string;
  /**
   * A setting, not a secret (an SMTP host, a list of recipients): a configuration variable passed with `vars.`, not a
   * secret, since a secret's value is masked in every log line of the job.
   */
  setting?: boolean;
}

export interface Imported {
  destinations: ImportedDestination[];
  notifications: ImportedRoute[];
  secrets: ImportedSecret[];
  /** Written at the top of the file. */
  comments: string[];
}

export interface ImportOptions {
  /** --triggers: where a source keeps no routing (AWX), the triggers to route the imported destinations to. */
  triggers?: string[];
}

export type Importer = (input: unknown, options: ImportOptions) => Imported;

/**
 * Input that is not what the source exports, or an object Herald has no equivalent for: `where` names the object and
 * the field ("results[2] (name "Pager"), notification_type"), the message what is wrong and what would be accepted.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

/** A destination key from a source object's name: "Slack alerts!" -> "slack-alerts", unique among `taken`. */
export function destinationKey(name: string, taken: Set<string>, fallback = 'destination'): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || fallback;
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
  taken.add(key);
  return key;
}

/** The name of a secret's placeholder: destination key + field, "slack-alerts" + "token" -> "SLACK_ALERTS_TOKEN". */
export function secretName(key: string, field: string): string {
  return `${key}_${field}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

type Placeholder = (key: string, field: string, description: string) => string;

/**
 * Collects the `${NAME}`s of one import: `secret(key, field, description)` gives the `${NAME}` to write in the field and
 * records the secret to create (once per name); `setting(...)` does the same for a value that is no secret.
 */
export function secretCollector(): { secrets: ImportedSecret[]; secret: Placeholder; setting: Placeholder } {
  const secrets: ImportedSecret[] = [];
  const placeholder =
    (setting: boolean): Placeholder =>
    (key, field, description) => {
      const name = secretName(key, field);
      if (!secrets.some((known) => known.name === name)) secrets.push({ name, description, ...(setting && { setting }) });
      return `\${${name}}`;
    };
  return { secrets, secret: placeholder(false), setting: placeholder(true) };
}
