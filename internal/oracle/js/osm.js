// osm.js evaluates OpenStreetMap opening_hours expressions with
// opening_hours.js (the reference for loket's schedule package).
//
// Input: JSON lines on stdin, one request per line:
//
//   {"expr": "Mo-Fr 09:00-17:00", "probes": [ms, ...], "horizon_ms": N,
//    "plain": b}
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
// "next" is oh.getNextChange(new Date(p), new Date(p + horizon_ms)),
// computed by a walker (below) that gives exactly its results, or, with
// "plain": true, by calling it. The oracle throws 'Fatal: infinite loop in nextChange' on some DST days; the
// message is reported in "next_error" (and "state_error" when even the state
// cannot be computed) instead of stopping the run.
//
// Run with TZ=Europe/Amsterdam: opening_hours.js evaluates in the process's
// local time zone. Each answer is written as soon as its request is handled,
// so one node process can serve a whole test (internal/oracle.Pool).
'use strict';

const opening_hours = require('opening_hours');
const readline = require('readline');

const nominatim = { address: { country_code: 'nl' } };

function message(e) {
    if (e instanceof Error) return e.message;
    return String(e);
}

// A walker answers getState and getNextChange for one opening_hours object
// with exactly the results of oh.getIterator(d) and oh.getNextChange(d,
// limit), faster when it is asked many times.
//
// getNextChange walks a chain of instants: from d, each step goes to the
// change date of getStatePair at the current instant (the iterator's
// advance), and it returns the first instant of the chain whose state
// (open, unknown) differs from the state at d, before limit. getStatePair is
// a function of the instant alone, so chains from different probes meet
// (typically at a midnight) and go on together. The walker keeps, for every
// instant of a chain and every initial state, where the walk from there
// ends: at a change, at the end of the chain (no change date), or at a
// throw (getStatePair throws there, or the change date does not move
// forward: 'Fatal: infinite loop in nextChange'). An end is then compared
// with the limit as advance compares the instants of the chain with it: an
// end at or after the limit is none. Without it, an expression that never
// changes walks its five-year horizon day by day once per probe.
//
// With {"plain": true} in a request, osm.js calls getNextChange itself; the
// differential test's TestOSMJSWalkerIsGetNextChange compares the two.
function walker(oh) {
    const pairs = new Map(); // ms -> {open, unknown, next (ms or undefined)} or {error}
    // For each initial state (open, unknown, closed), ms -> the end of the
    // walk from ms, or {from} to go on from there.
    const ends = { o: new Map(), u: new Map(), c: new Map() };

    function pair(ms) {
        let p = pairs.get(ms);
        if (p === undefined) {
            try {
                const s = oh.getStatePair(new Date(ms));
                p = { open: s[0], unknown: s[2], next: typeof s[1] === 'undefined' ? undefined : s[1].getTime() };
            } catch (e) {
                p = { error: message(e) };
            }
            pairs.set(ms, p);
        }
        return p;
    }

    // end returns where the walk from ms for the initial state (open,
    // unknown) ends before limit: {at, change: true} at the first instant
    // after ms with another state, {at: Infinity} when the chain ends, {at,
    // error} when it throws at instant at, and undefined when it reaches an
    // instant at or after limit first. The instants it passes remember the
    // end, or, when it reached the limit, that instant to go on from.
    function end(ms, limit, open, unknown) {
        const memo = ends[open ? 'o' : unknown ? 'u' : 'c'];
        const path = [];
        let res, at = ms;
        for (;;) {
            if (at >= limit && at !== ms) break;
            const known = memo.get(at);
            if (known !== undefined && known.from === undefined) {
                res = known;
                break;
            }
            path.push(at);
            if (known !== undefined) {
                at = known.from;
                continue;
            }
            const p = pair(at);
            if (p.error !== undefined) {
                res = { at, error: p.error };
                break;
            }
            if (p.next === undefined) {
                res = { at: Infinity };
                break;
            }
            if (p.next <= at) {
                res = { at, error: 'Fatal: infinite loop in nextChange' };
                break;
            }
            const q = pair(p.next);
            if (q.error === undefined && (q.open !== open || q.unknown !== unknown)) {
                res = { at: p.next, change: true };
                break;
            }
            at = p.next;
        }
        const known = res === undefined ? { from: at } : res;
        for (const x of path) memo.set(x, known);
        return res;
    }

    return {
        // nextChange is oh.getNextChange(new Date(ms), new Date(limit)):
        // the change in ms, undefined for none, or it throws.
        nextChange(ms, limit) {
            const p = pair(ms);
            if (p.error !== undefined) throw p.error;
            if (limit <= ms) return undefined;
            const e = end(ms, limit, p.open, p.unknown);
            if (e === undefined || e.at >= limit) return undefined;
            if (e.error !== undefined) throw e.error;
            return e.at;
        },
    };
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
    const w = req.plain ? null : walker(oh);
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
                if (w) {
                    const next = w.nextChange(ms, ms + horizon);
                    r.next = next === undefined ? null : next;
                } else {
                    const next = oh.getNextChange(d, new Date(ms + horizon));
                    r.next = next === undefined ? null : next.getTime();
                }
            } catch (e) {
                r.next = null;
                r.next_error = message(e);
            }
            return r;
        }),
    };
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
    if (line.trim() === '') return;
    let res;
    try {
        res = handle(JSON.parse(line));
    } catch (e) {
        res = { error: 'osm.js: ' + message(e) };
    }
    // One write per answer: a pool (internal/oracle.Pool) waits for it
    // before it sends the next request. Writes to a pipe are synchronous.
    process.stdout.write(JSON.stringify(res) + '\n');
});
