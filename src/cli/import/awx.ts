import { urlCarriesKey } from './secret-url.js';
import { destinationKey, ImportError, secretCollector, type ImportedDestination, type Importer } from './model.js';

/**
 * AWX notification templates (`GET /api/v2/notification_templates/`, or one template) to Herald destinations, as the
 * README's "From AWX notification templates" table maps them. AWX keeps which job templates notify on started,
 * success, error and approvals on the job templates, so the export says nothing about routing: every destination is
 * routed to `error` (or --triggers), and a comment says so.
 */
export const importAwx: Importer = (input, options) => {
  const templates = templatesIn(input);
  const taken = new Set<string>();
  const { secrets, secret } = secretCollector();
  const destinations = templates.map(({ template, where }) => importTemplate(template, where, taken, secret));
  const triggers = options.triggers ?? ['error'];
  const comments = [`Imported from AWX notification templates by \`herald import --from awx\`.`];
  const record = input as { count?: unknown; results?: unknown[]; next?: unknown };
  if (typeof record.next === 'string' && record.next) {
    comments.push(`AWX listed ${String(record.count)} templates, this file held ${record.results?.length}: import the next page too (${record.next}), or ask for ?page_size=200.`);
  }
  return {
    destinations,
    notifications: [
      {
        triggers,
        to: destinations.map((destination) => destination.key),
        comments: [
          'AWX keeps on each job template which notification templates it sends on started, success, error and approvals,',
          `so the export does not say: every imported destination is routed to ${triggers.join(', ')}${options.triggers ? ' (--triggers)' : ''}.`,
          'Give a destination its own route with the triggers its job templates used (started, success, error, approval).',
        ],
      },
    ],
    secrets,
    comments,
  };
};

type Secret = (key: string, field: string, description: string) => string;
type Json = Record<string, unknown>;

/** The templates of a list response, a bare list of them, or one template, each with where it is for messages. */
function templatesIn(input: unknown): { template: Json; where: string }[] {
  const shapes =
    'expected what GET /api/v2/notification_templates/ returns ({"count": ..., "results": [...]}), or one template ' +
    '(with notification_type and notification_configuration)';
  if (Array.isArray(input)) return input.map((template, i) => ({ template: object(template, `[${i}]`, shapes), where: `[${i}]` }));
  const record = object(input, 'the input', shapes);
  if ('results' in record) {
    if (!Array.isArray(record.results)) throw new ImportError('results', `must be a list of notification templates; ${shapes}`);
    if (record.results.length === 0) throw new ImportError('results', 'the list is empty: there is no notification template to import');
    return record.results.map((template, i) => ({ template: object(template, `results[${i}]`, shapes), where: `results[${i}]` }));
  }
  if (!('notification_type' in record)) throw new ImportError('the input', `is not AWX notification templates: ${shapes}`);
  return [{ template: record, where: 'the template' }];
}

function object(value: unknown, where: string, expected: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ImportError(where, `is not an object: ${expected}`);
  return value as Json;
}

/** One AWX field and the Herald field it becomes. */
interface Field {
  awx: string[];
  herald: string;
  /** A secret: a ${NAME} placeholder (when `secretIf` says so, else always), described as this ("Slack bot token"). */
  secret?: string;
  secretIf?: (value: string) => boolean;
  /** Herald's default, left out when AWX has the same. */
  omit?: unknown;
  number?: boolean;
  /** Written even when AWX has no value (a placeholder for a secret Herald needs). */
  required?: boolean;
}

/** How each AWX type maps: the Herald type, its fields, and which Herald template each part of a custom message fills. */
interface Mapping {
  type: string;
  fields: Field[];
  /** AWX's `message` (the subject, or the whole text of a chat message) and `body`; `null`: AWX uses it, Herald cannot. */
  message?: string;
  body?: string | null;
  /** Fields with no counterpart, and why: kept as a comment (their value too, unless it is a secret). */
  noCounterpart?: Record<string, string>;
}

const NO_VERIFY = { herald: 'insecure_skip_verify', omit: false };

