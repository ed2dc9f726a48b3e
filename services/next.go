package services

import (
	"github.com/expatcentre/loket/eligibility"
	"github.com/expatcentre/loket/route"
)

// BookNext returns the services that the centre advises to book after the
// eligibility result rr of one route (the centre file's book_next, see
// [centre.Centre.BookNext]), in the order of the visits: those for rr's
// route and outcome or, when another route applies instead
// ([eligibility.RouteResult.Instead], such as free movement for an EU
// citizen who asks about a residence permit), those for that route when
// eligible. It returns none when the centre gives no advice for them.
func (c *Catalogue) BookNext(rr eligibility.RouteResult) []Service {
	r, o := rr.Route, rr.Outcome
	if rr.Instead != "" {
		r, o = rr.Instead, route.Eligible
	}
	advised := c.centre.BookNext(r, o)
	if len(advised) == 0 {
		return nil
	}
	out := make([]Service, len(advised))
	for i, s := range advised {
		out[i] = Service{s}
	}
	return out
}

// BookNextIDs returns the IDs of the services of [Catalogue.BookNext]: the
// form eligibility.Result.Contract takes them in.
func (c *Catalogue) BookNextIDs(rr eligibility.RouteResult) []string {
	ss := c.BookNext(rr)
	ids := make([]string, len(ss))
	for i, s := range ss {
		ids[i] = s.ID
	}
	return ids
}
