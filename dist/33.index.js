export const id = 33;
export const ids = [33];
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

/***/ 8033:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatIrcLine: () => (/* binding */ formatIrcLine),
/* harmony export */   parseIrcLine: () => (/* binding */ parseIrcLine),
/* harmony export */   sendIrc: () => (/* binding */ sendIrc)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _address_guard_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9085);
/* harmony import */ var _network_error_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9844);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1588);





/** Nicks tried after the configured one is taken (herald1 ... herald9), before giving up with the server's 433. */
const NICK_SUFFIXES = 9;
/** After QUIT the server closes the connection; it gets this long, then the socket is closed from this side. */
const QUIT_GRACE_MS = 2000;
/** A server that sends this much without a line break is not an IRC server. */
const MAX_PENDING = 64 * 1024;
/** Lines read but not yet looked at: a server that floods the connection is cut off, not buffered. */
const MAX_QUEUED = 10_000;
/** One IRC line without its CR LF (RFC 2812, 2.3). */
const MAX_LINE_BYTES = 510;
const ERR_ERRONEUSNICKNAME = 432;
/** 433 taken, 436 collision, 437 temporarily unavailable: all mean "try another nick". */
const NICK_TAKEN = new Set([433, 436, 437]);
/** A line as RFC 2812 writes it; the last parameter may hold spaces. */
function parseIrcLine(line) {
    let rest = line;
    let source;
    if (rest.startsWith(':')) {
        const space = rest.indexOf(' ');
        source = rest.slice(1, space < 0 ? undefined : space);
        rest = space < 0 ? '' : rest.slice(space + 1);
    }
    const trailingAt = rest.startsWith(':') ? 0 : rest.indexOf(' :');
    const middle = trailingAt < 0 ? rest : rest.slice(0, trailingAt);
    const params = middle.split(' ').filter((part) => part !== '');
    const command = (params.shift() ?? '').toUpperCase();
    if (trailingAt >= 0)
        params.push(rest.slice(trailingAt === 0 ? 1 : trailingAt + 2));
    return { ...(source !== undefined && { source }), command, params };
}
/**
 * A command as one IRC line, or a TransportError if it cannot be one: a parameter with CR, LF or NUL would end the line
 * and start another command (a commit message "x\r\nQUIT :pwned"), so it is refused here whatever the caller checked.
 */
function formatIrcLine(command, ...params) {
    const last = params.length - 1;
    params.forEach((param, index) => {
        if (/[\r\n\0]/.test(param))
            throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`refused to send ${command}: a parameter holds a line break or NUL`, false);
        if (index < last && (param === '' || param.includes(' ') || param.startsWith(':'))) {
            throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`refused to send ${command}: "${param}" cannot be a middle parameter`, false);
        }
    });
    const trail = params[last];
    const needsColon = trail !== undefined && (trail === '' || trail.includes(' ') || trail.startsWith(':'));
    const line = [command, ...params.slice(0, last), ...(trail === undefined ? [] : [needsColon ? `:${trail}` : trail])].join(' ');
    if (Buffer.byteLength(line) > MAX_LINE_BYTES)
        throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`refused to send ${command}: longer than IRC's 512 bytes a line`, false);
    return line;
}
/** IRC's case mapping (rfc1459): []\~ are the upper case of {}|^. */
const ircLower = (name) => name.toLowerCase().replace(/[[\]\\~]/g, (c) => ({ '[': '{', ']': '}', '\\': '|', '~': '^' })[c]);
/** The server said no: a reply, not a network failure, and not retried (another attempt gets the same answer). */
class Refusal extends Error {
    code;
    text;
    stage;
    constructor(code, text, stage) {
        super(text);
        this.code = code;
        this.text = text;
        this.stage = stage;
    }
}
/** A numeric reply's code (433), or undefined for a command (PRIVMSG, ERROR). */
const numeric = (line) => (/^\d{3}$/.test(line.command) ? Number(line.command) : undefined);
const isError = (line) => (numeric(line) ?? 0) >= 400 || line.command === 'ERROR';
/** The server's words: a numeric's parameters after the target nick, an ERROR's text. */
const textOf = (line) => (line.command === 'ERROR' ? line.params : line.params.slice(1)).join(' ');
/** One IRC connection: lines in (PING answered on arrival), lines out. */
class IrcConnection {
    socket;
    pending = '';
    queue = [];
    wake;
    closed = false;
    failure;
    constructor(socket) {
        this.socket = socket;
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => this.receive(chunk));
        socket.on('error', (error) => {
            this.failure ??= error;
            this.notify();
        });
        socket.on('close', () => {
            this.closed = true;
            this.notify();
        });
    }
    send(command, ...params) {
        this.socket.write(`${formatIrcLine(command, ...params)}\r\n`);
    }
    /** The next line, or undefined once the connection is closed. */
    async read() {
        for (;;) {
            const line = this.queue.shift();
            if (line)
                return line;
            if (this.closed || this.failure)
                return undefined;
            await new Promise((resolve) => (this.wake = resolve));
        }
    }
    receive(chunk) {
        this.pending += chunk;
        const lines = this.pending.split(/\r?\n/);
        this.pending = lines.pop();
        try {
            if (this.pending.length > MAX_PENDING || this.queue.length + lines.length > MAX_QUEUED) {
                throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`the server sent more than Herald reads (${MAX_QUEUED} lines, or ${MAX_PENDING} bytes without a line break): not an IRC server?`);
            }
            for (const text of lines) {
                if (text === '')
                    continue;
                const line = parseIrcLine(text);
                // Servers drop clients that do not answer; some (RequireAuthPing) do not register them until they do.
                if (line.command === 'PING')
                    this.send('PONG', line.params.at(-1) ?? '');
                else
                    this.queue.push(line);
            }
        }
        catch (error) {
            // A PING token that cannot be answered in one line, or a flood: this connection is over.
            this.failure ??= error;
            this.socket.destroy();
        }
        this.notify();
    }
    notify() {
        const wake = this.wake;
        this.wake = undefined;
        wake?.();
    }
}
/**
 * Sends IRC message lines over one connection (node:net / node:tls, loaded only by runs that use IRC): register (PASS,
 * NICK with a numbered nick when taken, USER), join the channels, send every line to every target one at a time, check
 * with a PING that the server took them all, QUIT. The attempt's timeout bounds the whole exchange. A server's refusal
 * is a reply (its numeric, text and stage); a connection that fails is a TransportError. Once a line has been sent,
 * nothing is retried: the targets would see it twice.
 */
