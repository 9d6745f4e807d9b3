import { secretsInUrl } from '../../secrets.js';
import { mailDestinationFields } from './mail-server.js';
import { destinationKey, ImportError, secretCollector, type Imported, type ImportedDestination, type Importer } from './model.js';
import { routesByTriggers, type Routing } from './routes.js';
import { describe, isObject, optionalBoolean, optionalString, sourceObjects, stringList, type ImportContext, type JsonObject } from './source-objects.js';

const TYPES = ['slack', 'webhook', 'rocket_chat', 'email'];

/** Scalingo's deployment event says how the deployment ended: Herald's success and error. */
const DEPLOYMENT = ['success', 'error'];

/** A Scalingo event type name (`deployment`, `crash`, `restart`), as the older `selected_events` holds them. */
const EVENT_TYPE_NAME = /^[a-z][a-z0-9_]*$/;

/** A Scalingo event type id (`GET /v1/event_types`), as `selected_event_ids` holds them. */
const EVENT_TYPE_ID = /^[0-9a-f]{24}$/;

/**
 * Scalingo notifiers (`GET /v1/apps/:app/notifiers`: `{notifiers: [...]}` or one `{notifier: {...}}`) and the older
 * notifications (`{notifications: [...]}`, `{notification: {...}}`, deployments only) as Herald destinations.
 */
export const importScalingo: Importer = (input) => {
  const notifiers = sourceObjects(
    input,
    'notifiers',
    [
      ['notifiers', 'notifier'],
      ['notifications', 'notification'],
    ],
    (object) => 'type' in object || 'platform' in object || 'type_data' in object || 'webhook_url' in object,
    'a Scalingo notifiers response: {"notifiers": [...]}, {"notifier": {...}}, or the older {"notifications": [...]}',
  );
  const taken = new Set<string>();
  const { secrets, secret, setting } = secretCollector();
  const destinations: ImportedDestination[] = [];
  const routings: Routing[] = [];
  for (const { object, where: at } of notifiers) {
    const type = optionalString(object, 'type', at) ?? platformName(object, at);
    const name = optionalString(object, 'name', at) ?? (type ? `${type} notification` : undefined) ?? optionalString(object, 'id', at) ?? 'notifier';
    const where = `${at} (name ${JSON.stringify(name)})`;
    const key = destinationKey(name, taken, 'notifier');
    const id = optionalString(object, 'id', where);
    const app = optionalString(object, 'app', where) ?? optionalString(object, 'app_id', where);
    const owner = `Scalingo notifier ${JSON.stringify(name)}`;
    const comments = [`From ${owner}${id ? ` (${id})` : ''}${app ? ` of app ${app}` : ''}`];
    const typeData = isObject(object.type_data) ? object.type_data : {};
    const fields = destinationFields(type, object, typeData, { key, where, owner, comments, secret, setting });
    if (optionalBoolean(object, 'active', where) === false) fields.enabled = false;

    const { triggers, from } = selectedEvents(object, where, comments);
    if (triggers.size === 0) comments.push('no deployment event selected: not routed (add a route to use it)');
    destinations.push({ key, fields, comments });
    routings.push({ key, triggers, from });
  }
  return {
    destinations,
    notifications: routesByTriggers(routings, (from) => `Scalingo events ${from.join(', ')}: how a deployment ended`),
    secrets,
    comments: [
      `Imported from ${notifiers.length} Scalingo notifier${notifiers.length === 1 ? '' : 's'}.`,
      'Scalingo notifies when the app deploys; Herald when the workflow that deploys it ends: run it in that workflow.',
    ],
  } satisfies Imported;
};

/** The platform's name when the notifier says it as `platform` (a name or `{name}`) rather than `type`. */
function platformName(object: JsonObject, where: string): string | undefined {
  const platform = object.platform;
  if (isObject(platform)) return optionalString(platform, 'name', `${where}, platform`);
  return optionalString(object, 'platform', where);
}

