import {
  destinationKey,
  ImportError,
  secretCollector,
  type ImportedDestination,
  type ImportedRoute,
  type Importer,
  secretName,
} from './model.js';
import { SECRET_NAME, urlCarriesKey } from './secret-url.js';
import { isObject } from './source-objects.js';

/**
 * Grafana OnCall's outgoing webhooks (`GET /api/v1/webhooks/`, paginated `{results: [...]}` or a bare list, or one
 * webhook) as Herald webhooks. OnCall sends on alert group events; a workflow run's nearest equivalents are: an alert
 * group created (or an escalation step) is a failure (`error`), resolved is `fixed`, unresolved is `broken`. OnCall's
 * Jinja2 templates (`data`, `trigger_template`, a templated `url`) have no equivalent in Herald's Mustache and are kept
 * as comments.
 */
export const importGrafanaOncall: Importer = (input) => {
  const webhooks = webhookList(input);
  const taken = new Set<string>();
  const { secrets, secret } = secretCollector();
  const destinations: ImportedDestination[] = [];
  const notifications: ImportedRoute[] = [];

  for (const { webhook, where } of webhooks) {
    const name = typeof webhook.name === 'string' && webhook.name.trim() ? webhook.name : `webhook ${String(webhook.id ?? destinations.length + 1)}`;
    const key = destinationKey(name, taken, 'webhook');
    const about: About = { key, of: `of OnCall webhook '${name}'`, where, secret };
    const comments = [`From Grafana OnCall outgoing webhook '${name}'${webhook.id ? ` (${String(webhook.id)})` : ''}.`];
    const fields: Record<string, unknown> = {
      type: 'webhook',
      url: urlOf(webhook, about, comments),
      ...methodOf(webhook, about),
      ...bodyOf(webhook, about, comments),
      ...credentialsOf(webhook, about, comments),
    };

    const triggers = triggersOf(webhook.trigger_type, `${where}, trigger_type`);
    if (triggers.comment) comments.push(triggers.comment);
    if (webhook.is_webhook_enabled === false) {
      fields.enabled = false;
      comments.push('It was disabled in OnCall (is_webhook_enabled: false).');
    } else if (triggers.herald.length === 0) {
      fields.enabled = false;
      comments.push('Kept disabled: route it to a trigger and remove enabled: false to use it.');
    }
    comments.push(...unmatched(webhook));
    destinations.push({ key, fields, comments });

    if (triggers.herald.length > 0) {
      const route: ImportedRoute = { triggers: triggers.herald, to: [key] };
      const template = text(webhook.trigger_template, `${where}, trigger_template`);
      if (template !== undefined && template.trim()) {
        route.comments = [
          `OnCall's trigger template for '${name}' is Jinja2 and was not translated: ${oneLine(template)}`,
          "To keep it, add an if: template with Herald's << >> tags that renders true when the webhook should send.",
        ];
      }
      // Webhooks on the same triggers with nothing to say about their route share one.
      const same = route.comments ? undefined : notifications.find((known) => !known.comments && known.triggers.join() === route.triggers.join());
      if (same) same.to.push(key);
      else notifications.push(route);
    }
  }

  return {
    destinations,
    notifications,
    secrets,
    comments: [`Imported from ${webhooks.length} Grafana OnCall outgoing webhook${webhooks.length === 1 ? '' : 's'}.`],
  };
};

type Webhook = Record<string, unknown>;

/** The webhook being imported: its key, "of OnCall webhook 'name'" for secrets' descriptions, where it is in the input. */
interface About {
  key: string;
  of: string;
  where: string;
  secret: (key: string, field: string, description: string) => string;
}

