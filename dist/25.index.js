export const id = 25;
export const ids = [25];
export const modules = {

/***/ 4025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseRetryAfter: () => (/* binding */ parseRetryAfter),
/* harmony export */   sendHttp: () => (/* binding */ sendHttp)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(311);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1588);




/** Bytes of an answer that are read; the rest is discarded unread (the result keeps 1 KiB of it, masked). */
const READ_LIMIT = 8 * 1024;
/** Once a 2xx status has arrived the message is delivered: its body gets this long, then it is left unread. */
const BODY_GRACE_MS = 1000;
const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that carry credentials: never sent to another origin on a redirect. */
const CREDENTIAL_HEADER = /auth|token|secret|key|password|signature|cookie|session|credential/i;
/**
 * One HTTP exchange over node:http, as curl does it: HTTP_PROXY / HTTPS_PROXY / NO_PROXY from the environment (http://
 * in absolute form, https:// through CONNECT: Node 24's proxyEnv agents), redirects followed for GET and HEAD (and for
 * others when asked), a hard per-attempt timeout, and at most READ_LIMIT bytes of the answer read.
 */
async function sendHttp(request, { timeoutMs, signal, deliveryId }) {
    const limit = (0,_transport_js__WEBPACK_IMPORTED_MODULE_2__/* .attemptLimit */ .N)(timeoutMs, signal);
    const attempt = limit.signal;
    let { url, headers } = withUrlCredentials(request.url, { 'User-Agent': _version_js__WEBPACK_IMPORTED_MODULE_3__/* .USER_AGENT */ ._, ...request.headers, 'X-Herald-Delivery': deliveryId });
    let method = request.method;
    let body = request.body;
    try {
        for (let redirects = 0;; redirects++) {
            const response = await exchange(method, url, headers, body, request.insecureSkipVerify ?? false, attempt);
            const code = response.statusCode ?? 0;
            const location = response.headers.location;
            if (!REDIRECTS.has(code) || !location)
                return await reply(response, code, attempt, signal);
            response.destroy();
            const next = new URL(location, url);
            const refusal = redirectRefusal(method, url, next, redirects, request.followRedirects ?? false);
            if (refusal)
                return { ok: false, retryable: false, code, body: '', headers: flattenHeaders(response.headers), error: `HTTP ${code} to ${next.href}, ${refusal}` };
            if (next.origin !== url.origin)
                headers = withoutCredentials(headers);
            // As curl and browsers do: 303 always, and 301 / 302 after a POST, continue with a GET without the body.
            if (code === 303 || ((code === 301 || code === 302) && method === 'POST')) {
                method = method === 'HEAD' ? 'HEAD' : 'GET';
                body = undefined;
                headers = withoutBodyHeaders(headers);
            }
            url = next;
        }
    }
    catch (error) {
        if (error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .w)
            throw error;
        if (attempt.aborted)
            throw limit.error();
        throw describeNetworkError(error);
    }
}
/** Why a redirect is not followed, or undefined to follow it. */
function redirectRefusal(method, from, to, redirects, followAll) {
    if (!['GET', 'HEAD'].includes(method) && !followAll)
        return 'not followed (a redirect of a ' + method + ' is followed only with follow_redirects: true)';
    if (redirects >= MAX_REDIRECTS)
        return `not followed: more than ${MAX_REDIRECTS} redirects`;
    if (to.protocol !== 'http:' && to.protocol !== 'https:')
        return `not followed: ${to.protocol} is not http or https`;
    if (from.protocol === 'https:' && to.protocol === 'http:')
        return 'not followed: from https to plain http';
    return undefined;
}
/** Sends the request; resolves when the status line and headers have arrived. */
function exchange(method, url, headers, body, insecureSkipVerify, signal) {
    const secure = url.protocol === 'https:';
    // proxyEnv (Node 24.5): HTTP_PROXY, HTTPS_PROXY and NO_PROXY, read as curl reads them.
    const agentOptions = { keepAlive: false, proxyEnv: process.env };
    const agent = secure ? new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ ...agentOptions, rejectUnauthorized: !insecureSkipVerify }) : new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)(agentOptions);
    const withLength = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
    return new Promise((resolve, reject) => {
        const send = secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default().request) : (node_http__WEBPACK_IMPORTED_MODULE_0___default().request);
        const req = send(url, { method, headers: withLength, agent, signal }, (response) => {
            response.once('close', () => agent.destroy());
            resolve(response);
        });
        req.once('error', (error) => {
            agent.destroy();
            reject(error);
        });
        req.end(body);
    });
}
/**
 * The answer as a reply. Its status decides: a 2xx is a delivery, so its body gets BODY_GRACE_MS and is never a reason
 * to fail or to send again; any other answer is read until it ends, READ_LIMIT is reached or the attempt runs out.
 */