const MAPPINGS: Record<string, Mapping> = {
  email: {
    type: 'email',
    fields: [
      { awx: ['host'], herald: 'host' },
      { awx: ['port'], herald: 'port', number: true },
      { awx: ['username'], herald: 'username' },
      { awx: ['password'], herald: 'password', secret: 'SMTP password' },
      { awx: ['use_tls'], herald: 'use_tls' },
      { awx: ['use_ssl'], herald: 'use_ssl', omit: false },
      { awx: ['sender'], herald: 'from' },
      { awx: ['recipients'], herald: 'to' },
      { awx: ['timeout'], herald: 'timeout', number: true },
    ],
    message: 'subject',
    body: 'body',
  },
  slack: {
    type: 'slack',
    fields: [
      { awx: ['token'], herald: 'token', secret: 'Slack bot token (xoxb-...)' },
      { awx: ['channels'], herald: 'channels' },
      { awx: ['hex_color'], herald: 'hex_color' },
    ],
    message: 'text',
  },
  twilio: {
    type: 'twilio',
    fields: [
      { awx: ['account_sid'], herald: 'account_sid' },
      { awx: ['account_token'], herald: 'auth_token', secret: 'Twilio auth token' },
      { awx: ['from_number'], herald: 'from_number' },
      { awx: ['to_numbers'], herald: 'to_numbers' },
    ],
    message: 'text',
  },
  pagerduty: {
    type: 'pagerduty',
    fields: [
      { awx: ['service_key'], herald: 'routing_key', secret: 'PagerDuty integration key (Events API v2)', required: true },
      { awx: ['client_name'], herald: 'client_name' },
    ],
    message: 'summary',
    body: null,
    noCounterpart: {
      token: "AWX's PagerDuty REST API token; Herald sends through the Events API v2, which needs only the integration key, routing_key",
      subdomain: "AWX's PagerDuty subdomain, for the REST API; the Events API v2 needs none",
    },
  },
  grafana: {
    type: 'grafana',
    fields: [
      { awx: ['grafana_url'], herald: 'url' },
      { awx: ['grafana_key'], herald: 'api_key', secret: 'Grafana service account token (or API key)', required: true },
      { awx: ['dashboardId'], herald: 'dashboard_id', number: true },
      { awx: ['panelId'], herald: 'panel_id', number: true },
      { awx: ['annotation_tags'], herald: 'tags' },
      { awx: ['grafana_no_verify_ssl'], ...NO_VERIFY },
    ],
    message: 'text',
    noCounterpart: {
      isRegion: 'Herald annotates a region from the start of the run to its end when it knows the start, else a point',
    },
  },
  webhook: {
    type: 'webhook',
    fields: [
      { awx: ['url'], herald: 'url', secret: 'webhook URL (it carries a key)', secretIf: urlCarriesKey },
      { awx: ['http_method'], herald: 'method', omit: 'POST' },
      { awx: ['username'], herald: 'username' },
      { awx: ['password'], herald: 'password', secret: 'basic auth password' },
      { awx: ['disable_ssl_verification'], ...NO_VERIFY },
    ],
    body: 'payload',
  },
  mattermost: {
    type: 'mattermost',
    fields: [
      { awx: ['mattermost_url', 'url'], herald: 'url', secret: 'Mattermost incoming webhook URL (its key is in the path)' },
      { awx: ['mattermost_username', 'username'], herald: 'username' },
      { awx: ['mattermost_channel', 'channel'], herald: 'channel' },
      { awx: ['mattermost_icon_url', 'icon_url'], herald: 'icon_url' },
      { awx: ['mattermost_no_verify_ssl', 'no_verify_ssl'], ...NO_VERIFY },
    ],
    message: 'text',
  },
  rocketchat: {
    type: 'rocketchat',
    fields: [
      { awx: ['rocketchat_url', 'url'], herald: 'url', secret: 'Rocket.Chat incoming webhook URL (its token is in the path)' },
      { awx: ['rocketchat_username', 'username'], herald: 'username' },
      { awx: ['rocketchat_icon_url', 'icon_url'], herald: 'icon_url' },
      { awx: ['rocketchat_no_verify_ssl', 'no_verify_ssl'], ...NO_VERIFY },
    ],
    message: 'text',
  },
  irc: {
    type: 'irc',
    fields: [
      { awx: ['server'], herald: 'server' },
      { awx: ['port'], herald: 'port', number: true },
      { awx: ['nickname'], herald: 'nickname' },
      { awx: ['password'], herald: 'password', secret: 'IRC server password' },
      { awx: ['use_ssl'], herald: 'use_ssl', omit: false },
      { awx: ['targets'], herald: 'targets' },
    ],
    message: 'text',
  },
  awssns: {
    type: 'sns',
    fields: [
      { awx: ['sns_topic_arn'], herald: 'topic_arn' },
      { awx: ['aws_region'], herald: 'region' },
      { awx: ['aws_access_key_id'], herald: 'access_key_id', secret: 'AWS access key id', required: true },
      { awx: ['aws_secret_access_key'], herald: 'secret_access_key', secret: 'AWS secret access key', required: true },
      { awx: ['aws_session_token'], herald: 'session_token', secret: 'AWS session token' },
    ],
    body: 'text',
  },
};

