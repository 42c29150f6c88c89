package ingest

import (
	"strings"
	"testing"
)

// TestNormDate covers the date forms met in page metadata and jsonl files
// (examples written for this test).
func TestNormDate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"ISO date", "2025-11-30", "2025-11-30"},
		{"RFC 3339 UTC", "2019-11-19T11:00:09.000Z", "2019-11-19"},
		{"offset keeps the written day", "2019-11-19T23:30:00-05:00", "2019-11-19"},
		{"compact", "20191119", "2019-11-19"},
		{"long form", "November 5, 2019", "2019-11-05"},
		{"RFC 1123", "Tue, 19 Nov 2019 11:00:09 GMT", "2019-11-19"},
		{"slashes, US order", "11/19/2019", "2019-11-19"},
		{"slashes, day first", "19/11/2019", "2019-11-19"},
		{"ISO date with trailing words", "2019-11-19 (updated)", "2019-11-19"},
		{"empty", "", ""},
		{"not a date", "yesterday", ""},
		{"year out of range", "1066-10-14", ""},
		{"small number", "12", ""},
		{"too long", strings.Repeat("2019", 20), ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := normDate(tc.in); got != tc.want {
				t.Errorf("normDate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestMDInline covers the inline Markdown cleanup (examples written for
// this test).
func TestMDInline(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Nothing to do.", "Nothing to do."},
		{"strong and emphasis", "**Bold** and *it* and __b__ and _i_.", "Bold and it and b and i."},
		{"emphasis inside a word kept", "un*frigging*believable", "un*frigging*believable"},
		{"strong inside a word dropped", "un**frigging**believable", "unfriggingbelievable"},
		{"snake_case", "call my_func_name now", "call my_func_name now"},
		{"arithmetic", "2 * 3 = 6", "2 * 3 = 6"},
		{"link", "see [the plan](https://e.org/p) now", "see the plan now"},
		{"reference link", "see [the plan][1] now", "see the plan now"},
		{"image dropped", "a ![chart](c.png) b", "a b"},
		{"brackets without link", "a [sic] b", "a [sic] b"},
		{"code", "run `kg build` here", "run kg build here"},
		{"escapes", `\*not\* \_em\_`, "*not* _em_"},
		{"emphasised link", "**[Kyiv](k)** said", "Kyiv said"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := mdInline(tc.in); got != tc.want {
				t.Errorf("mdInline(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestDecode covers the encoding rule on short byte strings written for
// this test.
func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, enc, out string
		repaired           int
		binary             bool
	}{
		{"ascii", "plain", "utf-8", "plain", 0, false},
		{"utf-8", "Kraków", "utf-8", "Kraków", 0, false},
		{"latin-1 wins", "Krak\xf3w and Z\xfcrich", "windows-1252", "Kraków and Zürich", 0, false},
		{"utf-8 wins, one bad byte", "Kraków, Zürich \xff", "utf-8", "Kraków, Zürich \uFFFD", 1, false},
		{"tie goes to utf-8", "Kraków \xff", "utf-8", "Kraków \uFFFD", 1, false},
		{"truncated sequence at the end", "Łódź Łódź \xc5", "utf-8", "Łódź Łódź \uFFFD", 1, false},
		{"one control byte in many", "text\x07" + strings.Repeat(" more", 40), "utf-8", "text\x07" + strings.Repeat(" more", 40), 0, false},
		{"escape sequences", "\x1b[1mbold\x1b[0m", "utf-8", "\x1b[1mbold\x1b[0m", 0, false},
		{"NUL", "a\x00b", "", "", 0, true},
		{"many controls", "\x01\x02\x03abc", "", "", 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := decode([]byte(tc.in), false)
			if tc.binary {
				if err != errBinary {
					t.Fatalf("err %v, want binary", err)
				}
				return
			}
			if err != nil || d.enc != tc.enc || string(d.b) != tc.out || d.repaired != tc.repaired {
				t.Errorf("got %q %q repaired %d err %v; want %q %q repaired %d", d.enc, d.b, d.repaired, err, tc.enc, tc.out, tc.repaired)
			}
		})
	}
}

// TestFlatten checks that flattening keeps text and bounds the depth.
func TestFlatten(t *testing.T) {
	in := []byte(strings.Repeat("<div>", 10) + "<script>var s = '<p>';</script>deep" + strings.Repeat("</div>", 10) + "after")
	out := flatten(in, 4)
	if d := tokenDepth(out); d > 4 {
		t.Errorf("depth %d after flattening to 4: %s", d, out)
	}
	if s := string(out); !strings.Contains(s, "deep") || !strings.Contains(s, "after") || strings.Contains(s, "var s") {
		t.Errorf("flattened: %s", out)
	}
	if got := string(flatten([]byte("<p>a<br>b</p>"), 4)); got != "<p>a<br>b</p>" {
		t.Errorf("shallow input changed: %s", got)
	}
}

// TestDropMenus checks which runs of short lines count as navigation
// (lines written for this test).
func TestDropMenus(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"menu dropped", "Home|News|Sport|Weather|The minister resigned on Monday.", "The minister resigned on Monday."},
		{"three short lines kept", "Home|News|Sport|The minister resigned.", "Home|News|Sport|The minister resigned."},
		{"punctuated short lines kept", "Yes.|No!|Why?|Please.|End.", "Yes.|No!|Why?|Please.|End."},
		{"long lines break a run", "Home|News|The minister resigned on Monday|Sport|Weather", "Home|News|The minister resigned on Monday|Sport|Weather"},
		{"quotes end sentences", "“Go”|“Stop”|“Wait”|“Now”", "“Go”|“Stop”|“Wait”|“Now”"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := strings.Join(dropMenus(strings.Split(tc.in, "|")), "|")
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
