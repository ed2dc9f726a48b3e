// Package holidays is the calendar of Dutch holidays: the public holidays of
// the Algemene termijnenwet, Good Friday as an observance, and carnival as a
// regional holiday in Limburg and North Brabant.
//
// Every date is computed, none is listed: Easter by the anonymous Gregorian
// (Meeus/Jones/Butcher) algorithm, the movable feasts from Easter, and the
// fixed days by the rule that was in force in each year. The calendar covers
// the years [FirstYear] to [LastYear]; a date outside that range has no
// holidays, and [Calendar.Year] returns nil for a year outside it.
//
// # Which days are public
//
// A [Public] holiday is an "algemeen erkende feestdag" of article 3(1) of the
// Algemene termijnenwet (Wet van 25 juli 1964, Stb. 1964, 314, in force since
// 1 April 1965; https://wetten.overheid.nl/BWBR0002448): Nieuwjaarsdag, the
// Christian second Easter and Whit days, both Christmas days, Ascension Day,
// the day on which the King's birthday is celebrated, and 5 May. The Act
// names only the second Easter and Whit days because the first ones are
// always Sundays, which it already treats like holidays (art. 1); this
// package marks Eerste Paasdag and Eerste Pinksterdag Public as well, as the
// government's list of official holidays does
// (https://www.rijksoverheid.nl/onderwerpen/arbeidsovereenkomst-en-cao/vraag-en-antwoord/officiele-feestdagen).
//
// Good Friday is not in article 3(1): article 3(2) equates it with those days
// for computing time limits only, and whether it is a day off is left to
// employers, so it is an [Observance].
//
// Each year gets the list of article 3(1) as it was worded then: 5 May is in
// it from 1982 (see Bevrijdingsdag below). The Act applies from 1 April 1965;
// for the years before, this package applies the list as the Act first
// worded it to the days then celebrated (Koninginnedag on the Queen's
// birthday, but not 5 May), so that Public means one thing in every year:
// a day of that list, never a day off that a government or employer granted.
//
// # Rules and their sources
//
//   - Koningsdag ("kingsday"), from 2014: 27 April, or 26 April when the 27th
//     is a Sunday. Besluit van 30 januari 2013, nr. 13.000173 (Stcrt. 2013,
//     4075; https://wetten.overheid.nl/BWBR0032908), in force 1 January 2014.
//   - Koninginnedag ("queensday"), 1949 to 2013: 30 April, Queen Juliana's
//     birthday, kept by Queen Beatrix. When 30 April was a Sunday it moved to
//     Monday 1 May in 1949-1979 and to Saturday 29 April from 1980
//     (koninklijk besluit van 24 april 1980, nr. 11, revoked by the 2013
//     decree above; https://nl.wikipedia.org/wiki/Koninginnedag). 30 April 1980 was a Wednesday, so the change of rule in
//     1980 moves no date.
//   - Koninginnedag ("queensday") before 1949: 31 August, Queen Wilhelmina's
//     birthday, celebrated as Koninginnedag from 1891 to 1948
//     (https://nl.wikipedia.org/wiki/Koningsdag). It is kept on 31 August
//     even when that is a Sunday, as date-holidays 3.37.0 does (rule
//     "08-31 since 1891 and prior to 1949"); no source at hand documents a
//     Sunday rule for those years.
//   - Bevrijdingsdag ("liberation-day"), 5 May, from 1946, when the
//     government moved the national celebration of the liberation from
//     31 August to 5 May; absent before 1946. Public from 1982, an
//     Observance in 1946-1981. The Algemene termijnenwet as enacted in 1964
//     (Stb. 1964, 314) did not list 5 May, not even in lustrum years. A bill
//     sent to the Tweede Kamer on 18 June 1981 added "de vijfde mei" to
//     article 3(1) (https://nl.wikipedia.org/wiki/Algemene_termijnenwet,
//     "Wetsgeschiedenis"), and the amendment applied from 1982: the
//     Nationaal Comité 4 en 5 mei writes that 5 May "in 1982 tot algemeen
//     erkende feestdag werd uitgeroepen"
//     (https://www.4en5mei.nl/vieren/geschiedenis-5-mei), NRC wrote in 1990
//     that "bij de overheid geldt 5 mei sinds 1982 als vrije dag"
//     (https://www.nrc.nl/nieuws/1990/09/22/kabinet-roept-5-mei-uit-tot-een-nationale-feestdag-6941709-a571532),
//     and python-holidays dates the Act's change 5 January 1982
//     (https://github.com/vacanza/holidays/blob/main/holidays/countries/netherlands.py). Its
//     Staatsblad number and the exact day it took effect were not found;
//     every source puts it before 5 May 1982, the only day of that year
//     that matters here. The decree of 12 March 1982, nr. 1, that made
//     5 May a national holiday and the decree of 24 September 1990 that
//     replaced it with a yearly one (https://wetten.overheid.nl/BWBR0031337/1990-12-01)
//     do not change the Act, so they change nothing here. Before 1982 the
//     day off in lustrum years was a government decision for civil servants
//     (1958; https://www.4en5mei.nl/herdenken-en-vieren/veelgestelde-vragen/tijdlijn-4-en-5-mei),
//     not a feestdag of a law: those years are Observances, with
//     [Holiday.Lustrum] set. Lustrum is set in every year divisible by 5,
//     when many collective labour agreements give the day off. In 1946-1967
//     the celebration moved off a Sunday; that is not modelled.
//     Sources: https://nl.wikipedia.org/wiki/Bevrijdingsdag,
//     https://www.nrc.nl/nieuws/2020/05/04/75-jaar-vrijheid-a3998655.
//   - Movable feasts, every year, from Easter Sunday: Good Friday -2, Easter
//     Monday +1, Ascension Day +39, Whit Sunday +49, Whit Monday +50.
//   - Carnival (Vastelaovend), a [Regional] holiday in the calendars of
//     NL-LI (Limburg) and NL-NB (North Brabant): the Sunday, Monday and
//     Tuesday before Ash Wednesday, Easter -49, -48 and -47. It is no day off
//     by law; a centre in the south may choose to close.
package holidays
