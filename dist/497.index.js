export const id = 497;
export const ids = [497];
export const modules = {

/***/ 5594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* unused harmony exports exec, getExecOutput, HttpClient, BearerCredentialHandler */
/**
 * Stands in for `@actions/exec` and `@actions/http-client` in the bundle (tsconfig.json maps the imports here; ncc
 * follows the mapping inside node_modules too). `@actions/core` imports them at load for `core.platform.getDetails()`
 * (which runs shell commands) and `core.getIDToken()` (OIDC over http-client); Herald calls neither, and loading them
 * cost a few ms of every run. Anything that does call them fails loudly here. If Herald ever needs one, delete its
 * mapping in tsconfig.json.
 */
const unused = (what) => () => {
    throw new Error(`${what} is not in Herald's bundle (see src/build/actions-unused.ts); remove its mapping in tsconfig.json to use it.`);
};
const exec = unused('@actions/exec');
const getExecOutput = unused('@actions/exec');
class HttpClient {
    constructor() {
        unused('@actions/http-client')();
    }
}
class BearerCredentialHandler {
    constructor() {
        unused('@actions/http-client')();
    }
}


/***/ }),

/***/ 2362:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(3838);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
;// CONCATENATED MODULE: ./src/config/fields.ts

/** An http(s) URL field. */
const httpUrl = schemas/* url */.OZ5({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });
/** A string holding a `${NAME}`, which Herald fills in before validating: any field may hold one (for the JSON Schema). */
const HOLDS_VARIABLE = { type: 'string', pattern: '\\$\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\}' };
/**
 * An http(s) URL whose path and query may hold template tags (checked with the destination's delimiters, which this
 * field cannot see: see shared/templated-request.ts). For editors: a URL, one with a tag after its host, or a ${NAME}.
 */
const templatedHttpUrl = schemas/* string */.YjP().meta({
    anyOf: [{ format: 'uri' }, { pattern: '^https?://[^/?#]+[/?#].*(<<|\\{\\{)' }, HOLDS_VARIABLE],
});
/** One value or a list of them: `to: ops@example.com` is `to: [ops@example.com]`. */
const oneOrList = (list) => schemas/* preprocess */.vkY((value) => (typeof value === 'string' ? [value] : value), list);
/** One value or a non-empty list of them: `to: hooks` is `to: [hooks]`. Problems with a single value are reported at the value. */
const oneOrMany = (item, empty) => oneOrList(schemas/* array */.YOg(item).min(1, empty));

;// CONCATENATED MODULE: ./src/outcome.ts
/** What a run came to, in the words every layer shares: a leaf module, importing nothing of Herald's. */
/**
 * The triggers a route can name: what happened in a run. `fixed` and `broken` refine success and error by the previous
 * completed run of the workflow on the branch; `approval` is a job waiting for an environment's reviewers.
 */
const TRIGGERS = ['started', 'success', 'error', 'fixed', 'broken', 'approval'];
/** What a config without `notifications` routes to every destination: all but fixed and broken, which need the API. */
const DEFAULT_TRIGGERS = ['started', 'success', 'error', 'approval'];
/** Every trigger a message can be for: the routed ones and `test` (the `test` input), which ignores routes. */
const MESSAGE_TRIGGERS = [...TRIGGERS, 'test'];
/** The status-change triggers, by the trigger each refines: a success after a failure is fixed, a failure after a success broken. */
const STATUS_CHANGES = { success: 'fixed', error: 'broken' };
/** The trigger a status change refines (fixed -> success, broken -> error); every other trigger is its own. */
function baseTrigger(trigger) {
    if (trigger === 'fixed')
        return 'success';
    if (trigger === 'broken')
        return 'error';
    return trigger;
}
/** The status change that can refine a trigger (success -> fixed, error -> broken), if any. */
const changeOf = (trigger) => trigger === 'success' || trigger === 'error' ? STATUS_CHANGES[trigger] : undefined;
const NO_CHANGE = { trigger: null };
/** Whether a run has a duration at this trigger: not at a start, nor while a job waits for approval. */
const hasDuration = (trigger) => trigger !== 'started' && trigger !== 'approval';
/** A test notification (AWX's "test notification"): its trigger and its status are both `test`. */
const TEST_OUTCOME = { trigger: 'test', status: 'test' };

;// CONCATENATED MODULE: ./src/render/percent-encode.ts
/**
 * RFC 3986 percent-encoding: encodeURIComponent, plus `! ' ( ) *`, which it leaves as they are (a `)` would end a
 * Markdown link early; AWS's Query API signs them encoded).
 */
const percentEncode = (value) => encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

;// CONCATENATED MODULE: ./src/render/truncate.ts
const ELLIPSIS = '…';
const isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
/**
 * `text` cut to at most `max` UTF-16 code units (the unit Slack's, Discord's and Teams' limits are counted in, and never
 * fewer than Unicode characters), ending in an ellipsis when cut; a surrogate pair is never split.
 */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    if (max < 1)
        return '';
    let end = max - ELLIPSIS.length;
    if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1)))
        end--;
    return text.slice(0, end) + ELLIPSIS;
}
/** UTF-8 size of a string, for byte limits such as Teams' 28 KB per message. */
const byteLength = (text) => Buffer.byteLength(text, 'utf8');
/**
 * `escape(text)` in at most `max` code units: the raw text is cut (with an ellipsis) before escaping, so an escape
 * sequence (`&amp;`, `\*`) is never cut in half.
 */
function truncateEscaped(text, max, escape) {
    const whole = escape(text);
    if (whole.length <= max)
        return whole;
    // The longest cut whose escaped form fits: escaping only ever lengthens, so a binary search finds it.
    let fits = 0;
    let tooLong = text.length;
    while (tooLong - fits > 1) {
        const middle = Math.floor((fits + tooLong) / 2);
        if (escape(truncate(text, middle)).length <= max)
            fits = middle;
        else
            tooLong = middle;
    }
    return escape(truncate(text, fits));
}

;// CONCATENATED MODULE: ./src/message.ts



/** The words shown next to each kind of fact. */
const FACT_LABELS = {
    repository: 'Repository',
    workflow: 'Workflow',
    pull_request: 'Pull request',
    branch: 'Branch',
    tag: 'Tag',
    commit: 'Commit',
    actor: 'Actor',
    environment: 'Environment',
    duration: 'Duration',
};
const VERBS = {
    started: 'started',
    success: 'succeeded',
    failure: 'failed',
    error: 'failed',
    cancelled: 'was cancelled',
    timed_out: 'timed out',
    action_required: 'needs action',
    startup_failure: 'failed to start',
    stale: 'went stale',
    neutral: 'finished (neutral)',
};
/** What a status change or an approval says instead of the status's verb: "CI broke on main". */
const TRIGGER_VERBS = { fixed: 'was fixed', broken: 'broke', approval: 'is waiting for approval' };
const COLOURS = {
    started: '#439fe0',
    success: '#2eb886',
    error: '#d00000',
    fixed: '#1a7f37',
    broken: '#8b0000',
    approval: '#daa038',
    cancelled: '#9e9e9e',
    neutral: '#9e9e9e',
    test: '#9e9e9e',
};
const EMOJI = { started: '🚀', success: '✅', error: '❌', fixed: '🎉', broken: '💥', approval: '⏳', cancelled: '⚪', neutral: '⚪', test: '🔔' };
function composeMessage(run, outcome) {
    if (outcome.trigger === 'test')
        return testMessage(run);
    const verb = TRIGGER_VERBS[outcome.trigger] ?? VERBS[outcome.status] ?? outcome.status.replace(/_/g, ' ');
    // Routed with error or success, but never dressed as a failure or a success.
    const neither = (outcome.status === 'cancelled' || outcome.status === 'neutral') && !TRIGGER_VERBS[outcome.trigger];
    const look = neither ? outcome.status : outcome.trigger;
    const what = run.workflow || 'Workflow';
    const refName = run.branch || run.tag;
    const ref = refName && run.deleted ? `${refName} (deleted)` : refName;
    const where = run.prNumber ? `PR #${run.prNumber}` : ref;
    // An approval is for an environment: "Deploy is waiting for approval to production"; the branch is among the facts.
    const title = outcome.trigger === 'approval'
        ? `${what} ${verb}${run.environment ? ` to ${run.environment}` : where ? ` on ${where}` : ''}`
        : `${what} ${verb}${where ? ` on ${where}` : ''}`;
    const runLabel = run.runNumber ? ` (#${run.runNumber})` : '';
    const line = `${title}${run.repository ? ` in ${run.repository}` : ''}${runLabel}`;
    const { facts, add } = factList();
    add('repository', run.repository, run.repositoryUrl);
    add('workflow', [run.workflow, run.job].filter(Boolean).join(' / '), run.runUrl);
    if (run.prNumber)
        add('pull_request', `#${run.prNumber} ${run.prTitle}`.trim(), run.prUrl);
    // A deleted branch or tag has no page to link to.
    else
        add(run.tag ? 'tag' : 'branch', ref, run.deleted ? undefined : branchUrl(run));
    add('commit', [run.shortSha, run.commitTitle].filter(Boolean).join(' '), run.commitUrl);
    add('actor', run.actor);
    add('environment', run.environment, run.environmentUrl || undefined);
    // A start, or a job waiting for reviewers, has no duration yet, even when an earlier step or the event gives a start time.
    if (hasDuration(outcome.trigger))
        add('duration', run.duration);
    // Reviewers approve on the run's page, not on the waiting job's.
    const url = outcome.trigger === 'approval' ? run.runUrl.replace(/\/jobs?\/\d+$/, '') : run.runUrl;
    // Read from the API for a failed run only (src/github/failed-jobs.ts): empty on every other.
    return { title, line, verb, emoji: EMOJI[look], colour: COLOURS[look], facts, url, failedJobs: run.failedJobs };
}
/** The messages of a run whose status is `outcome`'s, each composed once, when a destination first needs it. */
function messagesFor(run, outcome) {
    const composed = new Map();
    return (trigger) => {
        let entry = composed.get(trigger);
        if (!entry) {
            const specific = { trigger, status: outcome.status };
            entry = { outcome: specific, message: composeMessage(run, specific) };
            composed.set(trigger, entry);
        }
        return entry;
    };
}
/** A test notification: what it is, from which repository, sent by whom, and the run that sent it. */
function testMessage(run) {
    const title = 'Test notification from Herald';
    const runLabel = run.runNumber ? ` (#${run.runNumber})` : '';
    const line = `${title}${run.repository ? ` in ${run.repository}` : ''}${runLabel}`;
    const by = run.actor ? ` by ${run.actor}` : '';
    const from = run.repository ? ` from ${run.repository}` : '';
    const description = `Sent${by}${from} to check that this destination works.`;
    const { facts, add } = factList();
    add('repository', run.repository, run.repositoryUrl);
    add('workflow', [run.workflow, run.job].filter(Boolean).join(' / '), run.runUrl);
    add('actor', run.actor);
    return { title, line, description, verb: 'test notification', emoji: EMOJI.test, colour: COLOURS.test, facts, url: run.runUrl, failedJobs: [] };
}
/**
 * How much of the failed jobs a default message lists: the first 5 jobs, 3 failed steps of each, names cut to 100
 * characters; the rest is counted ("and 2 more failed jobs"), and the run's page has them all.
 */
const FAILED_JOBS_SHOWN = { jobs: 5, steps: 3, name: 100 };
const JOB_CONCLUSIONS = { timed_out: 'timed out', startup_failure: 'failed to start' };
/** The failed jobs a default message lists (at most `max`), and the sentence that counts the others, if any. */
function listFailedJobs(message, max = FAILED_JOBS_SHOWN.jobs) {
    const cut = (name) => truncate(name, FAILED_JOBS_SHOWN.name);
    const jobs = message.failedJobs.slice(0, max).map((job) => {
        const shown = job.failedSteps.slice(0, FAILED_JOBS_SHOWN.steps).map(cut);
        const hidden = job.failedSteps.length - shown.length;
        const steps = shown.join(', ') + (hidden > 0 ? ` and ${hidden} more` : '');
        const conclusion = JOB_CONCLUSIONS[job.conclusion] ?? '';
        return { name: cut(job.name) || 'job', url: job.url, detail: [conclusion, steps].filter(Boolean).join(', ') };
    });
    const others = message.failedJobs.length - jobs.length;
    return others > 0 ? { jobs, more: `and ${others} more failed job${others === 1 ? '' : 's'}` } : { jobs };
}
/**
 * "build: Run tests", "deploy: timed out": a listed job in plain text, without its link. A colon, not parentheses: a
 * matrix job's name has its own, "test (ubuntu-latest, 22)".
 */
const failedJobText = (job) => (job.detail ? `${job.name}: ${job.detail}` : job.name);
/** The heading over the list: "Failed job" or "Failed jobs". */
const failedJobsLabel = (message) => (message.failedJobs.length === 1 ? 'Failed job' : 'Failed jobs');
/** The message's fact of that kind, if it has one. */
const factOf = (message, kind) => message.facts.find((fact) => fact.kind === kind);
/** A fact whose value reads as a sentence (a commit's or a pull request's title): chat layouts give it a whole row. */
const isSentence = (fact) => fact.kind === 'commit' || fact.kind === 'pull_request';
/** The facts of a message, and how to add one: an empty value is left out. */
function factList() {
    const facts = [];
    const add = (kind, value, url) => {
        const label = FACT_LABELS[kind];
        if (value)
            facts.push(url ? { kind, label, value, url } : { kind, label, value });
    };
    return { facts, add };
}
function branchUrl(run) {
    if (!run.repositoryUrl)
        return undefined;
    if (run.branch)
        return `${run.repositoryUrl}/tree/${urlPath(run.branch)}`;
    if (run.tag)
        return `${run.repositoryUrl}/releases/tag/${urlPath(run.tag)}`;
    return undefined;
}
/**
 * A branch or tag name as URL path segments, each percent-encoded: `feature/#123-login` -> `feature/%23123-login`.
 * `( ) ! ' *`, which encodeURIComponent leaves, are encoded too: a `)` would end a Markdown link early.
 */
const urlPath = (name) => name.split('/').map((segment) => percentEncode(segment)).join('/');

;// CONCATENATED MODULE: ./src/render/escape.ts

/** C0 and C1 control characters and DEL: CR and LF would start a new header line, NUL ends it in some servers. */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;
/** Text as one header line: every run of control characters (CR, LF, NUL, tab, ...) becomes one space. */
const headerSafe = (text) => text.replace(CONTROL_CHARACTERS, ' ');
const JSON_VALUE = Symbol('herald.json');
/**
 * A view of `value` in which every node renders as a JSON literal: `<<json.event.pull_request>>` inserts the object,
 * `<<json.prTitle>>` a quoted string, a path that leads nowhere `null` (like Grafana OnCall's `tojson`).
 */
function jsonLiteralView(value) {
    const isObject = value !== null && typeof value === 'object';
    const child = (prop) => (isObject && Object.hasOwn(value, prop) ? value[prop] : undefined);
    return new Proxy({}, {
        has: (_target, prop) => typeof prop === 'string',
        get: (_target, prop) => {
            if (prop === JSON_VALUE)
                return { value };
            if (prop === Symbol.toPrimitive)
                return () => toJson(value);
            return typeof prop === 'string' ? jsonLiteralView(child(prop)) : undefined;
        },
    });
}
const toJson = (value) => JSON.stringify(value === undefined ? null : value);
function jsonLiteral(value) {
    if (value === null || typeof value !== 'object')
        return undefined;
    const holder = value[JSON_VALUE];
    return holder ? toJson(holder.value) : undefined;
}
/** Objects and arrays inserted with a plain tag render as their JSON text. */
function plain(value) {
    if (value !== null && typeof value === 'object')
        return JSON.stringify(value);
    return String(value);
}
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text or an attribute value: & < > " ' as entities. */
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
/** `<a href="url">text</a>` with both escaped, or the escaped text alone when there is no URL. */
const htmlLink = (text, url) => (url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text));
/** Slack's three control characters; `<!channel>`, `<@U123>` and `<url|text>` need a raw `<`. */
const SLACK_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ZERO_WIDTH_SPACE = '\u200b';
/**
 * A zero-width space after every `@` that starts a word, so `@everyone`, `@here`, `@channel`, `@all` and `@user` stay
 * readable but mention nobody (what discord.js's cleanContent does).
 */
const breakMentions = (text) => text.replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZERO_WIDTH_SPACE}`);
/** `[text](url)` is a link only with `](` adjacent; a zero-width space between them leaves the text as written. */
const breakMarkdownLinks = (text) => text.replace(/\](?=\()/g, `]${ZERO_WIDTH_SPACE}`);
/**
 * CommonMark lets a backslash escape any ASCII punctuation; these are the ones chat markdown acts on anywhere (with `[`
 * and `]` escaped, parentheses cannot form a link), and `#` where it would start a heading.
 */
const escapeMarkdown = (text) => text.replace(/[\\`*_~|<>[\]]/g, '\\$&').replace(/^(\s*)#/gm, '$1\\#');
/**
 * Telegram's MarkdownV2 (core.telegram.org/bots/api#markdownv2-style): outside code and link targets every one of
 * these characters must be backslash-escaped, or the whole message is refused.
 */
const escapeMarkdownV2 = (text) => text.replace(/[_*[\]()~`>#+\-=|{}.!\\]/g, '\\$&');
/** A MarkdownV2 link target, the `(...)` of `[text](url)`: there only `)` and `\` must be escaped. */
const escapeMarkdownV2Url = (url) => url.replace(/[)\\]/g, '\\$&');
const escapers = {
    /** JSON string content: the payload stays valid JSON whatever the value holds. */
    json: (value) => jsonLiteral(value) ?? JSON.stringify(plain(value)).slice(1, -1),
    text: (value) => jsonLiteral(value) ?? plain(value),
    html: (value) => escapeHtml(jsonLiteral(value) ?? plain(value)),
    /** Slack mrkdwn: &, < and > as entities, which Slack shows as the characters but never reads as a mention or link. */
    slack: (value) => (jsonLiteral(value) ?? plain(value)).replace(/[&<>]/g, (c) => SLACK_ESCAPES[c]),
    /** Discord, Mattermost, Rocket.Chat: formatting characters backslash-escaped, mentions broken. */
    markdown: (value) => breakMentions(escapeMarkdown(jsonLiteral(value) ?? plain(value))),
    /** Google Chat text: `<users/all>` and `<url|text>` need a raw `<` directly before the name; a zero-width space breaks them. */
    googlechat: (value) => (jsonLiteral(value) ?? plain(value)).replace(/</g, `<${ZERO_WIDTH_SPACE}`),
    /** Teams: an Adaptive Card link is `[text](url)`; a zero-width space between `]` and `(` leaves it text. */
    teams: (value) => breakMarkdownLinks(jsonLiteral(value) ?? plain(value)),
    /** Telegram MarkdownV2: every special character backslash-escaped (Telegram HTML uses `html`). */
    markdownv2: (value) => escapeMarkdownV2(jsonLiteral(value) ?? plain(value)),
    /** IRC: each line of the template is a message, so a value's line breaks (and NUL) become spaces, never a new line. */
    irc: (value) => (jsonLiteral(value) ?? plain(value)).replace(/[\r\n\0]+/g, ' '),
    /**
     * A URL's path or query: RFC 3986 percent-encoding of everything but the unreserved characters, `/` included, so
     * a value is one path segment or one query value (`feat/a b&c` is `feat%2Fa%20b%26c`) and never a new one.
     */
    url: (value) => percentEncode(jsonLiteral(value) ?? plain(value)),
    /** An HTTP header's value: control characters as spaces, so no value can end the line and start a header. */
    header: (value) => headerSafe(jsonLiteral(value) ?? plain(value)),
};

;// CONCATENATED MODULE: ./src/render/failed-job-lines.ts


/**
 * The message's failed jobs as text lines, `bullet` and "<linked name>: detail" each, then "and 2 more failed jobs",
 * in at most `max` characters in all.
 */
function failedJobList(message, max, markup, bullet) {
    const { jobs, more } = listFailedJobs(message);
    const tail = more ? `\n${markup.escape(more)}` : '';
    const lines = failedJobLines(jobs, max - tail.length - jobs.length * (bullet.length + 1), markup);
    return lines.map((line) => bullet + line).join('\n') + tail;
}
/**
 * One line per listed job, "<linked name>: detail", the lines sharing `max` characters equally; the detail takes at
 * most half of what the link's markup leaves of a line's share, so a long step name never pushes the job's name out.
 */
function failedJobLines(jobs, max, { escape, link }) {
    const share = Math.floor(max / Math.max(1, jobs.length));
    const colon = escape(': ');
    return jobs.map((job) => {
        const markup = job.url ? link('', job.url, Number.MAX_SAFE_INTEGER).length : 0;
        const half = Math.floor((share - markup) / 2);
        const detail = job.detail ? colon + truncateEscaped(job.detail, Math.max(1, half - colon.length), escape) : '';
        const room = Math.max(1, share - detail.length);
        return (job.url ? link(job.name, job.url, room) : truncateEscaped(job.name, room, escape)) + detail;
    });
}

;// CONCATENATED MODULE: ./src/render/markdown-link.ts


const markdown = (text) => escapers.markdown(text);
/** Percent-encodes what would end a Markdown link target early; encodeURIComponent leaves `(` and `)` as they are. */
const linkTarget = (url) => url.replace(/[()<>\s]/g, (c) => (c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c)));
/**
 * `[text](url)` with the text Markdown-escaped, in at most `max` characters, or the escaped text alone when there is no
 * URL or it does not fit; never empty (Discord refuses an empty field value).
 */
function markdownLink(text, url, max) {
    const target = url ? linkTarget(url) : '';
    if (target && target.length + 5 < max)
        return `[${truncateEscaped(text, max - target.length - 4, markdown)}](${target})`;
    return truncateEscaped(text, max, markdown) || '-';
}

// EXTERNAL MODULE: ./node_modules/mustache/mustache.mjs
var mustache = __webpack_require__(562);
;// CONCATENATED MODULE: ./src/render/template.ts


class TemplateError extends Error {
    name = 'TemplateError';
}
/**
 * Renders a Mustache template whose tags are `<< >>` (or Devtron's `{{ }}`). Values are inserted once and never
 * evaluated as templates; each is escaped for `format`. `json` output must parse as JSON.
 */
function renderTemplate(template, variables, format, delimiters = '<< >>') {
    const tags = tagsOf(delimiters);
    const view = { ...variables, json: jsonLiteralView(variables) };
    const tokens = parseTemplate(template, delimiters);
    let text;
    try {
        text = mustache/* default */.A.render(template, view, {}, { tags, escape: escapers[format] });
    }
    catch (error) {
        throw new TemplateError(`template does not render: ${error.message}`);
    }
    const warnings = unknownVariables(tokens, variables).map((name) => `unknown variable "${name}" (it renders as nothing, or null under json.); see the README for the variables`);
    if (format === 'json') {
        try {
            JSON.parse(text);
        }
        catch (error) {
            throw new TemplateError(`rendered payload is not valid JSON (${error.message}): ${excerpt(text)}`);
        }
    }
    return { text, warnings };
}
const tagsOf = (delimiters) => delimiters.split(' ');
/**
 * The template's tokens, or a TemplateError that says what to fix. Herald has no partials, so `<<> name>>` is refused
 * rather than rendered as nothing.
 */
function parseTemplate(template, delimiters) {
    const [open, close] = tagsOf(delimiters);
    let tokens;
    try {
        tokens = mustache/* default */.A.parse(template, [open, close]);
    }
    catch (error) {
        throw new TemplateError(`template does not parse: ${parseProblem(error.message, template, open, close)}`);
    }
    const partial = findToken(tokens, (token) => token[0] === '>');
    if (partial) {
        throw new TemplateError(`template does not parse: ${open}> ${partial[1]}${close} is a partial, and Herald has no partials; write ${open}${partial[1]}${close} for a variable${at(template, partial[2])}`);
    }
    return tokens;
}
/** Mustache's parse errors ("Unclosed section "x" at 6") in words that say how to fix them. */
function parseProblem(message, template, open, close) {
    const [, kind, name, index] = /^(Unclosed section|Unopened section|Unclosed tag) (?:"(.*)" )?at (\d+)/.exec(message) ?? [];
    const where = index === undefined ? '' : at(template, Number(index));
    if (kind === 'Unclosed section') {
        // Mustache notices at the end of the template; the section's opening tag is what the reader looks for.
        const opening = Math.max(template.lastIndexOf(`${open}#${name}`), template.lastIndexOf(`${open}^${name}`));
        return `the section "${name}" is never closed: end it with ${open}/${name}${close}${opening >= 0 ? at(template, opening) : where}`;
    }
    if (kind === 'Unopened section')
        return `${open}/${name}${close} closes a section that is not open: open it with ${open}#${name}${close} or remove it${where}`;
    if (kind === 'Unclosed tag')
        return `a tag opened with ${open} is never closed with ${close}${where}`;
    if (message.startsWith('Invalid tags'))
        return `${message}: change delimiters with ${open}={{ }}=${close}, two tags and a space between them`;
    return message;
}
/** " (line 3 of the template)" for multi-line templates, where the field's own line is not enough. */
function at(template, index) {
    return template.includes('\n') ? ` (line ${template.slice(0, index).split('\n').length} of the template)` : '';
}
function findToken(tokens, test) {
    for (const token of tokens) {
        if (test(token))
            return token;
        const inner = token[4] && findToken(token[4], test);
        if (inner)
            return inner;
    }
    return undefined;
}
/**
 * What is wrong with a template whatever the variables hold, or undefined: it does not parse, or it lands in JSON and
 * no way of filling it can be JSON. Checked when the config is loaded, with the same settings as renderTemplate.
 */
function checkTemplate(template, format, delimiters = '<< >>') {
    let tokens;
    try {
        tokens = parseTemplate(template, delimiters);
    }
    catch (error) {
        return error.message;
    }
    const [open, close] = tagsOf(delimiters);
    const raw = (format === 'url' || format === 'header') && findToken(tokens, (token) => token[0] === '&' || token[0] === '{');
    if (raw) {
        return (`${template.slice(raw[2], raw[3])} inserts the value unescaped, which a ${format === 'url' ? 'URL' : 'header'} does not allow: ` +
            `write ${open}${raw[1]}${close}, which ${format === 'url' ? 'URL-encodes it' : 'keeps it on one line'}`);
    }
    if (format !== 'json')
        return undefined;
    let first;
    for (const probe of probes(tokens)) {
        try {
            JSON.parse(probe);
            return undefined;
        }
        catch (error) {
            first ??= { text: probe, error: error.message.replace(/ in JSON at position.*$/s, '') };
        }
    }
    return (`cannot be valid JSON whatever the variables hold: ${first.error}, in ${excerpt(first.text)} ` +
        `(each variable written as 1). Check the quotes, commas and braces around the tags; a text value needs quotes: "${open}message${close}".`);
}
/** The template's text before its first tag (all of it when it has none); undefined when it does not parse. */
function textBeforeFirstTag(template, delimiters = '<< >>') {
    let tokens;
    try {
        tokens = parseTemplate(template, delimiters);
    }
    catch {
        return undefined;
    }
    const tag = tokens.find((token) => token[0] !== 'text');
    return tag ? template.slice(0, tag[2]) : template;
}
/**
 * The template rendered with every variable as `1` and each section name taken or not (all combinations for up to 8
 * names, else all taken and none taken): if none of these is JSON, no real values make it JSON.
 */
function probes(tokens) {
    const names = new Set();
    findToken(tokens, (token) => (['#', '^'].includes(token[0]) && names.add(token[1]), false));
    const sections = [...names];
    const count = sections.length <= 8 ? 2 ** sections.length : 2;
    return Array.from({ length: count }, (_, n) => {
        const taken = new Set(sections.filter((_, i) => (sections.length <= 8 ? (n >> i) & 1 : n === 0)));
        const write = (list) => list
            .map(([type, value, , , inner]) => {
            if (type === 'text')
                return value;
            if (type === 'name' || type === '&' || type === '{')
                return '1';
            if (type === '#')
                return taken.has(value) ? write(inner ?? []) : '';
            if (type === '^')
                return taken.has(value) ? '' : write(inner ?? []);
            return '';
        })
            .join('');
        return write(tokens);
    });
}
/**
 * Names used outside sections that resolve to nothing (inside a section a name may belong to the section's item). A
 * section asks whether a value is there, so `<<#event.pull_request>>` is fine on a push; only its first name must exist.
 */
function unknownVariables(tokens, variables) {
    const context = new mustache/* default */.A.Context(variables);
    const unknown = new Set();
    for (const [type, name] of tokens) {
        if (!['name', '&', '{', '#', '^'].includes(type))
            continue;
        // json.* always resolves (to null at worst): check the path it mirrors.
        const path = name.startsWith('json.') ? name.slice('json.'.length) : name;
        const checked = type === '#' || type === '^' ? path.split('.')[0] : path;
        if (name !== 'json' && context.lookup(checked) === undefined)
            unknown.add(name);
    }
    return [...unknown];
}
const excerpt = (text) => (text.length > 200 ? `${text.slice(0, 200)}…` : text);

;// CONCATENATED MODULE: ./src/destinations/destination.ts



/**
 * The schema of one destination type: the common fields, its own fields, and its template fields with their
 * formats, which can also be overridden per trigger under `messages` (AWX's custom messages). Templates are checked
 * when the config is loaded: one that does not parse, or a JSON one that no values can make JSON, is a config error.
 * Every field carries a description (the README's wording): the JSON Schema that editors complete with shows it.
 */
function destinationSchema(type, fields, templateFields, templateDescriptions) {
    const kinds = Object.entries(templateFields);
    const templates = Object.fromEntries(kinds.map(([field]) => [field, schemas/* string */.YjP().meta({ template: true }).optional().describe(templateDescriptions[field])]));
    const checkTemplates = schemas/* superRefine */.zni((config, ctx) => {
        const delimiters = config.delimiters ?? '<< >>';
        if (delimiters !== '<< >>' && delimiters !== '{{ }}')
            return;
        const check = (template, kind, path) => {
            if (typeof template !== 'string')
                return;
            const problem = checkTemplate(template, typeof kind === 'function' ? kind(config, template) : kind, delimiters);
            if (problem)
                ctx.addIssue({ code: 'custom', path, message: problem });
        };
        const messages = (config.messages ?? {});
        for (const [field, kind] of kinds) {
            check(config[field], kind, [field]);
            for (const trigger of MESSAGE_TRIGGERS)
                check(messages[trigger]?.[field], kind, ['messages', trigger, field]);
        }
    }, { when: () => true });
    return schemas/* strictObject */.rej({
        type: schemas/* literal */.euz(type).describe(`The kind of destination: ${type}.`),
        enabled: schemas/* boolean */.zMY().default(true).describe('false keeps the destination but skips it (it shows as skipped in the results).'),
        timeout: schemas/* number */.aig()
            .positive()
            .max(300)
            .default(10)
            .describe('Seconds one attempt may take (connect, send, answer; for SMTP and IRC the whole conversation), at most 300.'),
        retries: schemas/* number */.aig()
            .int()
            .min(0)
            .max(10)
            .default(3)
            .describe("Retries after the first attempt (0 to 10), on network errors, 5xx, 408 and 429. A receiver's Retry-After is honoured."),
        retry_backoff: schemas/* number */.aig()
            .min(0)
            .max(60)
            .default(1)
            .describe('Seconds before the first retry; doubles each time, with random jitter (x1 to x2), at most 30 s.'),
        delimiters: schemas/* enum */.k5n(['<< >>', '{{ }}']).default('<< >>').describe('Template tags; "{{ }}" for templates pasted from Devtron.'),
        block_private_addresses: schemas/* boolean */.zMY()
            .optional()
            .describe('true refuses to send to loopback, private, link-local and cloud metadata addresses (checked after DNS, on every redirect). ' +
            "Unset: the file's top-level block_private_addresses, else false."),
        ...templates,
        messages: schemas/* partialRecord */.jgl(schemas/* enum */.k5n(MESSAGE_TRIGGERS), schemas/* strictObject */.rej(templates))
            .optional()
            .describe("Per-trigger templates that replace the destination's templates for that trigger (AWX's custom messages): " +
            `messages: {error: {payload: '...'}}. The keys are ${MESSAGE_TRIGGERS.join(', ')} (a test notification).`),
        ...fields,
    }).check(checkTemplates);
}
/** The template for a field, with the per-trigger override under `messages` taking precedence. */
function templateFor(config, trigger, field) {
    // A status change falls back to the template of the trigger it refines: messages.broken, else messages.error.
    const override = config.messages?.[trigger]?.[field] ?? config.messages?.[baseTrigger(trigger)]?.[field];
    if (override !== undefined)
        return override;
    const value = config[field];
    return typeof value === 'string' ? value : undefined;
}
/**
 * A destination's schema, built the first time it is asked for: a run builds only the schemas of the types its config
 * names (building all of them took about 5 ms of every run).
 */
