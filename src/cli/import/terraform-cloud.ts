import { secretsInUrl } from '../../secrets.js';
import { mailDestinationFields } from './mail-server.js';
import { destinationKey, ImportError, secretCollector, type Imported, type ImportedDestination, type Importer } from './model.js';
import { routesByTriggers, type Routing } from './routes.js';
import { describe, isObject, optionalBoolean, optionalString, sourceObjects, stringList, type ImportContext, type JsonObject } from './source-objects.js';

/** Terraform Cloud's run triggers and Herald's; the others (assessment:*, workspace:*) have no equivalent. */
const TRIGGERS = new Map([
  ['run:created', 'started'],
  ['run:planning', 'started'],
  ['run:applying', 'started'],
  ['run:completed', 'success'],
  ['run:errored', 'error'],
  ['run:needs_attention', 'approval'],
]);

const DESTINATION_TYPES = ['generic', 'slack', 'microsoft-teams', 'email'];

/**
 * Terraform Cloud notification configurations (`GET /workspaces/:id/notification-configurations`, JSON:API: `{data:
 * [...]}` or one `{data: {...}}`) as Herald destinations, one route per distinct set of triggers.
 */
export const importTerraformCloud: Importer = (input) => {
  const configurations = sourceObjects(
    input,
    'data',
    [['data', 'data']],
    (object) => 'attributes' in object,
    'a Terraform Cloud notification-configurations response: {"data": [...]} or {"data": {...}}',
  );
  const taken = new Set<string>();
  const { secrets, secret, setting } = secretCollector();
  const destinations: ImportedDestination[] = [];
  const routings: Routing[] = [];
  for (const { object, where: at } of configurations) {
    const type = object.type;
    if (type !== undefined && type !== 'notification-configurations' && type !== 'notification-configuration') {
      throw new ImportError(`${at}, type`, `expected "notification-configurations", got ${describe(type)}`);
    }
    const attributes = object.attributes;
    if (!isObject(attributes)) throw new ImportError(`${at}, attributes`, `expected an object, got ${describe(attributes)}`);
    const id = typeof object.id === 'string' ? object.id : undefined;
    const name = optionalString(attributes, 'name', at) ?? id ?? 'notification';
    const where = `${at} (name ${JSON.stringify(name)})`;
    const key = destinationKey(name, taken, 'notification');
    const owner = `Terraform Cloud configuration ${JSON.stringify(name)}`;
    const comments = [`From Terraform Cloud notification configuration ${JSON.stringify(name)}${id ? ` (${id})` : ''}`];
    const fields = destinationFields(attributes, object, { key, where, owner, comments, secret, setting }, id);
    if (optionalBoolean(attributes, 'enabled', where) === false) fields.enabled = false;

    const triggers = new Set<string>();
    const from: string[] = [];
    const unmatched: string[] = [];
    for (const trigger of stringList(attributes, 'triggers', where).map((value) => value.trim())) {
      const herald = TRIGGERS.get(trigger);
      if (herald) {
        triggers.add(herald);
        from.push(trigger);
      } else unmatched.push(trigger);
    }
    if (unmatched.length > 0) {
      comments.push(`triggers ${unmatched.join(', ')}: no equivalent (Herald reports workflow runs, not health assessments)`);
    }
    if (triggers.size === 0) comments.push('no run trigger: not routed (add a route to use it)');
    destinations.push({ key, fields, comments });
    routings.push({ key, triggers, from });
  }
  return {
    destinations,
    notifications: routesByTriggers(routings, (from) => `Terraform Cloud triggers ${from.join(', ')}`),
    secrets,
    comments: [
      `Imported from ${configurations.length} Terraform Cloud notification configuration${configurations.length === 1 ? '' : 's'}.`,
      'Terraform Cloud notifies per workspace: put this file in the repository whose workflow runs what the workspace ran.',
    ],
  } satisfies Imported;
};

/** The destination's fields for the configuration's `destination-type`. */
function destinationFields(attributes: JsonObject, resource: JsonObject, context: ImportContext, id: string | undefined): Record<string, unknown> {
  const { key, where, owner, comments, secret } = context;
  const destinationType = optionalString(attributes, 'destination-type', where) ?? optionalString(attributes, 'destination_type', where);
  const url = () => {
    const value = optionalString(attributes, 'url', where);
    if (!value) throw new ImportError(`${where}, url`, `a ${destinationType} configuration needs its url`);
    return value;
  };
  switch (destinationType) {
    case 'generic': {
      const address = url();
      comments.push(
        'token: Terraform Cloud never shows it (write-only): set the configuration\'s token as secret, or remove "secret" if it had none',
        ...(id ? [`the payload's notification_configuration_id is now ${JSON.stringify(key)} (the destination's name), not ${JSON.stringify(id)}`] : []),
      );
      return {
        type: 'webhook',
        url: secretsInUrl(address).length > 0 ? secret(key, 'webhook_url', `the URL of ${owner} (it carries a credential)`) : address,
        payload_format: 'terraform-cloud-v1',
        secret: secret(key, 'token', `the token (HMAC key) of ${owner}`),
      };
    }
    case 'slack':
      url();
      return { type: 'slack', webhook_url: secret(key, 'webhook_url', `the Slack webhook URL of ${owner}`) };
    case 'microsoft-teams':
      url();
      comments.push(
        'Terraform Cloud posts to an Office 365 connector URL; Herald posts to a Teams Workflows webhook ("Post to a channel when a webhook request is received"): create one for webhook_url',
      );
      return { type: 'teams', webhook_url: secret(key, 'webhook_url', `a Teams Workflows webhook URL, to replace the connector of ${owner}`) };
    case 'email': {
      const addresses = stringList(attributes, 'email-addresses', where);
      const users = [...stringList(attributes, 'email-user-ids', where), ...userIds(resource, where)];
      return mailDestinationFields('Terraform Cloud', addresses, users, context);
    }
    case undefined:
      throw new ImportError(`${where}, destination-type`, `missing: expected one of ${DESTINATION_TYPES.join(', ')}`);
    default:
      throw new ImportError(
        `${where}, destination-type`,
        `${JSON.stringify(destinationType)} has no Herald equivalent: expected one of ${DESTINATION_TYPES.join(', ')}`,
      );
  }
}

/** The ids in `relationships.users.data` (an e-mail configuration's organization users). */
function userIds(resource: JsonObject, where: string): string[] {
  const users = isObject(resource.relationships) ? resource.relationships.users : undefined;
  const data = isObject(users) ? users.data : undefined;
  if (data === undefined || data === null) return [];
  if (!Array.isArray(data)) throw new ImportError(`${where}, relationships.users.data`, `expected a list, got ${describe(data)}`);
  return data.flatMap((user) => (isObject(user) && typeof user.id === 'string' ? [user.id] : []));
}
