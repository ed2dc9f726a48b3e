// osm.js evaluates OpenStreetMap opening_hours expressions with
// opening_hours.js (the reference for loket's schedule package).
//
// Input: JSON lines on stdin, one request per line:
//
//   {"expr": "Mo-Fr 09:00-17:00", "probes": [ms, ...], "horizon_ms": N}
//   {"expr": "...", "states_at": [ms, ...]}
//   {"expr": "...", "changes_from": ms, "changes_to": ms, "max_changes": N}
//
// Output: one JSON line per input line, in order:
//
//   {"error": "..."}                        the expression does not parse
//   {"probes": [{"open": b, "unknown": b, "comment": s|null,
//                "next": ms|null, "next_error": s?}, ...]}
//   {"states": [{"open": b, "unknown": b, "comment": s|null}, ...]}
//                                           for states_at
//   {"changes": [ms, ...]}                  successive getNextChange results
//                                           from changes_from (stops at the
//                                           first throw, see "changes_error")
//
// "next" is oh.getNextChange(new Date(p), new Date(p + horizon_ms)). The
// oracle throws 'Fatal: infinite loop in nextChange' on some DST days; the
// message is reported in "next_error" (and "state_error" when even the state
// cannot be computed) instead of stopping the run.
//
// Run with TZ=Europe/Amsterdam: opening_hours.js evaluates in the process's
// local time zone. All requests are handled by one node process, streaming.
'use strict';

const opening_hours = require('opening_hours');
const readline = require('readline');

const nominatim = { address: { country_code: 'nl' } };

function message(e) {
    if (e instanceof Error) return e.message;
    return String(e);
}

function handle(req) {
    let oh;
    try {
        oh = new opening_hours(req.expr, nominatim);
    } catch (e) {
        return { error: message(e) };
    }
    if (Array.isArray(req.states_at)) {
        return {
            states: req.states_at.map((ms) => {
                try {
                    const it = oh.getIterator(new Date(ms));
                    const c = it.getComment();
                    return { open: it.getState(), unknown: it.getUnknown(), comment: c === undefined ? null : c };
                } catch (e) {
                    return { state_error: message(e) };
                }
            }),
        };
    }
    if (typeof req.changes_from === 'number') {
        const changes = [];
        const out = { changes };
        const limit = new Date(req.changes_to);
        const max = req.max_changes || 1000;
        let d = new Date(req.changes_from);
        try {
            while (changes.length < max) {
                const next = oh.getNextChange(d, limit);
                if (next === undefined) break;
                changes.push(next.getTime());
                d = next;
            }
        } catch (e) {
            out.changes_error = message(e);
        }
        return out;
    }
    const horizon = req.horizon_ms;
    return {
        probes: (req.probes || []).map((ms) => {
            const r = {};
            const d = new Date(ms);
            try {
                const it = oh.getIterator(d);
                r.open = it.getState();
                r.unknown = it.getUnknown();
                const c = it.getComment();
                r.comment = c === undefined ? null : c;
            } catch (e) {
                r.state_error = message(e);
                return r;
            }
            try {
                const next = oh.getNextChange(d, new Date(ms + horizon));
                r.next = next === undefined ? null : next.getTime();
            } catch (e) {
                r.next = null;
                r.next_error = message(e);
            }
            return r;
        }),
    };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
rl.on('line', (line) => {
    if (line.trim() === '') return;
    let res;
    try {
        res = handle(JSON.parse(line));
    } catch (e) {
        res = { error: 'osm.js: ' + message(e) };
    }
    out.push(JSON.stringify(res));
    if (out.length >= 256) {
        process.stdout.write(out.join('\n') + '\n');
        out.length = 0;
    }
});
rl.on('close', () => {
    if (out.length) process.stdout.write(out.join('\n') + '\n');
});
