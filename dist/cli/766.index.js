export const id = 766;
export const ids = [766];
export const modules = {

/***/ 3151:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ mailDestinationFields)
/* harmony export */ });
/**
 * An `email` destination imported from a system that sends mail through its own server to addresses and to its own
 * users (Terraform Cloud, Scalingo): Herald sends through yours, which the export cannot name, so the SMTP fields are
 * `${NAME}`s to set; the users' addresses are not in the export either, so they are a comment (and `to` a `${NAME}`
 * when there is no address at all).
 */
function mailDestinationFields(system, addresses, users, context) {
    const { key, owner, comments, secret, setting } = context;
    comments.push(`${system} sends mail through its own server; Herald sends through yours: set host, port, username, password and from`);
    if (users.length > 0) {
        comments.push(`${system} users ${[...new Set(users)].join(', ')}: mailed at their account's address, which the export does not hold: add them to "to"`);
    }
    return {
        type: 'email',
        host: setting(key, 'smtp_host', `the SMTP server's host name, for ${owner}`),
        port: setting(key, 'smtp_port', `the SMTP server's port (587 with STARTTLS, 465 with use_ssl: true), for ${owner}`),
        username: setting(key, 'smtp_username', `the SMTP user to log in as, for ${owner}`),
        password: secret(key, 'smtp_password', `that SMTP user's password, for ${owner}`),
        from: setting(key, 'smtp_from', `the sender address (ci@example.com), for ${owner}`),
        to: addresses.length > 0 ? addresses : setting(key, 'to', `the recipients (its users' addresses), for ${owner}`),
    };
}


/***/ }),

/***/ 9563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gf: () => (/* binding */ secretName),
/* harmony export */   I: () => (/* binding */ destinationKey),
/* harmony export */   Yw: () => (/* binding */ ImportError),
/* harmony export */   mC: () => (/* binding */ secretCollector)
/* harmony export */ });
/**
 * What an importer makes of another system's export (`herald import --from <source> FILE`): destinations, routes, the
 * secrets to create and the comments that keep what has no equivalent. Each source is one module exporting an
 * `Importer` (a pure function: no I/O), registered in ./index.ts; writing the YAML, checking it with `herald validate`
 * and printing the secrets is the command's job (./command.ts), the same for every source.
 */
/**
 * Input that is not what the source exports, or an object Herald has no equivalent for: `where` names the object and
 * the field ("results[2] (name "Pager"), notification_type"), the message what is wrong and what would be accepted.
 */
class ImportError extends Error {
    where;
    name = 'ImportError';
    constructor(where, message) {
        super(`${where}: ${message}`);
        this.where = where;
    }
}
/** A destination key from a source object's name: "Slack alerts!" -> "slack-alerts", unique among `taken`. */
function destinationKey(name, taken, fallback = 'destination') {
    const base = name
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '') || fallback;
    let key = base;
    for (let n = 2; taken.has(key); n++)
        key = `${base}-${n}`;
    taken.add(key);
    return key;
}
/** The name of a secret's placeholder: destination key + field, "slack-alerts" + "token" -> "SLACK_ALERTS_TOKEN". */
function secretName(key, field) {
    return `${key}_${field}`.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}
/**
 * Collects the `${NAME}`s of one import: `secret(key, field, description)` gives the `${NAME}` to write in the field and
 * records the secret to create (once per name); `setting(...)` does the same for a value that is no secret.
 */
function secretCollector() {
    const secrets = [];
    const placeholder = (setting) => (key, field, description) => {
        const name = secretName(key, field);
        if (!secrets.some((known) => known.name === name))
            secrets.push({ name, description, ...(setting && { setting }) });
        return `\${${name}}`;
    };
    return { secrets, secret: placeholder(false), setting: placeholder(true) };
}


/***/ }),

/***/ 2918:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ routesByTriggers)
/* harmony export */ });
/* harmony import */ var _outcome_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4671);

/**
 * One route per distinct set of triggers, in the order the sets first appear, naming every destination that gets
 * exactly that set; destinations with no trigger get no route. `describeFrom` words a route's comment from the source
 * values its destinations' triggers came from.
 */
