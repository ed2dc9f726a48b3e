package report

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/municipality"
	"github.com/expatcentre/loket/services"
)

// Residence is the municipality where the person of a check will live
// (the fact municipality), looked up across centres with centre.Find,
// and whether the centre shown serves it.
type Residence struct {
	Centre  *centre.Centre // the centre shown
	Finding centre.Finding
	Served  bool // Centre serves the municipality on the facts' date
}

// FindResidence looks up the municipality of facts in cs, with ce (the
// centre shown) in place of the centre of its id, or added when cs has
// none. It returns nil without an error when the facts name no
// municipality, and centre.Find's error for a query it refuses.
func FindResidence(ce *centre.Centre, cs []*centre.Centre, facts eligibility.Facts) (*Residence, error) {
	if facts.Municipality == "" {
		return nil, nil
	}
	all := slices.Clone(cs)
	replaced := false
	for i, x := range all {
		if x.ID == ce.ID {
			all[i], replaced = ce, true
		}
	}
	if !replaced {
		all = append(all, ce)
	}
	f, err := centre.Find(all, facts.Municipality, facts.Date)
	if err != nil {
		return nil, err
	}
	r := &Residence{Centre: ce, Finding: f}
	for _, x := range f.Centres {
		r.Served = r.Served || x == ce
	}
	return r, nil
}

// ForResident reports whether service s is for the person: a service for
// everyone, or one for residents of the service area when the centre
// serves the municipality.
func (r *Residence) ForResident(s services.Service) bool {
	return !s.For.ServiceAreaOnly || r.Served
}

// ResidenceJSON is the residence of the answer of `loket check`.
type ResidenceJSON struct {
	Query        string           `json:"query"`
	Municipality *MunicipalityRef `json:"municipality"`
	Served       bool             `json:"served"`
	Centres      []string         `json:"centres"`
	Answer       string           `json:"answer"`
}

// MunicipalityRef is a municipality by its CBS code and name.
type MunicipalityRef struct {
	Code string  `json:"code"`
	Name *string `json:"name"`
}

// Ref returns the reference to m, or nil for the zero Municipality.
func Ref(m municipality.Municipality) *MunicipalityRef {
	if m.Code == "" {
		return nil
	}
	return &MunicipalityRef{Code: string(m.Code), Name: OrNull(m.Name)}
}

// JSON returns r as the answer of `loket check` has it, worded by p.
func (r *Residence) JSON(p *i18n.Printer) *ResidenceJSON {
	out := &ResidenceJSON{Query: r.Finding.Query, Municipality: Ref(r.Finding.Municipality), Served: r.Served,
		Centres: []string{}, Answer: r.Finding.In(p.Language())}
	for _, c := range r.Finding.Centres {
		out.Centres = append(out.Centres, c.ID)
	}
	return out
}

// Object is a JSON object whose keys keep their order.
type Object []Field

// Field is a key of a JSON object and its value.
type Field struct {
	Key   string
	Value json.RawMessage
}

// MarshalJSON writes the object with its keys in order.
func (o Object) MarshalJSON() ([]byte, error) {
	b := []byte{'{'}
	for i, f := range o {
		if i > 0 {
			b = append(b, ',')
		}
		k, err := json.Marshal(f.Key)
		if err != nil {
			return nil, err
		}
		b = append(append(append(b, k...), ':'), f.Value...)
	}
	return append(b, '}'), nil
}

// ordered returns fields as an Object: the keys of first in that order,
// then the others sorted.
func ordered(fields map[string]json.RawMessage, first ...string) Object {
	var out Object
	for _, k := range first {
		if v, ok := fields[k]; ok {
			out = append(out, Field{k, v})
			delete(fields, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		out = append(out, Field{k, fields[k]})
	}
	return out
}
