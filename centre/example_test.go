package centre_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/expatcentre/loket/centre"
	"github.com/expatcentre/loket/examples/centres"
)

func ExampleDefault() {
	c := centre.Default()
	ind, _ := c.Desk(c.DefaultDesk)
	fmt.Println(c.Name.EN, "-", ind.Name.EN+":", ind.Hours)

	at := time.Date(2026, 12, 22, 10, 0, 0, 0, c.Location)
	next, _ := ind.Schedule.NextChange(at)
	fmt.Println(at.Format("Mon 2 Jan 15:04:"), ind.Schedule.State(at).Kind, "until", next.Format("15:04"))

	at = time.Date(2026, 2, 17, 10, 0, 0, 0, c.Location)
	fmt.Println(at.Format("Mon 2 Jan 15:04:"), ind.Schedule.State(at).Holiday.Name.EN)
	// Output:
	// Maastricht International Centre - IND service point: Tu,Th 09:00-12:30; Fr 13:30-17:00
	// Tue 22 Dec 10:00: open until 12:30
	// Tue 17 Feb 10:00: Carnival Tuesday
}

func ExampleLoad() {
	c, err := centre.Load("example.yaml", []byte(`
id: example
name: {nl: Voorbeeldcentrum, en: Example centre}
desks:
  - id: ind
    name: {nl: IND-servicepunt, en: IND service point}
    hours: Tu,Th 09:00-12:30
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.ID, c.DefaultDesk, c.DefaultLanguage, c.Location)
	// Output:
	// example ind nl Europe/Amsterdam
}

func ExampleErrors() {
	_, err := centre.Load("example.yaml", []byte(`
id: example
name: {nl: Voorbeeldcentrum}
time_zone: Europe/Maastricht
desks:
  - id: ind
    name: {nl: IND-servicepunt, en: IND service point}
    hours: Tu,Th 9h-12:30
    apointment: true
`))
	fmt.Println(err)

	var errs centre.Errors
	if errors.As(err, &errs) {
		fmt.Println(len(errs), "errors; the first is on line", errs[0].Line)
	}
	// Output:
	// example.yaml:3:7: name.en: missing the text in English
	// example.yaml:4:12: time_zone: unknown time zone "Europe/Maastricht": expected an IANA zone name such as Europe/Amsterdam
	// example.yaml:8:18: desks[0].hours: column 7: expected a time like 09:00, found "9h"
	// example.yaml:9:5: desks[0].apointment: unknown field "apointment"; did you mean "appointment"?
	// 4 errors; the first is on line 3
}

func ExampleLoadWithLimits() {
	// A centre file of 2 MiB: a long comment and the Maastricht file.
	data := append([]byte("# "+strings.Repeat("x", 2<<20)+"\n"), centres.Maastricht()...)

	_, err := centre.Load("big.yaml", data)
	fmt.Println(err)
	fmt.Println(errors.Is(err, centre.ErrTooLarge))

	c, err := centre.LoadWithLimits("big.yaml", data, centre.Limits{MaxSize: 4 << 20})
	fmt.Println(c.ID, err)

	// Whatever the size limit, a file nested deeper than MaxDepth is
	// refused before it is parsed.
	_, err = centre.LoadWithLimits("deep.yaml", []byte(strings.Repeat("[", 100_000)), centre.Limits{MaxSize: 4 << 20})
	fmt.Println(err)
	// Output:
	// big.yaml:1:1048577: the file is larger than 1 MiB (1048576 bytes), the most a centre file may have
	// true
	// maastricht <nil>
	// deep.yaml:1:101: lists and mappings nested more than 100 deep: a centre file nests about 6 deep
}
