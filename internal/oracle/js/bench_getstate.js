// bench_getstate.js times opening_hours.js's getState over every minute of a
// year, the reference side of BenchmarkIsOpenVsOpeningHoursJS.
//
// Usage: TZ=Europe/Amsterdam node bench_getstate.js [expression] [year] [runs]
//
// Defaults: the acceptance expression, 2026, 5 runs. Prints one JSON line:
//   {"ns_per_op": median ns per getState call over the runs,
//    "open_minutes": minutes for which getState is true,
//    "minutes": getState calls per run, "runs": [ns_per_op of each run],
//    "expr": ..., "year": ...}
// Minutes are counted from local midnight of Jan 1 to local midnight of the
// next Jan 1, one minute apart in absolute time (so a DST year has 525600).
'use strict';

const opening_hours = require('opening_hours');

const expr = process.argv[2] || 'Tu,Th 09:00-12:30; Fr 13:30-17:00; Dec 25-26 off; Jan 01 off';
const year = Number(process.argv[3] || 2026);
const runs = Number(process.argv[4] || 5);

const oh = new opening_hours(expr, { address: { country_code: 'nl' } });
const from = new Date(year, 0, 1).getTime();
const to = new Date(year + 1, 0, 1).getTime();
const minutes = (to - from) / 60000;

// The dates are built before timing, so only getState is measured.
const dates = new Array(minutes);
for (let i = 0; i < minutes; i++) dates[i] = new Date(from + i * 60000);

let open = 0;
const perRun = [];
for (let r = 0; r < runs; r++) {
    let count = 0;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < minutes; i++) {
        if (oh.getState(dates[i])) count++;
    }
    const ns = Number(process.hrtime.bigint() - t0);
    perRun.push(ns / minutes);
    if (r > 0 && count !== open) throw new Error('open minutes differ between runs');
    open = count;
}
const sorted = perRun.slice().sort((a, b) => a - b);
console.log(JSON.stringify({
    ns_per_op: sorted[Math.floor(sorted.length / 2)],
    open_minutes: open,
    minutes,
    runs: perRun,
    expr,
    year,
}));
