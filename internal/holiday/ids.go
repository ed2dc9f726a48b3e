package holiday

// IDs returns the id of every holiday the calendar knows, in every region
// and year, sorted: the values a closure policy may name.
func IDs() []string {
	ids := make([]string, numHolidays)
	for h := range numHolidays {
		ids[h] = h.id()
	}
	return ids
}
