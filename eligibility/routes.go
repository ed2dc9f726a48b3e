package eligibility

import (
	"github.com/rickb777/date/v2"

	"github.com/expatcentre/loket/route"
)

// The reason codes. Each is the last part of a message id
// ("eligibility.salary-meets-threshold") and is stable: tests, message
// files and the widget refer to it.
const (
	// Nationality.
	codeFreeMovement = "free-movement-national" // EU/EEA/Swiss: no permit, register in the BRP
	codeThirdCountry = "third-country-national" // not EU/EEA/Swiss: free movement does not apply

	// The employer or research organisation.
	codeSponsorRecognised        = "sponsor-recognised"
	codeSponsorNotRecognised     = "sponsor-not-recognised"
	codeSponsorUnknown           = "sponsor-unknown"
	codeSponsorNotRequired       = "sponsor-not-required"
	codeInstitutionRecognised    = "institution-recognised"
	codeInstitutionNotRecognised = "institution-not-recognised"
	codeInstitutionUnknown       = "institution-unknown"

	// Which income criterion applies.
	codeThresholdReduced        = "threshold-reduced" // EU Blue Card: graduated recently
	codeThresholdReducedDegree  = "threshold-reduced-degree"
	codeThresholdReducedOY      = "threshold-reduced-orientation-year"
	codeDegreeNotQualifying     = "degree-not-qualifying"
	codeThreshold30Plus         = "threshold-30-plus"
	codeThresholdUnder30        = "threshold-under-30"
	codeGraduationOutsideWindow = "graduation-outside-reduced-window"
	codeBlueCardReducedNotYet   = "blue-card-reduced-not-in-force"

	// The income criterion.
	codeSalaryMeets        = "salary-meets-threshold"
	codeSalaryBelow        = "salary-below-threshold"
	codeSalaryMeetsEvery   = "salary-meets-every-threshold"
	codeSalaryBelowEvery   = "salary-below-every-threshold"
	codeSalaryUnknown      = "salary-unknown"
	codeSalaryTierUnknown  = "salary-and-threshold-unknown"
	codeThresholdUndecided = "threshold-undetermined"
	codeSalaryExempt       = "salary-exempt"
	codeTraineeSalary      = "trainee-salary-not-assessed"
	codeMeansNotAssessed   = "means-not-assessed"

	// The EU Blue Card contract.
	codeContractMeets   = "contract-meets-minimum"
	codeContractBelow   = "contract-below-minimum"
	codeContractUnknown = "contract-unknown"

	// The orientation year.
	codeDegreeQualifies     = "degree-qualifies"
	codeDegreeUnknown       = "degree-unknown"
	codeGraduatedWithin     = "graduated-within-window"
	codeGraduatedOutside    = "graduated-outside-window"
	codeGraduatedUnknown    = "graduation-unknown"
	codeOrientationYearUsed = "orientation-year-used"
	codeOrientationYearFree = "orientation-year-not-used"
	codeOrientationYearAsk  = "orientation-year-use-unknown"

	// Family members.
	codeFamilyOfWorker    = "family-of-knowledge-migrant"
	codeFamilyOfEUCitizen = "family-of-eu-citizen"
	codeFamilyOfOther     = "family-of-other-route"
	codeFamilyOfUnknown   = "family-of-unknown"

	// Intra-corporate transferees.
	codeICTRoleUnknown         = "ict-role-unknown"
	codeGroupEmploymentMeets   = "group-employment-meets-minimum"
	codeGroupEmploymentBelow   = "group-employment-below-minimum"
	codeGroupEmploymentUnknown = "group-employment-unknown"
	codeTransferWithin         = "transfer-within-maximum"
	codeTransferTooLong        = "transfer-exceeds-maximum"
	codeTransferUnknown        = "transfer-duration-unknown"
)