/** The URL, or a placeholder when it carries a key or is a Jinja2 template (Herald cannot fill OnCall's variables). */
function urlOf(webhook: Webhook, { key, of, where, secret }: About, comments: string[]): string {
  const url = text(webhook.url, `${where}, url`, true)!;
  if (/\{\{|\{%/.test(url)) {
    comments.push(`url was the Jinja2 template ${url}: set ${secretName(key, 'url')} to the URL to call.`);
    return secret(key, 'url', `the URL to call ${of}: OnCall built it from the Jinja2 template ${url}`);
  }
  return urlCarriesKey(url) ? secret(key, 'webhook_url', `the URL ${of} (it carries a key)`) : url;
}

function methodOf(webhook: Webhook, { where }: About): { method?: string } {
  const method = text(webhook.http_method, `${where}, http_method`)?.toUpperCase();
  if (method === undefined || method === 'POST') return {};
  if (!METHODS.includes(method)) {
    throw new ImportError(`${where}, http_method`, `"${String(webhook.http_method)}" is not an HTTP method Herald sends: write one of ${METHODS.join(', ')}`);
  }
  return { method };
}

/** forward_all as it is; a Jinja2 data template is a comment (Herald sends its generic payload in its place). */
function bodyOf(webhook: Webhook, { where }: About, comments: string[]): { forward_all?: true } {
  const forwardAll = (webhook.forward_all ?? webhook.forward_whole_payload) === true;
  const data = text(webhook.data, `${where}, data`);
  if (data !== undefined && data.trim()) {
    comments.push(
      forwardAll
        ? 'Its data template was unused (forward_all sends the whole payload):'
        : "Its data template is Jinja2, which Herald's templates (Mustache, << >>) do not read: Herald sends its generic JSON payload " +
            'instead; write a payload template to send your own body. The template was:',
      ...data.split('\n').map((line) => `  ${line}`),
    );
  }
  return forwardAll ? { forward_all: true } : {};
}

/**
 * Headers, authorization_header and basic auth, credentials as placeholders. Herald sends one Authorization header:
 * OnCall's authorization_header wins over a header of that name and over basic auth.
 */
function credentialsOf(webhook: Webhook, { key, of, where, secret }: About, comments: string[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const authorizes = present(webhook.authorization_header);
  const headers = Object.entries(headerMap(webhook.headers, `${where}, headers`, comments) ?? {}).filter(([header]) => {
    const replaced = authorizes && header.toLowerCase() === 'authorization';
    if (replaced) comments.push(`Its ${header} header was left out: authorization_header sets the Authorization header.`);
    return !replaced;
  });
  if (headers.length > 0) {
    fields.headers = Object.fromEntries(
      headers.map(([header, value]) => [header, SECRET_NAME.test(header) ? secret(key, header, `the ${header} header ${of}`) : value]),
    );
  }
  const username = text(webhook.username ?? webhook.user, `${where}, username`);
  if (authorizes) {
    fields.authorization_header = secret(key, 'authorization_header', `the Authorization header ${of}`);
    if (username || present(webhook.password)) {
      comments.push('Its basic auth (username, password) was left out: authorization_header sets the Authorization header.');
    }
  } else {
    if (username) fields.username = username;
    if (present(webhook.password)) fields.password = secret(key, 'password', `the basic auth password ${of}`);
  }
  return fields;
}

/** What OnCall filtered on that Herald has no counterpart for. */
function unmatched(webhook: Webhook): string[] {
  const comments: string[] = [];
  const integrations = Array.isArray(webhook.integration_filter) ? webhook.integration_filter : [];
  if (integrations.length > 0) {
    comments.push(
      `OnCall sent it only for the integrations ${integrations.map(String).join(', ')}: Herald has no integrations; a route ` +
        'filter (repositories, workflows, branches) plays that part.',
    );
  }
  if (present(webhook.team)) comments.push(`OnCall team: ${String(webhook.team)}.`);
  if (present(webhook.preset)) comments.push(`OnCall preset: ${String(webhook.preset)}.`);
  return comments;
}

const oneLine = (template: string) => template.replace(/\s*\n\s*/g, ' ');

const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS'];

/** OnCall's trigger types (public names; the internal API's numbers and labels), and Herald's triggers for each. */
const TRIGGER_TYPES: { names: string[]; herald: string[]; comment?: string }[] = [
  {
    names: ['escalation', 'escalation step', '0'],
    herald: ['error'],
    comment: 'OnCall called it as an escalation step: Herald has no escalation chain, it sends once on error.',
  },
  { names: ['alert group created', 'firing', '1'], herald: ['error'] },
  { names: ['acknowledge', 'acknowledged', '2'], herald: [] },
  { names: ['resolve', 'resolved', '3'], herald: ['fixed'] },
  { names: ['silence', 'silenced', '4'], herald: [] },
  { names: ['unsilence', 'unsilenced', '5'], herald: [] },
  { names: ['unresolve', 'unresolved', '6'], herald: ['broken'] },
  { names: ['unacknowledge', 'unacknowledged', '7'], herald: [] },
  {
    names: ['status change', '8'],
    herald: ['fixed', 'broken'],
    comment:
      'OnCall sent it on every status change: resolved and unresolved map to fixed and broken; acknowledged, silenced and ' +
      'their reverses have no equivalent in a workflow run.',
  },
  { names: ['personal notification', '9'], herald: [] },
];

function triggersOf(value: unknown, where: string): { herald: string[]; comment?: string } {
  if (value === undefined || value === null) return { herald: ['error'], comment: 'It had no trigger_type: routed to error.' };
  const name = String(value).trim().toLowerCase().replace(/[_-]+/g, ' ');
  const type = TRIGGER_TYPES.find((candidate) => candidate.names.includes(name));
  if (!type) {
    throw new ImportError(where, `"${String(value)}" is not an OnCall trigger type: write one of ${TRIGGER_TYPES.map((t) => t.names[0]).join(', ')}`);
  }
  if (type.herald.length === 0) {
    return { herald: [], comment: `OnCall sent it on "${type.names[0]}", which a workflow run has no equivalent of.` };
  }
  return { herald: type.herald, comment: type.comment };
}

function isList(input: unknown): input is { results: unknown[] } {
  return isObject(input) && Array.isArray(input.results);
}

/** The webhooks of a list response (`{results: [...]}`), a bare list, or one webhook, each with where it is. */
function webhookList(input: unknown): { webhook: Webhook; where: string }[] {
  const items: unknown[] = Array.isArray(input) ? input : isList(input) ? input.results : [input];
  return items.map((item, index) => {
    const at = Array.isArray(input) ? `[${index}]` : isList(input) ? `results[${index}]` : undefined;
    if (!isObject(item) || !('url' in item)) {
      throw new ImportError(
        at ?? 'the input',
        'is not a Grafana OnCall outgoing webhook (an object with name, url, trigger_type...): give the JSON of GET /api/v1/webhooks/ or of one webhook',
      );
    }
    const webhook = item;
    return { webhook, where: `${at ?? 'the webhook'}${typeof webhook.name === 'string' ? ` (name "${webhook.name}")` : ''}` };
  });
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function text(value: unknown, where: string, required = false): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw new ImportError(where, 'is missing: every OnCall webhook has one');
    return undefined;
  }
  if (typeof value !== 'string') throw new ImportError(where, `is ${JSON.stringify(value)}, not a string`);
  return value;
}

/** OnCall's headers: a JSON object, or its text; a Jinja2 template or header values are kept as a comment. */
function headerMap(value: unknown, where: string, comments: string[]): Record<string, string> | undefined {
  if (!present(value)) return undefined;
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      comments.push(`Its headers template is not JSON (Jinja2?) and was not imported: ${oneLine(value)}`);
      return undefined;
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ImportError(where, 'is not a JSON object of header names and values');
  }
  const headers: Record<string, string> = {};
  for (const [header, headerValue] of Object.entries(parsed)) {
    const valueText = typeof headerValue === 'string' ? headerValue : JSON.stringify(headerValue);
    if (/\{\{|\{%/.test(valueText)) comments.push(`Header ${header} was the Jinja2 template ${valueText}, not imported.`);
    else headers[header] = valueText;
  }
  return Object.keys(headers).length > 0 ? headers : undefined;
}
