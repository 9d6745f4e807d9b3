export const id = 410;
export const ids = [410];
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


/***/ }),

/***/ 6410:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importTerraformCloud: () => (/* binding */ importTerraformCloud)
/* harmony export */ });
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7194);
/* harmony import */ var _mail_server_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3151);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9563);
/* harmony import */ var _routes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2918);
/* harmony import */ var _source_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6988);





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
const importTerraformCloud = (input) => {
    const configurations = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .sourceObjects */ .ue)(input, 'data', [['data', 'data']], (object) => 'attributes' in object, 'a Terraform Cloud notification-configurations response: {"data": [...]} or {"data": {...}}');
    const taken = new Set();
    const { secrets, secret, setting } = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .secretCollector */ .mC)();
    const destinations = [];
    const routings = [];
    for (const { object, where: at } of configurations) {
        const type = object.type;
        if (type !== undefined && type !== 'notification-configurations' && type !== 'notification-configuration') {
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${at}, type`, `expected "notification-configurations", got ${(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .describe */ .q0)(type)}`);
        }
        const attributes = object.attributes;
        if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(attributes))
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${at}, attributes`, `expected an object, got ${(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .describe */ .q0)(attributes)}`);
        const id = typeof object.id === 'string' ? object.id : undefined;
        const name = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(attributes, 'name', at) ?? id ?? 'notification';
        const where = `${at} (name ${JSON.stringify(name)})`;
        const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .destinationKey */ .I)(name, taken, 'notification');
        const owner = `Terraform Cloud configuration ${JSON.stringify(name)}`;
        const comments = [`From Terraform Cloud notification configuration ${JSON.stringify(name)}${id ? ` (${id})` : ''}`];
        const fields = destinationFields(attributes, object, { key, where, owner, comments, secret, setting }, id);
        if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalBoolean */ .Jz)(attributes, 'enabled', where) === false)
            fields.enabled = false;
        const triggers = new Set();
        const from = [];
        const unmatched = [];
        for (const trigger of (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(attributes, 'triggers', where).map((value) => value.trim())) {
            const herald = TRIGGERS.get(trigger);
            if (herald) {
                triggers.add(herald);
                from.push(trigger);
            }
            else
                unmatched.push(trigger);
        }
        if (unmatched.length > 0) {
            comments.push(`triggers ${unmatched.join(', ')}: no equivalent (Herald reports workflow runs, not health assessments)`);
        }
        if (triggers.size === 0)
            comments.push('no run trigger: not routed (add a route to use it)');
        destinations.push({ key, fields, comments });
        routings.push({ key, triggers, from });
    }
    return {
        destinations,
        notifications: (0,_routes_js__WEBPACK_IMPORTED_MODULE_2__/* .routesByTriggers */ .B)(routings, (from) => `Terraform Cloud triggers ${from.join(', ')}`),
        secrets,
        comments: [
            `Imported from ${configurations.length} Terraform Cloud notification configuration${configurations.length === 1 ? '' : 's'}.`,
            'Terraform Cloud notifies per workspace: put this file in the repository whose workflow runs what the workspace ran.',
        ],
    };
};
/** The destination's fields for the configuration's `destination-type`. */
function destinationFields(attributes, resource, context, id) {
    const { key, where, owner, comments, secret } = context;
    const destinationType = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(attributes, 'destination-type', where) ?? (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(attributes, 'destination_type', where);
    const url = () => {
        const value = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .optionalString */ .sx)(attributes, 'url', where);
        if (!value)
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, url`, `a ${destinationType} configuration needs its url`);
        return value;
    };
    switch (destinationType) {
        case 'generic': {
            const address = url();
            comments.push('token: Terraform Cloud never shows it (write-only): set the configuration\'s token as secret, or remove "secret" if it had none', ...(id ? [`the payload's notification_configuration_id is now ${JSON.stringify(key)} (the destination's name), not ${JSON.stringify(id)}`] : []));
            return {
                type: 'webhook',
                url: (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .secretsInUrl */ .Ct)(address).length > 0 ? secret(key, 'webhook_url', `the URL of ${owner} (it carries a credential)`) : address,
                payload_format: 'terraform-cloud-v1',
                secret: secret(key, 'token', `the token (HMAC key) of ${owner}`),
            };
        }
        case 'slack':
            url();
            return { type: 'slack', webhook_url: secret(key, 'webhook_url', `the Slack webhook URL of ${owner}`) };
        case 'microsoft-teams':
            url();
            comments.push('Terraform Cloud posts to an Office 365 connector URL; Herald posts to a Teams Workflows webhook ("Post to a channel when a webhook request is received"): create one for webhook_url');
            return { type: 'teams', webhook_url: secret(key, 'webhook_url', `a Teams Workflows webhook URL, to replace the connector of ${owner}`) };
        case 'email': {
            const addresses = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(attributes, 'email-addresses', where);
            const users = [...(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .stringList */ .Yn)(attributes, 'email-user-ids', where), ...userIds(resource, where)];
            return (0,_mail_server_js__WEBPACK_IMPORTED_MODULE_4__/* .mailDestinationFields */ .r)('Terraform Cloud', addresses, users, context);
        }
        case undefined:
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, destination-type`, `missing: expected one of ${DESTINATION_TYPES.join(', ')}`);
        default:
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, destination-type`, `${JSON.stringify(destinationType)} has no Herald equivalent: expected one of ${DESTINATION_TYPES.join(', ')}`);
    }
}
/** The ids in `relationships.users.data` (an e-mail configuration's organization users). */
function userIds(resource, where) {
    const users = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(resource.relationships) ? resource.relationships.users : undefined;
    const data = (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(users) ? users.data : undefined;
    if (data === undefined || data === null)
        return [];
    if (!Array.isArray(data))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, relationships.users.data`, `expected a list, got ${(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .describe */ .q0)(data)}`);
    return data.flatMap((user) => ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(user) && typeof user.id === 'string' ? [user.id] : []));
}


/***/ })

};
