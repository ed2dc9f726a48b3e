package schedule_test

import (
	"fmt"
	"time"

	"github.com/expatcentre/loket/schedule"
	"github.com/expatcentre/loket/schedule/osm"
)

func ExampleSchedule_NextChange() {
	s, _ := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off")
	christmas := time.Date(2026, 12, 25, 10, 0, 0, 0, s.Location())
	next, ok := s.NextChange(christmas)
	fmt.Println(s.State(christmas).Holiday.Name.EN, "-", next, ok)
	// Output: Christmas Day - 2026-12-29 09:00:00 +0100 CET true
}

func ExampleSchedule_Intervals() {
	s, _ := osm.Parse(`Tu,Th 09:00-12:30 open "by appointment"; Fr 22:00-02:00`)
	from := time.Date(2026, 12, 21, 0, 0, 0, 0, s.Location())
	for _, iv := range s.Intervals(from, from.AddDate(0, 0, 7)) {
		fmt.Println(iv.Start.Format("Mon 02 15:04"), "-", iv.End.Format("Mon 02 15:04"), iv.Comment)
	}
	// Output:
	// Tue 22 09:00 - Tue 22 12:30 by appointment
	// Thu 24 09:00 - Thu 24 12:30 by appointment
	// Fri 25 22:00 - Sat 26 02:00
}

// A compiled schedule travels as data: its binary form loads without the
// compilers, on a server or in a browser, and answers alike.
func ExampleUnmarshal() {
	compiled, _ := osm.Parse("Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off")
	data, err := compiled.MarshalBinary()
	if err != nil {
		fmt.Println(err)
		return
	}
	s, err := schedule.Unmarshal(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2026, 12, 25, 10, 0, 0, 0, s.Location())
	next, _ := s.NextChange(at)
	fmt.Println(s, "|", s.State(at).Holiday.Name.NL, "| opens", next.Format("Mon 2 Jan 15:04"))
	// Output: Tu,Th 09:00-12:30; Fr 13:30-17:00; PH off | Eerste Kerstdag | opens Tue 29 Dec 09:00
}
