package centre

import (
	"slices"
	"strconv"

	"github.com/expatcentre/loket/internal/message"
	"github.com/expatcentre/loket/internal/yamlfile"
	"github.com/expatcentre/loket/route"
)

// Advice is what a centre advises to book after an eligibility check
// gives Outcome for Route: the file's book_next.
type Advice struct {
	Route   route.Route
	Outcome route.Outcome
	// Services are the services to book next, in the order of the visits;
	// each is one of the centre's Services. None means that the centre has
	// nothing to advise.
	Services []*Service
}

// BookNext returns the services the centre advises to book after an
// eligibility check gives the outcome o for the route r, in the order of
// the visits; none when the file gives no advice for them. The slice is
// the centre's and must not be modified. Package services joins an
// eligibility result with this advice (services.Catalogue.BookNext).
func (c *Centre) BookNext(r route.Route, o route.Outcome) []*Service {
	for _, a := range c.Advice {
		if a.Route == r && a.Outcome == o {
			return a.Services
		}
	}
	return nil
}

// adviceConfig is the advice for one route and outcome as written.
type adviceConfig struct {
	route    route.Route
	outcome  route.Outcome
	services []val[string]
}

// bookNext decodes book_next: per route, per outcome, a list of service
// ids.
func (d *decoder) bookNext(a at) []adviceConfig {
	var out []adviceConfig
	routes := route.All()
	rfs := make([]yamlfile.Field, len(routes))
	for i, r := range routes {
		rfs[i] = yamlfile.Field{Name: string(r), Decode: func(a at) {
			outcomes := route.Outcomes()
			ofs := make([]yamlfile.Field, len(outcomes))
			for j, o := range outcomes {
				ofs[j] = yamlfile.Field{Name: string(o), Decode: func(a at) {
					ac := adviceConfig{route: r, outcome: o}
					d.List(a, m("errors.centre.what.service_ids"), func(a at) {
						ac.services = append(ac.services, d.id(a))
					})
					out = append(out, ac)
				}}
			}
			d.Keys(a, m("errors.centre.what.book_next_outcomes"), yamlfile.Outcome, ofs)
		}}
	}
	d.Keys(a, m("errors.centre.what.book_next"), yamlfile.Route, rfs)
	return out
}

// compileAdvice checks that the advice names the centre's services, each
// once per list.
func (d *decoder) compileAdvice(cfgs []adviceConfig, c *Centre) []Advice {
	var out []Advice
	var names []string // of the services, when needed
	for _, ac := range cfgs {
		a := Advice{Route: ac.route, Outcome: ac.outcome, Services: []*Service{}}
		for _, id := range ac.services {
			if !id.OK {
				continue
			}
			s, ok := c.Service(id.V)
			switch {
			case !ok:
				if names == nil {
					names = make([]string, 0, len(c.Services))
					for _, s := range c.Services {
						names = append(names, s.ID)
					}
				}
				d.Report(id.At, yamlfile.WithSuggestion(message.New("errors.centre.unknown_service", map[string]any{"ID": strconv.Quote(id.V)}),
					id.V, names, "errors.centre.services_are"))
			case slices.Contains(a.Services, s):
				d.Fail(id.At, "errors.centre.service_twice", map[string]any{"ID": id.V})
			default:
				a.Services = append(a.Services, s)
			}
		}
		out = append(out, a)
	}
	return out
}