function builtOnFirstUse(build) {
    let schema;
    return () => (schema ??= build());
}

;// CONCATENATED MODULE: ./src/destinations/shared/chat-request.ts

/** What every chat destination's `payload` template is. */
const CHAT_PAYLOAD = 'Template for the whole JSON body, replacing the default message.';
/** A JSON POST, the one request shape every chat service takes. */
function postJson(url, body, extra = {}) {
    return {
        transport: 'http',
        method: 'POST',
        url,
        ...extra,
        headers: { 'Content-Type': 'application/json; charset=utf-8', ...extra.headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
    };
}
/** The user's `payload` template (per-trigger override first), rendered with JSON-escaped values; undefined if none. */
function renderPayload(config, input) {
    const template = templateFor(config, input.trigger, 'payload');
    return template === undefined ? undefined : input.render(template, 'json', 'payload');
}
/** The user's `text` template rendered with the platform's escaping; undefined if none. */
function renderText(config, input, format) {
    const template = templateFor(config, input.trigger, 'text');
    return template === undefined ? undefined : input.render(template, format, 'text');
}
/**
 * A refusal in the service's own words, when its JSON body has them: "Teams error BadRequest: ... (HTTP 400)". No
 * answer, a 2xx, or a body without a message: nothing to add to the transport's own wording.
 */
function serviceError(reply, service, read) {
    if (reply.code === null || (reply.code >= 200 && reply.code < 300))
        return {};
    const json = replyJson(reply);
    const { message, code } = json ? read(json) : {};
    if (typeof message !== 'string' || message === '')
        return {};
    return { error: `${service} error${code ? ` ${code}` : ''}: ${message} (HTTP ${reply.code})` };
}
/** The body as JSON, or undefined when it is not JSON. */
function replyJson(reply) {
    try {
        const value = JSON.parse(reply.body);
        return value !== null && typeof value === 'object' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** Integer of a #rrggbb colour (Discord's embed colour). */
const colourNumber = (hex) => Number.parseInt(hex.replace(/^#/, ''), 16);

;// CONCATENATED MODULE: ./src/secrets.ts

const MASK = '****';
/** Shorter values are never masked: masking `main` or `on` would hide every later mention of them in the job's log. */
const MIN_SECRET_LENGTH = 4;
/** A variable name that says it holds a secret: HOOK_TOKEN, SMTP_PASSWORD, SLACK_WEBHOOK_URL, AWS_SECRET_ACCESS_KEY. */
const SECRET_VARIABLE = /TOKEN|SECRET|KEY|PASS|AUTH|CREDENTIAL|WEBHOOK|PRIVATE/i;
/** Whether the value of the environment variable `name` is masked when ${name} is used in the config. */
const namesSecret = (name) => SECRET_VARIABLE.test(name);
const SENSITIVE_NAME = /auth|token|secret|key|password|passwd|signature|sig$|cookie|session|credential/i;
/** Every registered secret, longest first so that a secret containing another is masked whole. */
const secrets = [];
/**
 * Registers values with the runner's log masking and with `mask()`; call before anything is printed. The command line
 * has no runner to tell (`::add-mask::` would print the secret on a terminal): it passes a `tellRunner` that does nothing.
 */
function registerSecrets(values, tellRunner = core/* setSecret */.Pq) {
    for (const value of values) {
        if (!value || value.length < MIN_SECRET_LENGTH || secrets.includes(value))
            continue;
        tellRunner(value);
        secrets.push(value);
        // The forms a server may echo it in: URL-encoded (a path or query), JSON-escaped (an error body).
        for (const form of [encodeURIComponent(value), JSON.stringify(value).slice(1, -1)]) {
            if (form !== value && !secrets.includes(form)) {
                tellRunner(form);
                secrets.push(form);
            }
        }
    }
    secrets.sort((a, b) => b.length - a.length);
}
function mask(text) {
    if (text === null)
        return null;
    return maskValues(text, secrets);
}
/** The text with each of `values` that is long enough to mask (MIN_SECRET_LENGTH) replaced by ****, in that order. */
function maskValues(text, values) {
    let masked = text;
    for (const value of values)
        if (value.length >= MIN_SECRET_LENGTH)
            masked = masked.split(value).join(MASK);
    return masked;
}
/** The password in a URL's user info (and the Basic credentials made of it) and query values whose names look secret. */
function secretsInUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return [];
    }
    const found = [];
    if (parsed.password) {
        found.push(decodeURIComponent(parsed.password), ...basicCredentials(decodeURIComponent(parsed.username), decodeURIComponent(parsed.password)));
    }
    for (const [name, value] of parsed.searchParams)
        if (SENSITIVE_NAME.test(name))
            found.push(value);
    return found.filter(Boolean);
}
/** Services whose webhook URLs are the credential themselves: Slack, Discord, Teams (and its Workflows), Google Chat, Telegram. */
const KEYED_HOSTS = /(^|\.)(hooks\.slack(-gov)?\.com|discord(app)?\.com|webhook\.office\.com|logic\.azure\.com|chat\.googleapis\.com|api\.telegram\.org)$/i;
/**
 * Whether a URL is a key as a whole: a service whose webhook URLs are keys (above), or an incoming webhook with a long
 * key after /hooks/ (Mattermost, Rocket.Chat). Such a URL in a generic `webhook` destination is masked like a Slack
 * destination's `webhook_url`, and `herald import` writes it as a `${NAME}` placeholder.
 */
function isKeyedWebhookUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return false;
    }
    return KEYED_HOSTS.test(parsed.hostname) || /\/hooks\/[A-Za-z0-9]{10,}/.test(parsed.pathname);
}
/**
 * A URL that is a secret as a whole (a Slack, Discord, Teams or Google Chat webhook): the URL, its path and query (what
 * an error page echoes: "Cannot POST /services/T0/B0/token"), its last `tokenSegments` path segments, and its
 * credentials; parts under 8 characters are no token. Other path segments are left alone: masking "workflows" would hide that word in every later log line.
 */
function secretUrl(url, tokenSegments = 0) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return [url];
    }
    const segments = parsed.pathname.split('/').filter(Boolean);
    const parts = [parsed.pathname + parsed.search, ...(tokenSegments > 0 ? segments.slice(-tokenSegments).map(decodeURIComponent) : [])];
    // A short part ("/hook" in a test URL) is no credential, and masking it would garble messages that mention it.
    return [url, ...parts.filter((part) => part.length >= 8), ...secretsInUrl(url)];
}
/** The Authorization value for basic auth and the base64 credentials on their own, as a server may echo either. */
function basicCredentials(username, password) {
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    return [`Basic ${encoded}`, encoded];
}
/** Values of headers such as Authorization, X-Api-Key or Cookie. */
function secretsInHeaders(headers) {
    const found = [];
    for (const [name, value] of Object.entries(headers)) {
        if (!SENSITIVE_NAME.test(name))
            continue;
        found.push(value);
        // "Bearer abc": mask the credential on its own too, wherever it shows up.
        const credential = value.split(/\s+/).at(-1);
        if (credential && credential !== value)
            found.push(credential);
    }
    return found;
}

;// CONCATENATED MODULE: ./src/destinations/discord.ts











/** Discord's message and embed limits (discord.com/developers/docs/resources/message#embed-object-embed-limits). */
const DISCORD_LIMITS = { content: 2000, title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, embed: 6000, username: 80 };
const schema = builtOnFirstUse(() => destinationSchema('discord', {
    webhook_url: httpUrl.describe('Channel webhook URL. A secret.'),
    username: schemas/* string */.YjP()
        .min(1)
        .max(DISCORD_LIMITS.username)
        .optional()
        .describe("Name to post as (at most 80 characters); the webhook's name by default."),
    avatar_url: httpUrl.optional().describe("Avatar to post with; the webhook's avatar by default."),
}, { text: 'markdown', payload: 'json' }, { text: 'Template for content, the text above the embed. Values are Markdown-escaped.', payload: CHAT_PAYLOAD }));
/** Mentions are never parsed, whatever a commit message holds. */
const NO_MENTIONS = { parse: [] };
/** A Discord channel webhook: an embed coloured by trigger, with `allowed_mentions` that pings nobody. */
const discord = {
    type: 'discord',
    get schema() {
        return schema();
    },
    secrets: (config) => secretUrl(config.webhook_url, 1),
    build(config, input) {
        const payload = renderPayload(config, input);
        const messageId = input.previous?.['']?.message_id;
        const send = (body) => messageId === undefined ? postJson(webhookUrl(config.webhook_url, 'wait'), body) : editRequest(config.webhook_url, String(messageId), body);
        if (payload === undefined)
            return [send(discordMessage(config, input))];
        const message = JSON.parse(payload);
        if (message === null || typeof message !== 'object' || Array.isArray(message)) {
            throw new TemplateError('in payload: a Discord webhook needs a JSON object');
        }
        // A payload that says nothing about mentions gets none; one that sets allowed_mentions is sent as written.
        return [send('allowed_mentions' in message ? payload : { ...message, allowed_mentions: NO_MENTIONS })];
    },
    interpret: interpretDiscordReply,
};
/**
 * The webhook URL with `?wait=true` (Discord then answers with the message, whose id a later step edits, and says so
 * when it could not save it), or with /messages/{id} for an edit; a thread_id in the URL stays.
 */
function webhookUrl(webhook, to) {
    // By hand rather than with URL, which would rewrite the URL (a :443, an escape) so that its masking no longer matches.
    const [path, query] = webhook.split(/\?(.*)/s, 2);
    if (to === 'wait')
        return `${webhook}${query === undefined ? '?' : '&'}wait=true`;
    return `${path.replace(/\/+$/, '')}/messages/${encodeURIComponent(to.messageId)}${query === undefined ? '' : `?${query}`}`;
}
/** PATCH /webhooks/{id}/{token}/messages/{message_id}, without the fields only a new message takes. */
function editRequest(webhook, messageId, body) {
    const { username: _username, avatar_url: _avatar, tts: _tts, thread_name: _thread, ...edit } = (typeof body === 'string' ? JSON.parse(body) : body);
    return postJson(webhookUrl(webhook, { messageId }), edit, { method: 'PATCH' });
}
/** Discord's codes for an edit that a new message gets round: Unknown Message, a message by another author. */
const EDIT_REFUSALS = [10008, 50005];
/**
 * A 429 carries retry_after (seconds, a float) in its body; other errors carry {message, code}. A message Discord
 * answers with (`?wait=true`, an edit) is kept by its id.
 */
function interpretDiscordReply(reply) {
    const verdict = serviceError(reply, 'Discord', (json) => ({ message: json.message, code: json.code }));
    const json = replyJson(reply);
    const retryAfter = Number(json?.retry_after);
    if (reply.code === 429 && Number.isFinite(retryAfter) && retryAfter >= 0)
        verdict.retryAfterMs = Math.ceil(retryAfter * 1000);
    if (EDIT_REFUSALS.includes(json?.code))
        verdict.fallback = true;
    const ok = reply.code !== null && reply.code >= 200 && reply.code < 300;
    if (ok && typeof json?.id === 'string')
        verdict.keep = { message_id: json.id };
    return verdict;
}
function discordMessage(config, input) {
    const text = renderText(config, input, 'markdown');
    return {
        ...(text !== undefined && { content: truncate(text, DISCORD_LIMITS.content) }),
        ...(config.username !== undefined && { username: config.username }),
        ...(config.avatar_url !== undefined && { avatar_url: config.avatar_url }),
        embeds: [discordEmbed(input.message, input.vars.timestamp)],
        allowed_mentions: NO_MENTIONS,
    };
}
/** Title linked to the run, facts as fields; values are cut so the embed stays under 6000 characters in all. */
function discordEmbed(message, timestamp) {
    const title = truncate(`${message.emoji} ${message.title}`, DISCORD_LIMITS.title);
    const failed = failedJobsField(message);
    const facts = message.facts.slice(0, DISCORD_LIMITS.fields - (failed ? 1 : 0));
    const names = facts.map((fact) => truncate(fact.label, DISCORD_LIMITS.fieldName));
    const description = message.description && markdownLink(message.description, undefined, DISCORD_LIMITS.description);
    const room = DISCORD_LIMITS.embed - title.length - (description?.length ?? 0) - names.reduce((sum, name) => sum + name.length, 0) -
        (failed ? failed.name.length + failed.value.length : 0);
    const perValue = Math.min(DISCORD_LIMITS.fieldValue, Math.floor(room / Math.max(1, facts.length)));
    const fields = facts.map((fact, i) => {
        return { name: names[i], value: markdownLink(fact.value, fact.url, perValue), inline: !isSentence(fact) };
    });
    if (failed)
        fields.push(failed);
    return {
        title,
        ...(description && { description }),
        ...(message.url && { url: message.url }),
        color: colourNumber(message.colour),
        fields,
        ...(timestamp && { timestamp }),
    };
}
/** The failed jobs as one field, a line per job ("- [build](url): Run tests"); undefined when there are none. */
function failedJobsField(message) {
    if (message.failedJobs.length === 0)
        return undefined;
    const value = failedJobList(message, DISCORD_LIMITS.fieldValue, { escape: escapers.markdown, link: markdownLink }, '- ');
    return { name: failedJobsLabel(message), value, inline: false };
}

;// CONCATENATED MODULE: ./src/destinations/shared/server-url.ts
/** What the result shows for a server that is not reached by URL: `smtps://smtp.example.com:465`, `irc://[::1]:6667`. */
const serverUrl = (scheme, host, port) => `${scheme}://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;

;// CONCATENATED MODULE: ./src/destinations/shared/mail-content.ts





/** The template fields of every e-mail destination and their escaping, each overridable per trigger under `messages`. */
const MAIL_TEMPLATES = { subject: 'text', body: 'text', html: 'html' };
const MAIL_TEMPLATE_DESCRIPTIONS = {
    subject: 'Template for the subject; values as they are, line breaks become spaces. Default: [owner/repo] <title> (#<run number>).',
    body: 'Template for the plain-text part; values as they are. With body or html, only the parts you write are sent.',
    html: 'Template for the HTML part; values are HTML-escaped. With body or html, only the parts you write are sent.',
};
/**
 * One address ("ops@example.com" or "CI <ci@example.com>"). Line breaks are refused here, so no config value can
 * start a header of its own.
 */
const address = schemas/* string */.YjP()
    .trim()
    .regex(/^[^\r\n]*@[^\r\n]*$/, 'must be an e-mail address such as ops@example.com or "CI <ci@example.com>", on one line')
    .refine((value) => !/[,;]/.test(value.replace(/"[^"]*"/g, '')) || value.split('@').length <= 2, 'holds several addresses: write one address per list item, e.g. to: [a@example.com, b@example.com]');
/** One address or a list of them. */
const addresses = oneOrList(schemas/* array */.YOg(address));
/** Sender and recipients, the same for SMTP and SES. */
const mailAddressFields = {
    from: address.describe('Sender: ci@example.com or "CI <ci@example.com>". Also the envelope sender (MAIL FROM).'),
    to: addresses.pipe(schemas/* array */.YOg(address).min(1, 'needs at least one recipient')).describe('One recipient or a list.'),
    cc: addresses.default([]).describe('One address or a list.'),
    bcc: addresses.default([]).describe('One address or a list; they get the message but appear in no header.'),
    reply_to: addresses.default([]).describe('One address or a list, for the Reply-To header.'),
};
/**
 * Subject, text and HTML for this trigger. The defaults come from the Message; a `body` or `html` template replaces
 * both default parts, so a custom text never hides behind the default HTML that mail clients prefer.
 */
function composeMail(config, input) {
    const template = (field) => templateFor({ ...config }, input.trigger, field);
    const subjectTemplate = template('subject');
    const bodyTemplate = template('body');
    const htmlTemplate = template('html');
    const subject = oneLine(subjectTemplate === undefined ? defaultSubject(input) : input.render(subjectTemplate, 'text', 'subject'));
    if (bodyTemplate === undefined && htmlTemplate === undefined) {
        return { subject, text: defaultText(input), html: defaultHtml(input) };
    }
    return {
        subject,
        ...(bodyTemplate !== undefined && { text: input.render(bodyTemplate, 'text', 'body') }),
        ...(htmlTemplate !== undefined && { html: input.render(htmlTemplate, 'html', 'html') }),
    };
}
/** A subject is one line: line breaks in a value (a commit message, say) become spaces. */
const oneLine = (text) => text.replace(/[\r\n]+/g, ' ').trim();
/** "[octo/app] CI failed on main (#42)" */
function defaultSubject({ message, vars }) {
    const repository = vars.repository ? `[${vars.repository}] ` : '';
    const run = vars.runNumber ? ` (#${vars.runNumber})` : '';
    return `${repository}${message.title}${run}`;
}
/** The message's line, its facts one per line with their links, and the run's link. */
function defaultText({ name, message }) {
    const facts = message.facts.map((fact) => `${fact.label}: ${fact.value}${fact.url ? ` <${angleTarget(fact.url)}>` : ''}`);
    return [
        message.line,
        '',
        ...(message.description ? [message.description, ''] : []),
        ...facts,
        ...failedJobsText(message),
        ...(message.url ? ['', `View the run: ${message.url}`] : []),
        '',
        '-- ',
        `Sent by Herald (destination "${name}")`,
        '',
    ].join('\n');
}
/** A blank line, "Failed jobs:", a line per job with its link ("- build: Run tests <url>"), how many more. */
function failedJobsText(message) {
    if (message.failedJobs.length === 0)
        return [];
    const { jobs, more } = listFailedJobs(message);
    return [
        '',
        `${failedJobsLabel(message)}:`,
        ...jobs.map((job) => `- ${failedJobText(job)}${job.url ? ` <${angleTarget(job.url)}>` : ''}`),
        ...(more ? [more] : []),
    ];
}
/** A URL written as `<url>` in plain text: a `>` or a space in it would end it early. */
const angleTarget = (url) => url.replace(/[<>\s]/g, encodeURIComponent);
/** The same as the text, as a small HTML page with inline styles (mail clients drop style sheets). */
function defaultHtml({ name, message }) {
    const h = escapers.html;
    const rows = message.facts
        .map((fact) => `<tr><th align="left" style="padding:2px 12px 2px 0;color:#57606a;font-weight:normal">${h(fact.label)}</th>` +
        `<td style="padding:2px 0">${htmlLink(fact.value, fact.url)}</td></tr>`)
        .join('\n');
    const button = message.url
        ? `<p><a href="${h(message.url)}" style="display:inline-block;padding:6px 12px;background:${h(message.colour)};color:#ffffff;text-decoration:none;border-radius:4px">View the run</a></p>`
        : '';
    return `<!DOCTYPE html>
<html>
<body style="font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;font-size:14px;color:#1f2328">
<div style="border-left:4px solid ${h(message.colour)};padding:4px 12px">
<h2 style="margin:0 0 8px;font-size:18px">${h(message.emoji)} ${h(message.line)}</h2>
${message.description ? `<p style="margin:0 0 8px">${h(message.description)}</p>\n` : ''}<table cellpadding="0" cellspacing="0" style="border-collapse:collapse">
${rows}
</table>
${failedJobsHtml(message)}${button}
</div>
<p style="color:#57606a;font-size:12px">Sent by Herald (destination &quot;${h(name)}&quot;)</p>
</body>
</html>
`;
}
/** "Failed jobs" and a list of them, each name linked to its page; empty when there are none. */
function failedJobsHtml(message) {
    if (message.failedJobs.length === 0)
        return '';
    const h = escapers.html;
    const { jobs, more } = listFailedJobs(message);
    const items = jobs.map((job) => `<li>${htmlLink(job.name, job.url)}${job.detail ? `: ${h(job.detail)}` : ''}</li>`);
    return `<p style="margin:8px 0 4px;font-weight:bold">${h(failedJobsLabel(message))}</p>
<ul style="margin:0 0 8px;padding-left:20px">
${[...items, ...(more ? [`<li style="color:#57606a">${h(more)}</li>`] : [])].join('\n')}
</ul>
`;
}
/** The message as a reader sees it: headers, then the text part (or the HTML when there is no text). */
function readableMail(mail, content) {
    const header = (name, values) => (values.length ? [`${name}: ${values.join(', ')}`] : []);
    const lines = [
        `From: ${mail.from}`,
        ...header('To', mail.to),
        ...header('Cc', mail.cc),
        ...header('Bcc', mail.bcc),
        ...header('Reply-To', mail.replyTo),
        `Subject: ${content.subject}`,
    ];
    const parts = [content.text !== undefined && 'text', content.html !== undefined && 'HTML'].filter(Boolean);
    lines.push(`Parts: ${parts.join(' and ')}`, '', content.text ?? content.html ?? '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/destinations/email.ts




const email_schema = builtOnFirstUse(() => destinationSchema('email', {
    host: schemas/* string */.YjP().trim().min(1, 'needs the SMTP server, e.g. smtp.example.com').describe('SMTP server name or IP address.'),
    port: schemas/* number */.aig().int().min(1).max(65535).optional().describe('SMTP port: 587 by default, 465 with use_ssl.'),
    username: schemas/* string */.YjP()
        .optional()
        .describe('User to authenticate as (AUTH PLAIN or LOGIN, whichever the server offers). Without it, no AUTH.'),
    password: schemas/* string */.YjP().optional().describe('Its password. A secret: masked as **** everywhere, even when written in the file.'),
    use_tls: schemas/* boolean */.zMY()
        .optional()
        .describe('STARTTLS, required (true unless use_ssl): the connection must be upgraded to TLS before AUTH and the message. ' +
        'false sends without encryption when the server offers none.'),
    use_ssl: schemas/* boolean */.zMY().default(false).describe('TLS from the first byte ("SMTPS", usually port 465). Cannot be combined with use_tls: true.'),
    insecure_skip_verify: schemas/* boolean */.zMY().default(false).describe('Accept a certificate that does not verify (self-signed, another host name).'),
    ...mailAddressFields,
}, MAIL_TEMPLATES, MAIL_TEMPLATE_DESCRIPTIONS).refine((config) => !(config.use_tls && config.use_ssl), {
    path: ['use_tls'],
    message: 'use_tls (STARTTLS) and use_ssl (TLS from the start) exclude each other: port 465 usually wants use_ssl: true, port 587 use_tls: true',
}));
/** E-mail over SMTP (nodemailer, loaded only when a run sends mail): one message to all recipients. */
const email = {
    type: 'email',
    get schema() {
        return email_schema();
    },
    secrets: (config) => [config.password ?? ''],
    build(config, input) {
        const content = composeMail(config, input);
        const secure = config.use_ssl;
        const port = config.port ?? (secure ? 465 : 587);
        const addresses = { from: config.from, to: config.to, cc: config.cc, bcc: config.bcc, replyTo: config.reply_to };
        return [
            {
                transport: 'smtp',
                url: serverUrl(secure ? 'smtps' : 'smtp', config.host, port),
                smtp: {
                    host: config.host,
                    port,
                    secure,
                    requireTLS: !secure && (config.use_tls ?? true),
                    ...(config.username !== undefined && { auth: { user: config.username, pass: config.password ?? '' } }),
                    insecureSkipVerify: config.insecure_skip_verify,
                },
                ...addresses,
                ...content,
                body: readableMail(addresses, content),
            },
        ];
    },
    interpret: describeSmtpReply,
};
/** Words a refusal after the stage it happened at: "the server refused AUTH PLAIN: 535 5.7.8 ...". */
function describeSmtpReply(reply) {
    if (reply.code === null || reply.code < 400)
        return {};
    const stage = reply.stage;
    return { error: `the SMTP server refused ${stage ? `${stage}` : 'the message'}: ${reply.body}` };
}

;// CONCATENATED MODULE: ./src/destinations/googlechat.ts







/** Google Chat takes 4,096 characters of text; card text is kept short enough to read. */
const GOOGLE_CHAT_LIMITS = { text: 4096, title: 200, value: 1000 };
const googlechat_schema = builtOnFirstUse(() => destinationSchema('googlechat', { webhook_url: httpUrl.describe('Space webhook URL (with its key and token). A secret.') }, { text: 'googlechat', payload: 'json' }, { text: 'Template for the message text above the card.', payload: CHAT_PAYLOAD }));
/** A Google Chat space webhook: a cardsV2 card with the facts and a button to the run. */
const googlechat = {
    type: 'googlechat',
    get schema() {
        return googlechat_schema();
    },
    secrets: (config) => secretUrl(config.webhook_url),
    build(config, input) {
        const body = renderPayload(config, input) ?? JSON.stringify(googleChatMessage(input.message, renderText(config, input, 'googlechat')));
        return [postJson(config.webhook_url, body)];
    },
    interpret: (reply) => serviceError(reply, 'Google Chat', (json) => ({ message: json.error?.message, code: json.error?.status })),
};
const html = (text) => escapers.html(text);
/** A #rrggbb colour as Google's Color message (floats 0..1). */
function rgb(hex) {
    const n = colourNumber(hex);
    return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255, alpha: 1 };
}
function googleChatMessage(message, text) {
    const repository = factOf(message, 'repository')?.value;
    const widgets = message.description
        ? [{ textParagraph: { text: truncateEscaped(message.description, GOOGLE_CHAT_LIMITS.value, html) } }]
        : [];
    widgets.push(...message.facts.map((fact) => ({
        decoratedText: {
            topLabel: html(fact.label),
            text: truncateEscaped(fact.value, GOOGLE_CHAT_LIMITS.value, html),
            wrapText: true,
            ...(fact.url && { onClick: { openLink: { url: fact.url } } }),
        },
    })));
    if (message.url) {
        widgets.push({ buttonList: { buttons: [{ text: 'View run', color: rgb(message.colour), onClick: { openLink: { url: message.url } } }] } });
    }
    return {
        ...(text !== undefined && { text: truncate(text, GOOGLE_CHAT_LIMITS.text) }),
        cardsV2: [
            {
                cardId: 'herald-run',
                card: {
                    header: {
                        title: truncate(`${message.emoji} ${message.title}`, GOOGLE_CHAT_LIMITS.title),
                        ...(repository && { subtitle: truncate(`${repository} · ${message.verb}`, GOOGLE_CHAT_LIMITS.title) }),
                    },
                    sections: [{ widgets }, ...failedJobsSection(message)],
                },
            },
        ],
    };
}
/** A section headed "Failed jobs", a row per job ("build: Run tests") that opens the job's page, then how many more. */
function failedJobsSection(message) {
    if (message.failedJobs.length === 0)
        return [];
    const { jobs, more } = listFailedJobs(message);
    const widgets = jobs.map((job) => ({
        decoratedText: {
            text: truncateEscaped(failedJobText(job), GOOGLE_CHAT_LIMITS.value, html),
            wrapText: true,
            ...(job.url && { onClick: { openLink: { url: job.url } } }),
        },
    }));
    if (more)
        widgets.push({ textParagraph: { text: html(more) } });
    return [{ header: failedJobsLabel(message), widgets }];
}

;// CONCATENATED MODULE: ./src/destinations/grafana.ts








const grafana_schema = builtOnFirstUse(() => destinationSchema('grafana', {
    url: httpUrl.describe('Base URL of Grafana, with its sub-path if it has one (https://example.com/grafana; AWX: grafana_url); annotations are POSTed to {url}/api/annotations.'),
    api_key: schemas/* string */.YjP()
        .min(1)
        .describe('Service account token (or API key) allowed to create annotations (annotations:create), sent as Authorization: Bearer (AWX: grafana_key). A secret.'),
    dashboard_uid: schemas/* string */.YjP()
        .regex(/^\S+$/, 'must be the UID of a dashboard (the part after /d/ in its URL), without spaces')
        .optional()
        .describe('UID of the dashboard the annotation belongs to (the part after /d/ in its URL); without a dashboard it is an organization annotation.'),
    dashboard_id: schemas/* number */.aig()
        .int()
        .positive()
        .optional()
        .describe("Numeric id of the dashboard, instead of dashboard_uid (AWX: dashboardId); Grafana deprecates ids, prefer the UID."),
    panel_id: schemas/* number */.aig()
        .int()
        .positive()
        .optional()
        .describe('Id of the panel on that dashboard to annotate (AWX: panelId); needs dashboard_uid or dashboard_id. Without it, every panel of the dashboard.'),
    tags: oneOrList(schemas/* array */.YOg(schemas/* string */.YjP().min(1, 'a tag cannot be empty')))
        .optional()
        .describe('Tags of the annotation, one or a list (AWX: annotation_tags); not templates. Default: herald, the trigger and the repository. A test notification always has the tag test.'),
    insecure_skip_verify: schemas/* boolean */.zMY().default(false).describe('Accept any TLS certificate (a self-signed Grafana; AWX: grafana_no_verify_ssl).'),
}, { text: 'html' }, {
    text: 'Template for the annotation text, replacing the default line and link. Grafana shows it as HTML, so values are HTML-escaped.',
}).superRefine((config, ctx) => {
    if (config.dashboard_uid !== undefined && config.dashboard_id !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['dashboard_id'], message: 'set either dashboard_uid or dashboard_id (the older numeric id), not both' });
    }
    if (config.panel_id !== undefined && config.dashboard_uid === undefined && config.dashboard_id === undefined) {
        ctx.addIssue({ code: 'custom', path: ['panel_id'], message: 'a panel belongs to a dashboard: panel_id needs dashboard_uid (or dashboard_id)' });
    }
}));
/** {url}/api/annotations, also for a Grafana under a sub-path (https://example.com/grafana/ has no double slash). */
const annotationsUrl = (config) => {
    const url = new URL(config.url);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/api/annotations`;
    return url.toString();
};
/**
 * Grafana's annotations API: one annotation per notification, a region from the run's start to its end when the start
 * is known (a deploy shows as the span it took), otherwise a point.
 */
const grafana = {
    type: 'grafana',
    get schema() {
        return grafana_schema();
    },
    // The token (the Authorization header is made of it) and credentials in the URL, if any.
    secrets: (config) => [config.api_key, ...secretsInUrl(config.url)],
    build(config, input) {
        return [
            postJson(annotationsUrl(config), grafanaAnnotation(config, input), {
                headers: { Authorization: `Bearer ${config.api_key}` },
                insecureSkipVerify: config.insecure_skip_verify,
            }),
        ];
    },
    interpret: interpretGrafanaReply,
};
/**
 * 200 {"message":"Annotation added","id":1} is a delivery; a refusal is {"message":"..."}: "Grafana error: Invalid API
 * key (HTTP 401)". A 2xx without an id is not Grafana's answer (a login page of a proxy, a url without the sub-path).
 */
function interpretGrafanaReply(reply) {
    if (reply.code !== null && reply.code >= 200 && reply.code < 300) {
        const id = replyJson(reply)?.id;
        if (typeof id === 'number')
            return {};
        return { error: `Grafana did not answer with an annotation id (HTTP ${reply.code}): is url the base URL of Grafana, with its sub-path?` };
    }
    return serviceError(reply, 'Grafana', (json) => ({ message: json.message }));
}
/** The body of POST /api/annotations: time (and timeEnd for a region) in epoch milliseconds, the dashboard, tags, text. */
function grafanaAnnotation(config, input) {
    const { time, timeEnd } = annotationTimes(input.trigger, input.vars);
    return {
        ...(config.dashboard_uid !== undefined && { dashboardUID: config.dashboard_uid }),
        ...(config.dashboard_id !== undefined && { dashboardId: config.dashboard_id }),
        ...(config.panel_id !== undefined && { panelId: config.panel_id }),
        time,
        ...(timeEnd !== undefined && { timeEnd }),
        tags: annotationTags(config, input),
        text: renderText(config, input, 'html') ?? grafanaText(input.message),
    };
}
/**
 * When: a success or an error whose run's start is known (workflow_run's run_started_at, or the time a `started` step
 * recorded) spans from the start to the end (start + duration: the completion of a workflow_run, else now); a start
 * is a point at the start; everything else a point at the time of sending.
 */
function annotationTimes(trigger, vars) {
    const now = Date.parse(vars.timestamp);
    const start = vars.startedAt ? Date.parse(vars.startedAt) : Number.NaN;
    if (trigger === 'started')
        return { time: Number.isNaN(start) ? now : start };
    // fixed and broken are a success and an error: regions too.
    const ended = baseTrigger(trigger);
    if ((ended === 'success' || ended === 'error') && !Number.isNaN(start) && vars.durationSeconds !== null) {
        return { time: start, timeEnd: start + vars.durationSeconds * 1000 };
    }
    return { time: now };
}
/** The configured tags or herald, the trigger and the repository; a test is always tagged test (to find and delete it). */
function annotationTags(config, input) {
    const tags = config.tags ?? ['herald', input.trigger, input.vars.repository].filter(Boolean);
    return input.trigger === 'test' && !tags.includes('test') ? [...tags, 'test'] : tags;
}
/**
 * The message's one line and a link to the run, HTML-escaped: Grafana renders annotation text as (sanitized) HTML. A
 * failure adds its failed jobs on a line of their own, each linked: "Failed jobs: build: Run tests; e2e: timed out".
 */
function grafanaText(message) {
    const line = escapeHtml(message.line);
    const text = message.url ? `${line} <a href="${escapeHtml(message.url)}">View run</a>` : line;
    if (message.failedJobs.length === 0)
        return text;
    const { jobs, more } = listFailedJobs(message);
    const items = jobs.map((job) => htmlLink(job.name, job.url) + (job.detail ? `: ${escapeHtml(job.detail)}` : ''));
    return `${text}<br>${escapeHtml(failedJobsLabel(message))}: ${[...items, ...(more ? [escapeHtml(more)] : [])].join('; ')}`;
}

;// CONCATENATED MODULE: ./src/render/irc-lines.ts
/** IRC's limit on one line, CR LF included (RFC 2812, 2.3): what a message's text is fitted into. */
const IRC_LINE_BYTES = 512;
/** Bytes of one code point in UTF-8 (a lone surrogate is written as U+FFFD, three bytes). */
const utf8Bytes = (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);
/**
 * `text` as IRC message texts of at most `maxBytes` UTF-8 bytes each: one per line of `text`, a longer line split at
 * spaces, a word longer than a whole line split between characters (never inside one). Blank lines are dropped (IRC
 * refuses an empty message) and NUL removed: CR, LF and NUL end an IRC line, so none of them is ever in a text.
 */
function splitIrcText(text, maxBytes) {
    if (maxBytes < 4)
        throw new RangeError(`an IRC text needs room for one character, got ${maxBytes} bytes`);
    const texts = [];
    for (const line of text.replace(/\0/g, '').split(/\r\n|\r|\n/)) {
        let rest = line.trimEnd();
        while (rest.trim() !== '') {
            const fits = fittingPrefix(rest, maxBytes);
            if (fits === rest.length) {
                texts.push(rest);
                break;
            }
            // At the last space that leaves something on this line; a word longer than a line is cut where it no longer fits.
            const space = rest.lastIndexOf(' ', fits);
            const cut = space > 0 && rest.slice(0, space).trim() !== '' ? space : fits;
            texts.push(rest.slice(0, cut).trimEnd());
            rest = rest.slice(cut).trimStart();
        }
    }
    return texts;
}
/** The length (in UTF-16 code units) of the longest start of `text` that is at most `maxBytes` in UTF-8, whole code points only. */
function fittingPrefix(text, maxBytes) {
    let bytes = 0;
    let length = 0;
    for (const char of text) {
        bytes += utf8Bytes(char.codePointAt(0));
        if (bytes > maxBytes)
            break;
        length += char.length;
    }
    return length;
}

;// CONCATENATED MODULE: ./src/destinations/irc.ts








/** RFC 2812's nickname: a letter or one of []\`_^{|}, then letters, digits, those and `-`. */
const NICKNAME = /^[A-Za-z[\]\\`_^{|}][\w[\]\\`^{|}-]*$/;
/** A channel: #, &, + or ! and a name without spaces, commas, colons, BEL or NUL (RFC 2812, 1.3), at most 50 long. */
const CHANNEL = /^[#&+!][^\s,:\x07\0]{1,49}$/;
const isChannel = (target) => CHANNEL.test(target);
/**
 * Room kept in every line for the source a server puts before a message it relays, `:nick!~herald@host `: the nick
 * with a suffix of up to 3 characters (when the nick is taken), the user Herald registers as, and a host name of up
 * to 63 bytes. Without it, the copy that reaches the channel could be cut by the server.
 */
const relayedSourceBytes = (nickname) => byteLength(`:${nickname}999!~${IRC_USER}@${'h'.repeat(63)} `);
/** The user name (USER) Herald registers with. */
const IRC_USER = 'herald';
const irc_schema = builtOnFirstUse(() => destinationSchema('irc', {
    server: schemas/* string */.YjP()
        .trim()
        .regex(/^[^\s/]+$/, 'must be a host name or an IP address, without irc:// or a path: irc.libera.chat')
        .describe('IRC server name or IP address (AWX: server).'),
    port: schemas/* number */.aig().int().min(1).max(65535).optional().describe('Port: 6697 with use_ssl, 6667 without (AWX: port).'),
    use_ssl: schemas/* boolean */.zMY().default(false).describe('TLS from the first byte, as IRC networks offer on 6697 (AWX: use_ssl).'),
    insecure_skip_verify: schemas/* boolean */.zMY().default(false).describe('With use_ssl: accept a certificate that does not verify (self-signed, another host name).'),
    nickname: schemas/* string */.YjP()
        .max(50)
        .regex(NICKNAME, 'must be an IRC nick: a letter or one of []\\`_^{|} first, then letters, digits, those and -')
        .describe('Nick to register as (AWX: nickname). Taken, it gets a number: herald1, herald2, ... (shortened when the server allows fewer characters).'),
    password: schemas/* string */.YjP()
        .min(1)
        .regex(/^[^\r\n\0]*$/, 'cannot hold a line break or NUL')
        .optional()
        .describe('Server password, sent as PASS before registering (AWX: password). A secret: masked as **** everywhere.'),
    targets: oneOrMany(schemas/* string */.YjP().refine((target) => isChannel(target) || (target.length <= 50 && NICKNAME.test(target)), 'must be a channel (#ops) or a nick (alice)'), 'needs at least one channel or nick').describe('Channels (#ops, joined before sending) and nicks to send to, one or a list (AWX: targets).'),
    notice: schemas/* boolean */.zMY().default(false).describe('Send NOTICE instead of PRIVMSG (clients do not highlight it, bots do not answer it).'),
}, { text: 'irc' }, {
    text: 'Template for the text, replacing the default line: each of its lines is one message; a line too long for IRC is split at spaces. ' +
        'Values never add lines (their line breaks become spaces).',
}));
/** IRC: one connection to the server that registers, joins the channels, sends each line to each target and quits. */
const irc = {
    type: 'irc',
    get schema() {
        return irc_schema();
    },
    secrets: (config) => [config.password ?? ''],
    build(config, input) {
        const command = config.notice ? 'NOTICE' : 'PRIVMSG';
        const port = config.port ?? (config.use_ssl ? 6697 : 6667);
        const lines = splitIrcText(renderText(config, input, 'irc') ?? ircText(input.message), textBytes(command, config.targets, config.nickname));
        if (lines.length === 0)
            return [];
        return [
            {
                transport: 'irc',
                url: serverUrl(config.use_ssl ? 'ircs' : 'irc', config.server, port),
                irc: {
                    host: config.server,
                    port,
                    tls: config.use_ssl,
                    insecureSkipVerify: config.insecure_skip_verify,
                    nickname: config.nickname,
                    ...(config.password !== undefined && { password: config.password }),
                },
                command,
                targets: config.targets,
                lines,
                body: config.targets.flatMap((target) => lines.map((line) => `${command} ${target} :${line}`)).join('\n'),
            },
        ];
    },
    interpret: describeIrcReply,
};
/**
 * The bytes a message's text may take: IRC's 512 less CR LF, `PRIVMSG <target> :` for the longest target, and the
 * source the server adds when it relays the line.
 */
