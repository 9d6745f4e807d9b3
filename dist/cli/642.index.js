export const id = 642;
export const ids = [642];
export const modules = {

/***/ 7642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importGrafanaOncall: () => (/* binding */ importGrafanaOncall)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9563);
/* harmony import */ var _secret_url_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5276);
/* harmony import */ var _source_objects_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6988);



/**
 * Grafana OnCall's outgoing webhooks (`GET /api/v1/webhooks/`, paginated `{results: [...]}` or a bare list, or one
 * webhook) as Herald webhooks. OnCall sends on alert group events; a workflow run's nearest equivalents are: an alert
 * group created (or an escalation step) is a failure (`error`), resolved is `fixed`, unresolved is `broken`. OnCall's
 * Jinja2 templates (`data`, `trigger_template`, a templated `url`) have no equivalent in Herald's Mustache and are kept
 * as comments.
 */
const importGrafanaOncall = (input) => {
    const webhooks = webhookList(input);
    const taken = new Set();
    const { secrets, secret } = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .secretCollector */ .mC)();
    const destinations = [];
    const notifications = [];
    for (const { webhook, where } of webhooks) {
        const name = typeof webhook.name === 'string' && webhook.name.trim() ? webhook.name : `webhook ${String(webhook.id ?? destinations.length + 1)}`;
        const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .destinationKey */ .I)(name, taken, 'webhook');
        const about = { key, of: `of OnCall webhook '${name}'`, where, secret };
        const comments = [`From Grafana OnCall outgoing webhook '${name}'${webhook.id ? ` (${String(webhook.id)})` : ''}.`];
        const fields = {
            type: 'webhook',
            url: urlOf(webhook, about, comments),
            ...methodOf(webhook, about),
            ...bodyOf(webhook, about, comments),
            ...credentialsOf(webhook, about, comments),
        };
        const triggers = triggersOf(webhook.trigger_type, `${where}, trigger_type`);
        if (triggers.comment)
            comments.push(triggers.comment);
        if (webhook.is_webhook_enabled === false) {
            fields.enabled = false;
            comments.push('It was disabled in OnCall (is_webhook_enabled: false).');
        }
        else if (triggers.herald.length === 0) {
            fields.enabled = false;
            comments.push('Kept disabled: route it to a trigger and remove enabled: false to use it.');
        }
        comments.push(...unmatched(webhook));
        destinations.push({ key, fields, comments });
        if (triggers.herald.length > 0) {
            const route = { triggers: triggers.herald, to: [key] };
            const template = text(webhook.trigger_template, `${where}, trigger_template`);
            if (template !== undefined && template.trim()) {
                route.comments = [
                    `OnCall's trigger template for '${name}' is Jinja2 and was not translated: ${oneLine(template)}`,
                    "To keep it, add an if: template with Herald's << >> tags that renders true when the webhook should send.",
                ];
            }
            // Webhooks on the same triggers with nothing to say about their route share one.
            const same = route.comments ? undefined : notifications.find((known) => !known.comments && known.triggers.join() === route.triggers.join());
            if (same)
                same.to.push(key);
            else
                notifications.push(route);
        }
    }
    return {
        destinations,
        notifications,
        secrets,
        comments: [`Imported from ${webhooks.length} Grafana OnCall outgoing webhook${webhooks.length === 1 ? '' : 's'}.`],
    };
};
/** The URL, or a placeholder when it carries a key or is a Jinja2 template (Herald cannot fill OnCall's variables). */
function urlOf(webhook, { key, of, where, secret }, comments) {
    const url = text(webhook.url, `${where}, url`, true);
    if (/\{\{|\{%/.test(url)) {
        comments.push(`url was the Jinja2 template ${url}: set ${(0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .secretName */ .Gf)(key, 'url')} to the URL to call.`);
        return secret(key, 'url', `the URL to call ${of}: OnCall built it from the Jinja2 template ${url}`);
    }
    return (0,_secret_url_js__WEBPACK_IMPORTED_MODULE_1__/* .urlCarriesKey */ .I)(url) ? secret(key, 'webhook_url', `the URL ${of} (it carries a key)`) : url;
}
function methodOf(webhook, { where }) {
    const method = text(webhook.http_method, `${where}, http_method`)?.toUpperCase();
    if (method === undefined || method === 'POST')
        return {};
    if (!METHODS.includes(method)) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(`${where}, http_method`, `"${String(webhook.http_method)}" is not an HTTP method Herald sends: write one of ${METHODS.join(', ')}`);
    }
    return { method };
}
/** forward_all as it is; a Jinja2 data template is a comment (Herald sends its generic payload in its place). */
function bodyOf(webhook, { where }, comments) {
    const forwardAll = (webhook.forward_all ?? webhook.forward_whole_payload) === true;
    const data = text(webhook.data, `${where}, data`);
    if (data !== undefined && data.trim()) {
        comments.push(forwardAll
            ? 'Its data template was unused (forward_all sends the whole payload):'
            : "Its data template is Jinja2, which Herald's templates (Mustache, << >>) do not read: Herald sends its generic JSON payload " +
                'instead; write a payload template to send your own body. The template was:', ...data.split('\n').map((line) => `  ${line}`));
    }
    return forwardAll ? { forward_all: true } : {};
}
/**
 * Headers, authorization_header and basic auth, credentials as placeholders. Herald sends one Authorization header:
 * OnCall's authorization_header wins over a header of that name and over basic auth.
 */
function credentialsOf(webhook, { key, of, where, secret }, comments) {
    const fields = {};
    const authorizes = present(webhook.authorization_header);
    const headers = Object.entries(headerMap(webhook.headers, `${where}, headers`, comments) ?? {}).filter(([header]) => {
        const replaced = authorizes && header.toLowerCase() === 'authorization';
        if (replaced)
            comments.push(`Its ${header} header was left out: authorization_header sets the Authorization header.`);
        return !replaced;
    });
    if (headers.length > 0) {
        fields.headers = Object.fromEntries(headers.map(([header, value]) => [header, _secret_url_js__WEBPACK_IMPORTED_MODULE_1__/* .SECRET_NAME */ .J.test(header) ? secret(key, header, `the ${header} header ${of}`) : value]));
    }
    const username = text(webhook.username ?? webhook.user, `${where}, username`);
    if (authorizes) {
        fields.authorization_header = secret(key, 'authorization_header', `the Authorization header ${of}`);
        if (username || present(webhook.password)) {
            comments.push('Its basic auth (username, password) was left out: authorization_header sets the Authorization header.');
        }
    }
    else {
        if (username)
            fields.username = username;
        if (present(webhook.password))
            fields.password = secret(key, 'password', `the basic auth password ${of}`);
    }
    return fields;
}
/** What OnCall filtered on that Herald has no counterpart for. */
function unmatched(webhook) {
    const comments = [];
    const integrations = Array.isArray(webhook.integration_filter) ? webhook.integration_filter : [];
    if (integrations.length > 0) {
        comments.push(`OnCall sent it only for the integrations ${integrations.map(String).join(', ')}: Herald has no integrations; a route ` +
            'filter (repositories, workflows, branches) plays that part.');
    }
    if (present(webhook.team))
        comments.push(`OnCall team: ${String(webhook.team)}.`);
    if (present(webhook.preset))
        comments.push(`OnCall preset: ${String(webhook.preset)}.`);
    return comments;
}
const oneLine = (template) => template.replace(/\s*\n\s*/g, ' ');
const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS'];
/** OnCall's trigger types (public names; the internal API's numbers and labels), and Herald's triggers for each. */
const TRIGGER_TYPES = [
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
        comment: 'OnCall sent it on every status change: resolved and unresolved map to fixed and broken; acknowledged, silenced and ' +
            'their reverses have no equivalent in a workflow run.',
    },
    { names: ['personal notification', '9'], herald: [] },
];
function triggersOf(value, where) {
    if (value === undefined || value === null)
        return { herald: ['error'], comment: 'It had no trigger_type: routed to error.' };
    const name = String(value).trim().toLowerCase().replace(/[_-]+/g, ' ');
    const type = TRIGGER_TYPES.find((candidate) => candidate.names.includes(name));
    if (!type) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(where, `"${String(value)}" is not an OnCall trigger type: write one of ${TRIGGER_TYPES.map((t) => t.names[0]).join(', ')}`);
    }
    if (type.herald.length === 0) {
        return { herald: [], comment: `OnCall sent it on "${type.names[0]}", which a workflow run has no equivalent of.` };
    }
    return { herald: type.herald, comment: type.comment };
}
function isList(input) {
    return (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(input) && Array.isArray(input.results);
}
/** The webhooks of a list response (`{results: [...]}`), a bare list, or one webhook, each with where it is. */
function webhookList(input) {
    const items = Array.isArray(input) ? input : isList(input) ? input.results : [input];
    return items.map((item, index) => {
        const at = Array.isArray(input) ? `[${index}]` : isList(input) ? `results[${index}]` : undefined;
        if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .Gv)(item) || !('url' in item)) {
            throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(at ?? 'the input', 'is not a Grafana OnCall outgoing webhook (an object with name, url, trigger_type...): give the JSON of GET /api/v1/webhooks/ or of one webhook');
        }
        const webhook = item;
        return { webhook, where: `${at ?? 'the webhook'}${typeof webhook.name === 'string' ? ` (name "${webhook.name}")` : ''}` };
    });
}
function present(value) {
    return value !== undefined && value !== null && value !== '';
}
function text(value, where, required = false) {
    if (value === undefined || value === null) {
        if (required)
            throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(where, 'is missing: every OnCall webhook has one');
        return undefined;
    }
    if (typeof value !== 'string')
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(where, `is ${JSON.stringify(value)}, not a string`);
    return value;
}
/** OnCall's headers: a JSON object, or its text; a Jinja2 template or header values are kept as a comment. */
function headerMap(value, where, comments) {
    if (!present(value))
        return undefined;
    let parsed = value;
    if (typeof value === 'string') {
        try {
            parsed = JSON.parse(value);
        }
        catch {
            comments.push(`Its headers template is not JSON (Jinja2?) and was not imported: ${oneLine(value)}`);
            return undefined;
        }
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw(where, 'is not a JSON object of header names and values');
    }
    const headers = {};
    for (const [header, headerValue] of Object.entries(parsed)) {
        const valueText = typeof headerValue === 'string' ? headerValue : JSON.stringify(headerValue);
        if (/\{\{|\{%/.test(valueText))
            comments.push(`Header ${header} was the Jinja2 template ${valueText}, not imported.`);
        else
            headers[header] = valueText;
    }
    return Object.keys(headers).length > 0 ? headers : undefined;
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

/***/ 5276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ urlCarriesKey),
/* harmony export */   J: () => (/* binding */ SECRET_NAME)
/* harmony export */ });
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7194);

/** Header (and query parameter) names whose values are credentials. */
const SECRET_NAME = /auth|token|key|secret|signature|password|cookie/i;
/**
 * Whether a webhook URL carries a key, so that an importer writes a `${NAME}` placeholder instead: a password in it, a
 * query parameter named like a credential (`?token=`, `?sig=`), or a service whose webhook URLs are keys (Slack,
 * Discord, Teams, Google Chat), or a path with a long key after /hooks/ (Mattermost, Rocket.Chat incoming webhooks).
 */
function urlCarriesKey(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return false;
    }
    return (parsed.password !== '' ||
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_0__/* .isKeyedWebhookUrl */ .$u)(url) ||
        [...parsed.searchParams.keys()].some((name) => SECRET_NAME.test(name) || /^(sig|code)$/i.test(name)));
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
