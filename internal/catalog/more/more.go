// Package more holds the message tables of the areas that only native
// programs word (the command-line tool, eligibility, services' estimates):
// generated with package catalog's (see internal/catalog/build), rendered
// the same way, and kept apart so that the browser build does not carry
// them.
package more

import (
	"github.com/expatcentre/loket/internal/catalog"
	"github.com/expatcentre/loket/text"
)

// form is one language's wording of a message: other, and one for a
// plural message ("" when the message is not plural).
type form struct{ one, other string }

// index returns the place of id in ids, and false when there is none.
func index(id string) (int, bool) {
	lo, hi := 0, len(ids)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if ids[mid] < id {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo, lo < len(ids) && ids[lo] == id
}

// Has reports whether the tables have message id.
func Has(id string) bool {
	_, ok := index(id)
	return ok
}

// IDs returns the ids of every message, sorted: a new slice on each call.
func IDs() []string { return append([]string(nil), ids[:]...) }

// T returns message id in language l with data filled in, as catalog.T
// does; "[id]" for an id these tables lack or a placeholder missing from
// data.
func T(l text.Lang, id string, data map[string]any) string {
	i, ok := index(id)
	if !ok {
		return "[" + id + "]"
	}
	f := msgs[i][l&1]
	tmpl := f.other
	if f.one != "" && catalog.IsOne(data["Count"]) {
		tmpl = f.one
	}
	s, ok := catalog.Render(tmpl, data)
	if !ok {
		return "[" + id + "]"
	}
	return s
}
