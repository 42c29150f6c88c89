package exports

import "testing"

func TestDay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024-03-01", "2024-03-01"},           // plain date
		{"2024-03-02T09:30:00Z", "2024-03-02"}, // RFC 3339 date-time
		{"2024-03-02 09:30", "2024-03-02"},     // date and time
		{"2024-02-29", "2024-02-29"},           // leap year
		{"2023-02-29", ""},                     // not a leap year
		{"1900-02-29", ""},                     // century, not a leap year
		{"2000-02-29", "2000-02-29"},           // 400-year leap year
		{"2024-04-31", ""},                     // April has 30 days
		{"2024-13-01", ""},                     // month 13
		{"2024-00-10", ""},                     // month 0
		{"2024-1-01", ""},                      // one-digit month
		{"24-03-01", ""},                       // two-digit year
		{"2024-03-01x", ""},                    // trailing garbage
		{"March 1, 2024", ""},                  // prose
		{"", ""},                               // unknown
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := isoDay(tc.in); got != tc.want {
				t.Errorf("day(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
		removed        int
	}{
		{"clean ASCII", "Ada Quill", "Ada Quill", 0},
		{"allowed whitespace", "a\tb\nc\rd", "a\tb\nc\rd", 0},
		{"NUL and BEL", "a\x00b\x07", "ab", 2},
		{"invalid bytes", "\xc3\x28ok\xff", "(ok", 2},
		{"noncharacters", "\uFFFE\uFFFF", "", 2},
		{"astral plane kept", "𝄞 🎉", "𝄞 🎉", 0},
		{"replacement character kept", "\uFFFD", "\uFFFD", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := 0
			if got := cleanXML(tc.in, &n); got != tc.want || n != tc.removed {
				t.Errorf("clean(%q) = %q, %d removed; want %q, %d", tc.in, got, n, tc.want, tc.removed)
			}
		})
	}
}