function textBytes(command, targets, nickname) {
    const longest = Math.max(...targets.map(byteLength));
    return IRC_LINE_BYTES - 2 - byteLength(`${command}  :`) - longest - relayedSourceBytes(nickname);
}
/**
 * The default text: the message's one line and the run's link, "CI failed on main in octo/app (#42) https://...",
 * plain (no mIRC colours, which some clients show as junk), and a test notification's description on a second line.
 * A failure's failed jobs follow on a line of their own, each with its link: "Failed jobs: build: Run tests https://...;
 * e2e: timed out https://..." (split into more lines, at spaces, when it is longer than one).
 */
function ircText(message) {
    const oneLine = (text) => text.replace(/\s*[\r\n\0]+\s*/g, ' ');
    const first = oneLine(`${message.line}${message.url ? ` ${message.url}` : ''}`);
    const lines = [first, ...(message.description ? [oneLine(message.description)] : [])];
    if (message.failedJobs.length > 0) {
        const { jobs, more } = listFailedJobs(message);
        const items = jobs.map((job) => `${failedJobText(job)}${job.url ? ` ${job.url}` : ''}`);
        lines.push(oneLine(`${failedJobsLabel(message)}: ${[...items, ...(more ? [more] : [])].join('; ')}`));
    }
    return lines.join('\n');
}
/** A refusal after the stage it happened at: "the IRC server refused JOIN #ops: 474 #ops Cannot join channel (+b)". */
function describeIrcReply(reply) {
    if (reply.code === null && !reply.stage)
        return {};
    const code = reply.code === null ? '' : `${String(reply.code).padStart(3, '0')} `;
    return { error: `the IRC server refused ${reply.stage ?? 'the message'}: ${code}${reply.body}` };
}

;// CONCATENATED MODULE: ./src/destinations/shared/attachment-message.ts






/** Cut long values here: both services take far more, but a 5,000-character commit message is not worth reading. */
const VALUE_LIMIT = 1000;
/**
 * The Slack-style message attachment that Mattermost and Rocket.Chat incoming webhooks both take: a colour bar, the title
 * linked to the run, and the facts as Markdown fields (values escaped, links kept).
 */
function messageAttachment(message) {
    return {
        fallback: truncate(`${message.emoji} ${message.line}`, 300),
        color: message.colour,
        title: truncate(`${message.emoji} ${message.title}`, 250),
        ...(message.url && { title_link: message.url }),
        ...(message.description && { text: markdownLink(message.description, undefined, VALUE_LIMIT) }),
        fields: [
            ...message.facts.map((fact) => ({
                short: !isSentence(fact),
                title: fact.label,
                value: markdownLink(fact.value, fact.url, VALUE_LIMIT),
            })),
            ...attachment_message_failedJobsField(message),
        ],
    };
}
/** The failed jobs as one long field, a line per job: "- [build](url): Run tests". */
function attachment_message_failedJobsField(message) {
    if (message.failedJobs.length === 0)
        return [];
    const value = failedJobList(message, VALUE_LIMIT, { escape: escapers.markdown, link: markdownLink }, '- ');
    return [{ short: false, title: failedJobsLabel(message), value }];
}
/**
 * The POST of a Mattermost or Rocket.Chat incoming webhook: the user's payload template, or the user's `text` (Markdown
 * escaped, cut to `textLimit`), the set `fields` (username, channel, icon_url) and the attachment.
 */
function attachmentPost(url, config, input, textLimit, fields) {
    const payload = renderPayload(config, input);
    const tls = { insecureSkipVerify: config.insecure_skip_verify ?? false };
    if (payload !== undefined)
        return postJson(url, payload, tls);
    const text = renderText(config, input, 'markdown');
    const set = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return postJson(url, {
        ...(text !== undefined && { text: truncate(text, textLimit) }),
        ...set,
        attachments: [messageAttachment(input.message)],
    }, tls);
}

;// CONCATENATED MODULE: ./src/destinations/shared/hook-key.ts

/**
 * The secret part of a Mattermost (/hooks/KEY) or Rocket.Chat (/hooks/ID/TOKEN) incoming webhook URL: whoever has it
 * can post. Only that part is masked, so the record still shows which server was called.
 */
function hookKey(url) {
    let path;
    try {
        path = new URL(url).pathname;
    }
    catch {
        return [];
    }
    const match = /\/hooks\/(.+?)\/?$/.exec(path);
    const keys = match ? match[1].split('/').filter((part) => part.length >= 8) : [];
    return [...keys, ...secretsInUrl(url)];
}

;// CONCATENATED MODULE: ./src/destinations/mattermost.ts






/** Mattermost's post limit (16,383 characters). */
const TEXT_LIMIT = 16383;
const mattermost_schema = builtOnFirstUse(() => destinationSchema('mattermost', {
    url: httpUrl.describe('Incoming webhook URL (https://chat.example.com/hooks/KEY). The key is masked; the server stays visible.'),
    username: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Name to post as (needs "Enable integrations to override usernames"); the webhook\'s by default.'),
    channel: schemas/* string */.YjP().min(1).optional().describe("Channel to post to; the webhook's by default."),
    icon_url: httpUrl
        .optional()
        .describe('Icon to post with (needs "Enable integrations to override profile picture icons"); the webhook\'s by default.'),
    insecure_skip_verify: schemas/* boolean */.zMY()
        .default(false)
        .describe("Accept any TLS certificate (a self-hosted server with an internal CA; AWX's mattermost_no_verify_ssl)."),
}, { text: 'markdown', payload: 'json' }, { text: 'Template for the message text above the attachment. Values are Markdown-escaped.', payload: CHAT_PAYLOAD }));
/** A Mattermost incoming webhook (AWX's fields): a coloured attachment with the facts. */
const mattermost = {
    type: 'mattermost',
    get schema() {
        return mattermost_schema();
    },
    secrets: (config) => hookKey(config.url),
    build(config, input) {
        return [attachmentPost(config.url, config, input, TEXT_LIMIT, { username: config.username, channel: config.channel, icon_url: config.icon_url })];
    },
    interpret: (reply) => serviceError(reply, 'Mattermost', (json) => ({ message: json.message })),
};

;// CONCATENATED MODULE: ./src/destinations/pagerduty.ts







/** PagerDuty's Events API v2 limits (developer.pagerduty.com/docs/events-api-v2/trigger-events). */
const PAGERDUTY_LIMITS = { summary: 1024, dedupKey: 255 };
const SEVERITIES = ['critical', 'error', 'warning', 'info'];
/** The triggers that open an incident, and so carry a severity. */
const INCIDENT_TRIGGERS = ['error', 'test'];
const DEFAULT_SEVERITY = { error: 'critical', test: 'info' };
const pagerduty_schema = builtOnFirstUse(() => destinationSchema('pagerduty', {
    routing_key: schemas/* string */.YjP().min(1).describe('Integration key of an Events API v2 integration (AWX: service_key). A secret.'),
    severity: schemas/* union */.KCZ([schemas/* enum */.k5n(SEVERITIES), schemas/* partialRecord */.jgl(schemas/* enum */.k5n(INCIDENT_TRIGGERS), schemas/* enum */.k5n(SEVERITIES))])
        .optional()
        .describe('critical, error, warning or info: one for every event that opens an incident, or one per trigger ({error: warning, test: info}). ' +
        'Default: critical for error, info for a test notification.'),
    client_name: schemas/* string */.YjP().min(1).optional().describe('Name of the monitoring client shown on the incident (AWX: client_name); GitHub Actions by default.'),
    client_url: httpUrl.optional().describe("The client's link on the incident; the workflow run by default."),
    api_url: httpUrl
        .default('https://events.pagerduty.com')
        .describe('Events API base URL (a proxy or a test server); events are POSTed to {api_url}/v2/enqueue.'),
}, { summary: 'text', source: 'text', component: 'text', group: 'text', class: 'text', dedup_key: 'text' }, {
    summary: "Template for the incident's summary (at most 1024 characters, longer is cut); the message's one line by default.",
    source: 'Template for the affected system (payload.source); the repository by default.',
    component: 'Template for the component of the source that is responsible (payload.component); none by default.',
    group: 'Template for the logical grouping of components (payload.group); none by default.',
    class: 'Template for the class or type of the event (payload.class); none by default.',
    dedup_key: 'Template for the incident key that a success resolves (at most 255 characters); <<repository>>/<<workflow>>/<<branch>> by default.',
}));
/** The triggers PagerDuty has no event for, and why: an incident is opened by a failure and resolved by a success. */
const NO_EVENT = {
    started: 'PagerDuty has no event for a start (error and broken trigger an incident, success and fixed resolve it)',
    approval: 'PagerDuty has no event for an approval (error and broken trigger an incident, success and fixed resolve it)',
};
/**
 * PagerDuty Events API v2: an error (or broken) triggers an incident, a success (or fixed) resolves it through the same
 * dedup key (so a fix closes what the break opened), a start or an approval sends nothing, a test notification triggers
 * an info incident of its own key.
 */
const pagerduty = {
    type: 'pagerduty',
    get schema() {
        return pagerduty_schema();
    },
    secrets: (config) => [config.routing_key],
    skip: (_config, trigger) => NO_EVENT[trigger],
    build(config, input) {
        if (NO_EVENT[input.trigger])
            return [];
        const url = `${config.api_url.replace(/\/+$/, '')}/v2/enqueue`;
        return [postJson(url, pagerDutyEvent(config, input))];
    },
    interpret: interpretPagerDutyReply,
};
/** 202 {"status":"success"} is a delivery; a 400 says {"message": "Event object is invalid", "errors": [...]}. */
function interpretPagerDutyReply(reply) {
    return serviceError(reply, 'PagerDuty', (json) => {
        const errors = Array.isArray(json.errors) ? json.errors.filter((error) => typeof error === 'string') : [];
        const words = [json.message, ...errors].filter((part) => typeof part === 'string' && part !== '');
        return { message: words.join(': ') };
    });
}
/** The event a trigger sends: trigger (error, test) with a payload, or resolve (success) with the key alone. */
function pagerDutyEvent(config, input) {
    const { trigger, message, vars } = input;
    const template = (field) => {
        const value = templateFor(config, trigger, field);
        return value === undefined ? undefined : input.render(value, 'text', field) || undefined;
    };
    const key = template('dedup_key') ?? [vars.repository, vars.workflow, vars.branch || vars.tag].join('/');
    // A test gets a key of its own: it must neither resolve nor be resolved by a real incident.
    const dedupKey = truncate(trigger === 'test' ? `herald-test/${key}` : key, PAGERDUTY_LIMITS.dedupKey);
    if (baseTrigger(trigger) === 'success')
        return { routing_key: config.routing_key, event_action: 'resolve', dedup_key: dedupKey };
    const optional = (field) => {
        const value = template(field);
        return value === undefined ? {} : { [field]: value };
    };
    const links = [
        ...(vars.runUrl ? [{ href: vars.runUrl, text: 'Workflow run' }] : []),
        ...(vars.commitUrl ? [{ href: vars.commitUrl, text: `Commit ${vars.shortSha}` }] : []),
        ...listFailedJobs(message).jobs.flatMap((job) => (job.url ? [{ href: job.url, text: `Failed job: ${job.name}` }] : [])),
    ];
    const clientUrl = config.client_url ?? (message.url || undefined);
    return {
        routing_key: config.routing_key,
        event_action: 'trigger',
        dedup_key: dedupKey,
        payload: {
            summary: truncate(template('summary') ?? message.line, PAGERDUTY_LIMITS.summary),
            source: template('source') ?? (vars.repository || 'GitHub Actions'),
            severity: severityOf(config, trigger),
            ...(vars.timestamp && { timestamp: vars.timestamp }),
            ...optional('component'),
            ...optional('group'),
            ...optional('class'),
            custom_details: customDetails(message),
        },
        client: config.client_name ?? 'GitHub Actions',
        ...(clientUrl && { client_url: clientUrl }),
        links,
    };
}
function severityOf(config, trigger) {
    // broken is an error; its severity is error's.
    const incident = trigger === 'test' ? 'test' : 'error';
    if (typeof config.severity === 'string')
        return config.severity;
    return config.severity?.[incident] ?? DEFAULT_SEVERITY[incident];
}
/**
 * The facts by their stable kind (event rules can match custom_details.branch), the test's sentence as description,
 * and the failed jobs as a list of lines ("build: Run tests", then "and 2 more failed jobs"); their pages are links.
 */
function customDetails(message) {
    const details = message.description ? { description: message.description } : {};
    for (const fact of message.facts)
        details[fact.kind] = fact.value;
    if (message.failedJobs.length > 0) {
        const { jobs, more } = listFailedJobs(message);
        details.failed_jobs = [...jobs.map(failedJobText), ...(more ? [more] : [])];
    }
    return details;
}

;// CONCATENATED MODULE: ./src/destinations/rocketchat.ts






/** Rocket.Chat's default Message_MaxAllowedSize. */
const rocketchat_TEXT_LIMIT = 5000;
const rocketchat_schema = builtOnFirstUse(() => destinationSchema('rocketchat', {
    url: httpUrl.describe('Incoming webhook URL (https://rocket.example.com/hooks/ID/TOKEN). ID and token are masked.'),
    username: schemas/* string */.YjP().min(1).optional().describe("Name to post as; the integration's by default."),
    icon_url: httpUrl.optional().describe("Avatar to post with; the integration's by default."),
    insecure_skip_verify: schemas/* boolean */.zMY()
        .default(false)
        .describe("Accept any TLS certificate (a self-hosted server with an internal CA; AWX's rocketchat_no_verify_ssl)."),
}, { text: 'markdown', payload: 'json' }, { text: 'Template for the message text above the attachment. Values are Markdown-escaped.', payload: CHAT_PAYLOAD }));
/** A Rocket.Chat incoming webhook (AWX's fields): a coloured attachment with the facts. */
const rocketchat = {
    type: 'rocketchat',
    get schema() {
        return rocketchat_schema();
    },
    secrets: (config) => hookKey(config.url),
    build(config, input) {
        return [attachmentPost(config.url, config, input, rocketchat_TEXT_LIMIT, { username: config.username, icon_url: config.icon_url })];
    },
    interpret: (reply) => serviceError(reply, 'Rocket.Chat', (json) => ({ message: json.error ?? json.message })),
};

// EXTERNAL MODULE: ./node_modules/aws4/aws4.js
var aws4 = __webpack_require__(8832);
var aws4_default = /*#__PURE__*/__webpack_require__.n(aws4);
;// CONCATENATED MODULE: ./src/destinations/shared/aws-request.ts

/** A POST to an AWS endpoint, signed with Signature Version 4 by aws4 for `service` in `region`. */
function signedAwsPost(url, service, region, contentType, body, credentials) {
    const signed = aws4_default().sign({ method: 'POST', host: url.host, path: url.pathname, service, region, headers: { 'Content-Type': contentType }, body }, {
        accessKeyId: credentials.access_key_id,
        secretAccessKey: credentials.secret_access_key,
        ...(credentials.session_token !== undefined && { sessionToken: credentials.session_token }),
    });
    const headers = Object.fromEntries(Object.entries(signed.headers ?? {}).map(([name, value]) => [name, String(value)]));
    return { transport: 'http', method: 'POST', url: url.href, headers, body };
}

// EXTERNAL MODULE: ./src/transport/retry-after.ts
var retry_after = __webpack_require__(896);
;// CONCATENATED MODULE: ./src/destinations/ses.ts






const ses_schema = builtOnFirstUse(() => destinationSchema('ses', {
    access_key_id: schemas/* string */.YjP().trim().min(1).describe('Access key id of a user or role allowed ses:SendEmail. Masked.'),
    secret_access_key: schemas/* string */.YjP().min(1).describe('Its secret key. Masked.'),
    session_token: schemas/* string */.YjP().min(1).optional().describe('Session token of temporary credentials (STS, OIDC). Masked.'),
    region: schemas/* string */.YjP()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1 or eu-west-1')
        .default('us-east-1')
        .describe('The SES region where from is verified, e.g. eu-west-1.'),
    api_url: httpUrl
        .optional()
        .describe('Another endpoint: a VPC endpoint, a proxy, LocalStack (default https://email.{region}.amazonaws.com). The path /v2/email/outbound-emails is added.'),
    ...mailAddressFields,
}, MAIL_TEMPLATES, MAIL_TEMPLATE_DESCRIPTIONS));
const SEND_EMAIL_PATH = '/v2/email/outbound-emails';
/** E-mail through Amazon SES v2 SendEmail, signed with SigV4 (aws4): one message to all recipients. */
const ses = {
    type: 'ses',
    get schema() {
        return ses_schema();
    },
    secrets: (config) => [config.access_key_id, config.secret_access_key, config.session_token ?? ''],
    build(config, input) {
        const content = composeMail(config, input);
        const utf8 = (data) => ({ Data: data, Charset: 'UTF-8' });
        const request = {
            FromEmailAddress: config.from,
            Destination: { ToAddresses: config.to, CcAddresses: config.cc, BccAddresses: config.bcc },
            ReplyToAddresses: config.reply_to,
            Content: {
                Simple: {
                    Subject: utf8(content.subject),
                    Body: {
                        ...(content.text !== undefined && { Text: utf8(content.text) }),
                        ...(content.html !== undefined && { Html: utf8(content.html) }),
                    },
                },
            },
        };
        const body = JSON.stringify(request);
        const url = new URL(`${(config.api_url ?? `https://email.${config.region}.amazonaws.com`).replace(/\/+$/, '')}${SEND_EMAIL_PATH}`);
        return [signedAwsPost(url, 'ses', config.region, 'application/json', body, config)];
    },
    interpret: describeSesReply,
};
/**
 * The error types AWS SDKs retry as throttling (@smithy/service-error-classification) that SES v2 answers with: a 429
 * TooManyRequestsException, or a 400 for a sending rate or quota exceeded.
 */
const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);
/** Without a Retry-After, a throttled request is tried again after this long (plus the retry backoff). */
const THROTTLED_WAIT_MS = 1000;
/**
 * SES's own words for a refusal: the error type (x-amzn-ErrorType, or __type/code in the body) and its message,
 * e.g. "SES 400 MessageRejected: Email address is not verified. ...". Throttling is retried, whatever the status.
 */
function describeSesReply(reply) {
    if (reply.code !== null && reply.code >= 200 && reply.code < 300)
        return {};
    let parsed = {};
    try {
        const value = JSON.parse(reply.body);
        if (value && typeof value === 'object')
            parsed = value;
    }
    catch {
        // Not JSON (a proxy's error page): the status and the raw body will do.
    }
    const text = (value) => (typeof value === 'string' && value ? value : undefined);
    // "MessageRejected", "MessageRejected:http://internal.amazon.com/...", "com.amazonaws.sesv2#MessageRejected"
    const type = (text(reply.headers?.['x-amzn-errortype']) ?? text(parsed.__type) ?? text(parsed.code) ?? '')
        .split(':')[0]
        .split('#')
        .at(-1);
    const message = text(parsed.message) ?? text(parsed.Message) ?? (reply.body.trim() || undefined);
    const what = [type, message].filter(Boolean).join(': ');
    const error = `SES ${reply.code ?? ''}${what ? ` ${what}` : ''}`.trim();
    if (!type || !THROTTLING.has(type))
        return { error };
    return { error, retryAfterMs: (0,retry_after/* parseRetryAfter */.m)(reply.headers?.['retry-after']) ?? THROTTLED_WAIT_MS };
}

;// CONCATENATED MODULE: ./src/destinations/slack.ts