function routesByTriggers(routings, describeFrom) {
    const routes = new Map();
    for (const { key, triggers, from } of routings) {
        const ordered = _outcome_js__WEBPACK_IMPORTED_MODULE_0__/* .TRIGGERS */ .Qb.filter((trigger) => triggers.has(trigger));
        if (ordered.length === 0)
            continue;
        const id = ordered.join(',');
        const route = routes.get(id) ?? { triggers: ordered, to: [], from: new Set() };
        route.to.push(key);
        for (const value of from)
            route.from.add(value);
        routes.set(id, route);
    }
    return [...routes.values()].map(({ triggers, to, from }) => ({ triggers, to, comments: [describeFrom([...from])] }));
}


/***/ }),

/***/ 7766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importScalingo: () => (/* binding */ importScalingo)
/* harmony export */ });
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7194);
/* harmony import */ var _mail_server_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3151);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9563);
/* harmony import */ var _routes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2918);
/* harmony import */ var _source_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6988);





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
const importScalingo = (input) => {
    const notifiers = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .sourceObjects */ .ue)(input, 'notifiers', [
        ['notifiers', 'notifier'],
        ['notifications', 'notification'],
    ], (object) => 'type' in object || 'platform' in object || 'type_data' in object || 'webhook_url' in object, 'a Scalingo notifiers response: {"notifiers": [...]}, {"notifier": {...}}, or the older {"notifications": [...]}');
    const taken = new Set();
    const { secrets, secret, setting } = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .secretCollector */ .mC)();
    const destinations = [];
    const routings = [];
    for (const { object, where: at } of notifiers) {
        const type = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'type', at) ?? platformName(object, at);
        const name = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'name', at) ?? (type ? `${type} notification` : undefined) ?? (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'id', at) ?? 'notifier';
        const where = `${at} (name ${JSON.stringify(name)})`;
        const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .destinationKey */ .I)(name, taken, 'notifier');
        const id = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'id', where);
        const app = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'app', where) ?? (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'app_id', where);
        const owner = `Scalingo notifier ${JSON.stringify(name)}`;
        const comments = [`From ${owner}${id ? ` (${id})` : ''}${app ? ` of app ${app}` : ''}`];
        const typeData = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(object.type_data) ? object.type_data : {};
        const fields = destinationFields(type, object, typeData, { key, where, owner, comments, secret, setting });
        if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalBoolean */ .Jz)(object, 'active', where) === false)
            fields.enabled = false;
        const { triggers, from } = selectedEvents(object, where, comments);
        if (triggers.size === 0)
            comments.push('no deployment event selected: not routed (add a route to use it)');
        destinations.push({ key, fields, comments });
        routings.push({ key, triggers, from });
    }
    return {
        destinations,
        notifications: (0,_routes_js__WEBPACK_IMPORTED_MODULE_2__/* .routesByTriggers */ .B)(routings, (from) => `Scalingo events ${from.join(', ')}: how a deployment ended`),
        secrets,
        comments: [
            `Imported from ${notifiers.length} Scalingo notifier${notifiers.length === 1 ? '' : 's'}.`,
            'Scalingo notifies when the app deploys; Herald when the workflow that deploys it ends: run it in that workflow.',
        ],
    };
};
/** The platform's name when the notifier says it as `platform` (a name or `{name}`) rather than `type`. */
function platformName(object, where) {
    const platform = object.platform;
    if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(platform))
        return (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(platform, 'name', `${where}, platform`);
    return (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'platform', where);
}
/** The Herald triggers a notifier's events map to; the events with no equivalent are written as comments. */
function selectedEvents(object, where, comments) {
    const triggers = new Set();
    const from = [];
    const deployment = (event) => {
        for (const trigger of DEPLOYMENT)
            triggers.add(trigger);
        from.push(event);
    };
    const isNotifier = ['send_all_events', 'selected_event_ids', 'selected_events', 'send_all_alerts'].some((field) => field in object);
    // The older notifications API sends deployment events only.
    if (!isNotifier)
        deployment('deployment');
    if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalBoolean */ .Jz)(object, 'send_all_events', where)) {
        deployment('deployment');
        comments.push('send_all_events: only deployments have an equivalent; the other app events (crash, restart, scale, addons, ...) have none');
    }
    const names = [...(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(object, 'selected_event_ids', where), ...(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(object, 'selected_events', where)];
    const ids = names.filter((name) => EVENT_TYPE_ID.test(name));
    const others = names.filter((name) => !EVENT_TYPE_ID.test(name) && name !== 'deployment');
    if (names.includes('deployment'))
        deployment('deployment');
    if (ids.length > 0) {
        comments.push(`selected event type ids ${ids.join(', ')}: GET /v1/event_types names them; if one is "deployment", route this destination to [success, error]`);
    }
    const unknown = others.filter((name) => !EVENT_TYPE_NAME.test(name));
    if (unknown.length > 0)
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, selected_event_ids`, `${unknown.map((name) => JSON.stringify(name)).join(', ')} is not a Scalingo event type name or id`);
    if (others.length > 0)
        comments.push(`events ${others.join(', ')}: no equivalent (Herald reports workflow runs, not the app's life)`);
    if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalBoolean */ .Jz)(object, 'send_all_alerts', where))
        comments.push('send_all_alerts: Scalingo alerts (metrics over a limit) have no equivalent');
    return { triggers, from: [...new Set(from)] };
}
/** The destination's fields for the notifier's platform. */
function destinationFields(type, object, typeData, context) {
    const { key, where, owner, comments, secret } = context;
    const webhookUrl = () => {
        const url = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(typeData, 'webhook_url', `${where}, type_data`) ?? (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(object, 'webhook_url', where);
        if (!url)
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, type_data.webhook_url`, `a ${type} notifier needs its webhook_url`);
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
            return { type: 'webhook', url: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsInUrl */ .Ct)(url).length > 0 ? secret(key, 'webhook_url', `the webhook URL of ${owner} (it carries a credential)`) : url };
        }
        case 'email': {
            const data = `${where}, type_data`;
            return (0,_mail_server_js__WEBPACK_IMPORTED_MODULE_4__/* .mailDestinationFields */ .r)('Scalingo', (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(typeData, 'emails', data), (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(typeData, 'user_ids', data), context);
        }
        case undefined:
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, type`, `missing: expected one of ${TYPES.join(', ')}`);
        default:
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, type`, `${JSON.stringify(type)} has no Herald equivalent: expected one of ${TYPES.join(', ')}`);
    }
}


/***/ }),

/***/ 6988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gv: () => (/* binding */ isObject),
/* harmony export */   Jz: () => (/* binding */ optionalBoolean),
/* harmony export */   Yn: () => (/* binding */ stringList),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   sx: () => (/* binding */ optionalString),
/* harmony export */   ue: () => (/* binding */ sourceObjects)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9563);

const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/**
 * The objects of a list response (`{notifiers: [...]}`), a single-object response (`{notifier: {...}}`), a bare list or a
 * bare object: `keys` pairs each list key with its single-object key (the same for JSON:API's `data`), in the order
 * they are tried. `looksLikeOne` tells
 * a bare object from something else.
 */
function sourceObjects(input, source, keys, looksLikeOne, expected) {
    const items = (list, at) => list.map((object, index) => {
        const where = `${at}[${index}]`;
        if (!isObject(object))
            throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(where, `expected an object, got ${describe(object)}`);
        return { object, where };
    });
    if (Array.isArray(input))
        return items(input, source);
    if (!isObject(input))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(source, `expected ${expected}, got ${describe(input)}`);
    for (const [list, one] of keys) {
        if (Array.isArray(input[list]))
            return items(input[list], list);
        if (one in input) {
            if (!isObject(input[one]))
                throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(one, `expected an object, got ${describe(input[one])}`);
            return [{ object: input[one], where: one }];
        }
    }
    if (looksLikeOne(input))
        return [{ object: input, where: source }];
    const fields = Object.keys(input).slice(0, 5).join(', ');
    throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(source, `expected ${expected}; this object has ${fields ? `the fields ${fields}` : 'no fields'}`);
}
/** A value as an error message names it: `a number (3)`, `"text"`, `null`, `nothing` (the field is missing). */
function describe(value) {
    if (value === null)
        return 'null';
    if (value === undefined)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value === 'number' ? 'a number' : `a ${typeof value}`} (${String(value)})`;
}
/** An optional string field: undefined when absent or null, an ImportError when it is something else. */
function optionalString(object, field, where) {
    const value = object[field];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(`${where}, ${field}`, `expected a string, got ${describe(value)}`);
    return value;
}
/** An optional list of strings: [] when absent or null. */
function stringList(object, field, where) {
    const value = object[field];
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(`${where}, ${field}`, `expected a list of strings, got ${describe(value)}`);
    }
    return value;
}
/** An optional boolean field: undefined when absent or null. */
function optionalBoolean(object, field, where) {
    const value = object[field];
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'boolean')
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(`${where}, ${field}`, `expected true or false, got ${describe(value)}`);
    return value;
}


/***/ })

};