// ReasonCodes returns every reason code the rules can give, in a stable
// order: each needs a message in every language.
func ReasonCodes() []string {
	return []string{
		codeFreeMovement, codeThirdCountry,
		codeSponsorRecognised, codeSponsorNotRecognised, codeSponsorUnknown, codeSponsorNotRequired,
		codeInstitutionRecognised, codeInstitutionNotRecognised, codeInstitutionUnknown,
		codeThresholdReduced, codeThresholdReducedDegree, codeThresholdReducedOY, codeDegreeNotQualifying,
		codeThreshold30Plus, codeThresholdUnder30, codeGraduationOutsideWindow, codeBlueCardReducedNotYet,
		codeSalaryMeets, codeSalaryBelow, codeSalaryMeetsEvery, codeSalaryBelowEvery, codeSalaryUnknown, codeSalaryTierUnknown,
		codeThresholdUndecided, codeSalaryExempt, codeTraineeSalary, codeMeansNotAssessed,
		codeContractMeets, codeContractBelow, codeContractUnknown,
		codeDegreeQualifies, codeDegreeUnknown, codeGraduatedWithin, codeGraduatedOutside, codeGraduatedUnknown,
		codeOrientationYearUsed, codeOrientationYearFree, codeOrientationYearAsk,
		codeFamilyOfWorker, codeFamilyOfEUCitizen, codeFamilyOfOther, codeFamilyOfUnknown,
		codeICTRoleUnknown, codeGroupEmploymentMeets, codeGroupEmploymentBelow, codeGroupEmploymentUnknown,
		codeTransferWithin, codeTransferTooLong, codeTransferUnknown,
	}
}

// arena holds the slices of one check's results: the routes take
// capacity-limited windows of them, so that a check allocates a few large
// slices rather than many small ones.
type arena struct {
	reasons []Reason
	params  []Param
	args    []Arg
	strs    []string
}

// newArena returns an arena for n routes.
func newArena(n int) *arena {
	return &arena{
		reasons: make([]Reason, 0, 3*n),
		params:  make([]Param, 0, 2*n),
		args:    make([]Arg, 0, 2*n),
		strs:    make([]string, 0, 4*n),
	}
}

// window returns the elements of s from start, with no room to append
// into the arena's next elements, or nil when there are none.
func window[T any](s []T, start int) []T {
	if len(s) == start {
		return nil
	}
	return s[start:len(s):len(s)]
}

// eval decides one route: the rules add reasons, the reasons decide the
// outcome.
type eval struct {
	r     *Rules
	f     Facts
	d     date.Date
	a     *arena
	rr    RouteResult
	first int // the route's first reason in a.reasons
}

func (r *Rules) route(f Facts, rt route.Route, a *arena) RouteResult {
	e := eval{r: r, f: f, d: f.Date, a: a, rr: RouteResult{Route: rt}, first: len(a.reasons)}
	switch rt {
	case route.EUCitizen:
		e.euCitizen()
	case route.HighlySkilledMigrant:
		e.highlySkilledMigrant()
	case route.EUBlueCard:
		e.euBlueCard()
	case route.Researcher:
		e.researcher()
	case route.OrientationYear:
		e.orientationYear()
	case route.FamilyMember:
		e.familyMember()
	case route.IntraCorporateTransferee:
		e.intraCorporateTransferee()
	}
	e.rr.Reasons = window(a.reasons, e.first)
	e.decide()
	return e.rr
}

// add appends a reason, copying params and args into the arena.
func (e *eval) add(code string, eff Effect, params []Param, args ...Arg) {
	e.addMissing(code, eff, nil, params, args...)
}

// need appends an Unknown reason that the facts named by missing decide.
func (e *eval) need(code string, missing []string, params []Param, args ...Arg) {
	e.addMissing(code, Unknown, missing, params, args...)
}

func (e *eval) addMissing(code string, eff Effect, missing []string, params []Param, args ...Arg) {
	a := e.a
	p, g, s := len(a.params), len(a.args), len(a.strs)
	a.params = append(a.params, params...)
	a.args = append(a.args, args...)
	a.strs = append(a.strs, missing...)
	a.reasons = append(a.reasons, Reason{Code: code, Effect: eff,
		Params: window(a.params, p), Args: window(a.args, g), Missing: window(a.strs, s)})
}

