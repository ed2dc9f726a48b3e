// osm_intervals.js gives the open and unknown intervals of opening_hours
// values as opening_hours.js evaluates them (oh.getOpenIntervals), for
// loket's OpenStreetMap export (package export).
//
// Input on stdin: a JSON list of requests [{"expr": s, "from": ms, "to":
// ms}, ...]. Output: a JSON list with, for each, {"error": s} when the
// value does not parse, else {"intervals": [[startMs, endMs, unknown],
// ...]}. Run with TZ=Europe/Amsterdam: opening_hours.js evaluates in the
// process's local time zone. PH is the Netherlands' (as in osm.js).
'use strict';

const opening_hours = require('opening_hours');

const nominatim = { address: { country_code: 'nl' } };

function evaluate(req) {
    let oh;
    try {
        oh = new opening_hours(req.expr, nominatim);
    } catch (e) {
        return { error: String(e) };
    }
    const ivs = oh.getOpenIntervals(new Date(req.from), new Date(req.to));
    return { intervals: ivs.map((iv) => [iv[0].getTime(), iv[1].getTime(), iv[2]]) };
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
    process.stdout.write(JSON.stringify(JSON.parse(input).map(evaluate)) + '\n');
});