/** Block Kit's limits (docs.slack.dev/reference/block-kit). */
const SLACK_LIMITS = { blocks: 50, header: 150, sectionText: 3000, fields: 10, fieldText: 2000, buttonText: 75, url: 3000, text: 40000 };
const channelList = oneOrMany(schemas/* string */.YjP().min(1), 'needs at least one channel');
const slack_schema = builtOnFirstUse(() => destinationSchema('slack', {
    webhook_url: httpUrl.optional().describe('Incoming webhook URL (one of webhook_url or token). A secret: masked as **** everywhere.'),
    token: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Bot token (xoxb-...; one of webhook_url or token); Herald calls chat.postMessage with Authorization: Bearer. A secret.'),
    channels: channelList
        .optional()
        .describe('Channel names or IDs, one string or a list; required with token, not allowed with webhook_url. One request per channel.'),
    api_url: httpUrl
        .default('https://slack.com/api')
        .describe('Base of the Web API, for GovSlack (https://slack-gov.com/api), a proxy or tests.'),
    hex_color: schemas/* string */.YjP()
        .regex(/^#?[0-9a-fA-F]{6}$/, 'must be a colour like "#2eb886"')
        .optional()
        .describe("Colour of the attachment bar, #rrggbb; the outcome's colour by default."),
    username: schemas/* string */.YjP().min(1).optional().describe('Name to post as (bot tokens need chat:write.customize).'),
    icon_url: httpUrl.optional().describe('Icon to post with.'),
    icon_emoji: schemas/* string */.YjP().min(1).optional().describe('Icon to post with, as an emoji (:bell:).'),
    thread_replies: schemas/* boolean */.zMY()
        .default(false)
        .describe('With token, when an error edits the earlier message (track-job, update-messages): also post it as a reply in ' +
        "that message's thread, since an edit notifies no one."),
}, { text: 'slack', payload: 'json' }, {
    text: 'Template for the message text shown above the card (and in notifications). Values have &, < and > escaped, so they cannot mention or link.',
    payload: `${CHAT_PAYLOAD} With token, channel is set per channel.`,
}).superRefine((config, ctx) => {
    if (config.webhook_url !== undefined && config.token !== undefined) {
        ctx.addIssue({
            code: 'custom',
            path: ['token'],
            message: 'set either webhook_url (an incoming webhook) or token + channels (a bot token), not both',
        });
    }
    else if (config.webhook_url === undefined && config.token === undefined) {
        ctx.addIssue({
            code: 'custom',
            path: [],
            message: 'needs webhook_url (an incoming webhook) or token + channels (a bot token posting with chat.postMessage)',
        });
    }
    else if (config.token !== undefined && config.channels === undefined) {
        ctx.addIssue({ code: 'custom', path: ['channels'], message: 'a bot token needs channels to post to, e.g. channels: ["#ci"]' });
    }
    else if (config.webhook_url !== undefined && config.channels !== undefined) {
        ctx.addIssue({
            code: 'custom',
            path: ['channels'],
            message: 'an incoming webhook posts to its own channel; channels needs token instead of webhook_url',
        });
    }
    if (config.webhook_url !== undefined && config.thread_replies) {
        ctx.addIssue({
            code: 'custom',
            path: ['thread_replies'],
            message: 'an incoming webhook cannot edit what it posted, so there is no thread to reply in; thread_replies needs token + channels',
        });
    }
}));
/** Slack: an incoming webhook, or a bot token posting with chat.postMessage to each channel. */
const slack = {
    type: 'slack',
    get schema() {
        return slack_schema();
    },
    secrets: (config) => [...(config.webhook_url ? secretUrl(config.webhook_url, 1) : []), config.token ?? ''],
    build(config, input) {
        const payload = renderPayload(config, input);
        const body = payload ?? JSON.stringify(slackMessage(config, input));
        if (config.webhook_url !== undefined)
            return [postJson(config.webhook_url, body)];
        const api = config.api_url.replace(/\/+$/, '');
        const headers = { Authorization: `Bearer ${config.token}` };
        const message = JSON.parse(body);
        if (message === null || typeof message !== 'object' || Array.isArray(message)) {
            throw new TemplateError('in payload: chat.postMessage needs a JSON object');
        }
        return (config.channels ?? []).flatMap((channel) => {
            const earlier = slackHandle(input.previous?.[channel]);
            if (!earlier)
                return [postJson(`${api}/chat.postMessage`, { ...message, channel }, { headers, label: channel })];
            // chat.update takes no username or icon: the message keeps the ones it was posted with.
            const { username: _username, icon_url: _url, icon_emoji: _emoji, ...edit } = message;
            const update = postJson(`${api}/chat.update`, { ...edit, ...earlier }, { headers, label: channel });
            if (!config.thread_replies || input.trigger !== 'error')
                return [update];
            const reply = { ...message, channel: earlier.channel, thread_ts: earlier.ts };
            return [update, postJson(`${api}/chat.postMessage`, reply, { headers, label: `${channel} (thread reply)` })];
        });
    },
    interpret: interpretSlackReply,
};
/** A kept chat.postMessage answer, when it has what chat.update needs. */
function slackHandle(handle) {
    return typeof handle?.channel === 'string' && typeof handle.ts === 'string' ? { channel: handle.channel, ts: handle.ts } : undefined;
}
/** chat.update's refusals that a new message gets round: the message is gone, or this token may not edit it. */
const slack_EDIT_REFUSALS = ['message_not_found', 'cant_update_message', 'edit_window_closed', 'missing_scope'];
/**
 * chat.postMessage answers 200 {"ok":false,"error":"..."}; an incoming webhook answers 4xx with the code as text. A
 * message posted or updated with a token is kept by its channel and ts, a thread reply is not (it is never edited).
 */
function interpretSlackReply(reply) {
    const json = replyJson(reply);
    if (json?.ok === false) {
        const error = `Slack error: ${String(json.error ?? 'unknown')}`;
        if (slack_EDIT_REFUSALS.includes(json.error))
            return { error, fallback: true };
        if (json.error !== 'ratelimited')
            return { error };
        return { error, retryAfterMs: (0,retry_after/* parseRetryAfter */.m)(reply.headers?.['retry-after']) ?? 1000 };
    }
    if (json?.ok === true && typeof json.channel === 'string' && typeof json.ts === 'string' && json.message?.thread_ts === undefined) {
        return { keep: { channel: json.channel, ts: json.ts } };
    }
    if (reply.code !== null && reply.code >= 400 && /^[a-z_]{2,64}$/.test(reply.body.trim())) {
        return { error: `Slack error: ${reply.body.trim()} (HTTP ${reply.code})` };
    }
    return {};
}
const mrkdwn = (text) => escapers.slack(text);
/** What would end a `<url|text>` link early (`>`, `|`, a space) is percent-encoded. */
const slack_linkTarget = (url) => url.replace(/[<>|\s]/g, encodeURIComponent);
/** `<url|text>` with the text escaped and cut to `max` in all. */
function slackLink(text, url, max) {
    if (!url)
        return truncateEscaped(text, max, mrkdwn);
    const target = slack_linkTarget(url);
    return `<${target}|${truncateEscaped(text, Math.max(1, max - target.length - 3), mrkdwn)}>`;
}
const field = (fact, max) => {
    const label = `*${mrkdwn(fact.label)}*\n`;
    return label + slackLink(fact.value, fact.url, max - label.length);
};
/** "*Failed jobs*", a bullet per job (its name linked to its page, then its failed steps), "and 2 more failed jobs". */
function slack_failedJobsText(message) {
    const heading = `*${failedJobsLabel(message)}*\n`;
    return heading + failedJobList(message, SLACK_LIMITS.sectionText - heading.length, { escape: mrkdwn, link: slackLink }, '• ');
}
/** The default message: a coloured attachment with a header, the facts, the commit and a button to the run. */
function slackMessage(config, input) {
    const { message } = input;
    const text = renderText(config, input, 'slack');
    const blocks = slackBlocks(message);
    const attachment = {
        color: config.hex_color ? `#${config.hex_color.replace(/^#/, '')}` : message.colour,
        fallback: truncate(`${message.emoji} ${message.line}`, 300),
        blocks,
    };
    return {
        ...(text !== undefined && { text: truncate(text, SLACK_LIMITS.text) }),
        ...(config.username !== undefined && { username: config.username }),
        ...(config.icon_url !== undefined && { icon_url: config.icon_url }),
        ...(config.icon_emoji !== undefined && { icon_emoji: config.icon_emoji }),
        attachments: [attachment],
    };
}
function slackBlocks(message) {
    const commit = factOf(message, 'commit');
    const fields = message.facts.filter((fact) => fact !== commit).slice(0, SLACK_LIMITS.fields);
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: truncate(`${message.emoji} ${message.title}`, SLACK_LIMITS.header), emoji: true } },
    ];
    if (message.description) {
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncateEscaped(message.description, SLACK_LIMITS.sectionText, mrkdwn) } });
    }
    if (fields.length > 0) {
        blocks.push({
            type: 'section',
            fields: fields.map((fact) => ({ type: 'mrkdwn', text: field(fact, SLACK_LIMITS.fieldText) })),
        });
    }
    if (commit)
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: field(commit, SLACK_LIMITS.sectionText) } });
    if (message.failedJobs.length > 0)
        blocks.push({ type: 'section', text: { type: 'mrkdwn', text: slack_failedJobsText(message) } });
    if (message.url && message.url.length <= SLACK_LIMITS.url) {
        blocks.push({
            type: 'actions',
            elements: [{ type: 'button', text: { type: 'plain_text', text: 'View run', emoji: true }, url: message.url }],
        });
    }
    return blocks.slice(0, SLACK_LIMITS.blocks);
}

;// CONCATENATED MODULE: ./src/destinations/sns.ts








