// ical.js expands iCalendar files with Mozilla's ical.js (the reference
// for loket's calendar export, package export).
//
// Input on stdin: a JSON list of requests
//
//   [{"ics": "BEGIN:VCALENDAR...", "from": ms, "to": ms}, ...]
//
// Output: a JSON list with, for each request, the occurrences of its timed
// events that overlap [from, to), cut to it and sorted by start:
//
//   [[{"start": ms, "end": ms, "tentative": b, "summary": s}, ...], ...]
//
// and, for each request, its all-day events under "all_day" instead when
// the request has "all_day": true. Every VTIMEZONE of a calendar is
// registered, so that its times resolve with the calendar's own zone
// definitions, never the machine's; run with TZ=UTC to be sure.
'use strict';

const ICAL = require('ical.js');

function expand(req) {
    const cal = new ICAL.Component(ICAL.parse(req.ics));
    for (const tz of cal.getAllSubcomponents('vtimezone')) {
        ICAL.TimezoneService.register(tz);
    }
    const out = [];
    const allDay = [];
    for (const vevent of cal.getAllSubcomponents('vevent')) {
        const ev = new ICAL.Event(vevent);
        const tentative = vevent.getFirstPropertyValue('status') === 'TENTATIVE';
        const summary = ev.summary;
        const add = (start, end) => {
            if (start.isDate) {
                allDay.push({ start: start.toString(), end: end.toString(), summary,
                    transparent: vevent.getFirstPropertyValue('transp') === 'TRANSPARENT' });
                return;
            }
            let s = start.toJSDate().getTime();
            let e = end.toJSDate().getTime();
            if (e <= req.from || s >= req.to) return;
            out.push({ start: Math.max(s, req.from), end: Math.min(e, req.to), tentative, summary });
        };
        if (!ev.isRecurring()) {
            add(ev.startDate, ev.endDate);
            continue;
        }
        const it = ev.iterator();
        for (let next = it.next(); next; next = it.next()) {
            if (next.toJSDate().getTime() >= req.to) break;
            const d = ev.getOccurrenceDetails(next);
            add(d.startDate, d.endDate);
        }
    }
    out.sort((a, b) => a.start - b.start || a.end - b.end);
    return req.all_day ? allDay : out;
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
    const reqs = JSON.parse(input);
    process.stdout.write(JSON.stringify(reqs.map(expand)) + '\n');
});
