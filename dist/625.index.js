export const id = 625;
export const ids = [625];
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

/***/ 8625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sendMail: () => (/* binding */ sendMail)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);
/* harmony import */ var _address_guard_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9085);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1588);



/**
 * Sends one message over one SMTP connection (nodemailer, imported here so that runs without e-mail never load it).
 * A refusal by the server is a reply (its code and text); a connection that fails is a TransportError.
 */
async function sendMail(mail, { timeoutMs, signal, deliveryId, blockPrivateAddresses }) {
    const { createTransport } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
    const { smtp } = mail;
    const limit = (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .attemptLimit */ .N)(timeoutMs, signal);
    // With the guard, nodemailer is given the checked address, so it connects where it was checked (it does not resolve an
    // IP again), and the name only for TLS (SNI and the certificate check).
    const address = blockPrivateAddresses ? await (0,_address_guard_js__WEBPACK_IMPORTED_MODULE_0__/* .checkedAddress */ .s8)(smtp.host, limit) : undefined;
    const transporter = createTransport({
        host: address ?? smtp.host,
        ...(address !== undefined && address !== smtp.host && { servername: smtp.host }),
        port: smtp.port,
        secure: smtp.secure,
        requireTLS: smtp.requireTLS,
        auth: smtp.auth,
        tls: { rejectUnauthorized: !smtp.insecureSkipVerify },
        connectionTimeout: timeoutMs,
        greetingTimeout: timeoutMs,
        socketTimeout: timeoutMs,
        disableFileAccess: true,
        disableUrlAccess: true,
    });
    try {
        const sending = transporter.sendMail({
            from: mail.from,
            to: mail.to,
            cc: mail.cc,
            bcc: mail.bcc,
            replyTo: mail.replyTo.length ? mail.replyTo : undefined,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            headers: { 'X-Herald-Delivery': deliveryId, 'X-Mailer': _version_js__WEBPACK_IMPORTED_MODULE_2__/* .USER_AGENT */ ._ },
            signal: limit.signal,
        });
        const info = await limit.race(sending);
        const refused = (info.rejectedErrors ?? []);
        if (refused.length > 0) {
            // Some recipients got it: sending again would repeat it for them, so this is a failure not to retry.
            const first = refused[0];
            return {
                ok: false,
                retryable: false,
                code: first.responseCode ?? null,
                body: `${refused.map((error) => `${error.response ?? error.message}`).join('; ')} (the others accepted it: ${info.response})`,
                stage: `RCPT TO for ${info.rejected.join(', ')}`,
            };
        }
        return { ok: true, retryable: false, code: replyCode(info.response), body: info.response };
    }
    catch (error) {
        if (error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w)
            throw error;
        const failure = error;
        if (limit.signal.aborted)
            throw limit.error();
        if (failure.responseCode && failure.responseCode >= 400) {
            return {
                ok: false,
                // 4xx: try again later (RFC 5321); 5xx: permanent.
                retryable: failure.responseCode < 500,
                code: failure.responseCode,
                body: failure.response ?? failure.message,
                ...(failure.command && { stage: failure.command }),
            };
        }
        throw describeConnectionError(failure, timeoutMs);
    }
    finally {
        transporter.close();
    }
}
/** "250 2.0.0 Ok: queued as 12345" -> 250 */
function replyCode(response) {
    const match = /^(\d{3})/.exec(response ?? '');
    return match ? Number(match[1]) : null;
}
function describeConnectionError(error, timeoutMs) {
    const cause = error.cause;
    const errno = error.errno !== undefined ? error : cause;
    const system = typeof errno?.code === 'string' ? errno.code : undefined;
    const text = error.message;
    if (/ECONNREFUSED/.test(text) || system === 'ECONNREFUSED')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`connection refused (ECONNREFUSED): ${text}`);
    if (error.code === 'ETLS' || /certificate|SSL|TLS/i.test(text)) {
        const hint = /self[- ]signed|unable to verify|certificate/i.test(text) ? ' (set insecure_skip_verify: true to accept it)' : '';
        return new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`TLS failed${hint}: ${text}`, false);
    }
    if (error.code === 'ETIMEDOUT')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`no answer within ${timeoutMs / 1000} s (timeout): ${text}`);
    if (error.code === 'EDNS')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`host not found: ${text}`);
    if (error.code === 'ENOAUTH' || error.code === 'EAUTH')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`authentication failed: ${text}`, false);
    return new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .w(`${error.code ? `${error.code}: ` : ''}${text}`);
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
