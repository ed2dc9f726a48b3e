// Package eligibility decides, as rules as code in the style of OpenFisca
// and Catala, who is eligible for which residence route in the Netherlands
// and why: facts in, an outcome per route out, each with reasons that cite
// the rule (a stable code) and the legal parameters it used. The routes and
// outcomes are the vocabulary of package route; which services of an expat
// centre to book next is the centre's advice (its file's book_next), which
// package services joins with a result.
//
//	rules, err := eligibility.Default()      // once
//	facts, err := eligibility.ParseFacts(b)  // the JSON contract
//	res, err := rules.Check(facts)           // many times
//
// # Routes and what they require
//
//   - eu-citizen: a national of the EU, the EEA or Switzerland needs no
//     residence permit; the next step is registration in the municipal
//     personal records database (BRP). The list of countries is the
//     parameter free-movement.countries.
//   - highly-skilled-migrant (kennismigrant): an employer recognised by the
//     IND as a sponsor, and a gross monthly salary (without holiday
//     allowance) of at least the income criterion: the amount for 30 or
//     older from the 30th birthday, the amount for under 30 before it, or
//     the reduced amount. The reduced amount applies during or straight
//     after an orientation year (orientation_year_permit), and within 3
//     years after completing a programme or research that qualifies for an
//     orientation year (degree and graduated_on), whether or not the person
//     had one; a foreign bachelor's degree does not qualify. Without the
//     facts that decide it, and a salary between the amounts, the route
//     needs information and names them.
//   - eu-blue-card (Directive (EU) 2021/1883): no recognised sponsor needed,
//     a contract of at least 6 months (Article 5(1)(a)) and the Blue Card
//     income criterion, or from 12 June 2024 the reduced one within 3 years
//     after graduating (Article 5(5)). The age does not matter.
//   - researcher (Directive (EU) 2016/801): the research organisation must
//     be recognised by the IND for research (research_organisation_recognised,
//     Article 9; an employer's recognised_sponsor is not it). A researcher
//     is exempt from the income criteria of the highly skilled migrant
//     scheme, but must have sufficient means of support (Article 7; the
//     IND: "sufficient, long-term and independent means of support"). No
//     amount for them was found, and loket does not assess them: the reason
//     means-not-assessed has the effect [NotAssessed], so the route is
//     needs-information at best, never eligible, with no fact to give.
//   - orientation-year (zoekjaar hoogopgeleiden): a programme or research
//     of the IND's categories ([Degree], the fact degree), completed within
//     3 years before the reference date, and no orientation year after that
//     programme yet (orientation_year_used): one per programme completed.
//     There is no income criterion.
//   - family-member: joining a highly skilled migrant, or a holder of an EU
//     Blue Card (Directive (EU) 2021/1883, Article 17), a researcher
//     (Directive (EU) 2016/801, Article 26) or an intra-corporate
//     transferee (Directive 2014/66/EU, Article 19), named by the fact
//     family_of. Family of an EU citizen falls under free movement instead.
//   - intra-corporate-transferee (Directive 2014/66/EU): a manager,
//     specialist or trainee employee; at least 3 months employed within the
//     group before the transfer (Article 5(1)(b), the Dutch choice in its
//     range of 3 to 12); a transfer of at most 3 years, 1 year for a trainee
//     (Article 12(1)); no recognised sponsor needed. Managers and
//     specialists must meet the highly skilled migrant amount for their age,
//     which the IND uses as the market-conform salary; no amount is encoded
//     for trainees.
//
// Every route but eu-citizen first checks the nationality: an EU, EEA or
// Swiss national is not eligible for a permit because they need none, and
// the result points to BRP registration.
//
// # Outcomes
//
// A route is [route.NotEligible] when a criterion definitely fails, else
// [route.NeedsInformation] when a fact that decides a criterion is missing (the
// result names it; a fact that could not change the outcome is not asked
// for: a salary above every threshold that could apply needs no age) or a
// criterion is one that loket does not assess (the researcher's means of
// support; no fact is named), else [route.Eligible]. Eligible means the criteria encoded here are met; the IND's
// general requirements (a valid passport, no danger to public order, a
// tuberculosis test, diploma evaluation, a market-conform salary) are not
// assessed.
//
// # Facts
//
// The JSON contract of "loket check" and the widget is one object, read by
// [ParseFacts]; every member but date and nationality may be left out or
// null:
//
//	date                              the reference date, YYYY-MM-DD
//	nationality                       ISO 3166-1 alpha-2 code
//	birth_date, age                   the age on the date (either)
//	purpose                           the route asked about, listed first
//	gross_monthly_salary              euros, without holiday allowance
//	recognised_sponsor                the employer of a highly skilled migrant is a recognised sponsor
//	graduated_on                      the day the programme of degree was completed (research: ended)
//	degree                            the programme, one of the IND's categories:
//	                                  dutch-bachelor, dutch-master, dutch-phd, dutch-postdoctoral,
//	                                  erasmus-mundus-master, foreign-top-200,
//	                                  cultural-policy-programme, development-cooperation-programme,
//	                                  scientific-research; not qualifying: foreign-bachelor, other
//	orientation_year_permit           holds an orientation-year permit or applies straight after it
//	orientation_year_used             already had an orientation year after this programme
//	research_organisation_recognised  the research organisation is recognised by the IND for research
//	contract_months                   the contract (a transfer) in months
//	family_of                         the route of the person a family member joins
//	ict_role                          manager, specialist or trainee
//	group_employment_months           months within the group before a transfer
//	municipality                      where the person will live: a CBS code or a name
//	                                  (decides no route; see centre.Find)
//
// # Dates
//
// Everything is counted on the reference date, Facts.Date. A salary equal
// to a threshold meets it. The age goes up on the birthday. A window of N
// years after a date includes the N-th anniversary and ends with it; an
// anniversary of 29 February is 1 March in a common year (for birthdays
// too).
//
// # Legal parameters
//
// Every legal number is data in params/*.yaml, embedded in the package: per
// parameter id a description, a unit (EUR, years, months, countries),
// "indexed: yearly" for amounts the IND indexes every 1 January, and a list
// of values, each with the date it is valid from, the value (null: the rule
// did not exist yet), an https source, a note and, for a value its source
// does not confirm, "verified: false"; each parameter is a
// [dated.Series] of them:
//
//	income.highly-skilled-migrant.30-plus:
//	  description: highly skilled migrant aged 30 or over on the reference date
//	  unit: EUR
//	  indexed: yearly
//	  values:
//	    - from: 2026-01-01
//	      value: 5942
//	      source: https://ind.nl/en/required-amounts-income-requirements
//	      note: indexation of 1 January 2026
//
// The rules ask for "the value on this date". A reference date before the
// first value ([Rules.Start], 2024-01-01) is an error. After the last known
// value, that value applies; from one year after the last value of a yearly
// indexed parameter (from 2027-01-01 for the amounts of 2026-01-01) a newer
// indexation is due that the files do not have, and the result is marked
// [Result.Outdated].
//
// [Compile] reports every error of every parameter file at once, each with
// its file, line, column and field path, and a suggestion for a misspelt
// field or parameter id.
//
// A route that does not apply because another one does names that route
// ([RouteResult.Instead]): an EU citizen asking about a residence permit is
// not eligible for it, and the eu-citizen route applies instead.
//
// # Messages
//
// A [Reason] has a stable Code; its message is "eligibility."+Code in the
// i18n bundle (i18n/locales/eligibility.nl.toml and eligibility.en.toml),
// filled with [Reason.TemplateData] by [Reason.Message]. [Result.Contract]
// gives the JSON contract of "loket check --format json" and the widget.
package eligibility