/** Publish's limits (docs.aws.amazon.com/sns/latest/api/API_Publish.html): the message with its attributes, the subject. */
const SNS_LIMITS = { messageBytes: 256 * 1024, subject: 100, attributes: 10 };
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
/** arn:aws:sns:<region>:<account>:<name>, in any partition (aws, aws-cn, aws-us-gov). */
const TOPIC_ARN = /^arn:aws[a-z-]*:sns:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:[A-Za-z0-9_-]{1,256}$/;
/** Why a message attribute name is refused: letters, digits, _ - and . (not first, last, nor twice in a row), not AWS. or Amazon. */
function attributeNameProblem(name) {
    if (!/^(?!\.)(?!.*\.\.)[A-Za-z0-9_.-]{1,256}(?<!\.)$/.test(name)) {
        return 'an attribute name must be 1 to 256 letters, digits, _, - or . (not first, last or twice in a row)';
    }
    if (/^(aws|amazon)\./i.test(name))
        return 'an attribute name must not start with AWS. or Amazon. (reserved)';
    return undefined;
}
const messageAttributes = schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP()).superRefine((attributes, ctx) => {
    for (const name of Object.keys(attributes)) {
        const problem = attributeNameProblem(name);
        if (problem)
            ctx.addIssue({ code: 'custom', path: [name], message: problem });
    }
    if (Object.keys(attributes).length > SNS_LIMITS.attributes)
        ctx.addIssue({ code: 'custom', message: `at most ${SNS_LIMITS.attributes} attributes` });
});
const sns_schema = builtOnFirstUse(() => destinationSchema('sns', {
    topic_arn: schemas/* string */.YjP()
        .trim()
        // A FIFO topic needs a MessageGroupId (and a deduplication id) on every Publish: not supported yet.
        .refine((arn) => !arn.endsWith('.fifo'), 'is a FIFO topic, which Herald does not publish to yet (it needs a MessageGroupId)')
        .regex(TOPIC_ARN, 'must be an SNS topic ARN such as arn:aws:sns:eu-west-1:123456789012:ci-notifications')
        .describe('ARN of the standard (not FIFO) topic to publish to: arn:aws:sns:<region>:<account>:<name>.'),
    access_key_id: schemas/* string */.YjP().trim().min(1).describe('Access key id of a user or role allowed sns:Publish on the topic. Masked.'),
    secret_access_key: schemas/* string */.YjP().min(1).describe('Its secret key. Masked.'),
    session_token: schemas/* string */.YjP().min(1).optional().describe('Session token of temporary credentials (STS, OIDC). Masked.'),
    region: schemas/* string */.YjP()
        .regex(REGION, 'must be an AWS region such as us-east-1 or eu-west-1')
        .optional()
        .describe("The topic's region; by default the one in topic_arn."),
    message_attributes: messageAttributes
        .optional()
        .describe('Message attributes, name: value, each sent as a String attribute (for subscription filter policies). At most 10.'),
    api_url: httpUrl
        .optional()
        .describe('Another endpoint: a VPC endpoint, a proxy, LocalStack (default https://sns.{region}.amazonaws.com).'),
}, { subject: 'text', text: 'text' }, {
    subject: 'Template for the Subject (what e-mail subscribers see): made printable ASCII on one line, cut at 100 characters. ' +
        'Default: [owner/repo] <title> (#<run number>).',
    text: 'Template for the Message; values as they are. Default: the one-line story, the facts and the link to the run.',
}));
/** The region a topic lives in: the region field, else the one in its ARN. */
const snsRegion = (config) => config.region ?? TOPIC_ARN.exec(config.topic_arn)[1];
/** Amazon SNS Publish (Query API, form-encoded), signed with SigV4 (aws4): one message to the topic. */
const sns = {
    type: 'sns',
    get schema() {
        return sns_schema();
    },
    secrets: (config) => [config.access_key_id, config.secret_access_key, config.session_token ?? ''],
    build(config, input) {
        const region = snsRegion(config);
        const body = formEncode(publishParameters(config, input));
        const url = new URL((config.api_url ?? `https://sns.${region}.amazonaws.com`).replace(/\/*$/, '/'));
        return [signedAwsPost(url, 'sns', region, 'application/x-www-form-urlencoded; charset=utf-8', body, config)];
    },
    interpret: interpretSnsReply,
};
/** The Publish parameters in the order they are sent. */
function publishParameters(config, input) {
    const template = (field) => {
        const value = templateFor({ ...config }, input.trigger, field);
        return value === undefined ? undefined : input.render(value, 'text', field);
    };
    const subject = snsSubject(template('subject') ?? defaultSubject(input));
    const attributes = Object.entries(config.message_attributes ?? {}).flatMap(([name, value], i) => [
        [`MessageAttributes.entry.${i + 1}.Name`, name],
        [`MessageAttributes.entry.${i + 1}.Value.DataType`, 'String'],
        [`MessageAttributes.entry.${i + 1}.Value.StringValue`, value],
    ]);
    // The 256 KB limit counts the message and the attributes (names, types, values) together.
    const attributeBytes = attributes.reduce((sum, [, value]) => sum + byteLength(value), 0);
    const text = cutToBytes(template('text') ?? defaultText(input), SNS_LIMITS.messageBytes - attributeBytes - 1024);
    return [
        ['Action', 'Publish'],
        ['Version', '2010-03-31'],
        ['TopicArn', config.topic_arn],
        // SNS refuses an empty Message.
        ['Message', text === '' ? ' ' : text],
        ...(subject ? [['Subject', subject]] : []),
        ...attributes,
    ];
}
/**
 * A Subject SNS accepts: printable ASCII only (accents dropped, "café" is "cafe"; emoji and other characters removed),
 * one line, spaces collapsed, at most 100 characters with "..." when cut; empty when nothing is left (then none is sent).
 */
function snsSubject(text) {
    const ascii = text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[\s]+/g, ' ')
        .replace(/[^\x20-\x7e]/g, '')
        .replace(/ {2,}/g, ' ')
        .trim();
    return ascii.length <= SNS_LIMITS.subject ? ascii : `${ascii.slice(0, SNS_LIMITS.subject - 3).trimEnd()}...`;
}
/** `text` cut (with an ellipsis) so that its UTF-8 form fits in `max` bytes. */
function cutToBytes(text, max) {
    if (byteLength(text) <= max)
        return text;
    // A character is at most 4 bytes (2 code units): start where it must fit, shrink until it does.
    let length = Math.floor(max / 2);
    while (length > 0 && byteLength(truncate(text, length)) > max)
        length = Math.floor(length * 0.9);
    return truncate(text, length);
}
/** application/x-www-form-urlencoded as the AWS Query API signs it: RFC 3986 encoding (%20, never +). */
function formEncode(parameters) {
    return parameters.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`).join('&');
}
/** The error codes that mean "too fast, ask again" (the AWS SDK retries them as throttling). */
const sns_THROTTLING = new Set(['Throttling', 'ThrottlingException', 'Throttled', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'KMSThrottling']);
/** Without a Retry-After, a throttled request is tried again after this long. */
const sns_THROTTLED_WAIT_MS = 1000;
const XML_ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** The text of the first <name> element, entities decoded; undefined when there is none. */
function xmlText(xml, name) {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    if (!match)
        return undefined;
    return match[1]
        .replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (entity, name) => {
        if (name.startsWith('#x'))
            return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
        if (name.startsWith('#'))
            return String.fromCodePoint(Number(name.slice(1)));
        return XML_ENTITIES[name] ?? entity;
    })
        .trim();
}
/**
 * A 200 PublishResponse (with its MessageId) is a delivery. An ErrorResponse is a failure in SNS's words, "SNS error
 * AuthorizationError: ... (HTTP 403)"; Throttling is retried after Retry-After or a second, other client errors are not
 * (a 5xx is retried anyway). An answer without <Code> (a proxy's page) is left to the transport's wording.
 */
function interpretSnsReply(reply) {
    if (reply.code === null || (reply.code >= 200 && reply.code < 300))
        return {};
    const code = xmlText(reply.body, 'Code');
    if (!code)
        return {};
    const message = xmlText(reply.body, 'Message');
    const error = `SNS error ${code}${message ? `: ${message}` : ''} (HTTP ${reply.code})`;
    if (!sns_THROTTLING.has(code))
        return { error };
    return { error, retryAfterMs: (0,retry_after/* parseRetryAfter */.m)(reply.headers?.['retry-after']) ?? sns_THROTTLED_WAIT_MS };
}

;// CONCATENATED MODULE: ./src/destinations/teams.ts







/** Teams refuses a message over 28 KB; keep a margin for what the Workflow adds around the card. */
const TEAMS_MAX_BYTES = 27 * 1024;
const teams_schema = builtOnFirstUse(() => destinationSchema('teams', {
    webhook_url: httpUrl.describe('URL of a Teams Workflows (Power Automate) webhook ("Post to a channel when a webhook request is received"). A secret.'),
}, { text: 'text', payload: 'json' }, { text: "Template for a paragraph under the title. A value's Markdown link [text](url) is broken up.", payload: CHAT_PAYLOAD }));
/** Microsoft Teams through a Workflows (Power Automate) webhook: an Adaptive Card 1.4 with the facts and links. */
const teams = {
    type: 'teams',
    get schema() {
        return teams_schema();
    },
    secrets: (config) => secretUrl(config.webhook_url),
    build(config, input) {
        const body = renderPayload(config, input) ?? JSON.stringify(teamsMessage(input, renderText(config, input, 'teams')));
        return [postJson(config.webhook_url, body)];
    },
    interpret: (reply) => serviceError(reply, 'Teams', (json) => ({ message: json.error?.message, code: json.error?.code })),
};
/** Adaptive Card container styles for Message.colour, the nearest Teams has to a colour bar. */
const STYLES = {
    [COLOURS.started]: 'accent',
    [COLOURS.success]: 'good',
    [COLOURS.error]: 'attention',
    [COLOURS.fixed]: 'good',
    [COLOURS.broken]: 'attention',
    [COLOURS.approval]: 'warning',
    [COLOURS.cancelled]: 'emphasis',
};
/** The card wrapped as a Teams message; values are cut until the whole message fits in TEAMS_MAX_BYTES. */
function teamsMessage(input, text) {
    for (let limit = 2000;; limit = Math.floor(limit / 2)) {
        const message = {
            type: 'message',
            attachments: [
                { contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: adaptiveCard(input.message, text, limit) },
            ],
        };
        if (byteLength(JSON.stringify(message)) <= TEAMS_MAX_BYTES || limit < 20)
            return message;
    }
}
function adaptiveCard(message, text, limit) {
    // Card text is Markdown: a value's [text](url) is broken up, so only the card's own buttons link.
    const cut = (value) => truncateEscaped(value, limit, breakMarkdownLinks);
    const links = [
        { title: 'View run', url: message.url },
        { title: 'View commit', url: factOf(message, 'commit')?.url },
        { title: 'View pull request', url: factOf(message, 'pull_request')?.url },
    ].filter((link) => Boolean(link.url));
    return {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        body: [
            {
                type: 'Container',
                style: STYLES[message.colour] ?? 'default',
                bleed: true,
                items: [{ type: 'TextBlock', text: cut(`${message.emoji} ${message.title}`), weight: 'Bolder', size: 'Medium', wrap: true }],
            },
            ...(message.description ? [{ type: 'TextBlock', text: cut(message.description), wrap: true }] : []),
            ...(text !== undefined ? [{ type: 'TextBlock', text: truncate(text, limit * 4), wrap: true }] : []),
            { type: 'FactSet', facts: message.facts.map((fact) => ({ title: fact.label, value: cut(fact.value) })) },
            ...failedJobItems(message, cut),
        ],
        actions: links.map((link) => ({ type: 'Action.OpenUrl', title: link.title, url: link.url })),
        msteams: { width: 'Full' },
    };
}
/**
 * The failed jobs under a heading, one row each ("build: Run tests") that opens the job's page when clicked (a
 * Container's selectAction: a Markdown link would need the name escaped, and Adaptive Card Markdown has no escape).
 */
function failedJobItems(message, cut) {
    if (message.failedJobs.length === 0)
        return [];
    const { jobs, more } = listFailedJobs(message);
    return [
        { type: 'TextBlock', text: failedJobsLabel(message), weight: 'Bolder', spacing: 'Medium', wrap: true },
        ...jobs.map((job) => ({
            type: 'Container',
            ...(job.url && { selectAction: { type: 'Action.OpenUrl', title: 'View job', url: job.url } }),
            items: [{ type: 'TextBlock', text: cut(failedJobText(job)), color: 'Attention', spacing: 'None', wrap: true }],
        })),
        ...(more ? [{ type: 'TextBlock', text: more, isSubtle: true, spacing: 'None', wrap: true }] : []),
    ];
}

;// CONCATENATED MODULE: ./src/destinations/telegram.ts










/** sendMessage's limit on `text` (core.telegram.org/bots/api#sendmessage), counted here on the markup, which is never shorter. */
const TELEGRAM_LIMITS = { text: 4096, title: 256, factValue: 1000, failedJobs: 1500 };
/**
 * A numeric chat id (-1001234567890; YAML reads a bare one as a number) or a public @channelname. Strings are only
 * checked for spaces: `herald preview` fills an unset ${TELEGRAM_CHAT_ID} with a stand-in that must pass.
 */
const chatId = schemas/* union */.KCZ([
    schemas/* number */.aig().int(),
    schemas/* string */.YjP().regex(/^\S+$/, 'must be a chat id (-1001234567890) or a public @channelname, without spaces'),
]);
const telegram_schema = builtOnFirstUse(() => destinationSchema('telegram', {
    bot_token: schemas/* string */.YjP()
        .regex(/^\S+$/, 'must be a bot token from @BotFather, like 123456789:AAH..., without spaces')
        .describe('Bot token from @BotFather (123456789:AAH...). A secret: it sits in the URL path, which is masked too.'),
    chat_ids: schemas/* preprocess */.vkY((value) => (Array.isArray(value) ? value : [value]), schemas/* array */.YOg(chatId).min(1, 'needs at least one chat id'))
        .describe('Chat ids (-1001234567890) or public @channelnames, one or a list. One sendMessage per chat.'),
    parse_mode: schemas/* enum */.k5n(['HTML', 'MarkdownV2'])
        .default('HTML')
        .describe('How Telegram reads the text, HTML or MarkdownV2; values in text are escaped for it.'),
    message_thread_id: schemas/* number */.aig().int().positive().optional().describe('Topic of a forum supergroup to post in.'),
    disable_notification: schemas/* boolean */.zMY().optional().describe('true sends silently: members get no sound.'),
    api_url: httpUrl
        .default('https://api.telegram.org')
        .describe('Base of the Bot API, for a local Bot API server, a proxy or tests.'),
}, { text: (config) => (config.parse_mode === 'MarkdownV2' ? 'markdownv2' : 'html'), payload: 'json' }, {
    text: 'Template for the whole message text, replacing the default. Values are escaped for parse_mode.',
    payload: `${CHAT_PAYLOAD} chat_id is set per chat.`,
}));
const methodUrl = (config, method) => `${config.api_url.replace(/\/+$/, '')}/bot${config.bot_token}/${method}`;
const sendMessageUrl = (config) => methodUrl(config, 'sendMessage');
/** sendMessage's fields that editMessageText does not take: an edit stays where and how the message was posted. */
const SEND_ONLY = ['message_thread_id', 'disable_notification', 'protect_content', 'reply_parameters', 'message_effect_id', 'allow_paid_broadcast'];
/** Telegram's Bot API: sendMessage to each chat, the default message in HTML or MarkdownV2. */
const telegram = {
    type: 'telegram',
    get schema() {
        return telegram_schema();
    },
    // The URL, its path /bot<token>/sendMessage (what an error page echoes) and the token.
    secrets: (config) => [...secretUrl(sendMessageUrl(config)), config.bot_token],
    build(config, input) {
        const payload = renderPayload(config, input);
        const message = payload === undefined ? telegramMessage(config, input) : JSON.parse(payload);
        if (message === null || typeof message !== 'object' || Array.isArray(message)) {
            throw new TemplateError('in payload: sendMessage needs a JSON object');
        }
        return config.chat_ids.map((chat) => {
            const label = String(chat);
            const earlier = input.previous?.[label];
            if (earlier?.message_id === undefined) {
                const body = payload === undefined ? { chat_id: chat, ...message } : { ...message, chat_id: chat };
                return postJson(sendMessageUrl(config), body, { label });
            }
            const edit = Object.fromEntries(Object.entries(message).filter(([field]) => !SEND_ONLY.includes(field)));
            const body = { ...edit, chat_id: earlier.chat_id ?? chat, message_id: earlier.message_id };
            return postJson(methodUrl(config, 'editMessageText'), body, { label });
        });
    },
    interpret: interpretTelegramReply,
};
/** editMessageText's refusals that a new message gets round: the message is gone, or too old or not the bot's. */
const telegram_EDIT_REFUSALS = /message to edit not found|message can't be edited|MESSAGE_ID_INVALID/i;
/**
 * Every answer is {"ok": bool}; a refusal has error_code and description, a 429 parameters.retry_after (seconds). A
 * message sent or edited is kept by its chat and message ids.
 */
function interpretTelegramReply(reply) {
    const json = replyJson(reply);
    const sent = json?.result;
    if (json?.ok === true && typeof sent?.message_id === 'number') {
        return { keep: { ...(sent.chat?.id !== undefined && { chat_id: sent.chat.id }), message_id: sent.message_id } };
    }
    if (json?.ok !== false)
        return {};
    const code = json.error_code ?? reply.code;
    const description = String(json.description ?? 'unknown');
    const verdict = { error: `Telegram error${code ? ` ${code}` : ''}: ${description}` };
    if (telegram_EDIT_REFUSALS.test(description))
        verdict.fallback = true;
    const retryAfter = Number(json.parameters?.retry_after);
    if (reply.code === 429 && Number.isFinite(retryAfter) && retryAfter >= 0)
        verdict.retryAfterMs = Math.ceil(retryAfter * 1000);
    return verdict;
}
/** The sendMessage fields other than chat_id: the `text` template or the default message. */
function telegramMessage(config, input) {
    const text = renderText(config, input, config.parse_mode === 'MarkdownV2' ? 'markdownv2' : 'html');
    return {
        text: text === undefined ? telegramText(input.message, config.parse_mode) : cutMarkup(text, TELEGRAM_LIMITS.text, config.parse_mode),
        parse_mode: config.parse_mode,
        // A message full of GitHub links would otherwise show a preview of the first one.
        link_preview_options: { is_disabled: true },
        ...(config.message_thread_id !== undefined && { message_thread_id: config.message_thread_id }),
        ...(config.disable_notification !== undefined && { disable_notification: config.disable_notification }),
    };
}
/** How each parse mode writes bold, a link and plain text. */
const MARKUP = {
    HTML: {
        escape: escapeHtml,
        bold: (escaped) => `<b>${escaped}</b>`,
        link: (escaped, url) => `<a href="${escapeHtml(url)}">${escaped}</a>`,
    },
    MarkdownV2: {
        escape: escapeMarkdownV2,
        bold: (escaped) => `*${escaped}*`,
        link: (escaped, url) => `[${escaped}](${escapeMarkdownV2Url(url)})`,
    },
};
/** Emoji and title in bold, the description, one line per fact (linked where it has a page), a link to the run. */
function telegramText(message, mode) {
    const { escape, bold, link } = MARKUP[mode];
    const title = bold(truncateEscaped(`${message.emoji} ${message.title}`, TELEGRAM_LIMITS.title, escape));
    const description = message.description ? truncateEscaped(message.description, TELEGRAM_LIMITS.factValue, escape) : undefined;
    const labels = message.facts.map((fact) => `${bold(escape(`${fact.label}:`))} `);
    const linkOf = (fact) => (fact.url ? link('', fact.url).length : 0);
    const runLink = message.url ? link(escape('View run'), message.url) : undefined;
    const failed = message.failedJobs.length > 0 ? telegram_failedJobsText(message, mode) : undefined;
    const fixed = [title, description, failed, runLink].reduce((sum, part) => sum + (part?.length ?? 0) + 1, 0) +
        message.facts.reduce((sum, fact, i) => sum + labels[i].length + linkOf(fact) + 1, 0);
    const perValue = Math.min(TELEGRAM_LIMITS.factValue, Math.floor((TELEGRAM_LIMITS.text - fixed) / Math.max(1, message.facts.length)));
    const facts = message.facts.map((fact, i) => {
        const value = truncateEscaped(fact.value, Math.max(1, perValue), escape);
        return labels[i] + (fact.url ? link(value, fact.url) : value);
    });
    return [title, description, ...facts, failed, runLink].filter((line) => line !== undefined).join('\n');
}
/** "Failed jobs:" in bold, then a line per job, its name linked to its page: "• build: Run tests". */
function telegram_failedJobsText(message, mode) {
    const { escape, bold, link } = MARKUP[mode];
    const heading = `${bold(escape(`${failedJobsLabel(message)}:`))}\n`;
    const linked = (text, url, max) => link(truncateEscaped(text, Math.max(1, max - link('', url).length), escape), url);
    return heading + failedJobList(message, TELEGRAM_LIMITS.failedJobs - heading.length, { escape, link: linked }, escape('• '));
}
/**
 * A rendered `text` template cut to `max` with an ellipsis, never inside an HTML tag or entity or after a MarkdownV2
 * backslash, so a long value does not leave a half escape that makes Telegram refuse the message.
 */
function cutMarkup(text, max, mode) {
    if (text.length <= max)
        return text;
    let cut = truncate(text, max).slice(0, -1);
    if (mode === 'HTML')
        cut = cut.replace(/<[^>]*$|&[#\w]*$/, '');
    else
        cut = cut.replace(/(?<!\\)((?:\\\\)*)\\$/, '$1');
    return `${cut}…`;
}

;// CONCATENATED MODULE: ./src/destinations/twilio.ts







/**
 * One GSM-7 SMS segment (160 characters), what the default text aims at, and Twilio's limit on Body (1600 characters,
 * www.twilio.com/docs/messaging/api/message-resource), what a `text` template is cut to.
 */
const TWILIO_LIMITS = { segment: 160, body: 1600 };
/**
 * A phone number: `+` and digits (E.164, +15551234567). YAML reads an unquoted +15551234567 as the number 15551234567,
 * so a positive integer is taken back as +15551234567.
 */
const phoneNumber = (what) => schemas/* preprocess */.vkY((value) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? `+${value}` : value), schemas/* string */.YjP().regex(/^\+\d{2,15}$/, `must be ${what} in E.164 form, a + and digits without spaces: +15551234567`));
const twilio_schema = builtOnFirstUse(() => destinationSchema('twilio', {
    account_sid: schemas/* string */.YjP()
        .regex(/^\S+$/, 'must be an Account SID (AC followed by 32 hex digits), without spaces')
        .describe('Account SID (AC...), the user name of the basic auth and part of the URL (AWX: account_sid).'),
    auth_token: schemas/* string */.YjP()
        .min(1)
        .describe('Auth token of the account (AWX: account_token). A secret.'),
    from_number: phoneNumber('a Twilio number')
        .describe('The Twilio number messages are sent from, E.164: +15551234567 (AWX: from_number).'),
    to_numbers: schemas/* preprocess */.vkY((value) => (Array.isArray(value) ? value : [value]), schemas/* array */.YOg(phoneNumber('a phone number')).min(1, 'needs at least one number'))
        .describe('Numbers to text, E.164 (+15551234567), one or a list (AWX: to_numbers). One message per number.'),
    api_url: httpUrl
        .default('https://api.twilio.com')
        .describe('Base of the REST API (a proxy or a test server); messages are POSTed to {api_url}/2010-04-01/Accounts/{account_sid}/Messages.json.'),
}, { text: 'text' }, {
    text: `Template for the SMS text (Body), replacing the default one line; cut to ${TWILIO_LIMITS.body} characters.`,
}));
const messagesUrl = (config) => `${config.api_url.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(config.account_sid)}/Messages.json`;
/** Twilio's Programmable Messaging: one SMS per number, a form-encoded POST with basic auth. */
const twilio = {
    type: 'twilio',
    get schema() {
        return twilio_schema();
    },
    // The token, and the Authorization header made of it (what a proxy's error page may echo).
    secrets: (config) => [config.auth_token, ...basicCredentials(config.account_sid, config.auth_token)],
    build(config, input) {
        const url = messagesUrl(config);
        const [authorization] = basicCredentials(config.account_sid, config.auth_token);
        const text = twilioBody(config, input);
        return config.to_numbers.map((to) => ({
            transport: 'http',
            method: 'POST',
            url,
            label: to,
            headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: authorization },
            body: new URLSearchParams({ To: to, From: config.from_number, Body: text }).toString(),
        }));
    },
    interpret: interpretTwilioReply,
};
/** 201 is a message queued; a refusal is {"code": 21211, "message": "The 'To' number ... is not a valid phone number.", "status": 400}. */
function interpretTwilioReply(reply) {
    return serviceError(reply, 'Twilio', (json) => ({ message: json.message, code: json.code }));
}
/** The `text` template (cut to Twilio's 1600) or the default one line. */
function twilioBody(config, input) {
    const text = renderText(config, input, 'text');
    return text === undefined ? twilioText(input.message, input.vars) : truncate(text, TWILIO_LIMITS.body);
}
/**
 * The default SMS: the message's one line and the run's link, "CI failed on main in octo/app (#42) https://...", in one
 * 160-character segment where possible. Too long, the repository goes first (the link names it), then the title is cut
 * with "..." (the ellipsis character is not in the GSM alphabet and would make it a 70-character UCS-2 message). The
 * link is never cut: a cut link leads nowhere.
 */
function twilioText(message, vars) {
    const link = message.url ? ` ${message.url}` : '';
    const fits = (text) => text.length + link.length <= TWILIO_LIMITS.segment;
    const short = `${message.title}${vars.runNumber ? ` (#${vars.runNumber})` : ''}`;
    // What failed is worth more than the repository's name, which the link holds anyway.
    const failed = failedJobsShort(message);
    const candidates = failed ? [`${message.line}; ${failed}`, `${short}; ${failed}`, message.line, short] : [message.line, short];
    const fitting = candidates.find(fits);
    if (fitting !== undefined)
        return fitting + link;
    // A link too long for a segment of its own still gets 40 characters of title.
    const room = Math.max(40, TWILIO_LIMITS.segment - link.length);
    return cutGsm(short, room) + link;
}
/** "failed: build: Run tests", "failed: build: Run tests, and 2 more jobs"; empty when no job failed. */
function failedJobsShort(message) {
    const [first] = listFailedJobs(message, 1).jobs;
    if (!first)
        return '';
    const others = message.failedJobs.length - 1;
    return `failed: ${failedJobText(first)}${others > 0 ? `, and ${others} more job${others === 1 ? '' : 's'}` : ''}`;
}
/** `text` in at most `max` code units, ending in "..." when cut; a surrogate pair is never split. */
function cutGsm(text, max) {
    if (text.length <= max)
        return text;
    let end = max - 3;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${text.slice(0, end).trimEnd()}...`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/event-text.ts
/**
 * The text each event payload was read from, so that a webhook with `forward_all` sends the runner's event file byte
 * for byte rather than a re-serialisation of it (key order, number forms and escapes as GitHub wrote them).
 */
const texts = new WeakMap();
/** Remembers the text `payload` was parsed from. */
function keepEventText(payload, text) {
    texts.set(payload, text);
}
/** The text `payload` was read from; for an event Herald did not read from a file (none, or a test's), its JSON. */
function eventText(payload) {
    return texts.get(payload) ?? JSON.stringify(payload);
}

;// CONCATENATED MODULE: ./src/destinations/shared/generic-payload.ts
/**
 * The documented generic JSON payload (version 1) that a webhook sends when it has no `payload` template. Fields are
 * only ever added to version 1 (failed_jobs was): a receiver that ignores what it does not know keeps working.
 */
function genericPayload({ name, trigger, message, vars }) {
    const or = (value) => value || null;
    return {
        payload_version: 1,
        destination: name,
        trigger,
        status: vars.status,
        message: message.line,
        title: message.title,
        repository: vars.repository,
        repository_url: or(vars.repositoryUrl),
        workflow: vars.workflow,
        job: or(vars.job),
        run: {
            id: or(vars.runId),
            number: or(vars.runNumber),
            attempt: or(vars.runAttempt),
            url: or(vars.runUrl),
        },
        commit: {
            sha: or(vars.sha),
            message: or(vars.commitMessage),
            url: or(vars.commitUrl),
            author: or(vars.commitAuthor),
        },
        ref: or(vars.ref),
        branch: or(vars.branch),
        tag: or(vars.tag),
        pull_request: vars.prNumber ? { number: Number(vars.prNumber), title: vars.prTitle, url: vars.prUrl } : null,
        environment: or(vars.environment),
        event_name: vars.eventName,
        actor: vars.actor,
        started_at: or(vars.startedAt),
        duration_seconds: vars.durationSeconds,
        timestamp: vars.timestamp,
        // All of them, uncut: a program reads this, not a person.
        failed_jobs: message.failedJobs.map((job) => ({ name: job.name, url: or(job.url), conclusion: job.conclusion, failed_steps: job.failedSteps })),
    };
}

;// CONCATENATED MODULE: ./src/destinations/shared/templated-request.ts



/**
 * A URL and headers whose values may be templates (Grafana OnCall's outgoing webhooks template both): values are
 * URL-encoded in the URL and kept to one line in a header, and the host is never templated, so where a request goes is
 * known when the config is loaded.
 */
/** The scheme and host (with port and user info), up to the `/`, `?` or `#` that must come before any tag. */
const LITERAL_ORIGIN = /^https?:\/\/[^/?#]+(?=[/?#])/i;
/** What a header name may be: an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** What a header value written in the config may not hold (a tab is allowed): a line break would start a new header. */
const LINE_BREAKING = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** What is wrong with a `url` that may be a template, or undefined. */
function urlTemplateProblem(url, delimiters) {
    const problem = checkTemplate(url, 'url', delimiters);
    if (problem)
        return problem;
    const literal = textBeforeFirstTag(url, delimiters) ?? url;
    if (literal === url)
        return httpUrl.safeParse(url).success ? undefined : 'must be an http:// or https:// URL';
    const origin = LITERAL_ORIGIN.exec(literal)?.[0];
    if (origin === undefined || !httpUrl.safeParse(origin).success) {
        const [open, close] = delimiters.split(' ');
        return (`a template may only come after the host: write the scheme and host as they are, then /, ? or # and the tags ` +
            `(https://hooks.example.com/deploy/${open}branch${close}), so that where Herald sends is known before any value is filled in`);
    }
    return undefined;
}
/** Each header whose name or value is wrong, with what is wrong. */
function headerTemplateProblems(headers, delimiters) {
    return Object.entries(headers).flatMap(([name, value]) => {
        if (!HEADER_NAME.test(name)) {
            return [{ name, message: `"${name}" is not a header name: letters, digits and ! # $ % & ' * + - . ^ _ \` | ~ only, no spaces or colons` }];
        }
        const problem = headerValueProblem(value) ?? checkTemplate(value, 'header', delimiters);
        return problem ? [{ name, message: problem }] : [];
    });
}
/** What is wrong with a header value as written in the config (a secret pasted with its newline, say), or undefined. */
function headerValueProblem(value) {
    return LINE_BREAKING.test(value) ? 'holds a line break or another control character: a header value is one line of text' : undefined;
}
/**
 * The URL with its values filled in, URL-encoded. It is checked again after rendering: still http(s), still the host
 * the config names (the config check keeps tags after the host; this holds whatever a template does with delimiters).
 */
function renderUrl(template, render, delimiters) {
    const literal = textBeforeFirstTag(template, delimiters) ?? template;
    if (literal === template)
        return template;
    const rendered = render(template, 'url', 'url');
    const expected = new URL(LITERAL_ORIGIN.exec(literal)?.[0] ?? template).origin;
    let origin;
    try {
        origin = new URL(rendered).origin;
    }
    catch {
        // Left undefined: reported below.
    }
    if (origin !== expected)
        throw new TemplateError(`in url: the rendered URL ${rendered} does not go to ${expected}, the host the config names`);
    return rendered;
}
/**
 * The headers with their values filled in, each one line of text (a value's CR, LF, NUL and other control characters
 * are spaces) and, where it is not ASCII, its UTF-8 bytes: what Node sends as they are (it refuses characters
 * beyond Latin-1) and what receivers decode.
 */
function renderHeaders(headers, render) {
    return Object.fromEntries(Object.entries(headers).map(([name, template]) => [name, templated_request_utf8Bytes(headerSafe(render(template, 'header', `headers.${name}`)).trim())]));
}
/** The text's UTF-8 bytes, one character each (Latin-1): how a string becomes those bytes on the wire. */
const templated_request_utf8Bytes = (text) => (/[^\u0000-\u007f]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text);

;// CONCATENATED MODULE: ./src/destinations/shared/tfc-payload.ts
/**
 * Terraform Cloud's notification trigger for each Herald trigger. Keyed by name: a trigger with no entry sends no
 * Terraform Cloud payload (it cannot be said in its words).
 */
const TFC_TRIGGERS = {
    started: 'run:created',
    success: 'run:completed',
    fixed: 'run:completed',
    error: 'run:errored',
    broken: 'run:errored',
    approval: 'run:needs_attention',
};
/** Whether Terraform Cloud's payload can say this trigger. */
const tfcSays = (trigger) => trigger === 'test' || trigger in TFC_TRIGGERS;
/**
 * Terraform Cloud's run notification payload (payload_version 1, as its generic notifications send it), so receivers
 * written for Terraform Cloud work unchanged. A test notification is its verification request.
 */
function tfcPayload({ name, trigger, message, vars }) {
    if (trigger === 'test')
        return verificationPayload(name);
    const [organization = '', workspace = ''] = vars.repository.split('/');
    return {
        payload_version: 1,
        notification_configuration_id: name,
        run_url: vars.runUrl || null,
        run_id: vars.runId ? `run-${vars.runId}` : null,
        run_message: vars.commitMessage || vars.prTitle || message.line,
        // Terraform Cloud always knows when a run was created; Herald only when a start time was recorded.
        run_created_at: vars.startedAt || vars.timestamp,
        run_created_by: vars.actor,
        workspace_id: vars.repository,
        workspace_name: workspace,
        organization_name: organization,
        notifications: [
            {
                message: message.line,
                trigger: TFC_TRIGGERS[trigger],
                run_status: runStatus(trigger, vars.status),
                run_updated_at: vars.timestamp,
                run_updated_by: vars.actor,
            },
        ],
    };
}
/** What Terraform Cloud sends when a configuration is verified: no run, every run field null. */
function verificationPayload(name) {
    return {
        payload_version: 1,
        notification_configuration_id: name,
        run_url: null,
        run_id: null,
        run_message: null,
        run_created_at: null,
        run_created_by: null,
        workspace_id: null,
        workspace_name: null,
        organization_name: null,
        notifications: [
            { message: `Verification of ${name}`, trigger: 'verification', run_status: null, run_updated_at: null, run_updated_by: null },
        ],
    };
}
/**
 * The Terraform Cloud run status closest to a GitHub one: a start is `pending` (a created run), a run waiting for a
 * reviewer `planned` (a plan waiting for confirmation), success `applied`, a cancellation `canceled`, anything else
 * that ended the run `errored`.
 */
function runStatus(trigger, status) {
    if (trigger === 'started')
        return 'pending';
    if (trigger === 'approval')
        return 'planned';
    if (status === 'cancelled')
        return 'canceled';
    if (status === 'success' || status === 'neutral')
        return 'applied';
    return 'errored';
}

;// CONCATENATED MODULE: ./src/destinations/webhook.ts










const METHODS = ['POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS'];
const PAYLOAD_FORMATS = ['generic-v1', 'terraform-cloud-v1'];
/** Where each built-in payload signs, unless signature_header and signature_prefix say otherwise. */
const SIGNATURE_DEFAULTS = {
    'generic-v1': { header: 'X-Herald-Signature', prefix: 'sha512=' },
    // Terraform Cloud's generic notifications: the bare hex digest in X-TFE-Notification-Signature.
    'terraform-cloud-v1': { header: 'X-TFE-Notification-Signature', prefix: '' },
};
const webhook_schema = builtOnFirstUse(() => destinationSchema('webhook', {
    url: templatedHttpUrl.describe('http:// or https:// URL. Credentials in it (https://user:pass@host) are sent as Basic auth and masked. ' +
        'Its path and query may hold template tags, after the host: values are URL-encoded, / too (https://hooks.example.com/deploy/<<branch>>).'),
    method: schemas/* preprocess */.vkY((v) => (typeof v === 'string' ? v.toUpperCase() : v), schemas/* enum */.k5n(METHODS))
        .default('POST')
        .describe('POST, PUT, PATCH, GET, DELETE or OPTIONS. GET and OPTIONS send no body.'),
    headers: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* string */.YjP())
        .default({})
        .describe("Extra headers; they win over Herald's own (Content-Type, Authorization). Values may be templates: a value's " +
        'line breaks and other control characters become spaces, so it cannot start a header of its own.'),
    format: schemas/* enum */.k5n(['json', 'text'])
        .optional()
        .describe('json or text. By default json when the payload starts with { or [, else text; it sets the Content-Type and the escaping. ' +
        'A json payload must render to valid JSON.'),
    payload_format: schemas/* enum */.k5n(PAYLOAD_FORMATS)
        .default('generic-v1')
        .describe('The built-in body sent when there is no payload template: generic-v1 (the generic JSON payload) or ' +
        "terraform-cloud-v1 (Terraform Cloud's run notification, signed as Terraform Cloud signs it)."),
    forward_all: schemas/* boolean */.zMY()
        .default(false)
        .describe("true sends the GitHub event payload as it is (the runner's event file, byte for byte) as application/json, " +
        "like Grafana OnCall's forward whole payload. Not with a payload template or payload_format: terraform-cloud-v1."),
    secret: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Signs the exact body bytes with HMAC-SHA512; the hex digest goes into signature_header.'),
    signature_header: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('Header for the signature: X-Herald-Signature, or X-TFE-Notification-Signature with payload_format terraform-cloud-v1.'),
    signature_prefix: schemas/* string */.YjP()
        .optional()
        .describe('Written before the hex digest: sha512=, or nothing with payload_format terraform-cloud-v1.'),
    username: schemas/* string */.YjP().optional().describe('Basic auth user.'),
    password: schemas/* string */.YjP().optional().describe('Basic auth password. A secret: masked as **** everywhere.'),
    authorization_header: schemas/* string */.YjP()
        .min(1)
        .optional()
        .describe('The Authorization header, sent as written (Bearer abc, Token xyz). A secret: masked as **** everywhere, the credential after the scheme too.'),
    insecure_skip_verify: schemas/* boolean */.zMY().default(false).describe('Accept any TLS certificate (self-signed endpoints).'),
    follow_redirects: schemas/* boolean */.zMY()
        .default(false)
        .describe('Follow redirects of a POST, PUT, PATCH or DELETE too (a GET or HEAD is always followed).'),
}, { payload: payloadFormat }, { payload: 'A template for the body. Without it the body is the generic JSON payload (version 1).' }).check(schemas/* superRefine */.zni(checkWebhook, { when: () => true })));
/**
 * Any HTTP endpoint: a templated payload (or the generic JSON one, or the GitHub event as it is), optional HMAC-SHA512
 * signature, basic auth or an Authorization header, and a URL and headers that may be templates (Grafana OnCall's).
 */
const webhook = {
    type: 'webhook',
    get schema() {
        return webhook_schema();
    },
    secrets: (config) => [
        config.secret ?? '',
        ...(config.authorization_header ? secretsInHeaders({ Authorization: config.authorization_header }) : []),
        config.password ?? '',
        ...(config.password ? basicCredentials(config.username ?? '', config.password) : []),
        ...secretsInHeaders(config.headers),
        ...(isKeyedWebhookUrl(config.url) ? secretUrl(config.url, 1) : secretsInUrl(config.url)),
    ],
    skip: (config, trigger) => config.payload_format === 'terraform-cloud-v1' && !tfcSays(trigger)
        ? `Terraform Cloud's payload has no trigger for ${trigger}`
        : undefined,
    build(config, input) {
        const url = renderUrl(config.url, input.render, config.delimiters);
        const template = templateFor(config, input.trigger, 'payload');
        const format = template === undefined ? 'json' : payloadFormat(config, template);
        const builtIn = config.payload_format === 'terraform-cloud-v1' ? tfcPayload : genericPayload;
        const body = config.forward_all
            ? eventText(input.vars.event)
            : template === undefined
                ? JSON.stringify(builtIn(input))
                : input.render(template, format, 'payload');
        const headers = {
            'Content-Type': format === 'json' ? 'application/json' : 'text/plain; charset=utf-8',
        };
        if (config.username !== undefined || config.password !== undefined) {
            [headers.Authorization] = basicCredentials(config.username ?? '', config.password ?? '');
        }
        if (config.authorization_header !== undefined)
            headers.Authorization = config.authorization_header;
        if (config.secret) {
            const defaults = SIGNATURE_DEFAULTS[config.payload_format];
            headers[config.signature_header ?? defaults.header] = (config.signature_prefix ?? defaults.prefix) + sign(config.secret, body);
        }
        Object.assign(headers, renderHeaders(config.headers, input.render));
        const sendsBody = !['GET', 'OPTIONS'].includes(config.method);
        return [
            {
                transport: 'http',
                method: config.method,
                url,
                headers,
                body: sendsBody ? body : undefined,
                insecureSkipVerify: config.insecure_skip_verify,
                followRedirects: config.follow_redirects,
            },
        ];
    },
};
/**
 * What the fields say together: templates in the URL and headers (checked like every template, with the
 * destination's delimiters), and one source for the body and one for the Authorization header.
 */
function checkWebhook(config, ctx) {
    const problem = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    const delimiters = config.delimiters === '{{ }}' ? '{{ }}' : '<< >>';
    if (typeof config.url === 'string') {
        const wrong = urlTemplateProblem(config.url, delimiters);
        if (wrong)
            problem(['url'], wrong);
    }
    const headers = isRecord(config.headers) ? config.headers : {};
    if (Object.values(headers).every((value) => typeof value === 'string')) {
        for (const { name, message } of headerTemplateProblems(headers, delimiters))
            problem(['headers', name], message);
    }
    const authorization = Object.keys(headers).find((name) => name.toLowerCase() === 'authorization');
    if (typeof config.authorization_header === 'string') {
        const wrong = headerValueProblem(config.authorization_header);
        if (wrong)
            problem(['authorization_header'], `${wrong} (a secret saved with a trailing newline?)`);
        if (authorization) {
            problem(['authorization_header'], `headers.${authorization} sets the Authorization header too: keep one (authorization_header is masked as a secret)`);
        }
        if (config.username !== undefined || config.password !== undefined) {
            problem(['authorization_header'], 'username and password send basic auth in the Authorization header: keep authorization_header (a token: Bearer ..., Token ...) or username and password, not both');
        }
        if (typeof config.url === 'string' && hasUserInfo(config.url)) {
            problem(['authorization_header'], 'the URL\'s user:password@ sends basic auth in the Authorization header: keep authorization_header or the credentials in the URL, not both');
        }
    }
    if (config.forward_all === true) {
        const messages = isRecord(config.messages) ? config.messages : {};
        const payloads = [
            ...(config.payload !== undefined ? [['payload']] : []),
            ...MESSAGE_TRIGGERS.filter((trigger) => isRecord(messages[trigger]) && messages[trigger].payload !== undefined).map((trigger) => ['messages', trigger, 'payload']),
        ];
        for (const path of payloads) {
            problem(path, 'forward_all sends the GitHub event as it is, and a payload template makes a body of its own: keep one (remove forward_all or this payload)');
        }
        if (config.payload_format === 'terraform-cloud-v1') {
            problem(['payload_format'], "forward_all sends the GitHub event as it is, and terraform-cloud-v1 Terraform Cloud's payload: keep one");
        }
        if (config.format === 'text')
            problem(['format'], 'forward_all always sends JSON (application/json): remove format: text');
    }
}
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
function hasUserInfo(url) {
    try {
        const parsed = new URL(url);
        return parsed.username !== '' || parsed.password !== '';
    }
    catch {
        return false;
    }
}
/** A payload is JSON with `format: json`, text with `format: text`, and otherwise JSON when it starts with { or [. */
function payloadFormat(config, template) {
    if (config.format === 'json' || config.format === 'text')
        return config.format;
    return /^\s*[[{]/.test(template) ? 'json' : 'text';
}
/** HMAC-SHA512 of the exact body bytes, hex: what Terraform Cloud sends in X-TFE-Notification-Signature. */
function sign(secret, body) {
    return (0,external_node_crypto_.createHmac)('sha512', secret).update(body, 'utf8').digest('hex');
}

;// CONCATENATED MODULE: ./src/destinations/index.ts















/** The one list of destination types. Adding a destination: write its module, add it here. */
const registry = [webhook, slack, teams, discord, mattermost, rocketchat, googlechat, telegram, email, ses, sns, pagerduty, twilio, grafana, irc];
const byType = new Map(registry.map((destination) => [destination.type, destination]));
const findDestination = (type) => byType.get(type);
const destinationTypes = () => [...byType.keys()];

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/user-error.ts
/** An error the user can fix: its message is shown as is, without a stack trace. */
class UserError extends Error {
    name = 'UserError';
}

;// CONCATENATED MODULE: ./src/config/config-error.ts



/** `file:line:col: key.path: what is wrong and how to fix it`, one line per problem (the message may go on). */
const formatProblem = (problem) => `${problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.col}`}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
/** A config file with problems: every one of them, each with its place, so each can be annotated on the file. */
class ConfigError extends UserError {
    file;
    problems;
    advice;
    name = 'ConfigError';
    heading;
    constructor(file, problems, advice = '') {
        const heading = `Config file ${file} has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:`;
        super([heading, ...problems.map(formatProblem), ...(advice ? [advice] : [])].join('\n'));
        this.file = file;
        this.problems = problems;
        this.advice = advice;
        this.heading = heading;
    }
}
/**
 * Fails the step with one error annotation per problem, on the config file at its line and column, so GitHub shows
 * each where it is; the log reads as the whole message, each problem once.
 */
function annotateConfigError(error, workspace = process.env.GITHUB_WORKSPACE) {
    core/* info */.pq(error.heading);
    for (const problem of error.problems) {
        core/* error */.z3(formatProblem(problem), {
            title: 'Herald config',
            file: repositoryPath(problem.file, workspace),
            startLine: problem.line,
            startColumn: problem.col,
        });
    }
    if (error.advice)
        core/* info */.pq(error.advice);
    process.exitCode = core/* ExitCode */.yU.Failure;
}
/** Annotations name files relative to the repository root (the workspace), with forward slashes. */
function repositoryPath(file, workspace) {
    if (!workspace || !(0,external_node_path_.isAbsolute)(file))
        return file;
    const inRepository = (0,external_node_path_.relative)(workspace, file);
    return inRepository.startsWith('..') || (0,external_node_path_.isAbsolute)(inRepository) ? file : inRepository.split(external_node_path_.sep).join('/');
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core_core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/statuses.ts
/** The status words Herald knows: a leaf module, so config, inputs, triggers and message share them without a circle. */
/**
 * The words GitHub gives a step: job.status, needs.<job>.result, steps.<step>.outcome / conclusion, plus `started` and
 * `waiting` (a later job waits for an environment's reviewers: the approval trigger).
 */
const INPUT_STATUSES = ['started', 'success', 'failure', 'cancelled', 'skipped', 'waiting'];
/**
 * How a run or job ended, in the words the status change (fixed / broken) and the failed-jobs list go by: it worked, or
 * it failed. Cancelled, skipped, action_required and stale say neither (a cancelled run's jobs were stopped, not failed).
 */
const PASSED_STATUSES = ['success', 'neutral'];
const FAILED_STATUSES = ['failure', 'timed_out', 'startup_failure'];
/** What a route's `statuses` filter can name: the input words and the conclusions of workflow runs and jobs. */
const STATUSES = [
    'success',
    'failure',
    'cancelled',
    'timed_out',
    'skipped',
    'neutral',
    'startup_failure',
    'action_required',
    'stale',
    'started',
    'waiting',
];

;// CONCATENATED MODULE: ./src/config/problems.ts
const formatPath = (path) => path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('') || '(top level)';
/** Zod issues in a user's words, with did-you-mean for unknown keys and values. */
function problemsFromZod(error, schema, data, prefix = [], sourceText) {
    const problems = error.issues.flatMap((issue) => {
        // A single value where a list is expected is read as a one-item list: its problems belong to the value, not to [0].
        const { path, value } = asWritten(data, issue.path.filter((p) => typeof p !== 'symbol'));
        const full = [...prefix, ...path];
        switch (issue.code) {
            case 'unrecognized_keys': {
                const known = keysAt(schema, path);
                return issue.keys.map((key) => ({
                    path: [...full, key],
                    atKey: true,
                    meant: closest(key, known),
                    message: `unknown key "${key}"${suggest(key, known, 'keys')}${known.length ? ` Allowed here: ${known.join(', ')}.` : ''}`,
                }));
            }
            case 'invalid_type': {
                if (value === undefined)
                    return [{ path: full, message: `"${path.at(-1) ?? 'value'}" is required (${article(issue.expected)})` }];
                const template = issue.expected === 'string' && isTemplate(schemaAt(schema, path));
                const quoting = template ? quoteHint(full, value, sourceText?.(full)) : '';
                return [{ path: full, message: `must be ${article(issue.expected)}, not ${describe(value)}${hint(issue.expected, value)}${quoting}` }];
            }
            case 'invalid_value': {
                const options = issue.values.map(String);
                return [
                    {
                        path: full,
                        message: `${JSON.stringify(value)} is not allowed${typeof value === 'string' ? suggest(value, options) : ''} Use one of: ${options.join(', ')}.`,
                    },
                ];
            }
            case 'invalid_union':
                return [{ path: full, message: issue.message }];
            default:
                return [{ path: full, message: issue.message.replace(/^Invalid input: /, '') }];
        }
    });
    return withoutRequiredMisspelt(problems);
}
/**
 * One mistake, one message: `Type: webhook` is an unknown key whose message already says to write `type`, so the
 * "type is required" it causes is left out.
 */
function withoutRequiredMisspelt(problems) {
    const meant = new Set(problems.flatMap((problem) => (problem.meant ? [formatPath([...problem.path.slice(0, -1), problem.meant])] : [])));
    return problems.filter((problem) => !(/^"[^"]+" is required/.test(problem.message) && meant.has(formatPath(problem.path))));
}
/** The path as the user wrote it and the value there: an index into a value that is not a list is dropped. */
function asWritten(data, path) {
    let value = data;
    const written = [];
    for (const part of path) {
        if (typeof part === 'number' && value !== undefined && value !== null && !Array.isArray(value))
            continue;
        written.push(part);
        value = value?.[part];
    }
    return { path: written, value };
}
function article(expected) {
    const words = {
        string: 'a string',
        number: 'a number',
        boolean: 'true or false',
        array: 'a list',
        object: 'a mapping (key: value)',
        record: 'a mapping (key: value)',
    };
    return words[expected] ?? expected;
}
/** How to write the value the user meant: YAML 1.2 reads `yes` and `on` as text, and quotes make a number text. */
function hint(expected, value) {
    if (typeof value !== 'string')
        return '';
    const word = value.trim().toLowerCase();
    if (expected === 'boolean') {
        if (['yes', 'on', 'true', 'y'].includes(word))
            return ` ("${value}"): write true, without quotes`;
        if (['no', 'off', 'false', 'n'].includes(word))
            return ` ("${value}"): write false, without quotes`;
    }
    if (expected === 'number' && word !== '' && Number.isFinite(Number(word)))
        return ` ("${value}"): write ${Number(word)}, without quotes`;
    return '';
}
/**
 * A template is text, but YAML reads an unquoted `{"text": "hi"}` as a mapping and `- a` lines as a list: how to write
 * what they wrote as text, quoted on one line or as a `|` block.
 */
function quoteHint(path, value, written) {
    if (value === null || typeof value !== 'object')
        return '';
    const key = String(path.at(-1));
    const flow = written !== undefined && /^[[{]/.test(written) ? written : undefined;
    const text = flow ??
        (Array.isArray(value) && value.every((item) => typeof item !== 'object') ? value.join('\n') : JSON.stringify(value, null, 2));
    const reads = Array.isArray(value) ? 'a list' : 'a mapping';
    const block = `${key}: |\n${text.replace(/^/gm, '  ')}`;
    if (text.includes('\n'))
        return `. YAML reads it as ${reads}; a template is text: write it as a | block:\n${block}`;
    return `. YAML reads it as ${reads}; a template is text: quote it, ${key}: '${text.replace(/'/g, "''")}', or write it as a | block:\n${block}`;
}
function describe(value) {
    if (value === null)
        return 'empty (null)';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    if (typeof value === 'string')
        return 'a string';
    if (typeof value === 'boolean')
        return `${value}`;
    return `a ${typeof value}`;
}
/** Wrappers that change whether a value may be missing, not what it is. */
const WRAPPERS = ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch'];
/** The schema inside optional, default and preprocess wrappers: the one that says what the value is. */
function unwrap(schema) {
    let node = schema;
    for (;;) {
        const def = node?._zod?.def;
        if (def && WRAPPERS.includes(def.type))
            node = def.innerType;
        else if (def?.type === 'pipe')
            node = def.in?._zod?.def?.type === 'transform' ? def.out : def.in;
        else
            return node;
    }
}
/** Template fields carry `.meta({ template: true })` (destinationSchema), so a mapping there gets the "quote it" hint. */
function isTemplate(schema) {
    for (let node = schema; node; node = WRAPPERS.includes(node._zod?.def?.type) ? node._zod.def.innerType : undefined) {
        if (node.meta?.()?.template === true)
            return true;
    }
    return false;
}
/** The schema that checks the value at `path`, walking through optional, default, record and array wrappers. */
function schemaAt(schema, path) {
    let node = schema;
    for (const part of path) {
        const def = unwrap(node)?._zod?.def;
        if (def?.type === 'object')
            node = def.shape[part];
        else if (def?.type === 'record')
            node = def.valueType;
        else if (def?.type === 'array')
            node = def.element;
        else
            return undefined;
    }
    return node;
}
/** What a field takes when it is a plain number or boolean (through optional and default), for typing ${NAME}. */
function scalarTypeAt(schema, path) {
    const type = unwrap(schemaAt(schema, path))?._zod?.def?.type;
    return type === 'number' || type === 'boolean' ? type : undefined;
}
/** The keys an object schema allows at `path` (a record with known keys, such as `messages`, counts as one). */
function keysAt(schema, path) {
    const def = unwrap(schemaAt(schema, path))?._zod?.def;
    if (def?.type === 'object')
        return Object.keys(def.shape);
    if (def?.type === 'record' && def.keyType?._zod?.def?.type === 'enum')
        return Object.values(def.keyType._zod.def.entries);
    return [];
}
/**
 * " Did you mean "method"?" when a known word is close enough, ". Keys are case-sensitive: write "type"." when it
 * differs only in case, else ".".
 */
function suggest(word, known, noun = 'names') {
    const best = closest(word, known);
    if (best === undefined)
        return '.';
    if (best.toLowerCase() === word.toLowerCase())
        return `. ${noun[0].toUpperCase()}${noun.slice(1)} are case-sensitive: write "${best}".`;
    return `. Did you mean "${best}"?`;
}
/** The known word the user most likely meant: the same letters in another case, else the nearest close enough. */
function closest(word, known) {
    const sameLetters = known.find((candidate) => candidate !== word && candidate.toLowerCase() === word.toLowerCase());
    if (sameLetters !== undefined)
        return sameLetters;
    let best;
    let bestDistance = Infinity;
    for (const candidate of known) {
        const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
        if (distance < bestDistance)
            [best, bestDistance] = [candidate, distance];
    }
    return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

;// CONCATENATED MODULE: ./src/config/schema.ts






/** Words people write where a trigger goes, and the trigger that routes what they mean. */
const TRIGGER_WORDS = [
    { trigger: 'error', routes: 'failures and cancellations are routed with "error"', words: ['failure', 'failed', 'fail', 'cancelled', 'canceled', 'cancel', 'timed_out', 'timeout'] },
    { trigger: 'success', routes: 'a run that succeeds is routed with "success"', words: ['succeeded', 'successful', 'passed', 'pass', 'ok', 'done', 'completed'] },
    { trigger: 'started', routes: 'a run that starts is routed with "started"', words: ['start', 'starting', 'running', 'in_progress', 'queued', 'begin'] },
    { trigger: 'broken', routes: 'a failure after a success is routed with "broken"', words: ['broke', 'break', 'breaks', 'regression', 'regressed'] },
    { trigger: 'fixed', routes: 'a success after a failure is routed with "fixed"', words: ['fix', 'fixes', 'recovered', 'recovery', 'resolved', 'back_to_normal'] },
    { trigger: 'approval', routes: 'a job waiting for reviewers is routed with "approval"', words: ['approve', 'approvals', 'waiting', 'needs_attention', 'run:needs_attention'] },
];
/** GitHub's own words for a job's status (`job.status`, a run's conclusion). */
const JOB_STATUSES = ['failure', 'cancelled', 'timed_out'];
const isTrigger = (word) => TRIGGERS.includes(word);
/** Why `word` is not a trigger, and which one to write instead. */
function unknownTrigger(word) {
    const lower = word.trim().toLowerCase();
    if (lower === 'test') {
        return ('"test" is not routed: a test notification goes to every destination (or those you name), whatever the routes say. ' +
            `Send one with the action's input "test: true" (and "destinations: name, ..." to pick some). Use one of: ${TRIGGERS.join(', ')}.`);
    }
    const meant = TRIGGER_WORDS.find((entry) => entry.words.includes(lower) && isTrigger(entry.trigger));
    const advice = meant
        ? ` is ${JOB_STATUSES.includes(lower) ? 'a job status, not a trigger' : 'not a trigger'}; ${meant.routes}.`
        : ` is not a trigger${suggest(word, [...TRIGGERS], 'triggers')}`;
    return `"${word}"${advice} Use one of: ${TRIGGERS.join(', ')}.`;
}
const trigger = schemas/* string */.YjP().transform((word, ctx) => {
    if (isTrigger(word))
        return word;
    ctx.addIssue({ code: 'custom', message: unknownTrigger(word) });
    return core_core/* NEVER */.tm;
});
/** Why a glob can never match what its author meant: an unclosed [, { or ( (picomatch reads them literally or never matches). */
function unbalanced(pattern) {
    const closers = { '[': ']', '{': '}', '(': ')' };
    const open = [];
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '\\')
            i++;
        else if (open.at(-1) === '[') {
            if (c === ']')
                open.pop();
        }
        else if (c in closers)
            open.push(c);
        else if (c === closers[open.at(-1) ?? ''])
            open.pop();
    }
    const first = open[0];
    return first && `the "${first}" is never closed with "${closers[first]}"; close it, or write \\${first} for a literal ${first}`;
}
const NO_PATTERN = 'is empty: write a pattern, or leave the filter out to match everything';
const pattern = schemas/* string */.YjP()
    .min(1, NO_PATTERN)
    .superRefine((glob, ctx) => {
    const problem = unbalanced(glob.replace(/^!/, ''));
    if (problem)
        ctx.addIssue({ code: 'custom', message: `"${glob}" is not a valid pattern: ${problem}.` });
});
/**
 * A route filter (branches, workflows, events and any filter added later): one glob or a list of globs. One string
 * holding commas outside braces is a list written as text, which would only match a name with a comma in it.
 */
const filterList = schemas/* preprocess */.vkY((value, ctx) => {
    if (typeof value !== 'string')
        return value;
    // A comma inside braces is a glob's alternatives (`feature/{a,b}`), not a list.
    if (value.replace(/\{[^{}]*\}/g, '').includes(',')) {
        const items = value.split(',').map((item) => item.trim()).filter(Boolean);
        ctx.addIssue({ code: 'custom', message: `"${value}" is one pattern holding a comma; write a list: [${items.join(', ')}]` });
    }
    return [value];
}, schemas/* array */.YOg(pattern).min(1, NO_PATTERN));
/** A status, or `!status` to leave it out: case and spaces do not matter, a misspelling gets a did-you-mean. */
const statusPattern = schemas/* string */.YjP()
    .transform((value) => value.trim().toLowerCase())
    .superRefine((value, ctx) => {
    const negated = value.startsWith('!');
    const word = negated ? value.slice(1) : value;
    if (STATUSES.includes(word))
        return;
    const known = STATUSES.map((status) => (negated ? `!${status}` : status));
    ctx.addIssue({
        code: 'custom',
        message: `"${value}" is not a status${suggest(value, known, 'statuses')} Use one of: ${STATUSES.join(', ')}; "!cancelled" leaves one out.`,
    });
});
/**
 * A route's `if`: a template that parses, and that has tags: without any it always renders the same text, and a
 * `{{ }}` or `${{ }}` expression written there would never be true.
 */
const routeCondition = schemas/* string */.YjP()
    .min(1, 'is empty: write a template that renders true, or leave "if" out')
    .superRefine((template, ctx) => {
    const problem = checkTemplate(template, 'text');
    if (problem)
        ctx.addIssue({ code: 'custom', message: problem });
    else if (!template.includes('<<') && template.trim().toLowerCase() !== 'true') {
        ctx.addIssue({
            code: 'custom',
            message: `"${template}" has no << >> tags, so it always renders as written and the route never sends. ` +
                'Write a template that renders true, with Herald\'s tags: "<<#prNumber>>true<</prNumber>>".',
        });
    }
});
const GLOBS = 'Glob patterns (or one pattern), as GitHub\'s own filters: * within a path segment, ** across, !pattern excludes; the last match wins.';
const routeSchema = schemas/* strictObject */.rej({
    triggers: oneOrMany(trigger.meta({ enum: [...TRIGGERS] }), `is empty: write one or more of ${TRIGGERS.join(', ')}`).describe(`The triggers this route sends: one or a list of ${TRIGGERS.join(', ')} (failures and cancellations are routed with error; ` +
        'broken and fixed are a failure after a success and the reverse; a destination matched for several gets the most specific).'),
    to: oneOrMany(schemas/* string */.YjP().min(1, 'is empty: name a destination'), 'is empty: name one or more destinations').describe('One destination name or a list. A destination named by several matching routes is notified once.'),
    branches: filterList.optional().describe(`The branch, as GitHub's on.<event>.branches filter (on pull requests the base branch). ${GLOBS}`),
    head_branches: filterList.optional().describe(`A pull request's head branch; on other events the same branch as branches. ${GLOBS}`),
    workflows: filterList.optional().describe(`The workflow's name (the triggering workflow's, on workflow_run). ${GLOBS}`),
    events: filterList.optional().describe(`The event name (push, pull_request, ...; the triggering run's event on workflow_run). ${GLOBS}`),
    jobs: filterList
        .optional()
        .describe(`The job's id (GITHUB_JOB, its key under jobs:); on workflow_job the job's name; none on workflow_run. ${GLOBS}`),
    environments: filterList
        .optional()
        .describe(`The deployment's environment (deployment_status, deployment); a run without one matches only a list of !patterns. ${GLOBS}`),
    repositories: filterList.optional().describe(`The repository, owner/name. ${GLOBS}`),
    actors: filterList.optional().describe(`The login of who started the run (the triggering actor on workflow_run). ${GLOBS}`),
    statuses: oneOrMany(statusPattern.meta({ examples: [...STATUSES, '!cancelled'] }), `is empty: write one or more of ${STATUSES.join(', ')}, or leave the filter out`)
        .optional()
        .describe(`The status: one or a list of ${STATUSES.join(', ')}; "!cancelled" leaves one out. Exact words, case does not matter.`),
    if: routeCondition
        .optional()
        .describe('A template (<< >> tags, the variables every destination sees) that must render to true (trimmed, any case) for the route to send, ' +
        'as Grafana OnCall\'s trigger template: "<<#prNumber>>true<</prNumber>>" sends only for pull requests.'),
});
const ROUTES = 'Routing: which triggers go to which destinations, each route with optional filters. Without notifications, every destination gets every trigger.';
const routesSchema = schemas/* array */.YOg(routeSchema).min(1).optional().describe(ROUTES);
/** The file's outline; each destination and the routes are then checked on their own, so all problems show at once. */
const fileSchema = schemas/* strictObject */.rej({
    destinations: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()))
        .describe('Named, reusable destinations: a name you choose, mapped to a destination whose type picks the kind and its fields.'),
    notifications: schemas/* unknown */.L5J().optional().describe(ROUTES),
    block_private_addresses: schemas/* boolean */.zMY()
        .optional()
        .describe('Refuse to send to loopback, private, link-local and cloud metadata addresses, for every destination that does not set it itself (default false).'),
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/source.ts




/** A notifications config is a few KB; a file past this is the wrong file, and parsing it would hold the job. */
const MAX_CONFIG_BYTES = 1024 * 1024;
async function readConfigSource(file) {
    let text;
    try {
        const size = (await (0,promises_.stat)(file)).size;
        if (size > MAX_CONFIG_BYTES)
            throw tooLarge(file, size);
        text = await (0,promises_.readFile)(file, 'utf8');
    }
    catch (error) {
        if (error instanceof UserError)
            throw error;
        const code = error.code;
        if (code === 'ENOENT') {
            throw new UserError(`Config file ${file} not found. Create it (see the README's quick start), or point the "config" input at yours. ` +
                'Did the job run actions/checkout first?');
        }
        throw new UserError(`Config file ${file} cannot be read: ${error.message}`);
    }
    return parseConfigSource(file, text);
}
function parseConfigSource(file, text) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_CONFIG_BYTES)
        throw tooLarge(file, bytes);
    const lineCounter = new dist/* LineCounter */.HN();
    // YAML 1.2 is a superset of JSON, so .json files take the same path and keep line numbers. yaml's own uniqueKeys
    // check compares every pair of keys (a second for 16,000 destinations); duplicateKeys() does it with a set.
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    const problems = [
        // One mistake can make yaml report the same thing at several places (a deep nesting): say it once.
        ...doc.errors
            .map((error) => ({ file, ...lineCounter.linePos(error.pos[0]), path: '', message: yamlProblem(error.message) }))
            .filter((problem, i, all) => all.findIndex((other) => other.message === problem.message) === i),
        ...(doc.errors.length === 0 ? duplicateKeys(doc, lineCounter).map((problem) => ({ file, path: '', ...problem })) : []),
    ];
    if (problems.length > 0)
        throw new ConfigError(file, problems, "Fix the file's syntax (indentation, quotes, colons) and run again.");
    let data;
    try {
        data = doc.toJS({ maxAliasCount: 100 });
    }
    catch (error) {
        const message = /alias/i.test(error.message)
            ? `its aliases (*name) expand to too many values, as in a "billion laughs" file; write the values out instead.`
            : yamlProblem(error.message);
        let alias;
        (0,dist/* visit */.YR)(doc, { Alias: (_, node) => ((alias = node), dist/* visit */.YR.BREAK) });
        throw new ConfigError(file, [{ file, ...lineCounter.linePos(alias?.range?.[0] ?? 0), path: '', message }]);
    }
    return {
        file,
        data,
        locate: (path, atKey) => {
            // An empty file has no node at all: its problems are at its start.
            return lineCounter.linePos(offsetOf(doc, path, atKey) ?? 0);
        },
        textAt: (path) => {
            const node = doc.getIn(path, true);
            return node?.range ? text.slice(node.range[0], node.range[1]).trim() : undefined;
        },
    };
}
/** Every key repeated in its mapping, by name and with where it first appears (YAML says only "Map keys must be unique"). */
function duplicateKeys(doc, lineCounter) {
    const found = [];
    (0,dist/* visit */.YR)(doc, {
        Map(_, map) {
            const seen = new Map();
            for (const pair of map.items) {
                if (!(0,dist/* isScalar */.jn)(pair.key) || !pair.key.range)
                    continue;
                const first = seen.get(pair.key.value);
                if (!first) {
                    seen.set(pair.key.value, pair.key);
                    continue;
                }
                const here = lineCounter.linePos(pair.key.range[0]);
                const at = lineCounter.linePos(first.range[0]);
                const where = at.line === here.line ? ` (first at column ${at.col} of this line)` : ` (first on line ${at.line})`;
                found.push({ ...here, message: `the key "${String(pair.key.value)}" appears twice in one mapping${where}; keep one of them.` });
            }
            return undefined;
        },
    });
    return found;
}
/** yaml's message in a user's words where it has a better one. */
function yamlProblem(message) {
    if (/call stack/i.test(message))
        return 'the file nests lists or mappings too deeply to read; a notifications config needs a few levels.';
    return `invalid YAML: ${message.split('\n')[0]}`;
}
function tooLarge(file, bytes) {
    const size = (n) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    return new UserError(`Config file ${file} is ${size(bytes)}; Herald reads config files up to ${size(MAX_CONFIG_BYTES)}. ` +
        'A notifications config is a few KB: check that the "config" input points at it.');
}
/** The node at path, or the nearest ancestor that exists (a missing key is reported at its parent). */
function offsetOf(doc, path, atKey) {
    for (let depth = path.length; depth >= 0; depth--) {
        const parentPath = path.slice(0, depth - 1);
        const key = path[depth - 1];
        if (atKey && depth === path.length && key !== undefined) {
            const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
            if ((0,dist/* isMap */.jh)(parent)) {
                const pair = parent.items.find((item) => item.key?.value === key || item.key === key);
                const keyNode = pair?.key;
                if (keyNode?.range)
                    return keyNode.range[0];
            }
            continue;
        }
        const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true));
        if (node && typeof node === 'object' && node.range)
            return node.range[0];
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/passed-secrets.ts
/**
 * The variable through which a workflow hands Herald every secret it has in one go, `${{ toJSON(secrets) }}`, so a
 * reusable workflow called with `secrets: inherit` serves any ${NAME} without listing names.
 */
const PASSED_SECRETS_VARIABLE = 'HERALD_SECRETS';
/** Reads HERALD_SECRETS; undefined when it is not set. */
function readPassedSecrets(env) {
    const text = env[PASSED_SECRETS_VARIABLE];
    if (text === undefined || text.trim() === '')
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { error: `${PASSED_SECRETS_VARIABLE} is not JSON; set it to \${{ toJSON(secrets) }}` };
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        return { error: `${PASSED_SECRETS_VARIABLE} is not a JSON object of secrets by name; set it to \${{ toJSON(secrets) }}` };
    }
    const values = new Map();
    for (const [name, value] of Object.entries(parsed))
        if (typeof value === 'string')
            values.set(name, value);
    return { values };
}
/** The secret called `name`: its exact name first, else the one name equal ignoring case, as GitHub's secret names are. */
function findPassedSecret(secrets, name) {
    const exact = secrets.values.get(name);
    if (exact !== undefined)
        return exact;
    const matches = [...secrets.values.keys()].filter((key) => key.toLowerCase() === name.toLowerCase());
    return matches.length === 1 ? secrets.values.get(matches[0]) : undefined;
}

;// CONCATENATED MODULE: ./src/config/substitute.ts


const REFERENCE = /\$\$\{|\$\{\{[^]*?\}\}|\$\{([^}]*)\}/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** A value that is exactly one reference, which takes the type of the field it fills. */
const WHOLE_REFERENCE = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/;
/**
 * Replaces ${NAME} in every string of the parsed file with the environment variable NAME (how secrets reach the
 * file), or, when no such variable is set, with the secret NAME in HERALD_SECRETS. `$${` writes a literal `${`.
 * `${{ }}` is refused: GitHub does not evaluate expressions in files.
 */
function substituteEnvironment(data, env, scalarType = () => undefined, withheld) {
    const secrets = new Set();
    const empty = new Set();
    const problems = [];
    const passed = readPassedSecrets(env);
    /** A variable set in the environment wins (even empty); HERALD_SECRETS fills the rest, every value of it a secret. */
    const lookup = (variable) => {
        if (env[variable] !== undefined)
            return { value: env[variable], secret: namesSecret(variable) };
        const value = passed && 'values' in passed ? findPassedSecret(passed, variable) : undefined;
        return { value, secret: value !== undefined };
    };
    const visit = (value, path) => {
        if (typeof value === 'string')
            return (typed(value, path) ?? { value: substituteString(value, path) }).value;
        if (Array.isArray(value))
            return value.map((item, i) => visit(item, [...path, i]));
        if (value !== null && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visit(item, [...path, key])]));
        }
        return value;
    };
    /** A number or boolean field filled by exactly one ${NAME}: the value converted, not a secret (it is a setting). */
    const typed = (text, path) => {
        const variable = WHOLE_REFERENCE.exec(text)?.[1];
        const type = variable && scalarType(path);
        const value = variable && lookup(variable).value;
        if (!type || !value)
            return undefined;
        const field = String(path.at(-1));
        const word = value.trim();
        if (type === 'number' && word !== '' && Number.isFinite(Number(word)))
            return { value: Number(word) };
        if (type === 'boolean' && /^(true|false)$/i.test(word))
            return { value: word.toLowerCase() === 'true' };
        const wanted = type === 'number' ? 'a number' : 'true or false';
        problems.push({ path, message: `environment variable ${variable} is ${JSON.stringify(value)}; ${field} must be ${wanted}.` });
        return { value };
    };
    const substituteString = (text, path) => text.replace(REFERENCE, (match, name) => {
        if (match === '$${')
            return '${';
        if (match.startsWith('${{')) {
            problems.push({
                path,
                message: `"${match}" is a GitHub expression, and GitHub does not evaluate expressions in files. ` +
                    'Pass the value to the step as an environment variable and write ${NAME}, for example\n' +
                    '    env:\n      HOOK_TOKEN: ${{ secrets.HOOK_TOKEN }}\n' +
                    'and in the config: ${HOOK_TOKEN}',
            });
            return match;
        }
        const variable = (name ?? '').trim();
        if (!NAME.test(variable)) {
            problems.push({ path, message: `"${match}" is not a valid variable reference; write \${NAME} with letters, digits and _ (or $\${ for a literal \${).` });
            return match;
        }
        const { value: replacement, secret } = lookup(variable);
        if (replacement === '')
            empty.add(variable);
        if (replacement === '' && withheld) {
            problems.push({ path, message: `environment variable ${variable} is empty: ${withheld.reason}.` });
            return '';
        }
        if (replacement === undefined && passed) {
            // A fork's pull request gets no secrets, so HERALD_SECRETS lacks them: that is the reason to give.
            if (withheld && 'values' in passed)
                empty.add(variable);
            problems.push({ path, message: notPassed(variable, passed, withheld) });
            return '';
        }
        if (replacement === undefined || replacement === '') {
            problems.push({
                path,
                message: `environment variable ${variable} is ${replacement === undefined ? 'not set' : 'empty'}. ` +
                    `Pass it in the step's env, for example "env: { ${variable}: \${{ secrets.${variable} }} }", and check that the secret exists.`,
            });
            return '';
        }
        if (secret)
            secrets.add(replacement);
        return replacement;
    });
    return { data: visit(data, []), secrets: [...secrets], empty: [...empty], problems };
}
/** A ${NAME} that neither the environment nor HERALD_SECRETS has: which secrets were passed, and what to do. */
function notPassed(variable, passed, withheld) {
    const start = `environment variable ${variable} is not set`;
    if ('error' in passed)
        return `${start}, and ${passed.error}.`;
    if (withheld)
        return `${start} and is not among the secrets in ${PASSED_SECRETS_VARIABLE}: ${withheld.reason}.`;
    const names = [...passed.values.keys()].sort();
    return (`${start}, and ${PASSED_SECRETS_VARIABLE} has no secret named ${variable} ` +
        `(it has ${names.length === 0 ? 'none' : names.join(', ')}). Check that the secret exists, and call the workflow with "secrets: inherit".`);
}

;// CONCATENATED MODULE: ./src/config/index.ts








/**
 * Reads, substitutes and validates the config file; every problem is reported at once, with file:line:col.
 * `withheld`: GitHub gave this run no secrets, and why (an empty ${NAME} is then explained by it).
 */
async function loadConfig(file, env, withheld) {
    return validateConfig(await readConfigSource(file), env, withheld);
}
function validateConfig(source, env, withheld) {
    const substituted = substituteEnvironment(source.data, env, (path) => scalarTypeIn(source.data, path), withheld);
    const problems = [];
    const secrets = new Set(substituted.secrets);
    const advice = withheld && substituted.empty.length > 0 ? withheld.advice : '';
    const fail = () => configError(source, [...substituted.problems, ...problems.filter((problem) => !unfilled(problem, substituted.problems))], [...secrets], advice);
    const outline = fileSchema.safeParse(substituted.data ?? {});
    if (!outline.success) {
        problems.push(...problemsFromZod(outline.error, fileSchema, substituted.data, [], source.textAt));
        throw fail();
    }
    const destinations = {};
    for (const [name, raw] of Object.entries(outline.data.destinations)) {
        const path = ['destinations', name];
        if (raw.type === undefined) {
            const { problem, misspelt } = missingType(raw, path);
            problems.push(problem);
            // `Type: slack` still says what the rest is, so its other problems are reported now too.
            const type = misspelt === undefined ? undefined : raw[misspelt];
            const destination = typeof type === 'string' ? findDestination(type) : undefined;
            if (!destination || misspelt === undefined)
                continue;
            const { [misspelt]: _, ...rest } = raw;
            const parsed = destination.schema.safeParse({ ...rest, type });
            if (!parsed.success)
                problems.push(...problemsFromZod(parsed.error, destination.schema, rest, path, source.textAt));
            continue;
        }
        const destination = typeof raw.type === 'string' ? findDestination(raw.type) : undefined;
        if (!destination) {
            const type = String(raw.type);
            problems.push({
                path: [...path, 'type'],
                message: `unknown destination type "${type}"${suggest(type, destinationTypes(), 'types')} Known types: ${destinationTypes().join(', ')}.`,
            });
            continue;
        }
        const parsed = destination.schema.safeParse(raw);
        if (!parsed.success) {
            for (const secret of declaredSecrets(destination, raw))
                secrets.add(secret);
            problems.push(...problemsFromZod(parsed.error, destination.schema, raw, path, source.textAt));
            continue;
        }
        destinations[name] = parsed.data;
        for (const secret of declaredSecrets(destination, parsed.data))
            secrets.add(secret);
    }
    const routes = routesSchema.safeParse(outline.data.notifications);
    if (!routes.success)
        problems.push(...problemsFromZod(routes.error, routesSchema, outline.data.notifications, ['notifications'], source.textAt));
    const names = Object.keys(outline.data.destinations);
    for (const { name, path } of routeTargets(outline.data.notifications)) {
        if (typeof name === 'string' && name !== '' && !names.includes(name)) {
            problems.push({ path, message: `no destination is named "${name}"${suggest(name, names)} Destinations in this file: ${names.join(', ') || 'none'}.` });
        }
    }
    if (substituted.problems.length > 0 || problems.length > 0 || !routes.success)
        throw fail();
    return {
        file: source.file,
        destinations,
        notifications: routes.data,
        blockPrivateAddresses: outline.data.block_private_addresses ?? false,
        secrets: [...secrets].filter((secret) => secret.length >= MIN_SECRET_LENGTH),
    };
}
/** A destination without `type`: a key that is `type` in other letters is the mistake, else say what to write. */
function missingType(raw, path) {
    const names = (key) => typeof raw[key] === 'string' && findDestination(raw[key]) !== undefined;
    const misspelt = Object.keys(raw).find((key) => key.toLowerCase() === 'type') ?? Object.keys(raw).find(names);
    if (misspelt !== undefined) {
        const advice = misspelt.toLowerCase() === 'type' ? suggest(misspelt, ['type'], 'keys') : '. Did you mean "type"?';
        const message = `unknown key "${misspelt}"${advice}`;
        return { problem: { path: [...path, misspelt], atKey: true, message }, misspelt };
    }
    return { problem: { path, message: `"type" is required: one of ${destinationTypes().join(', ')}.` } };
}
/** The type a number or boolean field takes, for ${NAME} values that fill one. */
function scalarTypeIn(data, path) {
    const [section, name, ...rest] = path;
    if (section === 'block_private_addresses' && path.length === 1)
        return 'boolean';
    if (section !== 'destinations' || typeof name !== 'string')
        return undefined;
    const type = data.destinations?.[name]?.type;
    const destination = typeof type === 'string' ? findDestination(type) : undefined;
    return destination && scalarTypeAt(destination.schema, rest);
}
/** The names in the routes' `to` as written, so unknown names are reported even when a route has other problems. */
function routeTargets(notifications) {
    if (!Array.isArray(notifications))
        return [];
    return notifications.flatMap((route, i) => {
        const to = route?.to;
        const path = ['notifications', i, 'to'];
        if (typeof to === 'string')
            return [{ name: to, path }];
        return Array.isArray(to) ? to.map((name, j) => ({ name, path: [...path, j] })) : [];
    });
}
/** One mistake, one message: a ${NAME} that could not be filled hides what the schema says about the value it left. */
const unfilled = (problem, substitution) => substitution.some((cause) => cause.path.every((part, i) => problem.path[i] === part));
/**
 * A destination's secret fields as far as they can be read from a config that did not validate; a value still holding
 * `${` is what the user wrote, not a secret (`${{ secrets.X }}`, which is reported).
 */
function declaredSecrets(destination, raw) {
    try {
        return destination.secrets(raw).filter((value) => typeof value === 'string' && value !== '' && !value.includes('${'));
    }
    catch {
        return [];
    }
}
/** Every problem with its place; secrets are masked (the runner does not know them yet). */
function configError(source, problems, secrets, advice) {
    const located = problems.map((problem) => ({ problem, at: source.locate(problem.path, problem.atKey) }));
    located.sort((a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.col ?? 0) - (b.at?.col ?? 0));
    return new ConfigError(source.file, located.map(({ problem, at }) => ({ file: source.file, ...at, path: formatPath(problem.path), message: maskValues(problem.message, secrets) })), advice);
}

;// CONCATENATED MODULE: ./src/context.ts
/** What a notification says about the run: one flat record built from the GitHub context and event. */
/** Environment variable in which a `started` step leaves its start time for later steps of the job. */
const STARTED_AT_VARIABLE = 'HERALD_STARTED_AT';
/** Environment variable in which a workflow names the container image it built or deployed (Devtron's image). */
const IMAGE_VARIABLE = 'HERALD_IMAGE';
const str = (value) => (value === undefined || value === null ? '' : String(value));
function readRunContext(gh, env, now = new Date()) {
    const event = gh.payload ?? {};
    const repository = str(env.GITHUB_REPOSITORY) || str(event.repository?.full_name);
    const serverUrl = (gh.serverUrl || 'https://github.com').replace(/\/$/, '');
    const repositoryUrl = str(event.repository?.html_url) || (repository ? `${serverUrl}/${repository}` : '');
    const triggering = triggeringRun(gh.eventName, event);
    const base = triggering ?? currentRun(gh, env, event, repositoryUrl);
    const ref = base.ref;
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : '';
    const branch = base.branch || (ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '');
    const commitMessage = base.commitMessage;
    const endedAt = base.completedAt ? new Date(base.completedAt) : now;
    const started = base.startedAt ? new Date(base.startedAt) : undefined;
    const durationSeconds = started && !Number.isNaN(started.getTime())
        ? Math.max(0, Math.round((endedAt.getTime() - started.getTime()) / 1000))
        : null;
    return {
        repository,
        repositoryUrl,
        owner: repository.split('/')[0] ?? '',
        workflow: base.workflow,
        job: base.job,
        runId: base.runId,
        runNumber: base.runNumber,
        runAttempt: base.runAttempt,
        runUrl: base.runUrl,
        eventName: base.eventName,
        ref,
        branch,
        baseBranch: base.baseBranch || branch,
        headBranch: branch,
        tag,
        deleted: base.deleted ? 'true' : '',
        sha: base.sha,
        shortSha: base.sha.slice(0, 7),
        commitMessage,
        commitTitle: commitMessage.split(/\r?\n/, 1)[0] ?? '',
        commitUrl: base.sha && repositoryUrl ? `${repositoryUrl}/commit/${base.sha}` : '',
        commitAuthor: base.commitAuthor,
        actor: base.actor,
        prNumber: base.pr ? str(base.pr.number) : '',
        prTitle: base.pr ? str(base.pr.title) : '',
        prUrl: base.pr ? str(base.pr.html_url) || (repositoryUrl ? `${repositoryUrl}/pull/${base.pr.number}` : '') : '',
        environment: base.environment,
        environmentUrl: base.environmentUrl,
        ...splitImage(str(env[IMAGE_VARIABLE]).trim()),
        startedAt: started && !Number.isNaN(started.getTime()) ? started.toISOString() : '',
        duration: durationSeconds === null ? '' : formatDuration(durationSeconds),
        durationSeconds,
        timestamp: now.toISOString(),
        failedJobs: [],
        event,
    };
}
/** The run this step belongs to (every event but the notifier-workflow ones). */
function currentRun(gh, env, event, repositoryUrl) {
    const pr = event.pull_request;
    // A merge queue run tests merge_group.head_sha on a temporary gh-readonly-queue/... branch: report the queue's base.
    const queue = event.merge_group;
    const headCommit = event.head_commit ?? queue?.head_commit;
    const deployment = event.deployment;
    // Deleting a branch or tag runs push workflows with no head commit, and GITHUB_SHA and GITHUB_REF reverted to the
    // default branch: the event's ref names what was deleted, and no commit belongs to it.
    const deleted = gh.eventName === 'push' && event.deleted === true;
    return {
        workflow: str(gh.workflow) || workflowName(event),
        job: str(gh.job),
        runId: str(gh.runId),
        runNumber: str(gh.runNumber),
        runAttempt: str(gh.runAttempt),
        runUrl: repositoryUrl && gh.runId ? `${repositoryUrl}/actions/runs/${gh.runId}` : '',
        eventName: str(gh.eventName),
        ref: deleted ? str(event.ref) || str(gh.ref) : str(gh.ref),
        branch: str(env.GITHUB_HEAD_REF) || str(pr?.head?.ref) || str(queue?.base_ref).replace(/^refs\/heads\//, ''),
        baseBranch: str(env.GITHUB_BASE_REF) || str(pr?.base?.ref),
        sha: deleted ? '' : str(pr?.head?.sha) || str(queue?.head_sha) || str(gh.sha),
        commitMessage: str(headCommit?.message),
        commitAuthor: str(headCommit?.author?.name) || str(headCommit?.author?.username),
        actor: str(gh.actor) || str(event.sender?.login),
        pr: pr ?? (event.issue?.pull_request ? event.issue : undefined),
        environment: str(deployment?.environment) || str(event.deployment_status?.environment),
        environmentUrl: str(event.deployment_status?.environment_url) || str(event.deployment_status?.target_url),
        startedAt: str(env[STARTED_AT_VARIABLE]),
        completedAt: '',
        deleted,
    };
}
/** For workflow_run and workflow_job events every fact describes the run that triggered the notifier workflow. */
function triggeringRun(eventName, event) {
    if (eventName === 'workflow_run' && event.workflow_run) {
        const run = event.workflow_run;
        return {
            workflow: str(run.name) || workflowName(event),
            job: '',
            runId: str(run.id),
            runNumber: str(run.run_number),
            runAttempt: str(run.run_attempt),
            runUrl: str(run.html_url),
            eventName: str(run.event),
            ref: run.head_branch ? `refs/heads/${run.head_branch}` : '',
            branch: str(run.head_branch),
            baseBranch: str(run.pull_requests?.[0]?.base?.ref),
            sha: str(run.head_sha),
            commitMessage: str(run.head_commit?.message),
            commitAuthor: str(run.head_commit?.author?.name),
            actor: str(run.triggering_actor?.login) || str(run.actor?.login),
            pr: run.pull_requests?.[0],
            environment: '',
            environmentUrl: '',
            startedAt: str(run.run_started_at) || str(run.created_at),
            completedAt: run.status === 'completed' ? str(run.updated_at) : '',
        };
    }
    if (eventName === 'workflow_job' && event.workflow_job) {
        const job = event.workflow_job;
        const repositoryUrl = str(event.repository?.html_url);
        return {
            workflow: str(job.workflow_name),
            job: str(job.name),
            runId: str(job.run_id),
            runNumber: '',
            runAttempt: str(job.run_attempt),
            runUrl: str(job.html_url) || (repositoryUrl ? `${repositoryUrl}/actions/runs/${job.run_id}` : ''),
            eventName: 'workflow_job',
            ref: job.head_branch ? `refs/heads/${job.head_branch}` : '',
            branch: str(job.head_branch),
            sha: str(job.head_sha),
            commitMessage: '',
            commitAuthor: '',
            actor: str(event.sender?.login),
            // A job that deploys to an environment carries its deployment (GitHub sends it with the job waiting for reviewers).
            environment: str(event.deployment?.environment),
            environmentUrl: '',
            startedAt: str(job.started_at) || str(job.created_at),
            completedAt: str(job.completed_at),
        };
    }
    return undefined;
}
/** workflow_run events carry the workflow as an object; workflow_dispatch carries its file path as a string. */
const workflowName = (event) => event.workflow !== null && typeof event.workflow === 'object' ? str(event.workflow.name) : '';
/**
 * An image reference `[registry[:port]/]path[:tag][@digest]` split as Devtron splits its image URL: the repository,
 * and the tag (the digest when there is no tag). A registry's port is not a tag.
 */
function splitImage(image) {
    const [name = '', digest = ''] = image.split('@', 2);
    const colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf('/'))
        return { imageRepo: name.slice(0, colon), imageTag: name.slice(colon + 1) };
    return { imageRepo: name, imageTag: digest };
}
function formatDuration(totalSeconds) {
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours)
        return `${hours}h ${minutes}m ${seconds}s`;
    if (minutes)
        return `${minutes}m ${seconds}s`;
    return `${seconds}s`;
}

;// CONCATENATED MODULE: ./src/retry-policy.ts
const MAX_BACKOFF_MS = 30_000;
/**
 * The one place that decides after an attempt: delivered, try again after N ms, or give up. A 2xx the destination
 * accepts is a delivery; a refusal that asking again cannot change is a failure; a retryable one is retried after the
 * receiver's Retry-After or the backoff (×1 to ×2 jitter), unless the retries are used up or the wait would end after
 * the deadline, which fails it at once instead of holding the job.
 */
function decideNext(outcome) {
    const { reply, error, verdict } = outcome;
    if (reply?.ok && !verdict.error)
        return { action: 'success' };
    const reason = reply ? (verdict.error ?? reply.error ?? `${outcome.protocol} ${reply.code}`) : (error?.message ?? 'no answer');
    const retryable = reply ? reply.retryable || verdict.retryAfterMs !== undefined : (error?.retryable ?? true);
    if (!retryable || outcome.attempt > outcome.retries)
        return { action: 'fail', reason };
    const askedMs = verdict.retryAfterMs ?? reply?.retryAfterMs;
    const afterMs = askedMs ?? backoff(outcome.attempt, outcome.backoffMs, outcome.random ?? Math.random);
    if (afterMs > outcome.timeLeftMs) {
        const left = `${seconds(Math.max(0, outcome.timeLeftMs))} s were left`;
        const why = askedMs !== undefined ? `asked to wait ${seconds(afterMs)} s` : `the next retry was due in ${seconds(afterMs)} s`;
        return { action: 'fail', reason: `${reason}: ${why}; ${left} before the overall deadline` };
    }
    return { action: 'retry', afterMs, reason, asked: askedMs !== undefined };
}
function backoff(attempt, baseMs, random) {
    return Math.min(MAX_BACKOFF_MS, baseMs * 2 ** (attempt - 1) * (1 + random()));
}
/** Milliseconds as seconds with one decimal: 1500 -> 1.5. */
const seconds = (ms) => Math.round(ms / 100) / 10;

;// CONCATENATED MODULE: ./src/transport/index.ts
/**
 * Every transport, by the name an outbound gives in `transport`; each loads on first use, so a run pays only for the
 * ones its config needs. A new kind of connection is one file and one line here.
 */
const transports = {
    http: async () => (await __webpack_require__.e(/* import() */ 25).then(__webpack_require__.bind(__webpack_require__, 4025))).sendHttp,
    smtp: async () => (await __webpack_require__.e(/* import() */ 625).then(__webpack_require__.bind(__webpack_require__, 8625))).sendMail,
    irc: async () => (await __webpack_require__.e(/* import() */ 33).then(__webpack_require__.bind(__webpack_require__, 8033))).sendIrc,
};
async function transportFor(outbound) {
    const load = transports[outbound.transport];
    // Only a destination's bug can name a transport that does not exist.
    if (!load)
        throw new Error(`no transport named "${outbound.transport}"`);
    return load();
}

// EXTERNAL MODULE: ./src/transport/transport.ts
var transport = __webpack_require__(1588);
;// CONCATENATED MODULE: ./src/deliver.ts





const RESPONSE_LIMIT = 1024;
/** Sends all deliveries at once; one slow or dead receiver never holds up or breaks the others. */
async function deliverAll(deliveries, options) {
    const deadline = AbortSignal.timeout(options.deadlineMs);
    const deadlineAt = performance.now() + options.deadlineMs;
    return Promise.all(deliveries.map((delivery) => deliverOne(delivery, options, deadline, deadlineAt)));
}
async function deliverOne(delivery, options, deadline, deadlineAt) {
    const result = {
        destination: delivery.destination,
        type: delivery.type,
        trigger: delivery.trigger,
        target: delivery.target,
        status: 'failed',
        code: null,
        attempts: 0,
        duration_ms: 0,
        sent_at: null,
        url: delivery.state === 'ready' ? mask(delivery.outbound.url) : null,
        delivery_id: null,
        response: null,
        error: null,
        reason: null,
        warnings: delivery.warnings.map((warning) => mask(warning)),
        log: delivery.note ? [delivery.note] : [],
    };
    if (delivery.state === 'skipped')
        return { ...result, status: 'skipped', reason: mask(delivery.reason), log: [`skipped: ${mask(delivery.reason)}`] };
    if (delivery.state === 'broken')
        return { ...result, error: mask(delivery.error) };
    const { outbound } = delivery;
    if (options.dryRun)
        return { ...result, status: 'skipped', reason: 'dry run', payload: mask(outbound.body ?? ''), log: ['dry run: not sent'] };
    let send;
    try {
        send = await transportFor(outbound);
    }
    catch (error) {
        // A destination's bug (an unknown transport) or a chunk that cannot load fails this delivery, not the run.
        return { ...result, error: `Herald could not load the ${outbound.transport} transport (${String(error)}); please report this` };
    }
    const protocol = outbound.transport.toUpperCase();
    const deliveryId = (0,external_node_crypto_.randomUUID)();
    const started = performance.now();
    result.delivery_id = deliveryId;
    result.sent_at = new Date().toISOString();
    // The request of this attempt: the delivery's, or after a refused edit the new message to post instead.
    let request = outbound;
    for (let attempt = 1;; attempt++) {
        result.attempts = attempt;
        let reply;
        let error;
        try {
            reply = await send(request, { timeoutMs: delivery.timeoutMs, signal: deadline, deliveryId, blockPrivateAddresses: delivery.blockPrivateAddresses });
            result.code = reply.code;
            result.response = deliver_truncate(mask(reply.body), reply.cut ?? false);
        }
        catch (thrown) {
            error = thrown instanceof transport/* TransportError */.w ? thrown : new transport/* TransportError */.w(String(thrown));
        }
        const verdict = reply ? (delivery.interpret?.(reply) ?? {}) : {};
        // A refused edit of an earlier message: post the message anew instead, once (an edit that was accepted never is).
        if (verdict.fallback && delivery.fallback && request !== delivery.fallback) {
            const why = mask(verdict.error ?? `${protocol} ${result.code}`);
            result.log.push(`attempt ${attempt}: the edit was refused (${why}); posting a new message instead`);
            result.warnings.push(`could not edit the earlier message (${why}); posted a new message instead`);
            request = delivery.fallback;
            result.url = mask(request.url);
            continue;
        }
        // What the receiver made of it (a message a later step can edit); only a reply it accepted carries one.
        if (verdict.keep)
            result.handle = verdict.keep;
        const next = decideNext({ reply, error, verdict, attempt, retries: delivery.retries, backoffMs: delivery.backoffMs, timeLeftMs: deadlineAt - performance.now(), protocol });
        if (next.action === 'success') {
            result.status = 'successful';
            result.log.push(`attempt ${attempt}: ${protocol}${result.code === null ? '' : ` ${result.code}`} delivered`);
            break;
        }
        result.log.push(`attempt ${attempt}: ${mask(next.reason)}`);
        if (next.action === 'fail') {
            result.error = mask(deadline.aborted ? `gave up: the overall deadline of ${options.deadlineMs / 1000} s was reached (${next.reason})` : next.reason);
            break;
        }
        result.log.push(`waiting ${seconds(next.afterMs)} s${next.asked ? ' as the receiver asked (Retry-After)' : ''}`);
        await sleep(next.afterMs, deadline);
    }
    result.duration_ms = Math.round(performance.now() - started);
    return result;
}
function sleep(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        function done() {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
        }
    });
}
/** The first RESPONSE_LIMIT bytes, saying how long the answer was ("more than" when the transport stopped reading). */
function deliver_truncate(text, cut) {
    const bytes = Buffer.from(text, 'utf8');
    if (bytes.length <= RESPONSE_LIMIT && !cut)
        return text;
    const size = `${cut ? 'more than ' : ''}${bytes.length} bytes`;
    return `${bytes.subarray(0, RESPONSE_LIMIT).toString('utf8').replace(/\uFFFD$/, '')}… (${size}, truncated)`;
}

