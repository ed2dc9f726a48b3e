// intl_dates.js prints what CLDR (through Node's ICU) gives for the dates,
// time spans and relative times that the i18n package formats, as JSON: the
// golden data of i18n/golden_test.go. It needs no npm package.
//
// Usage (run once, from the repository root, and commit the result):
//
//   node internal/oracle/js/intl_dates.js > i18n/testdata/cldr_dates.json
//
// Dutch is nl-NL and English is en-GB (day before month, 24-hour clock), in
// the time zone Europe/Amsterdam. The output records the versions of Node,
// ICU and CLDR that produced it. Sections:
//
//   date         Intl.DateTimeFormat {weekday, day, month, year: long/numeric},
//                one date per weekday and one per month of 2026
//   day_at_time  the same without the year, with hour and minute: the
//                "opens Tuesday 29 December at 09:00" part of a status
//   date_span    formatRange of two instants on one day with
//                {weekday, day, month, year, hour, minute}
//   relative     Intl.RelativeTimeFormat {numeric: 'auto'}
'use strict';

const tz = 'Europe/Amsterdam';
const locales = { nl: 'nl-NL', en: 'en-GB' };

function each(fn) {
  const out = {};
  for (const [lang, locale] of Object.entries(locales)) out[lang] = fn(locale);
  return out;
}

// Noon in Amsterdam (UTC+1 or +2) is on the same calendar day in UTC.
const noon = (d) => new Date(d + 'T11:00:00Z');

const dates = [];
// One per weekday: Monday 21 to Sunday 27 December 2026.
for (let day = 21; day <= 27; day++) dates.push(`2026-12-${day}`);
// One per month, with one- and two-digit days.
for (let m = 1; m <= 12; m++) {
  dates.push(`2026-${String(m).padStart(2, '0')}-${String(1 + ((m * 5) % 28)).padStart(2, '0')}`);
}

const long = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: tz };
const date = dates.map((d) => ({
  date: d,
  ...each((l) => new Intl.DateTimeFormat(l, long).format(noon(d))),
}));

const atTime = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: tz };
const dayAtTime = [
  '2026-12-29T09:00:00+01:00',
  '2026-12-31T13:30:00+01:00',
  '2027-01-05T09:00:00+01:00',
  '2026-07-14T08:30:00+02:00',
].map((at) => ({ at, ...each((l) => new Intl.DateTimeFormat(l, atTime).format(new Date(at))) }));

const spanOpts = { ...long, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const dateSpan = [
  ['2026-12-03T09:00:00+01:00', '2026-12-03T12:30:00+01:00'],
  ['2026-12-25T13:30:00+01:00', '2026-12-25T17:00:00+01:00'],
  ['2026-07-14T08:30:00+02:00', '2026-07-14T16:45:00+02:00'],
  ['2026-03-29T03:00:00+02:00', '2026-03-29T05:00:00+02:00'],
].map(([start, end]) => ({
  start,
  end,
  ...each((l) => new Intl.DateTimeFormat(l, spanOpts).formatRange(new Date(start), new Date(end))),
}));

const relative = [
  [0, 'second'],
  [1, 'minute'], [2, 'minute'], [15, 'minute'], [59, 'minute'],
  [-1, 'minute'], [-15, 'minute'],
  [1, 'hour'], [2, 'hour'], [5, 'hour'],
  [-1, 'hour'], [-3, 'hour'],
  [0, 'day'], [1, 'day'], [-1, 'day'],
].map(([value, unit]) => ({
  value,
  unit,
  ...each((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }).format(value, unit)),
}));

const out = {
  produced_by: 'node internal/oracle/js/intl_dates.js > i18n/testdata/cldr_dates.json',
  node: process.version,
  icu: process.versions.icu,
  cldr: process.versions.cldr,
  locales,
  time_zone: tz,
  date,
  day_at_time: dayAtTime,
  date_span: dateSpan,
  relative,
};
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
