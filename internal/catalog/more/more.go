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

// form is the name the generated tables use.
type form = catalog.Form

// table is these messages.
var table = catalog.Table{IDs: ids[:], Msgs: msgs[:]}

// Has reports whether the tables have message id.
func Has(id string) bool { return table.Has(id) }

// IDs returns the ids of every message, sorted: a new slice on each call.
func IDs() []string { return append([]string(nil), ids[:]...) }

// T returns message id in language l with data filled in, as catalog.T
// does; "[id]" for an id these tables lack or a placeholder missing from
// data.
func T(l text.Lang, id string, data map[string]any) string { return table.T(l, id, data) }
