package ingest

import (
	"strings"
	"time"

	"github.com/itlightning/dateparse"
)

// normDate returns the calendar date of s as YYYY-MM-DD, or "" when s is not
// a date kg can read. The date is the one written (a time zone offset does
// not move it to another day); years outside 1800–2199 are refused, which
// keeps numbers that happen to parse as timestamps out.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return ""
	}
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.RetryAmbiguousDateWithSwap(true), dateparse.SimpleErrorMessages(true))
	if err != nil {
		// "2019-11-19 and something": keep a leading ISO date.
		if len(s) > 10 {
			if t2, err2 := time.Parse("2006-01-02", s[:10]); err2 == nil {
				t, err = t2, nil
			}
		}
		if err != nil {
			return ""
		}
	}
	if y := t.Year(); y < 1800 || y >= 2200 {
		return ""
	}
	return t.Format("2006-01-02")
}