/** Names of the parts of a config that hold credentials, wherever they are (headers, fields with no counterpart). */
const SECRET_NAME = /pass|token|secret|key|auth|cookie|signature|credential/i;

function importTemplate(template: Json, where: string, taken: Set<string>, secret: Secret): ImportedDestination {
  const name = typeof template.name === 'string' && template.name.trim() ? template.name : undefined;
  if (!name) throw new ImportError(`${where}, name`, 'every notification template has a name; this one has none (or it is not text)');
  const at = `${where} (name "${name}")`;
  const mapping = typeof template.notification_type === 'string' ? MAPPINGS[template.notification_type] : undefined;
  if (!mapping) {
    throw new ImportError(
      `${at}, notification_type`,
      `${JSON.stringify(template.notification_type ?? null)} is not a type Herald has; it imports ${Object.keys(MAPPINGS).join(', ')}.`,
    );
  }
  const config = object(template.notification_configuration, `${at}, notification_configuration`, 'the fields of the notification type');
  const key = destinationKey(name, taken);
  const origin = `AWX notification template "${name}"`;
  const fields: Json = { type: mapping.type };
  const comments = [`From ${origin}${template.id === undefined ? '' : ` (id ${String(template.id)})`}${description(template)}.`];
  const used = new Set<string>();

  for (const field of mapping.fields) {
    const awxName = field.awx.find((candidate) => present(config[candidate])) ?? field.awx[0]!;
    field.awx.forEach((candidate) => used.add(candidate));
    let value = config[awxName];
    if (!present(value) && !field.required) continue;
    if (field.number && typeof value === 'string' && /^\d+$/.test(value)) value = Number(value);
    if (value === field.omit) continue;
    const isSecret = field.secret !== undefined && (!field.secretIf || (typeof value === 'string' && field.secretIf(value)));
    if (isSecret || value === ENCRYPTED) {
      fields[field.herald] = secret(key, field.herald, `the ${field.secret ?? awxName} of ${origin}`);
    } else fields[field.herald] = value;
  }
  if (mapping.type === 'webhook' && present(config.headers)) {
    used.add('headers');
    fields.headers = headers(config.headers, `${at}, notification_configuration.headers`, key, origin, secret);
  }
  for (const [awxName, why] of Object.entries(mapping.noCounterpart ?? {})) {
    used.add(awxName);
    if (present(config[awxName])) comments.push(`${awxName}${shown(awxName, config[awxName])}. No counterpart: ${why}.`);
  }
  for (const [awxName, value] of Object.entries(config)) {
    if (!used.has(awxName) && present(value)) comments.push(`${awxName}${shown(awxName, value)}. No counterpart in Herald.`);
  }
  const messages = customMessages(template.messages, mapping, `${at}, messages`, comments);
  if (messages) fields.messages = messages;
  else if (mapping.type === 'webhook') comments.push("AWX's default body (the job's metadata) becomes Herald's generic JSON payload (version 1).");
  return { key, fields, comments };
}

const ENCRYPTED = '$encrypted$';

const present = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

const description = (template: Json) => (typeof template.description === 'string' && template.description.trim() ? `: ${template.description.trim()}` : '');

/** A value for a comment: a secret's never shows. */
const shown = (name: string, value: unknown) => (SECRET_NAME.test(name) || value === ENCRYPTED ? ' (a secret, not written here)' : `: ${JSON.stringify(value)}`);

