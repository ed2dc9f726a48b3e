package route_test

import (
	"fmt"

	"github.com/expatcentre/loket/route"
)

func ExampleParse() {
	r, err := route.Parse("eu-blue-card")
	fmt.Println(r == route.EUBlueCard, err)
	_, err = route.Parse("blue-card")
	fmt.Println(err)
	// Output:
	// true <nil>
	// unknown route "blue-card": want one of eu-citizen, highly-skilled-migrant, eu-blue-card, researcher, orientation-year, family-member, intra-corporate-transferee
}
