package neo4j

import (
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/internal/testkit"
)

// TestWriteLiteral: values written for this test, with the Cypher literal
// each must give. (The server reads every literal back: TestHostileText.)
func TestWriteLiteral(t *testing.T) {
	tests := []struct {
		name string
		v    any
		want string
	}{
		{"plain string", "Ada North", `'Ada North'`},
		{"quotes and backslash", `O'Brien "x" \n`, `'O\'Brien "x" \\n'`},
		{"backtick and braces", "`a` {b} $c", "'`a` {b} $c'"},
		{"newline and tab", "a\nb\tc", `'a\u000Ab\u0009c'`},
		{"non-ASCII", "Zoë 東", `'Zo\u00EB \u6771'`},
		{"outside the BMP", "😀", `'\uD83D\uDE00'`},
		{"invalid UTF-8", "a\xffb", `'a\uFFFDb'`},
		{"integer", int64(-42), `-42`},
		{"whole float", 3.0, `3.0`},
		{"small float", 1e-7, `1e-07`},
		{"NaN", math.NaN(), `0.0/0.0`},
		{"bool", true, `true`},
		{"null", nil, `null`},
		{"date", driver.DateOf(time.Date(2025, 3, 2, 0, 0, 0, 0, time.UTC)), `date('2025-03-02')`},
		{"string list", []string{"a", "b'"}, `['a', 'b\'']`},
		{"empty list", []string{}, `[]`},
		{"int list", []int64{1, 2}, `[1, 2]`},
		{"map with sorted keys", map[string]any{"b": int64(1), "a": "x", "odd key": false}, "{a: 'x', b: 1, `odd key`: false}"},
		{"list of maps", []map[string]any{{"k": "v"}}, `[{k: 'v'}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			writeLiteral(&b, tc.v)
			if b.String() != tc.want {
				t.Errorf("got %s, want %s", b.String(), tc.want)
			}
		})
	}
}

// TestValidIdentifier: the identifier set of labels and relationship types.
func TestValidIdentifier(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"Person", true}, {"MET_WITH", true}, {"_x1", true},
		{"", false}, {"1ABC", false}, {"MET WITH", false}, {"A`B", false}, {"A-B", false},
		{"Zoë", false}, {"A}", false}, {strings.Repeat("A", 65), false},
	}
	for _, tc := range tests {
		t.Run(tc.s, func(t *testing.T) {
			if got := ValidIdentifier(tc.s); got != tc.want {
				t.Errorf("ValidIdentifier(%q) = %v, want %v", tc.s, got, tc.want)
			}
		})
	}
}

// TestBatches: rows are cut in order into batches of at most size rows.
func TestBatches(t *testing.T) {
	rows := make([]record, 5)
	tests := []struct {
		name string
		size int
		want []int
	}{
		{"one batch", 10, []int{5}},
		{"exact", 5, []int{5}},
		{"remainder", 2, []int{2, 2, 1}},
		{"one by one", 1, []int{1, 1, 1, 1, 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []int
			for _, b := range batches(rows, tc.size) {
				got = append(got, len(b))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// TestGrass: docs/kg.grass styles every label kg writes with a colour and a
// caption, and its braces balance.
func TestGrass(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(testkit.Root(t), "docs", "kg.grass"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	rule := regexp.MustCompile(`(?m)^(node|relationship)(\.\w+)? \{\n((?:  [a-z-]+: [^\n]+;\n)+)\}\n`)
	rules := map[string]string{}
	for _, m := range rule.FindAllStringSubmatch(text, -1) {
		rules[m[1]+m[2]] = m[3]
	}
	if got := len(rule.FindAllString(text, -1)); got != strings.Count(text, "\n}\n") {
		t.Errorf("%d well-formed rules but %d closing braces", got, strings.Count(text, "\n}\n"))
	}
	for _, sel := range []string{"node", "relationship", "node.Entity", "node.Article", "node.Person", "node.Institution", "node.Place", "node.Document", "relationship.MENTIONED_IN"} {
		body, ok := rules[sel]
		if !ok {
			t.Errorf("no rule for %s", sel)
			continue
		}
		if !strings.Contains(body, "caption:") || !strings.Contains(body, "color: #") {
			t.Errorf("rule %s has no colour or caption:\n%s", sel, body)
		}
	}
}
