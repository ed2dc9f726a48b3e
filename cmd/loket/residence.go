package main

import (
	"github.com/expatcentre/loket/i18n"
	"github.com/expatcentre/loket/internal/report"
	"github.com/expatcentre/loket/services"
)

// notForYou says that service s is only for residents of the centre's
// service area, which the municipality is not in.
func notForYou(p *i18n.Printer, r *report.Residence, s services.Service) string {
	where := r.Finding.Municipality.Name
	if where == "" {
		where = r.Finding.Query
	}
	data := map[string]any{"Service": p.Text(s.Name), "ID": s.ID, "Centre": p.Text(r.Centre.Name), "Municipality": where}
	if area := p.Text(r.Centre.ServiceArea.Name); area != "" {
		data["Area"] = area
		return p.T("areas.check.not_for_you_area", data)
	}
	return p.T("areas.check.not_for_you", data)
}