/** The Herald triggers a notifier's events map to; the events with no equivalent are written as comments. */
function selectedEvents(object: JsonObject, where: string, comments: string[]): { triggers: Set<string>; from: string[] } {
  const triggers = new Set<string>();
  const from: string[] = [];
  const deployment = (event: string) => {
    for (const trigger of DEPLOYMENT) triggers.add(trigger);
    from.push(event);
  };
  const isNotifier = ['send_all_events', 'selected_event_ids', 'selected_events', 'send_all_alerts'].some((field) => field in object);
  // The older notifications API sends deployment events only.
  if (!isNotifier) deployment('deployment');
  if (optionalBoolean(object, 'send_all_events', where)) {
    deployment('deployment');
    comments.push('send_all_events: only deployments have an equivalent; the other app events (crash, restart, scale, addons, ...) have none');
  }
  const names = [...stringList(object, 'selected_event_ids', where), ...stringList(object, 'selected_events', where)];
  const ids = names.filter((name) => EVENT_TYPE_ID.test(name));
  const others = names.filter((name) => !EVENT_TYPE_ID.test(name) && name !== 'deployment');
  if (names.includes('deployment')) deployment('deployment');
  if (ids.length > 0) {
    comments.push(
      `selected event type ids ${ids.join(', ')}: GET /v1/event_types names them; if one is "deployment", route this destination to [success, error]`,
    );
  }
  const unknown = others.filter((name) => !EVENT_TYPE_NAME.test(name));
  if (unknown.length > 0) throw new ImportError(`${where}, selected_event_ids`, `${unknown.map((name) => JSON.stringify(name)).join(', ')} is not a Scalingo event type name or id`);
  if (others.length > 0) comments.push(`events ${others.join(', ')}: no equivalent (Herald reports workflow runs, not the app's life)`);
  if (optionalBoolean(object, 'send_all_alerts', where)) comments.push('send_all_alerts: Scalingo alerts (metrics over a limit) have no equivalent');
  return { triggers, from: [...new Set(from)] };
}

/** The destination's fields for the notifier's platform. */
function destinationFields(type: string | undefined, object: JsonObject, typeData: JsonObject, context: ImportContext): Record<string, unknown> {
  const { key, where, owner, comments, secret } = context;
  const webhookUrl = () => {
    const url = optionalString(typeData, 'webhook_url', `${where}, type_data`) ?? optionalString(object, 'webhook_url', where);
    if (!url) throw new ImportError(`${where}, type_data.webhook_url`, `a ${type} notifier needs its webhook_url`);
    return url;
  };
  switch (type) {
    case 'slack':
      webhookUrl();
      return { type: 'slack', webhook_url: secret(key, 'webhook_url', `the Slack webhook URL of ${owner}`) };
    case 'rocket_chat':
    case 'rocketchat':
      webhookUrl();
      return { type: 'rocketchat', url: secret(key, 'webhook_url', `the Rocket.Chat webhook URL of ${owner}`) };
    case 'webhook': {
      const url = webhookUrl();
      comments.push('Scalingo posted its event JSON ({"type": "deployment", "type_data": {...}}); Herald posts its generic JSON payload (or a "payload" template)');
      return { type: 'webhook', url: secretsInUrl(url).length > 0 ? secret(key, 'webhook_url', `the webhook URL of ${owner} (it carries a credential)`) : url };
    }
    case 'email': {
      const data = `${where}, type_data`;
      return mailDestinationFields('Scalingo', stringList(typeData, 'emails', data), stringList(typeData, 'user_ids', data), context);
    }
    case undefined:
      throw new ImportError(`${where}, type`, `missing: expected one of ${TYPES.join(', ')}`);
    default:
      throw new ImportError(`${where}, type`, `${JSON.stringify(type)} has no Herald equivalent: expected one of ${TYPES.join(', ')}`);
  }
}
