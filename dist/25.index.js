export const id = 25;
export const ids = [25];
export const modules = {

/***/ 9085:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bc: () => (/* binding */ proxyHostsIn),
/* harmony export */   RC: () => (/* binding */ checkHost),
/* harmony export */   bf: () => (/* binding */ BlockedAddressError),
/* harmony export */   rN: () => (/* binding */ guardedLookup),
/* harmony export */   s8: () => (/* binding */ checkedAddress)
/* harmony export */ });
/* unused harmony exports refusedKind, systemResolve, refusalFor */
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(610);
/* harmony import */ var node_dns__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_dns__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1588);



/**
 * The addresses block_private_addresses refuses, each with the words its error uses. Metadata comes first: 169.254.169.254
 * is link-local too, and "cloud metadata" says more. BlockList also matches IPv4-mapped IPv6 (::ffff:10.0.0.5) against
 * the IPv4 ranges.
 */
const SUBNETS = [
    ['a cloud metadata address', ['169.254.169.254/32', '100.100.100.200/32', 'fd00:ec2::254/128']],
    ['a loopback address', ['127.0.0.0/8', '::1/128']],
    ['a link-local address', ['169.254.0.0/16', 'fe80::/10']],
    ['a private address', ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7']],
    ['a shared (carrier-grade NAT) address', ['100.64.0.0/10']],
    ['an unspecified ("this host") address', ['0.0.0.0/8', '::/128']],
];
/** Built on first use: building them cost about 3 ms of every run, and most runs never turn the guard on. */
let ranges;
function blockList(subnets) {
    const list = new node_net__WEBPACK_IMPORTED_MODULE_1__.BlockList();
    for (const subnet of subnets) {
        const [network, prefix] = subnet.split('/');
        list.addSubnet(network, Number(prefix), (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(network) === 6 ? 'ipv6' : 'ipv4');
    }
    return list;
}
const ON = '(block_private_addresses is on)';
/** What kind of refused address `address` is ("a private address"), or undefined when it may be contacted. */
function refusedKind(address) {
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(address);
    if (family === 0)
        return undefined;
    ranges ??= SUBNETS.map(([kind, subnets]) => [kind, blockList(subnets)]);
    return ranges.find(([, list]) => list.check(address, family === 6 ? 'ipv6' : 'ipv4'))?.[0];
}
/** A host the guard refuses: never worth another attempt. */
class BlockedAddressError extends Error {
    name = 'BlockedAddressError';
    code = 'ERR_HERALD_BLOCKED_ADDRESS';
}
const systemResolve = (hostname, { family = 0, hints } = {}) => new Promise((resolve, reject) => (0,node_dns__WEBPACK_IMPORTED_MODULE_0__.lookup)(hostname, { family, ...(hints !== undefined && { hints }), all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));
/** The refusal for a name that resolved to `addresses`, if any of them is refused; undefined when all may be contacted. */
function refusalFor(hostname, addresses) {
    for (const { address } of addresses) {
        const kind = refusedKind(address);
        if (kind)
            return `refused: ${hostname} resolves to ${address}, ${kind} ${ON}`;
    }
    return undefined;
}
/**
 * The addresses of `host` (a URL's hostname: a name, an IPv4 or a [bracketed] IPv6 literal), all of which may be
 * contacted; throws a BlockedAddressError when it is or resolves to a refused address. A name with one refused address
 * among others is refused as a whole.
 */
async function checkHost(host, resolve = systemResolve) {
    const literal = host.replace(/^\[(.*)\]$/, '$1');
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(literal)) {
        const kind = refusedKind(literal);
        if (kind)
            throw new BlockedAddressError(`refused: ${literal} is ${kind} ${ON}`);
        return [literal];
    }
    const addresses = await resolve(host);
    const refusal = refusalFor(host, addresses);
    if (refusal)
        throw new BlockedAddressError(refusal);
    return addresses.map(({ address }) => address);
}
/**
 * A `lookup` for http.request that checks the addresses the socket is about to connect to, so a name cannot resolve to
 * a public address for the check and to a private one for the connection (DNS rebinding). The proxy's own name, which
 * often resolves to a private address, is not checked: the proxy is the runner's, the target is checked on its own.
 */
function guardedLookup(proxyHosts, resolve = systemResolve) {
    return (hostname, options, callback) => {
        const answer = callback;
        resolve(hostname, { family: typeof options.family === 'number' ? options.family : 0, hints: options.hints }).then((addresses) => {
            const refusal = proxyHosts.has(hostname.toLowerCase()) ? undefined : refusalFor(hostname, addresses);
            if (refusal)
                return answer(new BlockedAddressError(refusal), '');
            if (options.all)
                return answer(null, addresses);
            const first = addresses[0];
            if (!first)
                return answer(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
            answer(null, first.address, first.family);
        }, (error) => answer(error, ''));
    };
}
/** The host names of the proxies in the environment (HTTP_PROXY, HTTPS_PROXY, in either case). */
function proxyHostsIn(env) {
    const hosts = new Set();
    for (const name of ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy']) {
        const value = env[name];
        if (!value)
            continue;
        try {
            hosts.add(new URL(value.includes('://') ? value : `http://${value}`).hostname.toLowerCase());
        }
        catch {
            // Not a URL: Node ignores it too.
        }
    }
    return hosts;
}
/** The address block_private_addresses allows for `host`; a refusal is a TransportError that is not retried. */
async function checkedAddress(host, limit) {
    try {
        const [address] = await limit.race(checkHost(host));
        return address ?? host;
    }
    catch (error) {
        if (error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .w)
            throw error;
        if (error instanceof BlockedAddressError)
            throw new _transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .w(error.message, false);
        throw new _transport_js__WEBPACK_IMPORTED_MODULE_2__/* .TransportError */ .w(`host not found: ${error.message}`);
    }
}


/***/ }),

/***/ 4025:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sendHttp: () => (/* binding */ sendHttp)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(311);
/* harmony import */ var _address_guard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9085);
/* harmony import */ var _network_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9844);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1588);
/* harmony import */ var _retry_after_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(896);







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
 * others when asked), a hard per-attempt timeout, and at most READ_LIMIT bytes of the answer read. With
 * blockPrivateAddresses, every hop's host is checked before connecting (resolved here, so also when a proxy connects
 * for us) and the addresses the socket connects to are checked again in its DNS lookup.
 */