// decide sets the outcome, the missing facts and the route that applies
// instead from the reasons.
func (e *eval) decide() {
	var decisive string
	e.rr.Outcome = route.Eligible
	for _, rs := range e.rr.Reasons {
		switch rs.Effect {
		case Failed:
			if e.rr.Outcome != route.NotEligible {
				decisive = rs.Code
			}
			e.rr.Outcome = route.NotEligible
		case Unknown, NotAssessed:
			if e.rr.Outcome == route.Eligible {
				e.rr.Outcome = route.NeedsInformation
			}
		}
	}
	a := e.a
	if e.rr.Outcome == route.NeedsInformation {
		start := len(a.strs)
		for _, rs := range e.rr.Reasons {
			for _, m := range rs.Missing {
				if !contains(a.strs[start:], m) {
					a.strs = append(a.strs, m)
				}
			}
		}
		e.rr.Missing = window(a.strs, start)
	}
	if decisive == codeFreeMovement {
		e.rr.Instead = route.EUCitizen
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func params(ps ...Param) []Param { return ps }

// freeMovement reports whether the nationality has free movement on the
// reference date.
func (e *eval) freeMovement() bool {
	v, _ := e.r.freeMovement.at(e.d)
	_, ok := v.Value.set[e.f.Nationality]
	return ok
}

// thirdCountry is the first rule of every residence permit route: nationals
// of the EU, the EEA and Switzerland need no permit. It reports whether the
// route's other rules apply.
func (e *eval) thirdCountry() bool {
	if e.freeMovement() {
		e.add(codeFreeMovement, Failed, nil, Arg{"nationality", e.f.Nationality})
		return false
	}
	return true
}

func (e *eval) euCitizen() {
	if e.freeMovement() {
		e.add(codeFreeMovement, Met, nil, Arg{"nationality", e.f.Nationality})
	} else {
		e.add(codeThirdCountry, Failed, nil, Arg{"nationality", e.f.Nationality})
	}
}

// age returns the age on the reference date, if known.
func (e *eval) age() (int, bool) {
	switch {
	case e.f.Age != nil:
		return *e.f.Age, true
	case e.f.BirthDate != nil:
		return ageOn(*e.f.BirthDate, e.d), true
	}
	return 0, false
}

// graduation reports whether the reference date lies within window years
// after graduation (up to and including the anniversary), and the last day
// of the window; known is false when the graduation date is not.
func (e *eval) graduation(window Param) (within, known bool, until date.Date) {
	if e.f.GraduatedOn == nil {
		return false, false, 0
	}
	until = e.f.GraduatedOn.AddDate(int(window.Value), 0, 0)
	return e.d <= until, true, until
}

// graduationArgs are the args of a reason about the graduation window.
func (e *eval) graduationArgs(until date.Date) (graduatedOn, last Arg) {
	return Arg{"graduated_on", *e.f.GraduatedOn}, Arg{"until", until}
}

// sponsor is the recognised sponsor rule of the highly skilled migrant.
func (e *eval) sponsor() {
	switch s := e.f.RecognisedSponsor; {
	case s == nil:
		e.need(codeSponsorUnknown, []string{"recognised_sponsor"}, nil)
	case *s:
		e.add(codeSponsorRecognised, Met, nil)
	default:
		e.add(codeSponsorNotRecognised, Failed, nil)
	}
}

func (e *eval) highlySkilledMigrant() {
	if !e.thirdCountry() {
		return
	}
	e.sponsor()
	red := e.hsmReduced(e.r.hsmWindow.must("years", e.d))
	red.threshold = e.r.hsmReduced.must("threshold_reduced", e.d)
	e.salary(&red, e.ageTiers())
}

// A reduced is whether a reduced income criterion applies: yes, no, or
// unknown until the facts of missing are given.
type reduced struct {
	threshold Param
	applies   bool
	unknown   bool
	missing   []string
}

// hsmReduced decides whether the reduced income criterion of a highly
// skilled migrant applies, adding the reason that decides it: during or
// straight after an orientation year it does; else it does within window
// years after completing a programme that qualifies for an orientation
// year (whether or not the person had one). A foreign bachelor's degree
// does not qualify.
func (e *eval) hsmReduced(window Param) reduced {
	oy := e.f.OrientationYearPermit
	if oy != nil && *oy {
		e.add(codeThresholdReducedOY, Info, nil)
		return reduced{applies: true}
	}
	var missing []string
	within, known, until := e.graduation(window)
	switch deg := e.f.Degree; {
	case known && !within:
		g, u := e.graduationArgs(until)
		e.add(codeGraduationOutsideWindow, Info, params(window), g, u)
	case deg != "" && !deg.Qualifies():
		e.add(codeDegreeNotQualifying, Info, nil, Arg{"degree", deg})
	case known && deg != "":
		g, u := e.graduationArgs(until)
		e.add(codeThresholdReducedDegree, Info, params(window), Arg{"degree", deg}, g, u)
		return reduced{applies: true}
	default:
		if !known {
			missing = append(missing, "graduated_on")
		}
		if deg == "" {
			missing = append(missing, "degree")
		}
	}
	// Not through the degree (or not known): only an orientation year can
	// still make it apply.
	if oy == nil {
		missing = append(missing, "orientation_year_permit")
	}
	return reduced{unknown: len(missing) > 0, missing: missing}
}

// ageTiers returns the income criteria by age of the highly skilled migrant
// scheme.
func (e *eval) ageTiers() []tier {
	boundary := e.r.ageBoundary.must("age", e.d)
	return []tier{
		{code: codeThreshold30Plus, threshold: e.r.hsm30Plus.must("threshold_30_plus", e.d), boundary: boundary, over: true},
		{code: codeThresholdUnder30, threshold: e.r.hsmUnder30.must("threshold_under_30", e.d), boundary: boundary},
	}
}

// A tier is one income criterion that may apply.
type tier struct {
	code      string // the reason that says this tier applies; "" for the only tier
	threshold Param
	boundary  Param // for an age tier: the age boundary
	over      bool  // for an age tier: from the boundary on (else below it)
}

// salary is the income criterion. The reduced tier (nil when it does not
// exist) applies when red says so, else one of the regular tiers: the
// only one, or the one for the age. When a fact that picks the tier is
// missing, every tier it could pick is tried: if the salary meets them all
// or none, the outcome does not depend on the fact.
func (e *eval) salary(red *reduced, regular []tier) {
	var cands []tier
	var redTier tier
	gradUnknown := false
	if red != nil {
		redTier = tier{threshold: red.threshold}
		switch {
		case red.applies:
			cands = []tier{redTier}
		case red.unknown:
			gradUnknown = true
		}
	}
	ageUnknown := false
	var regCands []tier
	if cands == nil {
		if len(regular) == 1 {
			regCands = regular
		} else if age, ok := e.age(); ok {
			for _, t := range regular {
				if t.over == (age >= int(t.boundary.Value)) {
					regCands = []tier{t}
					e.add(t.code, Info, params(t.boundary), Arg{"applicant_age", age})
				}
			}
		} else {
			ageUnknown = true
			regCands = regular
		}
		if gradUnknown {
			cands = append(cands, redTier)
		}
		cands = append(cands, regCands...)
	}

	if e.f.GrossMonthlySalary == nil {
		missing := []string{"gross_monthly_salary"}
		var ps []Param
		if len(cands) == 1 {
			ps = params(named(cands[0].threshold, "threshold"))
		} else {
			if gradUnknown {
				missing = append(missing, red.missing...)
			}
			if ageUnknown {
				missing = append(missing, "birth_date")
			}
			for _, c := range cands {
				ps = append(ps, c.threshold)
			}
		}
		code := codeSalaryUnknown
		if len(cands) > 1 {
			code = codeSalaryTierUnknown
		}
		e.need(code, missing, ps)
		return
	}
	salary := *e.f.GrossMonthlySalary
	arg := Arg{"salary", salary}
	meets := func(t tier) bool { return salary >= t.threshold.Cents() }
	if len(cands) == 1 {
		if meets(cands[0]) {
			e.add(codeSalaryMeets, Met, params(named(cands[0].threshold, "threshold")), arg)
		} else {
			e.add(codeSalaryBelow, Failed, params(named(cands[0].threshold, "threshold")), arg)
		}
		return
	}
	lo, hi := cands[0], cands[0]
	nMeet := 0
	for _, c := range cands {
		if meets(c) {
			nMeet++
		}
		if c.threshold.Value < lo.threshold.Value {
			lo = c
		}
		if c.threshold.Value > hi.threshold.Value {
			hi = c
		}
	}
	switch nMeet {
	case len(cands):
		if len(regCands) == 1 {
			// Only whether the reduced criterion applies is unknown, and
			// the salary meets the regular one anyway.
			e.add(codeSalaryMeets, Met, params(named(regCands[0].threshold, "threshold")), arg)
			return
		}
		e.add(codeSalaryMeetsEvery, Met, params(named(hi.threshold, "threshold")), arg)
		return
	case 0:
		e.add(codeSalaryBelowEvery, Failed, params(named(lo.threshold, "threshold")), arg)
		return
	}
	// The tier decides: ask for the facts that pick it.
	var missing []string
	if gradUnknown {
		for _, c := range regCands {
			if meets(c) != meets(redTier) {
				missing = append(missing, red.missing...)
				break
			}
		}
	}
	if ageUnknown && len(regCands) > 1 && meets(regCands[0]) != meets(regCands[1]) {
		missing = append(missing, "birth_date")
	}
	ps := make([]Param, 0, len(cands))
	for _, c := range cands {
		ps = append(ps, c.threshold)
	}
	e.need(codeThresholdUndecided, missing, ps, arg)
}

// named returns p under another name.
func named(p Param, name string) Param {
	p.Name = name
	return p
}

func (e *eval) euBlueCard() {
	if !e.thirdCountry() {
		return
	}
	e.add(codeSponsorNotRequired, Info, nil)
	minimum := e.r.blueCardContract.must("months", e.d)
	switch c := e.f.ContractMonths; {
	case c == nil:
		e.need(codeContractUnknown, []string{"contract_months"}, params(minimum))
	case *c >= int(minimum.Value):
		e.add(codeContractMeets, Met, params(minimum), Arg{"contract_months", *c})
	default:
		e.add(codeContractBelow, Failed, params(minimum), Arg{"contract_months", *c})
	}
	window := e.r.blueCardWindow.must("years", e.d)
	regular := []tier{{threshold: e.r.blueCard.must("threshold_regular", e.d)}}
	threshold, ok := e.r.blueCardReduced.param("threshold_reduced", e.d)
	within, known, until := e.graduation(window)
	if !ok {
		if within {
			g, u := e.graduationArgs(until)
			e.add(codeBlueCardReducedNotYet, Info, nil, g, u, Arg{"since", e.r.blueCardReducedSince})
		}
		e.salary(nil, regular)
		return
	}
	// Article 5(5): any higher education qualification obtained within
	// the window.
	red := reduced{threshold: threshold}
	switch {
	case within:
		g, u := e.graduationArgs(until)
		e.add(codeThresholdReduced, Info, params(window), g, u)
		red.applies = true
	case known:
		g, u := e.graduationArgs(until)
		e.add(codeGraduationOutsideWindow, Info, params(window), g, u)
	default:
		red.unknown, red.missing = true, []string{"graduated_on"}
	}
	e.salary(&red, regular)
}

// researcher is the researcher of Directive (EU) 2016/801: a research
// organisation recognised for research, no income criterion of a highly
// skilled migrant, and sufficient means of support, which loket does not
// assess: the route is never eligible here.
func (e *eval) researcher() {
	if !e.thirdCountry() {
		return
	}
	switch s := e.f.ResearchOrganisationRecognised; {
	case s == nil:
		e.need(codeInstitutionUnknown, []string{"research_organisation_recognised"}, nil)
	case *s:
		e.add(codeInstitutionRecognised, Met, nil)
	default:
		e.add(codeInstitutionNotRecognised, Failed, nil)
	}
	e.add(codeSalaryExempt, Info, nil)
	e.add(codeMeansNotAssessed, NotAssessed, nil)
}

// orientationYear is the orientation year: a qualifying degree, completed
// within the window, and no orientation year after it yet. There is no
// income criterion.
func (e *eval) orientationYear() {
	if !e.thirdCountry() {
		return
	}
	switch deg := e.f.Degree; {
	case deg == "":
		e.need(codeDegreeUnknown, []string{"degree"}, nil)
	case deg.Qualifies():
		e.add(codeDegreeQualifies, Met, nil, Arg{"degree", deg})
	default:
		e.add(codeDegreeNotQualifying, Failed, nil, Arg{"degree", deg})
	}
	window := e.r.orientationWindow.must("years", e.d)
	within, known, until := e.graduation(window)
	switch {
	case !known:
		e.need(codeGraduatedUnknown, []string{"graduated_on"}, params(window))
	case within:
		g, u := e.graduationArgs(until)
		e.add(codeGraduatedWithin, Met, params(window), g, u)
	default:
		g, u := e.graduationArgs(until)
		e.add(codeGraduatedOutside, Failed, params(window), g, u)
	}
	switch used := e.f.OrientationYearUsed; {
	case used == nil:
		e.need(codeOrientationYearAsk, []string{"orientation_year_used"}, nil)
	case *used:
		e.add(codeOrientationYearUsed, Failed, nil)
	default:
		e.add(codeOrientationYearFree, Met, nil)
	}
}

func (e *eval) familyMember() {
	if !e.thirdCountry() {
		return
	}
	switch of := e.f.FamilyOf; of {
	case "":
		e.need(codeFamilyOfUnknown, []string{"family_of"}, nil)
	case route.HighlySkilledMigrant, route.EUBlueCard, route.Researcher, route.IntraCorporateTransferee:
		e.add(codeFamilyOfWorker, Met, nil, Arg{"family_of", of})
	case route.EUCitizen:
		e.add(codeFamilyOfEUCitizen, Failed, nil, Arg{"family_of", of})
	default:
		e.add(codeFamilyOfOther, Failed, nil, Arg{"family_of", of})
	}
}

func (e *eval) intraCorporateTransferee() {
	if !e.thirdCountry() {
		return
	}
	e.add(codeSponsorNotRequired, Info, nil)
	role := e.f.ICTRole
	if role == "" {
		e.need(codeICTRoleUnknown, []string{"ict_role"}, nil)
	}
	minimum := e.r.ictGroupMinimum.must("months", e.d)
	switch g := e.f.GroupEmploymentMonths; {
	case g == nil:
		e.need(codeGroupEmploymentUnknown, []string{"group_employment_months"}, params(minimum))
	case *g >= int(minimum.Value):
		e.add(codeGroupEmploymentMeets, Met, params(minimum), Arg{"group_employment_months", *g})
	default:
		e.add(codeGroupEmploymentBelow, Failed, params(minimum), Arg{"group_employment_months", *g})
	}
	maxManager := e.r.ictMaxManager.must("months", e.d)
	maxTrainee := e.r.ictMaxTrainee.must("months", e.d)
	maximum := maxManager
	if role == Trainee {
		maximum = maxTrainee
	}
	c := e.f.ContractMonths
	switch {
	case c == nil && role != "":
		e.need(codeTransferUnknown, []string{"contract_months"}, params(maximum))
	case c == nil:
		e.need(codeTransferUnknown, []string{"contract_months"}, nil)
	case role == "" && *c <= int(min(maxManager.Value, maxTrainee.Value)):
		e.add(codeTransferWithin, Met, params(named(maxTrainee, "months")), Arg{"contract_months", *c})
	case role == "" && *c > int(max(maxManager.Value, maxTrainee.Value)):
		e.add(codeTransferTooLong, Failed, params(named(maxManager, "months")), Arg{"contract_months", *c})
	case role == "":
		// The maximum depends on the role, which is asked for above.
	case *c <= int(maximum.Value):
		e.add(codeTransferWithin, Met, params(maximum), Arg{"contract_months", *c})
	default:
		e.add(codeTransferTooLong, Failed, params(maximum), Arg{"contract_months", *c})
	}
	switch role {
	case Manager, Specialist:
		e.salary(nil, e.ageTiers())
	case Trainee:
		e.add(codeTraineeSalary, Info, nil)
	}
}
