export const id = 718;
export const ids = [718];
export const modules = {

/***/ 9718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importDevtron: () => (/* binding */ importDevtron)
/* harmony export */ });
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6657);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9563);
/* harmony import */ var _secret_url_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5276);
/* harmony import */ var _source_objects_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6988);




/**
 * Devtron's notifications: the configurations of `GET /orchestrator/notification/channel` (`slackConfigs`,
 * `webhookConfigs`, `sesConfigs`, `smtpConfigs`) and the notification settings of `GET /orchestrator/notification`
 * (`settings`: events, filters and the configurations they send to), in one object, either one alone, inside the API's
 * `{result: ...}`, or a single configuration. Each configuration becomes a destination (an e-mail one per list of
 * recipients, which Devtron keeps on the notification); each notification a route. Webhook payload templates keep
 * their `{{ }}` (Herald knows Devtron's variable names under `delimiters: "{{ }}"`).
 */
const importDevtron = (input, options) => {
    const { configs, settings } = readInput(input);
    const taken = new Set();
    const { secrets, secret } = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .secretCollector */ .mC)();
    const destinations = [];
    const notifications = [];
    const counted = [(0,_output_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(configs.length, 'Devtron notification configuration'), ...(settings.length ? [(0,_output_js__WEBPACK_IMPORTED_MODULE_0__/* .plural */ .L)(settings.length, 'notification')] : [])];
    const comments = [`Imported from ${counted.join(' and ')}.`];
    // Where each notification sends: its providers, resolved to configurations (and e-mail recipients).
    const sends = settings.map((setting) => providersOf(setting, configs));
    // An e-mail configuration becomes one destination per distinct list of recipients.
    const recipientLists = new Map();
    for (const send of sends) {
        for (const { config, recipients } of send) {
            if (!recipients)
                continue;
            const lists = recipientLists.get(config) ?? [];
            if (!lists.some((list) => list.join() === recipients.join()))
                lists.push(recipients);
            recipientLists.set(config, lists);
        }
    }
    const keys = new Map();
    const keyOf = (config, recipients) => `${configs.indexOf(config)} ${recipients?.join() ?? ''}`;
    for (const config of configs) {
        const email = config.kind === 'ses' || config.kind === 'smtp';
        const lists = email ? (recipientLists.get(config) ?? [undefined]) : [undefined];
        let first = '';
        lists.forEach((recipients, n) => {
            const key = (0,_model_js__WEBPACK_IMPORTED_MODULE_1__/* .destinationKey */ .I)(config.name, taken, config.kind);
            first ||= key;
            keys.set(keyOf(config, recipients), key);
            // One configuration's credentials are one set of secrets, whichever recipients each destination has.
            const destination = destinationOf(config, key, (_, name, description) => secret(first, name, description), recipients);
            if (n > 0)
                destination.comments.push('The same configuration as above, for the recipients of another notification.');
            destinations.push(destination);
        });
    }
    settings.forEach((setting, index) => {
        const events = eventsOf(setting);
        const said = [`Devtron notification ${String(setting.fields.id ?? index + 1)}${pipelineTypeOf(setting.fields)}.`, ...events.comments];
        const route = {
            triggers: events.triggers,
            to: [...new Set(sends[index].map(({ config, recipients }) => keys.get(keyOf(config, recipients))))],
            comments: said,
        };
        const filters = filtersOf(setting.fields, said);
        if (filters)
            route.filters = filters;
        if (route.triggers.length === 0)
            comments.push(...said, 'It was not imported: none of its events has an equivalent.');
        else if (route.to.length === 0)
            comments.push(...said, 'It was not imported: it sends to no configuration (no providerConfigs).');
        else
            notifications.push(route);
    });
    const routed = new Set(notifications.flatMap((route) => route.to));
    for (const destination of destinations) {
        // Without any route Herald would send it every trigger: disabled, as Devtron sent it nothing.
        if (settings.length > 0 && !routed.has(destination.key)) {
            destination.fields.enabled = false;
            destination.comments.push('Kept disabled: no notification in the input sends to it; name it in a route and remove enabled: false to use it.');
        }
    }
    if (settings.length === 0 && destinations.length > 0) {
        notifications.push({
            triggers: options.triggers ?? ['started', 'success', 'error'],
            to: destinations.map((destination) => destination.key),
            comments: [
                'The input had no notifications (GET /orchestrator/notification), which say what each configuration is for: ' +
                    `routed to ${options.triggers ? 'the --triggers given' : "Devtron's three events (trigger, success, failure)"}.`,
            ],
        });
    }
    return { destinations, notifications, secrets, comments };
};
const LISTS = {
    webhook: ['webhookConfigs', 'webhookConfig'],
    slack: ['slackConfigs', 'slackConfig'],
    ses: ['sesConfigs', 'sesConfig'],
    smtp: ['smtpConfigs', 'smtpConfig'],
};
const SETTINGS = ['notificationSettings', 'settings', 'notifications', 'notificationConfigRequest'];
const KINDS = Object.keys(LISTS);
/** The API wraps every answer in `{code, status, result}`. */
function unwrap(value) {
    return (0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(value) && 'result' in value && ('code' in value || 'status' in value || Object.keys(value).length === 1) ? value.result : value;
}
function readInput(raw) {
    const input = unwrap(raw);
    if (Array.isArray(input)) {
        // A list of configurations (one channel's, as GET /notification/channel/<channel> answers): each says what it is.
        return { configs: input.map((item, index) => configOf(item, kindOfOne(item, `[${index}]`), `[${index}]`)), settings: [] };
    }
    if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(input)) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw('the input', 'is not Devtron notifications: give an object with webhookConfigs, slackConfigs, sesConfigs, smtpConfigs (GET /orchestrator/notification/channel) ' +
            'and settings (GET /orchestrator/notification), or one configuration');
    }
    const configs = [];
    const settings = [];
    let found = false;
    for (const kind of KINDS) {
        for (const name of LISTS[kind]) {
            if (!(name in input))
                continue;
            found = true;
            listAt(input[name], name).forEach((item, index) => configs.push(configOf(item, kind, `${name}[${index}]`)));
        }
    }
    if (typeof input.channel === 'string' && Array.isArray(input.configs)) {
        // A channel's configurations, as Devtron's POST /notification/channel takes them: {channel, configs}.
        const kind = kindNamed(input.channel, 'channel');
        found = true;
        input.configs.forEach((item, index) => configs.push(configOf(item, kind, `configs[${index}]`)));
    }
    for (const name of SETTINGS) {
        if (!(name in input))
            continue;
        found = true;
        let value = unwrap(input[name]);
        if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(value) && Array.isArray(value.settings))
            value = value.settings;
        listAt(value, name).forEach((item, index) => {
            if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item))
                throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${name}[${index}]`, 'is not a Devtron notification (an object with eventTypes and providerConfigs)');
            settings.push({ fields: item, where: `${name}[${index}]` });
        });
    }
    if (!found)
        configs.push(configOf(input, kindOfOne(input, 'the input'), 'the configuration'));
    return { configs, settings };
}
function listAt(value, where) {
    const list = unwrap(value) ?? [];
    if (!Array.isArray(list))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(where, 'is not a list');
    return list;
}
function kindNamed(value, where) {
    const kind = String(value).toLowerCase();
    if (!KINDS.includes(kind)) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(where, `"${String(value)}" is not a Devtron notification channel Herald imports: write one of ${KINDS.join(', ')}`);
    }
    return kind;
}
/** A lone configuration: its `channel`/`dest` says what it is, or its fields do. */
function kindOfOne(config, where) {
    if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(config))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(where, 'is not a Devtron notification configuration (an object)');
    const named = config.channel ?? config.dest;
    if (named !== undefined)
        return kindNamed(named, `${where}, channel`);
    if ('accessKey' in config || 'secretKey' in config || 'region' in config)
        return 'ses';
    if ('host' in config || 'authUser' in config)
        return 'smtp';
    if ('payload' in config || 'header' in config || 'headers' in config)
        return 'webhook';
    const url = String(config.webhookUrl ?? config.url ?? '');
    if (url)
        return /^https:\/\/hooks\.slack\.com\//.test(url) ? 'slack' : 'webhook';
    throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(where, 'is not a Devtron notification configuration: a webhook (webhookUrl, header, payload), Slack (webhookUrl), SES (accessKey, secretKey, region, fromEmail) ' +
        'or SMTP (host, port, authUser, authPassword, fromEmail) configuration, or the lists of GET /orchestrator/notification/channel');
}
/** Devtron's field names, and the reference's words for them. */
function field(config, ...names) {
    for (const name of names)
        if (config[name] !== undefined && config[name] !== null && config[name] !== '')
            return config[name];
    return undefined;
}
function configOf(item, kind, where) {
    if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(where, `is not a Devtron ${kind} configuration (an object)`);
    const name = field(item, 'configName', 'name');
    return { kind, name: typeof name === 'string' ? name : `${kind} ${String(item.id ?? '')}`.trim(), id: item.id, fields: item, where };
}
function required(config, ...names) {
    const value = field(config.fields, ...names);
    if (value === undefined) {
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${config.where} (name "${config.name}"), ${names[0]}`, `is missing: a Devtron ${config.kind} configuration has one`);
    }
    return String(value);
}
function destinationOf(config, key, secret, recipients) {
    const comments = [`From ${configLabel(config)}${config.id !== undefined ? ` (id ${String(config.id)})` : ''}.`];
    const description = field(config.fields, 'description');
    if (typeof description === 'string')
        comments.push(`Its description: ${description}`);
    const fields = MAPPINGS[config.kind](config, key, secret, comments, recipients);
    if (config.fields.default === true)
        comments.push('It was the default e-mail configuration.');
    return { key, fields, comments };
}
const configLabel = (config) => `Devtron ${LABELS[config.kind]} configuration '${config.name}'`;
const MAPPINGS = {
    webhook(config, key, secret, comments) {
        const url = required(config, 'webhookUrl', 'url');
        const fields = { type: 'webhook', url: (0,_secret_url_js__WEBPACK_IMPORTED_MODULE_2__/* .urlCarriesKey */ .I)(url) ? secret(key, 'webhook_url', `the webhook URL of ${configLabel(config)} (it carries a key)`) : url };
        const headers = field(config.fields, 'header', 'headers');
        if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(headers) && Object.keys(headers).length > 0) {
            fields.headers = Object.fromEntries(Object.entries(headers).map(([name, value]) => [
                name,
                _secret_url_js__WEBPACK_IMPORTED_MODULE_2__/* .SECRET_NAME */ .J.test(name) ? secret(key, name, `the ${name} header of ${configLabel(config)}`) : typeof value === 'string' ? value : JSON.stringify(value),
            ]));
        }
        const payload = field(config.fields, 'payload', 'data');
        if (typeof payload === 'string' && payload.trim())
            return { ...fields, delimiters: '{{ }}', payload };
        comments.push('It had no payload: Herald sends its generic JSON payload.');
        return fields;
    },
    slack(config, key, secret, comments) {
        comments.push(`It posts to the Slack channel '${config.name}' (the incoming webhook's own channel).`);
        if (field(config.fields, 'teamId') !== undefined)
            comments.push(`Devtron project id ${String(config.fields.teamId)}: Herald has no projects.`);
        return { type: 'slack', webhook_url: secret(key, 'webhook_url', `the Slack incoming webhook URL of ${configLabel(config)}`) };
    },
    ses(config, key, secret, _comments, recipients) {
        const sessionToken = field(config.fields, 'sessionToken') !== undefined;
        return {
            type: 'ses',
            access_key_id: secret(key, 'access_key_id', `the AWS access key id of ${configLabel(config)}`),
            secret_access_key: secret(key, 'secret_access_key', `the AWS secret access key of ${configLabel(config)}`),
            ...(sessionToken ? { session_token: secret(key, 'session_token', `the AWS session token of ${configLabel(config)}`) } : {}),
            region: required(config, 'region'),
            from: required(config, 'fromEmail', 'from'),
            to: recipientsFor(config, key, secret, recipients),
        };
    },
    smtp(config, key, secret, _comments, recipients) {
        const port = Number(required(config, 'port'));
        if (!Number.isInteger(port) || port < 1 || port > 65535) {
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${config.where} (name "${config.name}"), port`, `"${String(config.fields.port)}" is not a port number`);
        }
        const username = field(config.fields, 'authUser', 'username');
        return {
            type: 'email',
            host: required(config, 'host'),
            port,
            // Port 465 is TLS from the first byte; on any other port Herald requires STARTTLS (use_tls: false sends without).
            ...(port === 465 ? { use_ssl: true } : {}),
            ...(username !== undefined ? { username: String(username), password: secret(key, 'password', `the SMTP password of ${configLabel(config)}`) } : {}),
            from: required(config, 'fromEmail', 'from'),
            to: recipientsFor(config, key, secret, recipients),
        };
    },
};
const LABELS = { webhook: 'webhook', slack: 'Slack', ses: 'SES', smtp: 'SMTP' };
/** Devtron keeps an e-mail's recipients on the notifications; an SES configuration may have its own `toEmail`. */
function recipientsFor(config, key, secret, recipients) {
    if (recipients)
        return recipients;
    const own = field(config.fields, 'toEmail', 'to');
    if (typeof own === 'string')
        return own.split(',').map((address) => address.trim()).filter(Boolean);
    return secret(key, 'to', `the recipients for ${configLabel(config)} (no notification in the input names any)`);
}
/** A notification's providers (`providerConfigs`, or `providers` as Devtron's POST takes them), resolved to configurations. */
function providersOf({ fields, where }, configs) {
    const providers = fields.providerConfigs ?? fields.providers ?? [];
    if (!Array.isArray(providers))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, providerConfigs`, 'is not a list');
    const sends = [];
    providers.forEach((provider, index) => {
        const at = `${where}, providerConfigs[${index}]`;
        if (!(0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(provider))
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(at, 'is not a provider ({dest, configId, recipient})');
        const kind = kindNamed(provider.dest, `${at}, dest`);
        const id = provider.configId ?? provider.id;
        const ofKind = configs.filter((config) => config.kind === kind);
        const email = kind === 'ses' || kind === 'smtp';
        // By id, else by name; an e-mail provider without either (configId 0) uses the default configuration.
        const config = ofKind.find((candidate) => id !== undefined && id !== 0 && candidate.id === id) ??
            ofKind.find((candidate) => typeof provider.name === 'string' && candidate.name === provider.name) ??
            (email ? (ofKind.find((candidate) => candidate.fields.default === true) ?? (ofKind.length === 1 ? ofKind[0] : undefined)) : undefined);
        if (!config) {
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(at, `names the ${LABELS[kind]} configuration ${String(provider.name ?? id)}, which the input does not have: ` +
                'put the configurations of GET /orchestrator/notification/channel beside the notifications (webhookConfigs, slackConfigs, sesConfigs, smtpConfigs)');
        }
        const sent = sends.find((send) => send.config === config);
        if (email) {
            const recipient = String(provider.recipient ?? '').trim();
            if (!recipient)
                throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${at}, recipient`, 'is missing: an e-mail provider names its recipient');
            if (sent)
                sent.recipients.push(recipient);
            else
                sends.push({ config, recipients: [recipient] });
        }
        else if (!sent) {
            sends.push({ config });
        }
    });
    return sends;
}
/** Devtron's event type ids (util/event): 1 trigger, 2 success, 3 fail, 4 approval; the others have no equivalent. */
const EVENTS = {
    '1': { name: 'trigger', trigger: 'started' },
    '2': { name: 'success', trigger: 'success' },
    '3': { name: 'failure', trigger: 'error' },
    '4': { name: 'deployment approval', trigger: 'approval' },
    '5': { name: 'config approval' },
    '6': { name: 'blocked' },
    '7': { name: 'artifact promotion approval' },
    '8': { name: 'image scanning' },
    '9': { name: 'scoop notification' },
};
const EVENT_NAMES = { trigger: '1', success: '2', fail: '3', failure: '3', approval: '4' };
function eventsOf({ fields, where }) {
    const raw = fields.eventTypes ?? fields.eventTypeIds ?? [];
    if (!Array.isArray(raw))
        throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, eventTypes`, 'is not a list of event type ids (1 trigger, 2 success, 3 failure)');
    const triggers = [];
    const unmapped = [];
    for (const value of raw) {
        const id = EVENT_NAMES[String(value).toLowerCase()] ?? String(value);
        const event = EVENTS[id];
        if (!event) {
            throw new _model_js__WEBPACK_IMPORTED_MODULE_1__/* .ImportError */ .Yw(`${where}, eventTypes`, `${JSON.stringify(value)} is not a Devtron event type (1 trigger, 2 success, 3 failure, 4 approval)`);
        }
        if (event.trigger) {
            if (!triggers.includes(event.trigger))
                triggers.push(event.trigger);
        }
        else {
            unmapped.push(event.name);
        }
    }
    return { triggers, comments: unmapped.length ? [`Devtron events with no equivalent in Herald, not imported: ${unmapped.join(', ')}.`] : [] };
}
function pipelineTypeOf(setting) {
    const type = setting.pipelineType;
    return typeof type === 'string' && type ? ` (${type} pipelines)` : '';
}
/** `[{id, name}]` (the list view) or ids (the POST body). */
function names(value) {
    if (!Array.isArray(value))
        return [];
    return value.map((item) => ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(item) ? String(item.name ?? item.id) : String(item)));
}
const ALL_ENVIRONMENTS = ['All prod environments', 'All non-prod environments'];
/**
 * Environment names are a route's `environments` filter (GitHub's deployment environments usually carry the same
 * names). Devtron's applications, projects, clusters and pipelines are not GitHub's repositories or workflows: they are
 * written as comments, with the filter to add.
 */
function filtersOf(setting, comments) {
    const environments = names(setting.environment ?? setting.envId);
    const apps = names(setting.app ?? setting.appId);
    const projects = names(setting.team ?? setting.teamId);
    const clusters = names(setting.cluster ?? setting.clusterId);
    if (apps.length) {
        comments.push(`Devtron sent it for the applications ${apps.join(', ')}: they are not GitHub repositories; to keep that filter, add ` +
            `repositories: [${apps.map((app) => `owner/${app}`).join(', ')}] with the repositories' real names.`);
    }
    if (projects.length)
        comments.push(`Devtron sent it for the projects ${projects.join(', ')}: Herald has no projects.`);
    if (clusters.length)
        comments.push(`Devtron sent it for the clusters ${clusters.join(', ')}: Herald has no clusters.`);
    const pipeline = setting.pipeline ?? (setting.pipelineId !== undefined && setting.pipelineId !== null ? { id: setting.pipelineId } : undefined);
    if ((0,_source_objects_js__WEBPACK_IMPORTED_MODULE_3__/* .isObject */ .Gv)(pipeline)) {
        comments.push(`Devtron sent it for the pipeline ${String(pipeline.name ?? pipeline.id)}: a workflows filter names the GitHub workflow instead.`);
    }
    const special = environments.filter((name) => ALL_ENVIRONMENTS.includes(name));
    const named = environments.filter((name) => !ALL_ENVIRONMENTS.includes(name));
    if (special.length)
        comments.push(`Devtron sent it for ${special.join(' and ')}: Herald cannot tell production environments apart; list them in environments.`);
    return named.length ? { environments: named } : undefined;
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