async function sendHttp(request, { timeoutMs, signal, deliveryId, blockPrivateAddresses }) {
    const limit = (0,_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .attemptLimit */ .N)(timeoutMs, signal);
    const attempt = limit.signal;
    const lookup = blockPrivateAddresses ? (0,_address_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .guardedLookup */ .rN)((0,_address_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyHostsIn */ .Bc)(process.env)) : undefined;
    let redirectedBy;
    let { url, headers } = withUrlCredentials(request.url, { 'User-Agent': _version_js__WEBPACK_IMPORTED_MODULE_5__/* .USER_AGENT */ ._, ...request.headers, 'X-Herald-Delivery': deliveryId });
    let method = request.method;
    let body = request.body;
    try {
        for (let redirects = 0;; redirects++) {
            if (blockPrivateAddresses)
                await limit.race(checkHostBeforeProxy(url.hostname));
            const response = await exchange(method, url, headers, body, request.insecureSkipVerify ?? false, attempt, lookup);
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
            redirectedBy = code;
        }
    }
    catch (error) {
        if (error instanceof _address_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .BlockedAddressError */ .bf) {
            throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(redirectedBy === undefined ? error.message : `HTTP ${redirectedBy} to ${url.href}, ${error.message}`, false);
        }
        if (error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w)
            throw error;
        if (attempt.aborted)
            throw limit.error();
        throw (0,_network_error_js__WEBPACK_IMPORTED_MODULE_3__/* .describeNetworkError */ .g)(error);
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
/**
 * The guard's check of a hop's host. It runs on the runner also when a proxy will connect for us (and resolve the name
 * again), so a name the runner cannot resolve is not sent on unchecked.
 */
async function checkHostBeforeProxy(host) {
    try {
        await (0,_address_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .checkHost */ .RC)(host);
    }
    catch (error) {
        const code = error.code;
        if ((code === 'ENOTFOUND' || code === 'EAI_AGAIN') && (0,_address_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .proxyHostsIn */ .Bc)(process.env).size > 0) {
            const { message, retryable } = (0,_network_error_js__WEBPACK_IMPORTED_MODULE_3__/* .describeNetworkError */ .g)(error);
            throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`${message}: block_private_addresses checks ${host} on the runner, also when a proxy connects for it`, retryable);
        }
        throw error;
    }
}
/** Sends the request; resolves when the status line and headers have arrived. */
function exchange(method, url, headers, body, insecureSkipVerify, signal, lookup) {
    const secure = url.protocol === 'https:';
    // proxyEnv (Node 24.5): HTTP_PROXY, HTTPS_PROXY and NO_PROXY, read as curl reads them.
    const agentOptions = { keepAlive: false, proxyEnv: process.env };
    const agent = secure ? new (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent)({ ...agentOptions, rejectUnauthorized: !insecureSkipVerify }) : new (node_http__WEBPACK_IMPORTED_MODULE_0___default().Agent)(agentOptions);
    const withLength = body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) };
    return new Promise((resolve, reject) => {
        const send = secure ? (node_https__WEBPACK_IMPORTED_MODULE_1___default().request) : (node_http__WEBPACK_IMPORTED_MODULE_0___default().request);
        const req = send(url, { method, headers: withLength, agent, signal, ...(lookup && { lookup }) }, (response) => {
            response.once('close', () => agent.destroy());
            resolve(response);
        });
        req.once('error', (error) => {
            agent.destroy();
            reject(error);
        });
        // As bytes: Node writes the headers with a string body's encoding (UTF-8), but alone as Latin-1 (one byte a
        // character), so a header's bytes would depend on whether a body follows.
        req.end(body === undefined ? undefined : Buffer.from(body, 'utf8'));
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
        retryAfterMs: (0,_retry_after_js__WEBPACK_IMPORTED_MODULE_6__/* .parseRetryAfter */ .m)(headers['retry-after']),
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


/***/ }),

/***/ 9844:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ describeNetworkError)
/* harmony export */ });
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1588);

/** A socket's failure (refused, reset, DNS, TLS, a proxy's refusal) in words a user can act on; certificate problems are not retried. */
function describeNetworkError(error) {
    const code = error.code ?? '';
    if (code === 'ERR_PROXY_TUNNEL') {
        // "Failed to establish tunnel to host:443 via http://proxy:3128: HTTP/1.1 407 Proxy Authentication Required"
        const status = /HTTP\/[\d.]+ (\d{3})[^\n]*/.exec(error.message);
        const refused = status ? `the proxy refused the connection: ${status[0]}` : `the proxy failed: ${error.message}`;
        return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(withoutUserInfo(refused), status?.[1] !== '407');
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
    return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(withoutUserInfo(message), retryable);
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
