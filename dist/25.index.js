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
/* harmony import */ var _actions_http_client__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4942);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1588);



/** One HTTP request with a hard deadline: proxies from the environment, optional TLS skip, the reply captured. */
async function sendHttp(request, { timeoutMs, signal, deliveryId }) {
    const client = new _actions_http_client__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq(_version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT */ ._, [], {
        socketTimeout: timeoutMs,
        ignoreSslError: request.insecureSkipVerify ?? false,
        allowRetries: false,
        allowRedirects: true,
        maxRedirects: 3,
        keepAlive: false,
    });
    const { url, headers } = withUrlCredentials(request.url, { ...request.headers, 'X-Herald-Delivery': deliveryId });
    const exchange = (async () => {
        const response = await client.request(request.method, url, request.body ?? null, headers);
        return { response, body: await response.readBody() };
    })();
    let timer;
    let onAbort;
    try {
        const { response, body } = await Promise.race([
            exchange,
            new Promise((_, reject) => {
                timer = setTimeout(() => reject(new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`no answer within ${timeoutMs / 1000} s (timeout)`)), timeoutMs);
                onAbort = () => reject(new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w('stopped: the overall deadline was reached', false));
                signal.addEventListener('abort', onAbort, { once: true });
            }),
        ]);
        const code = response.message.statusCode ?? 0;
        const replyHeaders = flattenHeaders(response.message.headers);
        return {
            ok: code >= 200 && code < 300,
            retryable: code >= 500 || code === 408 || code === 429,
            retryAfterMs: parseRetryAfter(replyHeaders['retry-after']),
            code,
            body,
            headers: replyHeaders,
        };
    }
    catch (error) {
        if (error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w)
            throw error;
        const code = error.code ?? '';
        // A certificate problem does not go away by asking again.
        const retryable = !/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code);
        throw new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(describeNetworkError(error), retryable);
    }
    finally {
        clearTimeout(timer);
        if (onAbort)
            signal.removeEventListener('abort', onAbort);
        exchange.catch(() => undefined);
        client.dispose();
    }
}
/** Credentials in the URL (https://user:pass@host) become Basic auth, as curl does, unless Authorization is set. */
function withUrlCredentials(url, headers) {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password)
        return { url, headers };
    const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
    parsed.username = '';
    parsed.password = '';
    const hasAuthorization = Object.keys(headers).some((name) => name.toLowerCase() === 'authorization');
    return {
        url: parsed.toString(),
        headers: hasAuthorization ? headers : { ...headers, Authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
    };
}
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
        ERR_TLS_CERT_ALTNAME_INVALID: "TLS certificate does not match the host name",
    };
    const reason = (error.code && reasons[error.code]) || error.message;
    return error.code && reasons[error.code] ? `${reason} (${error.code})` : reason;
}


/***/ }),

/***/ 1588:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