async function sendIrc(message, { timeoutMs, signal, blockPrivateAddresses }) {
    const limit = (0,_transport_js__WEBPACK_IMPORTED_MODULE_4__/* .attemptLimit */ .N)(timeoutMs, signal);
    const { irc } = message;
    const address = blockPrivateAddresses ? await (0,_address_guard_js__WEBPACK_IMPORTED_MODULE_2__/* .checkedAddress */ .s8)(irc.host, limit) : irc.host;
    let connection;
    const progress = { stage: 'connect', sent: false };
    try {
        connection = new IrcConnection(await limit.race(connect(irc, address, limit.signal)));
        const nick = await limit.race(converse(connection, message, progress));
        await quit(connection, limit.signal);
        const lines = message.lines.length;
        return { ok: true, retryable: false, code: null, body: `${lines} ${message.command} line${lines === 1 ? '' : 's'} to ${message.targets.join(', ')} as ${nick}` };
    }
    catch (error) {
        if (error instanceof Refusal) {
            return { ok: false, retryable: false, code: error.code, body: error.text, stage: error.stage };
        }
        const failure = error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w ? error : limit.signal.aborted ? limit.error() : (0,_network_error_js__WEBPACK_IMPORTED_MODULE_3__/* .describeNetworkError */ .g)(error);
        if (progress.stage === 'connect')
            throw failure;
        if (!progress.sent)
            throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`${failure.message}, at ${progress.stage}`, failure.retryable);
        throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`${failure.message}, at ${progress.stage} after lines were sent (not sent again, so that nobody reads them twice)`, false);
    }
    finally {
        connection?.socket.destroy();
    }
}
function connect(irc, address, signal) {
    return new Promise((resolve, reject) => {
        const socket = irc.tls
            ? node_tls__WEBPACK_IMPORTED_MODULE_1___default().connect({
                host: address,
                port: irc.port,
                // The name the certificate is checked against (and SNI) stays the configured one when the guard resolved it.
                ...(node_net__WEBPACK_IMPORTED_MODULE_0___default().isIP(irc.host) === 0 && { servername: irc.host }),
                rejectUnauthorized: !irc.insecureSkipVerify,
            })
            : node_net__WEBPACK_IMPORTED_MODULE_0___default().connect({ host: address, port: irc.port });
        const abort = () => socket.destroy();
        signal.addEventListener('abort', abort, { once: true });
        socket.once('close', () => signal.removeEventListener('abort', abort));
        socket.once(irc.tls ? 'secureConnect' : 'connect', () => {
            socket.off('error', reject);
            resolve(socket);
        });
        socket.once('error', reject);
    });
}
/** Register, join, send; resolves with the nick it registered as. */
async function converse(connection, message, progress) {
    const { irc } = message;
    /** The next line; a closed connection is a failure at the current stage. */
    const next = async () => {
        const line = await connection.read();
        if (line)
            return line;
        if (connection.failure)
            throw connection.failure;
        throw new _transport_js__WEBPACK_IMPORTED_MODULE_4__/* .TransportError */ .w(`the server closed the connection at ${progress.stage}`);
    };
    progress.stage = irc.password === undefined ? 'NICK' : 'PASS';
    if (irc.password !== undefined)
        connection.send('PASS', irc.password);
    const nick = await register(connection, irc.nickname, next, progress);
    for (const channel of message.targets.filter((target) => /^[#&+!]/.test(target))) {
        progress.stage = `JOIN ${channel}`;
        connection.send('JOIN', channel);
        for (;;) {
            const line = await next();
            if (line.command === 'JOIN' && ircLower(line.source?.split('!')[0] ?? '') === ircLower(nick) && ircLower(line.params[0] ?? '') === ircLower(channel))
                break;
            if (isError(line))
                throw new Refusal(numeric(line) ?? null, textOf(line), progress.stage);
        }
    }
    // One line at a time, in order: servers throttle a client that floods them (ngIRCd delays, others disconnect).
    for (const target of message.targets) {
        progress.stage = `${message.command} ${target}`;
        for (const text of message.lines) {
            connection.send(message.command, target, text);
            progress.sent = true;
        }
    }
    // The server answers in order, so its PONG comes after any refusal of the lines (401 no such nick, 404 cannot send).
    progress.stage = `${message.command} (waiting for the server to confirm with PONG)`;
    const token = `herald-${Date.now()}`;
    connection.send('PING', token);
    for (;;) {
        const line = await next();
        if (line.command === 'PONG' && line.params.at(-1) === token)
            return nick;
        if (isError(line)) {
            const target = line.command === 'ERROR' ? undefined : line.params[1];
            throw new Refusal(numeric(line) ?? null, textOf(line), target ? `${message.command} ${target}` : progress.stage);
        }
    }
}
/** NICK and USER until the welcome (001); a taken nick is retried with a number, shortened when the server finds it too long. */
async function register(connection, nickname, next, progress) {
    let base = nickname;
    let suffix = 0;
    let nick = nickname;
    connection.send('NICK', nick);
    connection.send('USER', 'herald', '0', '*', 'Herald notifications');
    for (;;) {
        const line = await next();
        const code = numeric(line);
        if (code === 1)
            return line.params[0] ?? nick;
        if (code !== undefined && (NICK_TAKEN.has(code) || (code === ERR_ERRONEUSNICKNAME && suffix > 0 && base.length > 1))) {
            if (NICK_TAKEN.has(code))
                suffix++;
            // 432 for a numbered nick: too long for this server, so the number replaces the nick's last character.
            else
                base = base.slice(0, -1);
            if (suffix > NICK_SUFFIXES)
                throw new Refusal(code, `${textOf(line)} (tried ${nickname} and ${nickname}1 to ${nickname}${NICK_SUFFIXES})`, `NICK ${nickname}`);
            nick = `${base}${suffix}`;
            progress.stage = `NICK ${nick}`;
            connection.send('NICK', nick);
            continue;
        }
        if (isError(line)) {
            const stage = code === ERR_ERRONEUSNICKNAME ? `NICK ${nick}` : code === 464 || code === 465 ? 'PASS' : progress.stage;
            // ngIRCd answers a wrong password with ERROR ("Access denied: Bad password?") and no 464.
            throw new Refusal(code ?? null, textOf(line), stage);
        }
    }
}
/** QUIT, then wait (QUIT_GRACE_MS at most, and never past the attempt) for the server to close the connection. */
async function quit(connection, signal) {
    connection.send('QUIT', 'Herald: notification sent');
    const until = AbortSignal.any([signal, AbortSignal.timeout(QUIT_GRACE_MS)]);
    await new Promise((resolve) => {
        if (connection.closed || until.aborted)
            return resolve();
        connection.socket.once('close', () => resolve());
        until.addEventListener('abort', () => resolve(), { once: true });
    });
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


/***/ })

};