/** A webhook's headers: the ones that carry credentials (Authorization, X-Api-Key, ...) become secrets. */
function headers(value: unknown, where: string, key: string, origin: string, secret: Secret): Json {
  const record = object(value, where, 'the headers, name: value');
  return Object.fromEntries(
    Object.entries(record).map(([name, text]) => {
      if (typeof text !== 'string') throw new ImportError(`${where}.${name}`, `must be text, not ${JSON.stringify(text)}`);
      return [name, SECRET_NAME.test(name) || text === ENCRYPTED ? secret(key, name, `the ${name} header of ${origin}`) : text];
    }),
  );
}

/** AWX's custom messages by Herald trigger; workflow_approval's `running` is a job waiting for reviewers. */
const MESSAGE_TRIGGERS: [path: string[], trigger: string][] = [
  [['started'], 'started'],
  [['success'], 'success'],
  [['error'], 'error'],
  [['workflow_approval', 'running'], 'approval'],
];

/**
 * AWX's custom messages as Herald's per-trigger `messages`, their Jinja variables translated; a template with Jinja
 * Herald cannot translate, or a part Herald has no template for, is kept as a comment.
 */
function customMessages(value: unknown, mapping: Mapping, where: string, comments: string[]): Json | undefined {
  if (!present(value)) return undefined;
  const messages = object(value, where, 'the custom messages: {"started": {"message": ..., "body": ...}, ...}');
  const result: Json = {};
  for (const [path, trigger] of MESSAGE_TRIGGERS) {
    const parts = path.reduce<unknown>((node, step) => (node && typeof node === 'object' ? (node as Json)[step] : undefined), messages) as Json | undefined;
    if (!parts || typeof parts !== 'object') continue;
    const templates: Json = {};
    for (const part of ['message', 'body'] as const) {
      const text = parts[part];
      if (typeof text !== 'string' || !text.trim()) continue;
      const herald = mapping[part];
      const label = `AWX's custom ${part} for ${path.join('.')}`;
      if (herald === undefined) continue; // AWX does not use this part for this type either.
      if (herald === null) {
        comments.push(`${label} has no counterpart in a ${mapping.type} destination:`, ...quoted(text));
        continue;
      }
      const translated = translateJinja(text);
      if (translated.untranslated.length > 0) {
        comments.push(`${label}, not imported: Herald has no counterpart for ${translated.untranslated.join(', ')}:`, ...quoted(text));
      } else templates[herald] = translated.text;
    }
    if (Object.keys(templates).length > 0) result[trigger] = templates;
  }
  const approval = messages.workflow_approval;
  if (approval && typeof approval === 'object') {
    for (const [state, parts] of Object.entries(approval as Json)) {
      if (state === 'running' || !parts || typeof parts !== 'object') continue;
      if (Object.values(parts as Json).some((text) => typeof text === 'string' && text.trim())) {
        comments.push(`AWX's custom messages for workflow_approval.${state}: no counterpart (GitHub says when a job waits for reviewers, Herald's approval trigger, not when it was ${state.replace('_', ' ')}).`);
      }
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

const quoted = (text: string) => text.split('\n').map((line) => `  ${line}`);

/** AWX's Jinja variables that have a Herald variable (the README's table); a job there is a run here. */
const JINJA_VARIABLES: Record<string, string> = {
  'job.name': 'workflow',
  'job.status': 'status',
  url: 'runUrl',
  'job.id': 'runId',
  'job.created_by': 'actor',
  'job.started': 'startedAt',
  'job.project': 'repository',
  'job.scm_branch': 'branch',
  'job.scm_revision': 'sha',
};

/** `{{ job.name }}` -> `<<workflow>>`; what is left of Jinja (other variables, filters, {% %}) is listed as untranslated. */
export function translateJinja(text: string): { text: string; untranslated: string[] } {
  // `{{-` and `-}}` take the whitespace before or after them away, as Jinja does.
  const trimmed = text.replace(/\s*\{\{-/g, '{{').replace(/-\}\}\s*/g, '}}');
  const translated = trimmed.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name: string) => (JINJA_VARIABLES[name] ? `<<${JINJA_VARIABLES[name]}>>` : whole));
  const untranslated = [...new Set([...translated.matchAll(/\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}/gs)].map((match) => match[0]))];
  return { text: translated, untranslated };
}