;// CONCATENATED MODULE: ./src/github/client.ts
/** How long one API request may take; a step waits at most this long per call it needs. */
const API_TIMEOUT_MS = 5000;
/**
 * The API for this repository and token, or the reason there is none (no token: a fork's pull request, an empty input).
 * The caller registers the token as a secret (main.ts does, with the config's).
 */
function githubApi(settings) {
    const token = settings.token.trim();
    if (!token)
        return { reason: 'no GitHub token (the "github-token" input is empty, as in a pull request from a fork)' };
    const [owner, repo] = settings.repository.split('/');
    if (!owner || !repo)
        return { reason: 'GITHUB_REPOSITORY is not set, so Herald does not know which repository to ask the GitHub API about' };
    const baseUrl = (settings.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
    const timeoutMs = settings.timeoutMs ?? API_TIMEOUT_MS;
    let octokit;
    const client = () => (octokit ??= loadOctokit(token, baseUrl));
    const get = async (route, params = {}) => {
        const response = await (await client()).request(route, { owner, repo, ...params, request: { signal: AbortSignal.timeout(timeoutMs) } });
        return { data: response.data, link: String(response.headers?.link ?? '') };
    };
    const list = async (route, params, options) => {
        const items = [];
        const perPage = options.perPage ?? 100;
        for (let page = 1; page <= (options.maxPages ?? 5); page++) {
            const { data, link } = await get(route, { ...params, per_page: perPage, page });
            const found = Array.isArray(data[options.key]) ? data[options.key] : [];
            items.push(...found);
            if ((options.stop && found.some(options.stop)) || !/rel="next"/.test(link))
                break;
        }
        return items;
    };
    return { api: { owner, repo, baseUrl, get, list } };
}
async function loadOctokit(token, baseUrl) {
    await useProxyFromEnvironment();
    const { Octokit } = await __webpack_require__.e(/* import() */ 194).then(__webpack_require__.bind(__webpack_require__, 5194));
    // No retries or throttling plugins: a notification must not wait on the API; what fails is reported as a reason.
    return new Octokit({ auth: token, baseUrl, userAgent: 'herald' });
}
/**
 * Octokit sends with Node's fetch, which ignores HTTPS_PROXY / HTTP_PROXY / NO_PROXY unless told: a self-hosted runner
 * behind a proxy would see every API call time out. Node 24.5+ reads them as curl does once asked (the HTTP transport
 * gives its own agents `proxyEnv`; this is the same for fetch). Asked only when a proxy is set and the API is needed.
 */
async function useProxyFromEnvironment() {
    const env = process.env;
    if (!(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy))
        return;
    const http = (await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23)));
    http.setGlobalProxyFromEnv?.(env);
}
/**
 * Why an API call failed, in words for the results: what GitHub said and how to fix it. A 403/404 on an Actions
 * endpoint is almost always a token without `actions: read` (or a fork's read-only token).
 */
