export const id = 718;
export const ids = [718];
export const modules = {

/***/ 9718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   importDevtron: () => (/* binding */ importDevtron)
/* harmony export */ });
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9563);

/** Not written yet: see issue 15. */
const importDevtron = () => {
    throw new _model_js__WEBPACK_IMPORTED_MODULE_0__/* .ImportError */ .Yw('devtron', 'this source is not supported yet');
};


/***/ }),

/***/ 9563:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ destinationKey),
/* harmony export */   Yw: () => (/* binding */ ImportError),
/* harmony export */   mC: () => (/* binding */ secretCollector)
/* harmony export */ });
/* unused harmony export secretName */
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
 * Collects the secrets of one import: `secret(key, field, description)` gives the `${NAME}` to write in the field and
 * records the secret to create (once per name).
 */
function secretCollector() {
    const secrets = [];
    return {
        secrets,
        secret(key, field, description) {
            const name = secretName(key, field);
            if (!secrets.some((known) => known.name === name))
                secrets.push({ name, description });
            return `\${${name}}`;
        },
    };
}


/***/ })

};
