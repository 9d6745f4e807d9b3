export const id = 453;
export const ids = [453];
export const modules = {

/***/ 8453:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  importConfig: () => (/* binding */ importConfig)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/config-error.ts
var config_error = __webpack_require__(5877);
// EXTERNAL MODULE: ./src/config/source.ts
var source = __webpack_require__(9397);
// EXTERNAL MODULE: ./src/user-error.ts
var user_error = __webpack_require__(7495);
// EXTERNAL MODULE: ./src/cli/config-check.ts
var config_check = __webpack_require__(8523);
// EXTERNAL MODULE: ./src/cli/output.ts
var output = __webpack_require__(6657);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/config/json-schema.ts
var json_schema = __webpack_require__(4752);
;// CONCATENATED MODULE: ./src/cli/import/config-yaml.ts


/**
 * The config file an import writes: the editor's schema line and the importer's comments at the top, each
 * destination's and route's comments above it, short lists of plain values on one line (`triggers: [error]`).
 */
function importedConfigText(imported) {
    const routes = imported.notifications.map((route) => ({ triggers: route.triggers, to: route.to, ...route.filters }));
    const doc = new dist/* Document */.yo({
        destinations: Object.fromEntries(imported.destinations.map((destination) => [destination.key, destination.fields])),
        ...(routes.length > 0 ? { notifications: routes } : {}),
    });
    doc.commentBefore = comment([`yaml-language-server: $schema=${json_schema/* SCHEMA_URL */.c}`, ...imported.comments]);
    const destinations = doc.get('destinations', true);
    imported.destinations.forEach((destination, i) => {
        const key = destinations.items[i].key;
        if (destination.comments.length > 0)
            key.commentBefore = comment(destination.comments);
        // A blank line between destinations: each is a block of its own, with its comments.
        key.spaceBefore = i > 0;
    });
    const notifications = doc.get('notifications', true);
    imported.notifications.forEach((route, i) => {
        if (route.comments?.length)
            notifications.items[i].commentBefore = comment(route.comments);
    });
    if (notifications)
        doc.contents.items[1].key.spaceBefore = true;
    (0,dist/* visit */.YR)(doc, {
        Seq(_, node) {
            if (node.items.length > 0 && node.items.every((item) => (0,dist/* isScalar */.jn)(item) && !String(item.value).includes('\n')))
                node.flow = true;
        },
    });
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
/** yaml writes each line of a comment after a `#`: a space keeps them readable, and a comment may hold several lines. */
function comment(lines) {
    return lines
        .flatMap((line) => line.split('\n'))
        .map((line) => (line ? ` ${line}` : ''))
        .join('\n');
}

// EXTERNAL MODULE: ./src/cli/import/index.ts
var cli_import = __webpack_require__(2170);
// EXTERNAL MODULE: ./src/cli/import/model.ts
var model = __webpack_require__(9563);
;// CONCATENATED MODULE: ./src/cli/import/command.ts











/**
 * `herald import`: another system's export (JSON) to a Herald config, checked as `herald validate` checks a file and
 * written only when the check passes (to stdout, or atomically to --output); then the secrets the config names and the
 * step's `env:` block that passes them. Problems with the input are `herald import: ...` lines and exit 1; a config
 * that does not validate throws the ConfigError that `herald validate` would print.
 */
async function importConfig(args, env, out) {
    const input = await readJson(args.file);
    const importer = await cli_import/* importers */.C[args.from]();
    let imported;
    try {
        imported = importer(input, { triggers: args.triggers });
    }
    catch (error) {
        if (error instanceof model/* ImportError */.Yw)
            throw new user_error/* UserError */.y(`herald import: ${error.message}`);
        throw error;
    }
    const text = importedConfigText(imported);
    const check = (0,config_check/* checkConfigSource */.cr)((0,source/* parseConfigSource */.p5)(args.output ?? '<stdout>', text), env);
    try {
        (0,config_check/* validateWithout */.b1)(check, env);
    }
    catch (error) {
        if (!(error instanceof config_error/* ConfigError */.xL))
            throw error;
        const advice = 'Nothing was written; the lines are those of the config it would have written.';
        throw new config_error/* ConfigError */.xL(error.file, error.problems, advice);
    }
    const secrets = [
        ...imported.secrets,
        ...check.missing.filter((name) => !imported.secrets.some((secret) => secret.name === name)).map((name) => ({ name, description: 'named in the config' })),
    ];
    const counts = `${(0,output/* plural */.L)(imported.destinations.length, 'destination')}, ${(0,output/* plural */.L)(imported.notifications.length, 'route')}`;
    const report = args.output ? out.log : out.error;
    if (args.output) {
        writeAtomically(args.output, text);
        report(`Wrote ${args.output}: ${counts}, checked as \`herald validate\` does.`);
    }
    else {
        process.stdout.write(text);
        report(`Imported ${counts}, checked as \`herald validate\` does.`);
    }
    for (const line of secretsAdvice(secrets))
        report(line);
    return 0;
}
async function readJson(file) {
    let text;
    try {
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        throw new user_error/* UserError */.y(`herald import: ${file} ${code === 'ENOENT' ? 'not found' : `cannot be read: ${error.message}`}.`);
    }
    try {
        return JSON.parse(text);
    }
    catch (error) {
        // Node quotes the text around the mistake; it may hold a secret, so only what is wrong and where is kept.
        const reason = error.message.replace(/, ".*? is not valid JSON$/s, '').replace(/\s+/g, ' ');
        throw new user_error/* UserError */.y(`herald import: ${file} is not JSON (${reason}). Give the JSON the source's API returns, saved as it is.`);
    }
}
/** A temporary file beside the target, then a rename: a reader never sees half a file, and a failure leaves none. */
function writeAtomically(file, text) {
    const temporary = (0,external_node_path_.join)((0,external_node_path_.dirname)(file), `.${(0,external_node_path_.basename)(file)}.${process.pid}.tmp`);
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(file), { recursive: true }); // .github/ in a repository that has no workflow yet
        (0,external_node_fs_.writeFileSync)(temporary, text, { flag: 'wx' });
        (0,external_node_fs_.renameSync)(temporary, file);
    }
    catch (error) {
        (0,external_node_fs_.rmSync)(temporary, { force: true });
        throw new user_error/* UserError */.y(`herald import: cannot write ${file}: ${error.message}`);
    }
}
/**
 * The secrets (and the settings, which are configuration variables: a secret's value is masked in every later log line)
 * to create in GitHub, and the `env:` block that gives them to the Herald step.
 */
function secretsAdvice(placeholders) {
    if (placeholders.length === 0)
        return ['The config names no secrets.'];
    const secrets = placeholders.filter((placeholder) => !placeholder.setting);
    const settings = placeholders.filter((placeholder) => placeholder.setting);
    const list = (items) => items.map((item) => `  ${item.name}: ${item.description}`);
    return [
        ...(secrets.length > 0 ? ["Create these secrets in GitHub (the repository's Settings > Secrets and variables > Actions):", ...list(secrets)] : []),
        ...(settings.length > 0
            ? [`${secrets.length > 0 ? 'and these' : 'Create these'} variables (Settings > Secrets and variables > Actions > Variables):`, ...list(settings)]
            : []),
        'and pass them to the Herald step:',
        '  env:',
        ...placeholders.map((item) => `    ${item.name}: \${{ ${item.setting ? 'vars' : 'secrets'}.${item.name} }}`),
    ];
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


/***/ })

};
