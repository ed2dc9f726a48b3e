// holidays.js prints the Dutch holidays of npm date-holidays as JSON, for the
// differential test in schedule/holidays/oracle_test.go.
//
// Usage: node holidays.js FROM TO [STATE...]
//
// For every year FROM..TO it prints date-holidays' holidays of the country
// NL (all types: public, bank, school, optional, observance) and of each
// requested state that date-holidays knows (getStates). A requested state
// that it does not know is left out of "regions", not silently replaced by
// the national calendar (which is what new Holidays('NL', 'LI') would give).
//
// Output:
//   {"version": "3.37.0",
//    "states": {"GR": "Groningen", ...},
//    "regions": {"": [{"year": 1990, "holidays": [
//        {"date": "1990-01-01", "type": "public", "name": "Nieuwjaar",
//         "nameEn": "New Year's Day", "rule": "01-01", "substitute": false}, ...]}, ...],
//                "LI": [...]}}
'use strict';

const Holidays = require('date-holidays');
const { version } = require('date-holidays/package.json');

const [from, to] = process.argv.slice(2, 4).map(Number);
const wanted = process.argv.slice(4);
if (!Number.isInteger(from) || !Number.isInteger(to) || from > to) {
  process.stderr.write('usage: node holidays.js FROM TO [STATE...]\n');
  process.exit(2);
}

const states = new Holidays().getStates('NL') || {};

function years(hd) {
  const out = [];
  for (let year = from; year <= to; year++) {
    const en = hd.getHolidays(year, 'en');
    const holidays = hd.getHolidays(year, 'nl').map((h, i) => ({
      // h.date is the local date in the country's zone: "YYYY-MM-DD hh:mm:ss".
      date: h.date.slice(0, 10),
      type: h.type,
      name: h.name,
      nameEn: en[i].name,
      rule: h.rule,
      substitute: Boolean(h.substitute),
    }));
    out.push({ year, holidays });
  }
  return out;
}

const regions = { '': years(new Holidays('NL')) };
for (const state of wanted) {
  if (Object.prototype.hasOwnProperty.call(states, state)) {
    regions[state] = years(new Holidays('NL', state));
  }
}

process.stdout.write(JSON.stringify({ version, states, regions }) + '\n');