function apiProblem(error, what) {
    const { status, message, name } = error;
    const said = String(message ?? error).split('\n', 1)[0].replace(/ - https:\/\/docs\.github\.com\S*/, '');
    if (name === 'TimeoutError' || name === 'AbortError' || /aborted|timeout/i.test(said)) {
        return `the GitHub API did not answer within ${API_TIMEOUT_MS / 1000} s while reading ${what}`;
    }
    if (status === 401)
        return `the GitHub API refused the token (401 ${said}) while reading ${what}: check the "github-token" input`;
    if (status === 403 || status === 404) {
        return (`the GitHub API refused access (${status} ${said}) while reading ${what}: ` +
            'give the job "permissions: actions: read" (a pull request from a fork gets a read-only token without it)');
    }
    return `the GitHub API failed (${status ? `${status} ` : ''}${said}) while reading ${what}`;
}

;// CONCATENATED MODULE: ./src/github/failed-jobs.ts



/** At most 5 pages of 100 jobs (a matrix has at most 256), and 10 s in all, so a slow API never holds up the message. */
const FAILED_JOBS_BOUNDS = { pages: 5, timeoutMs: 10_000 };
/**
 * The failed jobs of the run a failure notification reports (the workflow_run event's run, the workflow_job event's
 * job, or this step's own run), each with its failed steps. Read only for a failed run; whatever goes wrong (no token,
 * no `actions: read`, a slow API) gives an empty list and a line in the log, never an error.
 */
async function readFailedJobs(outcome, run, sources) {
    // A cancelled run's jobs were stopped, not failed: it lists none.
    if (outcome.trigger !== 'error' || !FAILED_STATUSES.includes(outcome.status) || !run.runId)
        return [];
    const { github } = sources;
    // The event carries the job whole, steps and all: no API call.
    if (github.eventName === 'workflow_job' && github.payload.workflow_job) {
        return [failedJob(github.payload.workflow_job, false)].filter((job) => job !== undefined);
    }
    const skipped = (why) => {
        core/* info */.pq(`Herald: the failed jobs are not listed: ${why}.`);
        return [];
    };
    const access = sources.api;
    if (!access.api)
        return skipped(access.reason);
    const timeoutMs = sources.timeoutMs ?? FAILED_JOBS_BOUNDS.timeoutMs;
    let timer;
    const deadline = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
    try {
        const jobs = await Promise.race([runJobs(access.api, run.runId), deadline]);
        if (jobs === 'late')
            return skipped(`the GitHub API did not list the jobs of run ${run.runId} within ${timeoutMs / 1000} s`);
        // This step's own run: its job is still in progress, so it has no conclusion yet.
        const own = run.runId === github.runId ? { runnerName: sources.runnerName, jobId: github.job } : undefined;
        return failedJobs(jobs, own);
    }
    catch (error) {
        return skipped(apiProblem(error, `the jobs of run ${run.runId}`));
    }
    finally {
        clearTimeout(timer);
    }
}
/** The latest attempt's jobs of the run (filter=latest), page after page up to the bound. */
function runJobs(api, runId) {
    return api.list('GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs', { run_id: runId, filter: 'latest' }, {
        key: 'jobs',
        maxPages: FAILED_JOBS_BOUNDS.pages,
    });
}
/**
 * The failed jobs among a run's jobs, in GitHub's order. A job still in progress has no conclusion, but its finished
 * steps have theirs: one with a failed step is listed (it is the job reporting its own failure). When nothing else is
 * found in this step's own run, its own job is the one that failed, found by its runner (RUNNER_NAME) or its id
 * (GITHUB_JOB, the name of a job without `name:`); its failed step is unknown then.
 */
function failedJobs(jobs, own) {
    const failed = jobs.map((job) => failedJob(job, true)).filter((job) => job !== undefined);
    if (failed.length > 0 || !own)
        return failed;
    const running = jobs.filter((job) => job.status !== 'completed');
    const mine = running.find((job) => own.runnerName && job.runner_name === own.runnerName) ?? running.find((job) => own.jobId && job.name === own.jobId);
    return mine ? [{ ...jobOf(mine), conclusion: 'failure', failedSteps: [] }] : [];
}
/** The job as a FailedJob when it failed (or, `running` allowed, has a failed step while still running). */
function failedJob(job, running) {
    const conclusion = typeof job.conclusion === 'string' ? job.conclusion : '';
    // A job that timed out was stopped in the step that ran too long, which GitHub marks cancelled.
    const stepFailed = ['failure', 'timed_out', ...(conclusion === 'timed_out' ? ['cancelled'] : [])];
    const failedSteps = (job.steps ?? []).filter((step) => stepFailed.includes(String(step.conclusion))).map((step) => String(step.name ?? ''));
    // A `cancelled` job in a failed run is nearly always collateral (fail-fast stopped it, or a `needs` failed), so it is
    // not listed: the list says where to look.
    if (FAILED_STATUSES.includes(conclusion))
        return { ...jobOf(job), conclusion, failedSteps };
    if (running && job.status !== 'completed' && failedSteps.length > 0)
        return { ...jobOf(job), conclusion: 'failure', failedSteps };
    return undefined;
}
const jobOf = (job) => ({ name: String(job.name ?? ''), url: typeof job.html_url === 'string' ? job.html_url : '' });

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/github-context.ts




/**
 * Reads the context from the environment, as @actions/github's Context does, but inside run(): a broken event file is
 * one clear error, not a stack trace at import time. No event file (a local run) is an empty event and a notice.
 */
function readGitHubContext(env) {
    return {
        payload: readEvent(env.GITHUB_EVENT_PATH),
        eventName: env.GITHUB_EVENT_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        runId: env.GITHUB_RUN_ID ?? '',
        runNumber: env.GITHUB_RUN_NUMBER ?? '',
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    };
}
function readEvent(file) {
    const without = (why) => {
        core/* notice */.lm(`Herald: ${why}, so the event is empty: the notification is built from the GITHUB_* variables alone.`);
        return {};
    };
    if (!file)
        return without('GITHUB_EVENT_PATH is not set (not a GitHub runner?)');
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return without(`the event file ${file} (GITHUB_EVENT_PATH) does not exist`);
        throw new UserError(`The event file ${file} (GITHUB_EVENT_PATH) cannot be read: ${error.message}`);
    }
    const broken = (what) => new UserError(`The event file ${file} (GITHUB_EVENT_PATH) ${what}; the runner writes it as a JSON object.`);
    if (text.trim() === '')
        throw broken('is empty');
    let payload;
    try {
        payload = JSON.parse(text);
    }
    catch (error) {
        throw broken(`is not valid JSON: ${error.message}`);
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
        throw broken(`holds ${payload === null ? 'null' : Array.isArray(payload) ? 'a list' : `a ${typeof payload}`}, not an object`);
    }
    keepEventText(payload, text);
    return payload;
}
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_review', 'pull_request_review_comment'];
/**
 * When GitHub runs this workflow without the repository's secrets, what to say where a ${NAME} is empty: a pull request
 * from a fork (pull_request_target runs in the base repository and has them), or a run Dependabot started.
 */
function secretsWithheld(gh) {
    const pr = gh.payload.pull_request;
    const head = pr?.head?.repo;
    // A fork that has since been deleted leaves head.repo null. A repository that is itself a fork (head.repo.fork)
    // gets its secrets for pull requests between its own branches.
    const fromFork = head === null || (head !== undefined && head.full_name !== pr?.base?.repo?.full_name);
    if (PULL_REQUEST_EVENTS.includes(gh.eventName) && pr && fromFork) {
        return {
            reason: `GitHub passes no secrets to workflows run for pull requests from forks (#${pr.number} comes from ${head?.full_name ?? 'a deleted fork'})`,
            advice: 'To notify about pull requests from forks, run Herald in a workflow triggered by workflow_run, which runs in this ' +
                'repository with its secrets (see Triggers in the README), or leave forks out of this step:\n' +
                '  if: github.event.pull_request.head.repo.full_name == github.repository',
        };
    }
    if (gh.actor === 'dependabot[bot]' && (gh.eventName === 'push' || PULL_REQUEST_EVENTS.includes(gh.eventName))) {
        return {
            reason: "GitHub gives workflows that Dependabot starts its Dependabot secrets, not the repository's Actions secrets",
            advice: 'Add the secret under Settings > Secrets and variables > Dependabot as well, or leave Dependabot out of this step:\n' +
                "  if: github.actor != 'dependabot[bot]'",
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/handover.ts



/** The name of the one state value the main step saves for the post step (STATE_herald there). */
const HANDOVER_STATE = 'herald';
/** A runner caps what a step leaves (state, outputs): the messages kept stay well under, the first ones first. */
const MESSAGES_LIMIT_BYTES = 64 * 1024;
const sentMessages = schemas/* array */.YOg(schemas/* strictObject */.rej({
    destination: schemas/* string */.YjP().min(1),
    target: schemas/* string */.YjP().nullable(),
    handle: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])),
}));
/** The messages the deliveries kept a handle of, bounded to MESSAGES_LIMIT_BYTES as JSON. */
function keptMessages(results) {
    const messages = [];
    let bytes = 2;
    for (const { destination, target, handle } of results) {
        if (!handle)
            continue;
        const message = { destination, target, handle };
        bytes += Buffer.byteLength(JSON.stringify(message)) + 1;
        if (bytes > MESSAGES_LIMIT_BYTES)
            break;
        messages.push(message);
    }
    return messages;
}
/**
 * The `update-messages` input (a `messages` output of an earlier Herald step) or the saved state, read back; `where`
 * names it in the error. Empty text is no messages.
 */
function parseMessages(text, where) {
    if (text.trim() === '')
        return [];
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw new UserError(`${where} is not JSON (${error.message}). Pass the messages output of an earlier Herald step: \${{ steps.<id>.outputs.messages }}.`);
    }
    const parsed = sentMessages.safeParse(value);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new UserError(`${where} is not a list of Herald messages (at ${issue.path.join('.') || 'the top'}: ${issue.message}). ` +
            'Pass the messages output of an earlier Herald step unchanged: ${{ steps.<id>.outputs.messages }}.');
    }
    return parsed.data;
}
/** The main step's: what the post step needs, in the runner's step state (no secret: ids and a time). */
function saveHandover(startedAt, results) {
    core/* saveState */.LZ(HANDOVER_STATE, JSON.stringify({ startedAt, messages: keptMessages(results) }));
}
/** The post step's: what its main step saved; none (the main step failed first) is an empty handover. */
const readHandover = () => parseHandover(core/* getState */.Gu(HANDOVER_STATE));
/** The saved state, read back; a missing or unreadable one is an empty handover. */
function parseHandover(text) {
    try {
        const value = JSON.parse(text);
        return {
            startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
            messages: parseMessages(JSON.stringify(value.messages ?? []), 'The saved state'),
        };
    }
    catch {
        return { startedAt: '', messages: [] };
    }
}
/** The handles of one destination's messages, by target ('' for a destination with one target). */
function previousOf(messages, destination) {
    const mine = messages.filter((message) => message.destination === destination);
    if (mine.length === 0)
        return undefined;
    return Object.fromEntries(mine.map((message) => [message.target ?? '', message.handle]));
}

;// CONCATENATED MODULE: ./src/inputs.ts





/** The only place that reads action inputs. */
function readInputs() {
    const status = core/* getInput */.V4('status').trim().toLowerCase();
    if (status && !INPUT_STATUSES.includes(status)) {
        throw new UserError(`Input "status" is "${status}", which Herald does not know${suggest(status, [...INPUT_STATUSES])} ` +
            `Use one of ${INPUT_STATUSES.join(', ')}, for example "status: \${{ job.status }}".`);
    }
    const timeout = core/* getInput */.V4('timeout').trim() || '60';
    const timeoutSeconds = Number(timeout);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
        throw new UserError(`Input "timeout" is "${timeout}"; it must be a number of seconds greater than 0.`);
    }
    const test = booleanInput('test');
    const destinations = core/* getInput */.V4('destinations')
        .split(/[,\n]/)
        .map((name) => name.trim())
        .filter(Boolean);
    if (destinations.length > 0 && !test) {
        throw new UserError(`Input "destinations" is "${destinations.join(', ')}", but "test" is not true: "destinations" picks the destinations ` +
            'of a test notification. Set "test: true" too, or leave "destinations" empty (the routes in the config choose where other notifications go).');
    }
    const trackJob = booleanInput('track-job');
    if (trackJob && test) {
        throw new UserError('Inputs "track-job" and "test" are both true; a test notification is one message, not a job. Set only one of them.');
    }
    if (trackJob && !status) {
        throw new UserError('Input "track-job" is true but "status" is empty. Pass "status: ${{ job.status }}": the runner evaluates it again for ' +
            "Herald's post step at the end of the job, where it is the job's final status.");
    }
    const updateMessages = parseMessages(core/* getInput */.V4('update-messages'), 'Input "update-messages"');
    const update = core/* getInput */.V4('update').trim() === '' ? trackJob || updateMessages.length > 0 : booleanInput('update');
    return {
        configPath: core/* getInput */.V4('config').trim() || '.github/notifications.yml',
        status: status ? status : undefined,
        dryRun: booleanInput('dry-run'),
        failOnError: booleanInput('fail-on-error'),
        timeoutSeconds,
        test,
        destinations,
        githubToken: core/* getInput */.V4('github-token').trim(),
        trackJob,
        update,
        updateMessages,
    };
}
function booleanInput(name) {
    const value = core/* getInput */.V4(name).trim().toLowerCase();
    if (value === '' || value === 'false')
        return false;
    if (value === 'true')
        return true;
    throw new UserError(`Input "${name}" is "${value}"; it must be true or false.`);
}

;// CONCATENATED MODULE: ./src/render/devtron.ts
/**
 * Devtron's webhook variables (the names its notifier fills in `parseEventForWebhook`), so that a payload pasted from
 * Devtron renders as it is under `delimiters: "{{ }}"`. One table: Devtron's name, and where Herald takes its value.
 */
const DEVTRON_VARIABLES = {
    devtronAppName: (vars) => vars.repository.split('/')[1] ?? vars.repository,
    devtronAppId: (vars) => devtron_text(vars.event.repository?.id),
    devtronEnvName: (vars) => vars.environment,
    // GitHub's events carry no id for an environment.
    devtronEnvId: () => '',
    devtronPipelineType: (vars) => pipelineType(vars),
    devtronCiPipelineId: (vars) => vars.runId,
    devtronCdPipelineId: (vars) => vars.runId,
    devtronTriggeredByEmail: (vars) => actorEmail(vars) || vars.actor,
    // GitHub's events do not say who approved a deployment.
    devtronApprovedByEmail: () => '',
    devtronContainerImageTag: (vars) => vars.imageTag,
    devtronContainerImageRepo: (vars) => vars.imageRepo,
    devtronBuildGitCommitHash: (vars) => vars.sha,
    eventType: (vars) => DEVTRON_EVENT_TYPES[vars.eventType] ?? vars.eventType,
    buildHistoryLink: (vars) => vars.runUrl,
    appDetailsLink: (vars) => vars.repositoryUrl,
};
/**
 * Devtron's eventType for each trigger: it has trigger, success and fail. Keyed by name so that triggers added later
 * (fixed, broken) read as Devtron's nearest; one with no counterpart (test, approval) keeps Herald's word.
 */
const DEVTRON_EVENT_TYPES = {
    started: 'trigger',
    success: 'success',
    fixed: 'success',
    error: 'fail',
    broken: 'fail',
};
/** Herald's variables with Devtron's names added; Devtron's `eventType` replaces Herald's. */
function withDevtronVariables(vars) {
    const devtron = Object.fromEntries(Object.entries(DEVTRON_VARIABLES).map(([name, value]) => [name, value(vars)]));
    return { ...vars, ...devtron };
}
/** CD for a deployment (a deployment_status event, or any run with an environment), else CI. */
const pipelineType = (vars) => (vars.environment ? 'CD' : 'CI');
/**
 * The actor's e-mail when the event says it: a push names its pusher, and a head commit its author and committer
 * with their logins; only an address that belongs to the actor counts.
 */
function actorEmail({ event, actor }) {
    if (event.pusher?.name === actor && event.pusher?.email)
        return devtron_text(event.pusher.email);
    const people = [event.head_commit?.author, event.head_commit?.committer];
    return devtron_text(people.find((person) => person?.username === actor && person?.email)?.email);
}
const devtron_text = (value) => (value === undefined || value === null ? '' : String(value));

;// CONCATENATED MODULE: ./src/render/variables.ts


/** The variables for one destination; with Devtron's `{{ }}` delimiters, Devtron's variable names too. */
function templateVariables(run, outcome, message, destination, delimiters = '<< >>') {
    const vars = { ...runVariables(run, outcome, message), destination };
    return delimiters === '{{ }}' ? withDevtronVariables(vars) : vars;
}
/** The variables that are the same for every destination, in Herald's names: what a route's `if` template sees. */
function runVariables(run, outcome, message) {
    // The failed jobs as the message has them (a test notification has none).
    const vars = { ...run, failedJobs: message.failedJobs, eventType: outcome.trigger, status: outcome.status, message: message.line };
    // As in the message: a start, or a job waiting for approval, has no duration yet.
    return hasDuration(outcome.trigger) ? vars : { ...vars, duration: '', durationSeconds: null };
}

;// CONCATENATED MODULE: ./src/prepare.ts




/**
 * Renders every selected destination's payloads, each for its trigger; a template problem stays on its own delivery.
 * With `previous` (messages an earlier step posted), a destination that can edits them, and each edit carries the new
 * message to post instead if it is refused.
 */
