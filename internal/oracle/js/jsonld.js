// jsonld.js expands JSON-LD documents with jsonld.js (the reference for
// loket's schema.org export, package export), offline: the schema.org
// context is read from the file named by the first argument and served
// for https://schema.org (and its other spellings); any other URL fails.
//
// Input on stdin: a JSON list of documents. Output: a JSON list with, for
// each, {"expanded": [...]} or {"error": s}. Expansion runs in safe mode,
// so that a term the context does not define (which would be dropped) is
// an error.
'use strict';

const fs = require('fs');
const jsonld = require('jsonld');

const context = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const urls = new Set(['https://schema.org', 'https://schema.org/', 'http://schema.org', 'http://schema.org/',
    'https://schema.org/docs/jsonldcontext.jsonld']);

async function documentLoader(url) {
    if (urls.has(url)) {
        return { contextUrl: null, document: context, documentUrl: url };
    }
    throw new Error('no network in tests: ' + url);
}

async function main() {
    let input = '';
    for await (const c of process.stdin) input += c;
    const out = [];
    for (const doc of JSON.parse(input)) {
        try {
            out.push({ expanded: await jsonld.expand(doc, { documentLoader, safe: true }) });
        } catch (e) {
            out.push({ error: String(e && e.message || e) + (e && e.details ? ' ' + JSON.stringify(e.details) : '') });
        }
    }
    process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
