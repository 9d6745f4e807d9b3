export const id = 90;
export const ids = [90];
export const modules = {

/***/ 2090:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importAwx: () => (/* binding */ importAwx),
/* harmony export */   translateJinja: () => (/* binding */ translateJinja)
/* harmony export */ });
/* harmony import */ var _secret_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5276);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9563);


/**
 * AWX notification templates (`GET /api/v2/notification_templates/`, or one template) to Herald destinations, as the
 * README's "From AWX notification templates" table maps them. AWX keeps which job templates notify on started,
 * success, error and approvals on the job templates, so the export says nothing about routing: every destination is
 * routed to `error` (or --triggers), and a comment says so.
 */
const importAwx = (input, options) => {
    const templates = templatesIn(input);
    const taken = new Set();
    const { secrets, secret } = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .secretCollector */ .mC)();
    const destinations = templates.map(({ template, where }) => importTemplate(template, where, taken, secret));
    const triggers = options.triggers ?? ['error'];
    const comments = [`Imported from AWX notification templates by \`herald import --from awx\`.`];
    const record = input;
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
/** The templates of a list response, a bare list of them, or one template, each with where it is for messages. */
function templatesIn(input) {
    const shapes = 'expected what GET /api/v2/notification_templates/ returns ({"count": ..., "results": [...]}), or one template ' +
        '(with notification_type and notification_configuration)';
    if (Array.isArray(input))
        return input.map((template, i) => ({ template: object(template, `[${i}]`, shapes), where: `[${i}]` }));
    const record = object(input, 'the input', shapes);
    if ('results' in record) {
        if (!Array.isArray(record.results))
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw('results', `must be a list of notification templates; ${shapes}`);
        if (record.results.length === 0)
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw('results', 'the list is empty: there is no notification template to import');
        return record.results.map((template, i) => ({ template: object(template, `results[${i}]`, shapes), where: `results[${i}]` }));
    }
    if (!('notification_type' in record))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw('the input', `is not AWX notification templates: ${shapes}`);
    return [{ template: record, where: 'the template' }];
}
function object(value, where, expected) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(where, `is not an object: ${expected}`);
    return value;
}
const NO_VERIFY = { herald: 'insecure_skip_verify', omit: false };
const MAPPINGS = {
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
            { awx: ['url'], herald: 'url', secret: 'webhook URL (it carries a key)', secretIf: _secret_url_js__WEBPACK_IMPORTED_MODULE_0__/* .urlCarriesKey */ .I },
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
function importTemplate(template, where, taken, secret) {
    const name = typeof template.name === 'string' && template.name.trim() ? template.name : undefined;
    if (!name)
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, name`, 'every notification template has a name; this one has none (or it is not text)');
    const at = `${where} (name "${name}")`;
    const mapping = typeof template.notification_type === 'string' ? MAPPINGS[template.notification_type] : undefined;
    if (!mapping) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${at}, notification_type`, `${JSON.stringify(template.notification_type ?? null)} is not a type Herald has; it imports ${Object.keys(MAPPINGS).join(', ')}.`);
    }
    const config = object(template.notification_configuration, `${at}, notification_configuration`, 'the fields of the notification type');
    const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .destinationKey */ .I)(name, taken);
    const origin = `AWX notification template "${name}"`;
    const fields = { type: mapping.type };
    const comments = [`From ${origin}${template.id === undefined ? '' : ` (id ${String(template.id)})`}${description(template)}.`];
    const used = new Set();
    for (const field of mapping.fields) {
        const awxName = field.awx.find((candidate) => present(config[candidate])) ?? field.awx[0];
        field.awx.forEach((candidate) => used.add(candidate));
        let value = config[awxName];
        if (!present(value) && !field.required)
            continue;
        if (field.number && typeof value === 'string' && /^\d+$/.test(value))
            value = Number(value);
        if (value === field.omit)
            continue;
        const isSecret = field.secret !== undefined && (!field.secretIf || (typeof value === 'string' && field.secretIf(value)));
        if (isSecret || value === ENCRYPTED) {
            fields[field.herald] = secret(key, field.herald, `the ${field.secret ?? awxName} of ${origin}`);
        }
        else
            fields[field.herald] = value;
    }
    if (mapping.type === 'webhook' && present(config.headers)) {
        used.add('headers');
        fields.headers = headers(config.headers, `${at}, notification_configuration.headers`, key, origin, secret);
    }
    for (const [awxName, why] of Object.entries(mapping.noCounterpart ?? {})) {
        used.add(awxName);
        if (present(config[awxName]))
            comments.push(`${awxName}${shown(awxName, config[awxName])}. No counterpart: ${why}.`);
    }
    for (const [awxName, value] of Object.entries(config)) {
        if (!used.has(awxName) && present(value))
            comments.push(`${awxName}${shown(awxName, value)}. No counterpart in Herald.`);
    }
    const messages = customMessages(template.messages, mapping, `${at}, messages`, comments);
    if (messages)
        fields.messages = messages;
    else if (mapping.type === 'webhook')
        comments.push("AWX's default body (the job's metadata) becomes Herald's generic JSON payload (version 1).");
    return { key, fields, comments };
}
const ENCRYPTED = '$encrypted$';
const present = (value) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0) && !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
const description = (template) => (typeof template.description === 'string' && template.description.trim() ? `: ${template.description.trim()}` : '');
/** A value for a comment: a secret's never shows. */
const shown = (name, value) => (SECRET_NAME.test(name) || value === ENCRYPTED ? ' (a secret, not written here)' : `: ${JSON.stringify(value)}`);
/** A webhook's headers: the ones that carry credentials (Authorization, X-Api-Key, ...) become secrets. */
function headers(value, where, key, origin, secret) {
    const record = object(value, where, 'the headers, name: value');
    return Object.fromEntries(Object.entries(record).map(([name, text]) => {
        if (typeof text !== 'string')
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}.${name}`, `must be text, not ${JSON.stringify(text)}`);
        return [name, SECRET_NAME.test(name) || text === ENCRYPTED ? secret(key, name, `the ${name} header of ${origin}`) : text];
    }));
}
/** AWX's custom messages by Herald trigger; workflow_approval's `running` is a job waiting for reviewers. */
const MESSAGE_TRIGGERS = [
    [['started'], 'started'],
    [['success'], 'success'],
    [['error'], 'error'],
    [['workflow_approval', 'running'], 'approval'],
];
/**
 * AWX's custom messages as Herald's per-trigger `messages`, their Jinja variables translated; a template with Jinja
 * Herald cannot translate, or a part Herald has no template for, is kept as a comment.
 */
function customMessages(value, mapping, where, comments) {
    if (!present(value))
        return undefined;
    const messages = object(value, where, 'the custom messages: {"started": {"message": ..., "body": ...}, ...}');
    const result = {};
    for (const [path, trigger] of MESSAGE_TRIGGERS) {
        const parts = path.reduce((node, step) => (node && typeof node === 'object' ? node[step] : undefined), messages);
        if (!parts || typeof parts !== 'object')
            continue;
        const templates = {};
        for (const part of ['message', 'body']) {
            const text = parts[part];
            if (typeof text !== 'string' || !text.trim())
                continue;
            const herald = mapping[part];
            const label = `AWX's custom ${part} for ${path.join('.')}`;
            if (herald === undefined)
                continue; // AWX does not use this part for this type either.
            if (herald === null) {
                comments.push(`${label} has no counterpart in a ${mapping.type} destination:`, ...quoted(text));
                continue;
            }
            const translated = translateJinja(text);
            if (translated.untranslated.length > 0) {
                comments.push(`${label}, not imported: Herald has no counterpart for ${translated.untranslated.join(', ')}:`, ...quoted(text));
            }
            else
                templates[herald] = translated.text;
        }
        if (Object.keys(templates).length > 0)
            result[trigger] = templates;
    }
    const approval = messages.workflow_approval;
    if (approval && typeof approval === 'object') {
        for (const [state, parts] of Object.entries(approval)) {
            if (state === 'running' || !parts || typeof parts !== 'object')
                continue;
            if (Object.values(parts).some((text) => typeof text === 'string' && text.trim())) {
                comments.push(`AWX's custom messages for workflow_approval.${state}: no counterpart (GitHub says when a job waits for reviewers, Herald's approval trigger, not when it was ${state.replace('_', ' ')}).`);
            }
        }
    }
    return Object.keys(result).length > 0 ? result : undefined;
}
const quoted = (text) => text.split('\n').map((line) => `  ${line}`);
/** AWX's Jinja variables that have a Herald variable (the README's table); a job there is a run here. */
const JINJA_VARIABLES = {
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
function translateJinja(text) {
    // `{{-` and `-}}` take the whitespace before or after them away, as Jinja does.
    const trimmed = text.replace(/\s*\{\{-/g, '{{').replace(/-\}\}\s*/g, '}}');
    const translated = trimmed.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, name) => (JINJA_VARIABLES[name] ? `<<${JINJA_VARIABLES[name]}>>` : whole));
    const untranslated = [...new Set([...translated.matchAll(/\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}/gs)].map((match) => match[0]))];
    return { text: translated, untranslated };
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


/***/ })

};