function prepareDeliveries(config, selected, run, messages, previous = []) {
    return selected.flatMap(({ destination: name, trigger, named, skipped, warnings = [] }) => {
        const settings = config.destinations[name];
        const destination = findDestination(settings.type);
        const base = { destination: name, type: settings.type, trigger, target: null, warnings: [...warnings] };
        // A disabled destination named in a test's `destinations` input is tested: it was asked for by name.
        if (!settings.enabled && !named)
            return [{ ...base, state: 'skipped', reason: 'destination is disabled (enabled: false)' }];
        if (skipped)
            return [{ ...base, state: 'skipped', reason: skipped }];
        const note = settings.enabled ? {} : { note: 'destination is disabled (enabled: false); tested because the "destinations" input names it' };
        const skip = destination.skip?.(settings, trigger);
        if (skip)
            return [{ ...base, state: 'skipped', reason: skip }];
        const { outcome, message } = messages(trigger);
        const renderInto = (into) => (template, format, field) => {
            let rendered;
            try {
                rendered = renderTemplate(template, vars, format, settings.delimiters);
            }
            catch (error) {
                if (error instanceof TemplateError)
                    throw new TemplateError(`in ${field}: ${error.message}`);
                throw error;
            }
            into.push(...rendered.warnings.map((warning) => `Template Warning in ${field}: ${warning}`));
            return rendered.text;
        };
        const vars = templateVariables(run, outcome, message, name, settings.delimiters);
        const sending = {
            timeoutMs: settings.timeout * 1000,
            retries: settings.retries,
            backoffMs: settings.retry_backoff * 1000,
            blockPrivateAddresses: settings.block_private_addresses ?? config.blockPrivateAddresses,
            interpret: destination.interpret?.bind(destination),
        };
        const input = { name, trigger, message, vars, render: renderInto(base.warnings) };
        const handles = previousOf(previous, name);
        try {
            const outbounds = destination.build(settings, { ...input, previous: handles });
            if (outbounds.length === 0)
                return [{ ...base, state: 'skipped', reason: `nothing to send for ${trigger}` }];
            // The same message posted anew, for the edits the receiver may refuse (its warnings are the edit's own).
            const fresh = handles ? destination.build(settings, { ...input, render: renderInto([]) }) : [];
            return outbounds.map((outbound) => {
                const target = outbound.label ?? null;
                const fallback = handles?.[target ?? ''] && fresh.find((post) => (post.label ?? null) === target);
                return { ...base, ...note, ...sending, state: 'ready', target, outbound, ...(fallback && { fallback }) };
            });
        }
        catch (error) {
            if (error instanceof TemplateError)
                return [{ ...base, state: 'broken', error: `Template Error ${error.message}` }];
            // A bug in one destination must not stop the others.
            return [{ ...base, state: 'broken', error: `Herald could not build this notification (${String(error)}); please report this` }];
        }
    });
}

;// CONCATENATED MODULE: ./src/payload-limits.ts
/**
 * GitHub's limits on what a step writes: 1 MiB of job summary, 1 MB per output. Herald aims below them, leaving room
 * for what GitHub adds and for a later step's summary line.
 */
const SUMMARY_TARGET_BYTES = 900 * 1024;
const OUTPUT_TARGET_BYTES = 900_000;
const payload_limits_isHighSurrogate = (code) => code >= 0xd800 && code <= 0xdbff;
const utf8 = (text) => Buffer.byteLength(text, 'utf8');
/**
 * Dry-run payloads cut so that together, each measured by `size` as it is written (JSON- or HTML-escaped), they take at
 * most `budget` bytes: small payloads stay whole, the large ones share what is left equally, and every cut one ends in
 * a note saying how much of it is shown and where the whole payload is. Undefined entries (no payload) stay undefined.
 */
function fitPayloads(payloads, budget, size, limit) {
    const sizes = payloads.map((payload) => (payload === undefined ? 0 : size(payload)));
    if (sizes.reduce((sum, bytes) => sum + bytes, 0) <= budget)
        return { payloads, cut: 0 };
    const fitted = [...payloads];
    const order = payloads.flatMap((payload, i) => (payload === undefined ? [] : [i])).sort((a, b) => sizes[a] - sizes[b]);
    let remaining = Math.max(0, budget);
    let cut = 0;
    order.forEach((i, position) => {
        const share = Math.floor(remaining / (order.length - position));
        if (sizes[i] <= share) {
            remaining -= sizes[i];
            return;
        }
        fitted[i] = cutPayload(payloads[i], share, size, limit);
        remaining -= Math.min(remaining, size(fitted[i]));
        cut++;
    });
    return { payloads: fitted, cut };
}
/** The longest start of `text` that, with its note, measures at most `max`; a surrogate pair is never split. */
function cutPayload(text, max, size, limit) {
    const whole = utf8(text);
    const shown = (end) => {
        const start = text.slice(0, end > 0 && payload_limits_isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end);
        return `${start}\n… (cut by Herald: the first ${utf8(start).toLocaleString('en-US')} of ${whole.toLocaleString('en-US')} bytes, to stay within ${limit}; the step's log has the whole payload)`;
    };
    // Measured sizes only grow with the length shown, so a binary search finds the longest start that fits.
    let fits = 0;
    let tooLong = text.length;
    while (tooLong - fits > 1) {
        const middle = Math.floor((fits + tooLong) / 2);
        if (size(shown(middle)) <= max)
            fits = middle;
        else
            tooLong = middle;
    }
    return shown(fits);
}

;// CONCATENATED MODULE: ./src/report.ts





/** Results -> step outputs, log groups, annotations and the job summary; fails the step only when asked to. */
async function report(results, options) {
    const count = (status) => results.filter((result) => result.status === status).length;
    const records = results.map(({ log: _log, handle: _handle, ...record }) => record);
    setOutputs(resultsOutput(records), [count('successful'), count('failed'), count('skipped')], options.outcome, JSON.stringify(keptMessages(results)));
    for (const result of results) {
        core/* startGroup */.Oh(`${report_name(result)} (${result.type}): ${result.status}${result.code ? ` ${result.code}` : ''}`);
        for (const line of result.log)
            core/* info */.pq(line);
        if (result.payload !== undefined)
            core/* info */.pq(`payload:\n${result.payload}`);
        core/* endGroup */.N4();
        for (const warning of result.warnings)
            core/* warning */.$e(`${report_name(result)}: ${warning}`);
    }
    if (results.length === 0)
        core/* info */.pq(`No destination is routed for this trigger; nothing to send. (${options.message.line})`);
    try {
        await writeSummary(results, options);
    }
    catch (error) {
        core/* warning */.$e(`Herald could not write the job summary: ${error.message}`);
    }
    const failures = results.filter((result) => result.status === 'failed');
    const lines = failures.map((result) => `${report_name(result)} (${result.type}): ${result.error}`);
    if (failures.length === 0)
        return;
    if (options.failOnError) {
        const what = options.outcome.trigger === 'test' ? 'test notifications' : 'notifications';
        core/* setFailed */.C1(`${failures.length} of ${results.length} ${what} failed:\n${lines.join('\n')}`);
    }
    else {
        for (const line of lines)
            core/* warning */.$e(`Notification failed: ${line}`);
    }
}
const report_utf8 = (text) => Buffer.byteLength(text, 'utf8');
/** The `results` output: every record, with dry-run payloads cut to stay within GitHub's 1 MB per output. */
function resultsOutput(records) {
    const withoutPayloads = records.map((record) => (record.payload === undefined ? record : { ...record, payload: '' }));
    const { payloads, cut } = fitPayloads(records.map((record) => record.payload), OUTPUT_TARGET_BYTES - report_utf8(JSON.stringify(withoutPayloads)), (text) => report_utf8(JSON.stringify(text)), "GitHub's 1 MB limit on an output");
    if (cut)
        core/* info */.pq(`${cut} of the payloads in the results output are cut to stay within GitHub's 1 MB limit on an output; the log has them whole.`);
    return JSON.stringify(records.map((record, i) => (record.payload === undefined ? record : { ...record, payload: payloads[i] })));
}
let outputsWritten = false;
/** Every output, on every path: a later step's fromJSON(steps.<id>.outputs.results) must never break. */
function setOutputs(results, [sent, failed, skipped], outcome, messages = '[]') {
    core/* setOutput */.uH('results', results);
    core/* setOutput */.uH('sent', sent);
    core/* setOutput */.uH('failed', failed);
    core/* setOutput */.uH('skipped', skipped);
    core/* setOutput */.uH('status', outcome?.status ?? '');
    core/* setOutput */.uH('trigger', outcome?.trigger ?? '');
    core/* setOutput */.uH('messages', messages);
    outputsWritten = true;
}
/** A run that sends nothing (a skipped job, an event that is no trigger): empty outputs and a one-line summary. */
async function reportNothingSent(outcome) {
    setOutputs('[]', [0, 0, 0], outcome);
    await writeSummaryLine(`ℹ️ ${escapeHtml(outcome.reason)}; nothing was sent.`);
}
/** After a failure before the report (an invalid config, a bad input, a bug): the same empty outputs and summary line. */
async function reportIfUnreported() {
    if (outputsWritten)
        return;
    try {
        setOutputs('[]', [0, 0, 0]);
    }
    catch (error) {
        // The step has already failed with the cause; an unwritable output file must not hide it behind a crash.
        core/* warning */.$e(`Herald could not write its outputs: ${error.message}`);
    }
    await writeSummaryLine('❌ failed before sending anything; the error is in the log and the annotations.');
}
async function writeSummaryLine(html) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    try {
        await core/* summary */.z.addRaw(`<b>Herald</b>: ${html}`, true).write();
    }
    catch (error) {
        core/* warning */.$e(`Herald could not write the job summary: ${error.message}`);
    }
}
const report_name = (result) => (result.target ? `${result.destination} ${result.target}` : result.destination);
const RESULT_ICONS = { successful: '✅ sent', failed: '❌ failed', skipped: '⏭️ skipped' };
async function writeSummary(results, { message, outcome, dryRun }) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    const cell = (text) => escapeHtml(mask(text));
    const rows = results.map((result) => [
        cell(report_name(result)),
        cell(result.type),
        cell(result.trigger),
        RESULT_ICONS[result.status],
        result.code === null ? ' ' : String(result.code),
        String(result.attempts),
        `${result.duration_ms} ms`,
        cell(result.error ?? (result.status === 'skipped' ? (result.log[0] ?? '') : '')) || ' ',
    ]);
    const summary = core/* summary */.z
        .addHeading(`Herald ${outcome.trigger === 'test' ? 'test notifications' : 'notifications'}${dryRun ? ' (dry run: nothing was sent)' : ''}`, 3)
        .addRaw(`${escapeHtml(message.emoji)} ${cell(message.line)}`, true);
    if (results.length === 0)
        summary.addRaw('<p>No destination is routed for this trigger.</p>', true);
    else {
        summary.addTable([
            ['Destination', 'Type', 'Trigger', 'Result', 'Code', 'Attempts', 'Time', 'Error'].map((data) => ({ data, header: true })),
            ...rows,
        ]);
    }
    const warnings = results.flatMap((result) => result.warnings.map((warning) => `${report_name(result)}: ${warning}`));
    if (warnings.length)
        summary.addList(warnings.map(cell));
    const shown = results.filter((result) => result.payload !== undefined);
    const label = (result) => `${cell(report_name(result))}: payload`;
    const pre = (text) => `\n\n<pre><code>${text}</code></pre>\n\n`;
    // What the summary holds besides the payloads, with room for each <details> wrapper and the note below.
    const fixed = report_utf8(summary.stringify()) + shown.reduce((bytes, result) => bytes + report_utf8(`<details><summary>${label(result)}</summary>${pre('')}</details>\n`), 0) + 1024;
    const { payloads, cut } = fitPayloads(shown.map((result) => result.payload), SUMMARY_TARGET_BYTES - fixed, (text) => report_utf8(cell(text)), "GitHub's 1 MiB limit on a job summary");
    if (cut) {
        summary.addRaw(`<p>✂️ ${cut} of ${shown.length} payloads below are cut to stay within GitHub's 1 MiB limit on a job summary; each says how much of it is shown, and the step's log has them whole.</p>`, true);
    }
    shown.forEach((result, i) => summary.addDetails(label(result), pre(cell(payloads[i]))));
    await summary.write();
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __webpack_require__(4006);
var picomatch_default = /*#__PURE__*/__webpack_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/routing.ts







/**
 * The destinations named by the routes for this outcome's trigger, each once, in config order: to notify when a route
 * whose filters match names it, else skipped with the reasons of the filters that left it out. Each gets the most
 * specific trigger a matching route names: the status change (broken, fixed) over the trigger it refines (error,
 * success); a destination routed only for a status change Herald could not tell is skipped with the reason.
 * `eventName` is the event that started this workflow (on workflow_run, run.eventName is the triggering run's).
 */
function selectDestinations(config, outcome, run, eventName, change = NO_CHANGE) {
    const routes = config.notifications ?? [{ triggers: [...DEFAULT_TRIGGERS], to: Object.keys(config.destinations) }];
    const facts = runFacts(run, outcome, eventName);
    const chosen = new Map();
    routes.forEach((route, index) => {
        const choice = routeChoice(route, outcome, change);
        if (!choice)
            return;
        const verdict = routeMatches(route, facts, `notifications[${index}]`);
        for (const name of route.to) {
            const entry = chosen.get(name) ?? { reasons: [], warnings: [] };
            chosen.set(name, entry);
            if ('reason' in verdict) {
                entry.reasons.push(verdict.reason);
                entry.filtered = moreSpecific(entry.filtered, choice);
            }
            else
                entry.sent = moreSpecific(entry.sent, choice);
            entry.warnings.push(...verdict.warnings);
        }
    });
    return [...chosen].map(([destination, { sent, filtered, reasons, warnings }]) => ({
        destination,
        trigger: (sent ?? filtered).trigger,
        ...(sent ? (sent.skipped ? { skipped: sent.skipped } : {}) : { skipped: [...new Set(reasons)].join('; ') }),
        ...(warnings.length > 0 ? { warnings } : {}),
    }));
}
function routeChoice(route, outcome, change) {
    if (change.trigger && route.triggers.includes(change.trigger))
        return { trigger: change.trigger, rank: 2 };
    if (route.triggers.includes(outcome.trigger))
        return { trigger: outcome.trigger, rank: 1 };
    const possible = changeOf(outcome.trigger);
    if (possible && change.reason && route.triggers.includes(possible))
        return { trigger: possible, rank: 0, skipped: change.reason };
    return undefined;
}
const moreSpecific = (before, choice) => (before && before.rank >= choice.rank ? before : choice);
/** The trigger the summary and the outputs tell: the status change when a destination got it, else the run's trigger. */
function reportedTrigger(selected, outcome, change) {
    return change.trigger && selected.some((one) => one.trigger === change.trigger && !one.skipped) ? change.trigger : outcome.trigger;
}
function runFacts(run, outcome, eventName) {
    let variables;
    // The message is the one main.ts composes: the same run and outcome.
    return { run, eventName, outcome, variables: () => (variables ??= runVariables(run, outcome, composeMessage(run, outcome))) };
}
/** Every glob filter, in the order they are checked: the first that leaves the run out gives the reason. */
const FILTERS = [
    { key: 'branches', noun: 'branch', value: ({ run, eventName }) => filterBranches(run, eventName).branch },
    { key: 'head_branches', noun: 'head branch', value: ({ run, eventName }) => filterBranches(run, eventName).head },
    { key: 'workflows', noun: 'workflow', value: ({ run }) => run.workflow },
    { key: 'jobs', noun: 'job', value: ({ run }) => run.job },
    { key: 'events', noun: 'event', value: ({ run }) => run.eventName },
    { key: 'environments', noun: 'environment', value: ({ run }) => run.environment },
    { key: 'repositories', noun: 'repository', value: ({ run }) => run.repository },
    { key: 'actors', noun: 'actor', value: ({ run }) => run.actor },
    // A deployment's `error` state is a failure to route by.
    { key: 'statuses', noun: 'status', value: ({ outcome }) => (outcome.status === 'error' ? 'failure' : outcome.status) },
];
function routeMatches(route, facts, path) {
    for (const { key, noun, value } of FILTERS) {
        const patterns = route[key];
        if (!patterns || patterns.length === 0)
            continue;
        const reason = rejection(patterns, value(facts), noun);
        if (reason)
            return { reason, warnings: [] };
    }
    return route.if === undefined ? { matched: true, warnings: [] } : ifVerdict(route.if, facts.variables(), path);
}
/**
 * Why a filter leaves `value` out, in words that show only the value and the patterns (a branch, a workflow: no
 * secrets): `branch "main" excluded by "!main"`, `workflow "Lint" not in [CI, Deploy*]`, `no environment to match
 * [production]`. Undefined when it takes the value.
 */
function rejection(patterns, value, noun) {
    const { matched, by } = decide(patterns, value);
    if (matched)
        return undefined;
    if (by !== undefined)
        return `${noun} "${value}" excluded by "${by}"`;
    const list = `[${patterns.join(', ')}]`;
    return value === '' ? `no ${noun} to match ${list}` : `${noun} "${value}" not in ${list}`;
}
/**
 * A route's `if`: the template rendered with the variables every destination shares; the route matches when the
 * result, trimmed, is `true` in any case.
 */
function ifVerdict(template, variables, path) {
    let rendered;
    try {
        rendered = renderTemplate(template, variables, 'text');
    }
    catch (error) {
        if (error instanceof TemplateError)
            return { reason: `if: ${error.message}`, warnings: [] };
        throw error;
    }
    const warnings = rendered.warnings.map((warning) => `Template Warning in ${path}.if: ${warning}`);
    const result = rendered.text.trim();
    if (result.toLowerCase() === 'true')
        return { matched: true, warnings };
    const shown = result.length > 100 ? `${result.slice(0, 100)}…` : result;
    return { reason: `if rendered "${shown}"`, warnings };
}
/**
 * What `branches` and `head_branches` match, as GitHub's own `on.<event>.branches` does: a pull request's base branch
 * (a fork's PR from its main into develop is a PR to develop); otherwise the pushed branch or tag, the workflow run's
 * or job's head branch, or the branch of the workflow's ref.
 */
function filterBranches(run, eventName) {
    if (eventName === 'pull_request' || eventName === 'pull_request_target')
        return { branch: run.baseBranch, head: run.headBranch };
    return { branch: run.branch || run.tag, head: run.headBranch || run.tag };
}
/** GitHub-style filter: globs, and `!glob` to exclude; the last matching pattern wins. No list matches everything. */
function matchesAny(patterns, value) {
    return !patterns || patterns.length === 0 || decide(patterns, value).matched;
}
/**
 * How a glob list decides, and by which pattern: the last that matches wins; when none does, a list of only `!`
 * patterns takes the value and any other list does not. An empty value (no environment) matches no glob. A pattern
 * that is the value as written matches it too, so `dependabot[bot]` needs no `\[` (as a glob, [bot] is one letter).
 */
function decide(patterns, value) {
    for (const pattern of patterns.toReversed()) {
        const negated = pattern.startsWith('!');
        const glob = negated ? pattern.slice(1) : pattern;
        if (glob === value || picomatch_default().isMatch(value, glob, { dot: true }))
            return { matched: !negated, by: pattern };
    }
    return { matched: patterns.every((pattern) => pattern.startsWith('!')) };
}
/**
 * The destinations of a test notification: the ones named in the `destinations` input, or every destination. Routes
 * and their filters do not apply. A destination named explicitly is tested even when it is disabled: it was asked for.
 */
function selectTestDestinations(config, names) {
    const known = Object.keys(config.destinations);
    if (known.length === 0)
        throw new UserError(`${config.file} has no destinations to send a test notification to.`);
    for (const name of names) {
        if (known.includes(name))
            continue;
        throw new UserError(`Input "destinations" names "${name}", which is no destination in ${config.file}${suggest(name, known)} ` +
            `Destinations in this file: ${known.join(', ')}.`);
    }
    if (names.length === 0)
        return known.map((destination) => ({ destination, trigger: TEST_OUTCOME.trigger }));
    return [...new Set(names)].map((destination) => ({ destination, trigger: TEST_OUTCOME.trigger, named: true }));
}

;// CONCATENATED MODULE: ./src/github/previous-run.ts

/** How many runs one page asks for, and how many pages at most: the previous decisive run is almost always on page 1. */
const PER_PAGE = 30;
const MAX_PAGES = 3;
/**
 * The previous completed run of the same workflow on the same branch (and from the same repository) that passed or
 * failed: cancelled and skipped runs are passed over, so a run cancelled by a newer push neither fixes nor breaks
 * anything. Runs created after this one are not "previous" (a re-run, or a job reporting on its own run while newer
 * runs already finished). undefined: there is none in the last MAX_PAGES pages. API errors are thrown.
 */
async function previousRun(api, current) {
    const run = current.workflowId && current.branch && current.createdAt ? current : await readRun(api, current.id);
    if (!run.branch || !run.workflowId)
        return undefined;
    const earlier = (candidate) => String(candidate.id) !== current.id &&
        (!run.createdAt || String(candidate.created_at ?? '') < run.createdAt) &&
        (!run.headRepository || !candidate.head_repository?.full_name || candidate.head_repository.full_name === run.headRepository);
    const decisive = (candidate) => earlier(candidate) && [...PASSED_STATUSES, ...FAILED_STATUSES].includes(candidate.conclusion);
    const runs = await api.list('GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', { workflow_id: run.workflowId, branch: run.branch, status: 'completed', exclude_pull_requests: 'true' }, { key: 'workflow_runs', perPage: PER_PAGE, maxPages: MAX_PAGES, stop: decisive });
    const found = runs.find(decisive);
    return found && { id: found.id, runNumber: found.run_number, conclusion: found.conclusion, url: found.html_url };
}
/** The workflow, branch, creation time and head repository of a run, from GET /repos/{owner}/{repo}/actions/runs/{run_id}. */
async function readRun(api, id) {
    const { data } = await api.get('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: id });
    return { id, ...refFromRun(data) };
}
/** What a workflow run object (from the API or a workflow_run event) tells of itself. */
function refFromRun(run) {
    return {
        workflowId: String(run.workflow_id ?? ''),
        branch: String(run.head_branch ?? ''),
        createdAt: String(run.created_at ?? ''),
        headRepository: run.head_repository?.full_name,
    };
}

;// CONCATENATED MODULE: ./src/status-change.ts





/**
 * Whether this run broke or fixed its workflow on its branch, asked of the GitHub API only when a route subscribes to
 * the status change this outcome can be (broken for a failure, fixed for a success): other runs make no call and load
 * no Octokit. A cancelled run is neither. Without a token or API access, the reason why (never an error).
 */
async function statusChange(config, outcome, run, sources) {
    const possible = changeOf(outcome.trigger);
    if (!possible || !config.notifications?.some((route) => route.triggers.includes(possible)))
        return NO_CHANGE;
    const passed = PASSED_STATUSES.includes(outcome.status);
    if (!passed && !FAILED_STATUSES.includes(outcome.status))
        return NO_CHANGE;
    const what = `${run.workflow || 'the workflow'}${run.branch ? ` on ${run.branch}` : ''}`;
    const cannot = (why) => {
        const reason = `Herald could not tell whether this run ${possible === 'broken' ? 'broke' : 'fixed'} ${what}: ${why}`;
        core/* info */.pq(`Herald: ${reason}.`);
        return { trigger: null, reason };
    };
    const access = sources.api;
    if (!access.api)
        return cannot(access.reason);
    try {
        const previous = await previousRun(access.api, runRef(run, sources));
        if (!previous) {
            core/* info */.pq(`Herald: no earlier run of ${what} passed or failed; this run is neither fixed nor broken.`);
            return NO_CHANGE;
        }
        if (PASSED_STATUSES.includes(previous.conclusion) === passed) {
            core/* info */.pq(`Herald: the previous run of ${what} (#${previous.runNumber}, ${previous.conclusion}) ended the same way; this run is not ${possible}.`);
            return NO_CHANGE;
        }
        core/* info */.pq(`Herald: this run ${possible === 'broken' ? 'broke' : 'fixed'} ${what}: the previous run (#${previous.runNumber}) ended ${previous.conclusion}: ${previous.url}`);
        return { trigger: possible };
    }
    catch (error) {
        return cannot(apiProblem(error, 'the earlier runs'));
    }
}
/** The run to compare: a workflow_run event carries it whole; otherwise its id (the job's run, or the reported job's). */
function runRef(run, { eventName, event }) {
    if (eventName === 'workflow_run' && event.workflow_run)
        return { id: String(event.workflow_run.id), ...refFromRun(event.workflow_run) };
    return { id: run.runId };
}

;// CONCATENATED MODULE: ./src/triggers.ts

/** Maps the `status` input, or the status carried by the event, to a trigger, or to the reason there is none. */
function pickOutcome(status, eventName, event) {
    if (status === 'skipped')
        return { trigger: null, status, reason: 'status "skipped": the job or step did not run' };
    if (status)
        return statusOutcome(status);
    const fromEvent = eventOutcome(eventName, event);
    if (fromEvent)
        return fromEvent;
    throw new UserError(`Herald cannot tell the job's status from a "${eventName || 'unknown'}" event. ` +
        'Pass it from a step that always runs, for example:\n' +
        '  - uses: herald@v1\n    if: always()\n    with:\n      status: ${{ job.status }}');
}
/**
 * started, waiting (approval), success, and `neutral` (a run that chose to pass without success) -> started / success; every other word
 * (failure, cancelled, timed_out, startup_failure, stale, one GitHub adds later) -> error.
 */
function statusOutcome(status) {
    if (status === 'started')
        return { trigger: 'started', status };
    if (status === 'waiting')
        return APPROVAL;
    if (status === 'success' || status === 'neutral')
        return { trigger: 'success', status };
    return { trigger: 'error', status };
}
/** A job or deployment waiting for an environment's reviewers to approve it. */
const APPROVAL = { trigger: 'approval', status: 'waiting' };
/** A workflow run's or job's status and conclusion, as the notifier workflow sees it. */
function runOutcome(eventName, event) {
    const action = String(event.action ?? '');
    const subject = (eventName === 'workflow_run' ? event.workflow_run : event.workflow_job) ?? {};
    const what = eventName === 'workflow_run' ? `the run of "${subject.name || event.workflow?.name || 'a workflow'}"` : `the job "${subject.name ?? ''}"`;
    const conclusion = typeof subject.conclusion === 'string' ? subject.conclusion : '';
    // A run from a first-time contributor waits, "completed" with action_required, until someone approves it.
    if (conclusion === 'action_required' || subject.status === 'action_required') {
        return { trigger: null, status: 'action_required', reason: `${what} is waiting for approval (action_required); nothing is sent until it runs` };
    }
    // A job that waits for an environment's reviewers: action "waiting", or "queued" with status "waiting".
    if (eventName === 'workflow_job' && (action === 'waiting' || subject.status === 'waiting'))
        return APPROVAL;
    if (action === 'requested' || action === 'queued' || action === 'in_progress')
        return { trigger: 'started', status: 'started' };
    if (action !== 'completed') {
        return { trigger: null, status: action, reason: `a "${eventName}" event with action "${action}" is not a notification trigger` };
    }
    if (!conclusion)
        return { trigger: null, status: '', reason: `${what} is completed but has no conclusion` };
    if (conclusion === 'skipped')
        return { trigger: null, status: 'skipped', reason: `${what} was skipped` };
    return statusOutcome(conclusion);
}
/** null: this event carries no status. */
function eventOutcome(eventName, event) {
    switch (eventName) {
        case 'workflow_run':
        case 'workflow_job':
            return runOutcome(eventName, event);
        case 'deployment_status': {
            const state = String(event.deployment_status?.state ?? '');
            if (['in_progress', 'queued', 'pending'].includes(state))
                return { trigger: 'started', status: 'started' };
            if (state === 'waiting')
                return APPROVAL;
            if (state === 'success')
                return { trigger: 'success', status: 'success' };
            if (state === 'failure' || state === 'error')
                return { trigger: 'error', status: state };
            return { trigger: null, status: state, reason: `deployment status "${state}" is not a notification trigger` };
        }
        default:
            return null;
    }
}

;// CONCATENATED MODULE: ./src/main.ts


















/**
 * The whole pipeline: inputs, config, run context, trigger, routing, rendering, delivery, report. With `track-job`
 * it runs twice: as the main step (`started`), and as the post step (the job's final status, editing the messages).
 */
async function run(step = 'main') {
    try {
        const inputs = readInputs();
        const github = readGitHubContext(process.env);
        const config = await loadConfig(inputs.configPath, process.env, secretsWithheld(github));
        registerSecrets([...config.secrets, inputs.githubToken]);
        // The post step finds what its main step left: when the job started, and the messages to edit.
        const handover = step === 'post' ? readHandover() : undefined;
        const startedAt = handover?.startedAt || process.env[STARTED_AT_VARIABLE];
        const runContext = readRunContext(github, { ...process.env, [STARTED_AT_VARIABLE]: startedAt });
        const status = inputs.trackJob && step === 'main' ? 'started' : inputs.status;
        // A test (the `test` input) reads no status and follows no route.
        const outcome = inputs.test ? TEST_OUTCOME : pickOutcome(status, github.eventName, github.payload);
        if (outcome.trigger === null) {
            core/* notice */.lm(`Herald: ${outcome.reason}; nothing to send.`);
            return await reportNothingSent(outcome);
        }
        if (outcome.trigger === 'started')
            core/* exportVariable */.dN(STARTED_AT_VARIABLE, runContext.timestamp);
        // fixed or broken: asked of the GitHub API only when a route subscribes to them; the failed jobs, of a failed run.
        const api = githubApi({ token: inputs.githubToken, repository: runContext.repository, apiUrl: process.env.GITHUB_API_URL });
        const sources = { api, eventName: github.eventName, event: github.payload };
        const [change, failedJobs] = await Promise.all([
            statusChange(config, outcome, runContext, sources),
            readFailedJobs(outcome, runContext, { ...sources, github, runnerName: process.env.RUNNER_NAME }),
        ]);
        runContext.failedJobs = failedJobs;
        const selected = inputs.test
            ? selectTestDestinations(config, inputs.destinations)
            : selectDestinations(config, outcome, runContext, github.eventName, change);
        const messages = messagesFor(runContext, outcome);
        const previous = inputs.update && outcome.trigger !== 'started' ? [...(handover?.messages ?? []), ...inputs.updateMessages] : [];
        const deliveries = prepareDeliveries(config, selected, runContext, messages, previous);
        const results = await deliverAll(deliveries, { dryRun: inputs.dryRun, deadlineMs: inputs.timeoutSeconds * 1000 });
        if (inputs.trackJob && step === 'main')
            saveHandover(runContext.timestamp, results);
        const reported = messages(reportedTrigger(selected, outcome, change));
        // A test is there to tell whether each destination works: one that fails fails the step, whatever fail-on-error says.
        await report(results, { ...reported, dryRun: inputs.dryRun, failOnError: inputs.failOnError || inputs.test });
    }
    catch (error) {
        if (error instanceof ConfigError)
            annotateConfigError(error);
        else if (error instanceof UserError)
            core/* setFailed */.C1(error.message);
        else
            core/* setFailed */.C1(`Herald failed unexpectedly; please report this: ${error.stack ?? error}`);
    }
    await reportIfUnreported();
}


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/**
 * The Retry-After header: delay-seconds or an HTTP date, as milliseconds to wait; undefined when absent or unreadable.
 * A leaf module with no imports: the HTTP transport and the destinations that read a throttled answer share it.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const seconds = Number(value.trim());
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ }),

/***/ 1588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ attemptLimit),
/* harmony export */   w: () => (/* binding */ TransportError)
/* harmony export */ });
class TransportError extends Error {
    retryable;
    code;
    name = 'TransportError';
    constructor(message, retryable = true, code = null) {
        super(message);
        this.retryable = retryable;
        this.code = code;
    }
}
/**
 * The bounds of one attempt: its own timeout and the overall deadline, as one signal, and the error that says which of
 * the two ended it (the deadline's is not worth a retry).
 */
function attemptLimit(timeoutMs, deadline) {
    const signal = AbortSignal.any([deadline, AbortSignal.timeout(timeoutMs)]);
    const error = () => deadline.aborted
        ? new TransportError('stopped: the overall deadline was reached', false)
        : new TransportError(`no answer within ${timeoutMs / 1000} s (timeout)`);
    /** `work`, or the limit's error as soon as the signal fires, whichever comes first. */
    const race = (work) => {
        if (signal.aborted)
            return Promise.reject(error());
        work.catch(() => undefined);
        return new Promise((resolve, reject) => {
            const onAbort = () => reject(error());
            signal.addEventListener('abort', onAbort, { once: true });
            work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
        });
    };
    return { signal, error, race };
}


/***/ })

};
