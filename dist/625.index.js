export const id = 625;
export const ids = [625];
export const modules = {

/***/ 1006:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   sendMail: () => (/* binding */ sendMail)
/* harmony export */ });
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(311);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1588);


/**
 * Sends one message over one SMTP connection (nodemailer, imported here so that runs without e-mail never load it).
 * A refusal by the server is a reply (its code and text); a connection that fails is a TransportError.
 */
async function sendMail(mail, { timeoutMs, signal, deliveryId }) {
    const { createTransport } = await __webpack_require__.e(/* import() */ 739).then(__webpack_require__.bind(__webpack_require__, 6739));
    const { smtp } = mail;
    const transporter = createTransport({
        host: smtp.host,
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
    const limit = (0,_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .attemptLimit */ .N)(timeoutMs, signal);
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
            headers: { 'X-Herald-Delivery': deliveryId, 'X-Mailer': _version_js__WEBPACK_IMPORTED_MODULE_1__/* .USER_AGENT */ ._ },
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
                headers: { command: `RCPT TO for ${info.rejected.join(', ')}` },
            };
        }
        return { ok: true, retryable: false, code: replyCode(info.response), body: info.response, headers: {} };
    }
    catch (error) {
        if (error instanceof _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w)
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
                headers: failure.command ? { command: failure.command } : {},
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
        return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(`connection refused (ECONNREFUSED): ${text}`);
    if (error.code === 'ETLS' || /certificate|SSL|TLS/i.test(text)) {
        const hint = /self[- ]signed|unable to verify|certificate/i.test(text) ? ' (set insecure_skip_verify: true to accept it)' : '';
        return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(`TLS failed${hint}: ${text}`, false);
    }
    if (error.code === 'ETIMEDOUT')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(`no answer within ${timeoutMs / 1000} s (timeout): ${text}`);
    if (error.code === 'EDNS')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(`host not found: ${text}`);
    if (error.code === 'ENOAUTH' || error.code === 'EAUTH')
        return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(`authentication failed: ${text}`, false);
    return new _transport_js__WEBPACK_IMPORTED_MODULE_0__/* .TransportError */ .w(`${error.code ? `${error.code}: ` : ''}${text}`);
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
