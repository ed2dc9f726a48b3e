package eligibility

// An Effect says what a [Reason] did to its route's outcome.
type Effect string

// The effects.
const (
	// Met: the reason is a criterion that is met.
	Met Effect = "met"
	// Failed: the reason is a criterion that is not met; the route is
	// not-eligible.
	Failed Effect = "failed"
	// Unknown: the reason is a criterion that a missing fact decides.
	Unknown Effect = "unknown"
	// Info: the reason explains which rule applies (a threshold, an
	// exemption) without deciding anything itself.
	Info Effect = "info"
	// NotAssessed: the reason is a criterion that loket does not assess,
	// such as a researcher's means of support: no fact decides it, and the
	// route needs information (from the IND) however the facts are.
	NotAssessed Effect = "not-assessed"
)