async function reply(response, code, attempt, deadline) {
    const ok = code >= 200 && code < 300;
    const until = ok ? AbortSignal.any([attempt, AbortSignal.timeout(BODY_GRACE_MS)]) : attempt;
    const { body, cut } = await readSome(response, until);
    const headers = flattenHeaders(response.headers);
    const proxy = code === 407 ? ' from the proxy: it wants credentials (put them in the proxy variable: http://user:pass@proxy:port)' : '';
    return {
        ok,
        retryable: !deadline.aborted && (code >= 500 || code === 408 || code === 429),
        retryAfterMs: parseRetryAfter(headers['retry-after']),
        code,
        body,
        cut,
        headers,
        ...(proxy && { error: `HTTP 407${proxy}` }),
    };
}
/** At most READ_LIMIT bytes of the body, read until it ends or `until` fires; the rest is never buffered. */
function readSome(response, until) {
    return new Promise((resolve) => {
        const chunks = [];
        let size = 0;
        const done = () => {
            until.removeEventListener('abort', done);
            response.destroy();
            resolve({ body: Buffer.concat(chunks).toString('utf8').replace(/\uFFFD$/, ''), cut: size > READ_LIMIT });
        };
        if (until.aborted)
            return done();
        until.addEventListener('abort', done, { once: true });
        response.on('data', (chunk) => {
            if (size >= READ_LIMIT)
                return;
            chunks.push(chunk.subarray(0, READ_LIMIT - size));
            size += chunk.length;
            if (size >= READ_LIMIT)
                done();
        });
        response.once('end', done);
        response.once('error', done);
    });
}
/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless Authorization is set. */
function withUrlCredentials(url, headers) {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password)
        return { url: parsed, headers };
    const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    parsed.username = '';
    parsed.password = '';
    const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    return {
        url: parsed,
        headers: hasAuthorization ? headers : { ...headers, Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
    };
}
const withoutCredentials = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !CREDENTIAL_HEADER.test(name)));
const withoutBodyHeaders = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
function flattenHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
/** Retry-After: delay-seconds or an HTTP date. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    const seconds = Number(value.trim());
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function describeNetworkError(error) {
    const code = error.code ?? '';
    if (code === 'ERR_PROXY_TUNNEL') {
        // "Failed to establish tunnel to host:443 via http://proxy:3128: HTTP/1.1 407 Proxy Authentication Required"
        const status = /HTTP\/[\d.]+ (\d{3})[^\n]*/.exec(error.message);
        const refused = status ? `the proxy refused the connection: ${status[0]}` : `the proxy failed: ${error.message}`;
        return new _transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .w(withoutUserInfo(refused), status?.[1] !== '407');
    }
    const reasons = {
        ECONNREFUSED: 'connection refused',
        ENOTFOUND: 'host not found',
        ECONNRESET: 'connection reset by the server',
        ETIMEDOUT: 'connection timed out',
        EAI_AGAIN: 'DNS lookup failed',
        CERT_HAS_EXPIRED: 'TLS certificate has expired',
        DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed TLS certificate (set insecure_skip_verify: true to accept it)',
        SELF_SIGNED_CERT_IN_CHAIN: 'self-signed TLS certificate in chain (set insecure_skip_verify: true to accept it)',
        UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified (set insecure_skip_verify: true to accept it)',
        ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
    };
    // A certificate problem does not go away by asking again.
    const retryable = !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
    const message = reasons[code] ? `${reasons[code]} (${code})` : error.message;
    return new _transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .w(withoutUserInfo(message), retryable);
}
/** A proxy URL in Node's messages may hold credentials. */
const withoutUserInfo = (text) => text.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1****@');


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT)
/* harmony export */ });
/* unused harmony export VERSION */
const VERSION = '0.1.0';
const USER_AGENT = `Herald/${VERSION} (GitHub Action notifier)`;


/***/ })

};
