package main

import (
	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/services"
)

// residence is the municipality of residence of the facts of loket check,
// looked up across the example centres and the centre shown.
type residence struct {
	ce      *centre.Centre // the centre shown
	finding centre.Finding
	served  bool // ce serves the municipality on the facts' date
}

// residence looks up the municipality of the facts in the example centres,
// with ce (the centre shown) in place of the example of its id.
func (c *context) residence(ce *centre.Centre, facts eligibility.Facts) (*residence, error) {
	cs := centre.Examples()
	replaced := false
	for i, x := range cs {
		if x.ID == ce.ID {
			cs[i], replaced = ce, true
		}
	}
	if !replaced {
		cs = append(cs, ce)
	}
	f, err := centre.Find(cs, facts.Municipality, facts.Date)
	if err != nil {
		return nil, err
	}
	r := &residence{ce: ce, finding: f}
	for _, x := range f.Centres {
		r.served = r.served || x == ce
	}
	return r, nil
}

// forResident reports whether service s is for the person: a service for
// everyone, or one for residents of the service area when the centre
// serves the municipality.
func (r *residence) forResident(s services.Service) bool {
	return !s.For.ServiceAreaOnly || r.served
}

// notForYou says that service s is only for residents of the centre's
// service area, which the municipality is not in.
func (r *residence) notForYou(p *i18n.Printer, s services.Service) string {
	where := r.finding.Municipality.Name
	if where == "" {
		where = r.finding.Query
	}
	data := map[string]any{"Service": p.Text(s.Name), "ID": s.ID, "Centre": p.Text(r.ce.Name), "Municipality": where}
	if area := p.Text(r.ce.ServiceArea.Name); area != "" {
		data["Area"] = area
		return p.T("areas.check.not_for_you_area", data)
	}
	return p.T("areas.check.not_for_you", data)
}

// residenceJSON is "residence" in the JSON of loket check (docs/json.md).
type residenceJSON struct {
	Query        string           `json:"query"`
	Municipality *municipalityRef `json:"municipality"`
	Served       bool             `json:"served"`
	Centres      []string         `json:"centres"`
	Answer       string           `json:"answer"`
}

func (r *residence) json(p *i18n.Printer) *residenceJSON {
	out := &residenceJSON{Query: r.finding.Query, Municipality: ref(r.finding.Municipality), Served: r.served,
		Centres: []string{}, Answer: r.finding.In(p.Language())}
	for _, c := range r.finding.Centres {
		out.Centres = append(out.Centres, c.ID)
	}
	return out
}
