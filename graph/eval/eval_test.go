package eval

import (
	"flag"
	"strconv"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Cases written for this test; the expected values were checked against
// score.py's norm (TestSameAsScorePy checks the whole scorer).
func TestNorm(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"case and space", "  Marco   RUBIO ", "marco rubio"},
		{"leading the", "The White House", "white house"},
		{"leading a needs a space", "Abu Dhabi", "abu dhabi"},
		{"leading an", "an Agency", "agency"},
		{"only one article", "the the Band", "the band"},
		{"possessive", "Trump's team", "trump team"},
		{"curly possessive", "Ukraine\u2019s army", "ukraine army"},
		{"'s inside a word kept", "O'sullivan", "osullivan"},
		{"punctuation", "U.S. (Washington)", "us washington"},
		{"hyphens", "28-point  peace--plan", "28 point peace plan"},
		{"underscore is a word char", "x_y", "x_y"},
		{"nfkc", "\ufb01nance \u2460", "finance 1"},
		{"diacritics kept", "Zoë Ferrante", "zoë ferrante"},
		{"dotted capital I", "\u0130zmir", "izmir"},
		{"final sigma", "ΟΔΥΣΣΕΑΣ", "οδυσσεας"},
		{"empty", "", ""},
		{"only punctuation", "...", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Norm(tc.in); got != tc.want {
				t.Errorf("Norm(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// Expected values are Python's repr, float repr and round(x, 3).
func TestPythonFormats(t *testing.T) {
	reprs := []struct{ name, in, want string }{
		{"plain", "abc", `'abc'`},
		{"single quote", "O'Brien", `"O'Brien"`},
		{"both quotes", `a'b"c`, `'a\'b"c'`},
		{"backslash", `a\b`, `'a\\b'`},
		{"tab and newline", "a\tb\n", `'a\tb\n'`},
		{"control", "\x01\x7f", `'\x01\x7f'`},
		{"non-ascii printable", "été", `'été'`},
		{"no-break space", "a\u00a0b", `'a\xa0b'`},
		{"format char", "a\u200bb", `'a\u200bb'`},
	}
	for _, tc := range reprs {
		t.Run("repr/"+tc.name, func(t *testing.T) {
			if got := pyRepr(tc.in); got != tc.want {
				t.Errorf("pyRepr(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
	floats := []struct {
		name string
		in   float64
		want string
	}{
		{"zero", 0, "0.0"},
		{"one", 1, "1.0"},
		{"two thirds", 2.0 / 3, "0.667"},
		{"tie to even down", 0.0625, "0.062"},
		{"tie to even up", 0.1875, "0.188"},
		{"short", 0.5, "0.5"},
		{"small", 0.001, "0.001"},
	}
	for _, tc := range floats {
		t.Run("float/"+tc.name, func(t *testing.T) {
			if got := pyFloat(round3(tc.in)); got != tc.want {
				t.Errorf("pyFloat(round3(%v)) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

func node(id, name, typ string, aliases ...string) graph.Node {
	return graph.Node{ID: id, Name: name, Type: typ, Aliases: aliases}
}

func edge(src, typ, dst string) graph.Edge {
	return graph.Edge{ID: typ + "|" + src + "|" + dst, Source: src, Target: dst, Type: typ}
}

// Each case is a tiny corpus written for this test, one matching rule each.
func TestScoreRules(t *testing.T) {
	gold := &Gold{
		Entities: []Entity{
			{ID: "ana", Type: "Person", Names: []string{"Ana Ruiz", "Ruiz"}},
			{ID: "ben", Type: "Person", Names: []string{"Ben Okafor", "Okafor"}},
			{ID: "bank", Type: "Institution", Names: []string{"Central Bank"}},
			{ID: "lima", Type: "Place", AltTypes: []string{"Institution"}, Names: []string{"Lima"}},
			{ID: "memo", Type: "Document", Names: []string{"rate memo"}},
			{ID: "radio", Type: "Institution", Optional: true, Names: []string{"Radio Sur"}},
		},
		Relations: []Relation{
			{Type: "MET_WITH", Source: []string{"ana"}, Target: []string{"ben"}},
			{Type: "LED", Source: []string{"ana"}, Target: []string{"bank"}},
			{Type: "RESIGNED", Source: []string{"ben"}, Target: []string{"bank"}, AliasTypes: []string{"DISMISSED"}, TargetOptional: true},
			{Type: "PROPOSED", Source: []string{"bank"}, Target: []string{"memo"}},
			{Type: "PROPOSED", Source: []string{"lima"}, Target: []string{"memo"}, Optional: true},
		},
	}
	people := []graph.Node{node("a", "Ana Ruiz", "Person"), node("b", "Okafor", "Person"),
		node("k", "the Central Bank", "Institution"), node("l", "Lima", "Place"), node("m", "Rate-Memo", "Document")}
	tests := []struct {
		name  string
		nodes []graph.Node
		edges []graph.Edge
		kind  string // relation row checked, "" for entities
		want  string // "tp fp found/required" or, for entities, "found/required scored dup wrong"
	}{
		{"entity by alias after name fails", []graph.Node{node("x", "Dr Ruiz?", "Person", "Ruiz")}, nil, "", "1/5 1 0 0"},
		{"entity type alias", []graph.Node{node("x", "Ana Ruiz", "PERSON")}, nil, "", "1/5 1 0 0"},
		{"alt type accepted", []graph.Node{node("x", "Lima", "Institution")}, nil, "", "1/5 1 0 0"},
		{"wrong type", []graph.Node{node("x", "Central Bank", "Place")}, nil, "", "0/5 1 0 1"},
		{"duplicate", []graph.Node{node("x", "Ana Ruiz", "Person"), node("y", "Ruiz", "Person")}, nil, "", "1/5 2 1 0"},
		{"optional not counted", []graph.Node{node("x", "Radio Sur", "Institution")}, nil, "", "0/5 0 0 0"},
		{"unknown is false positive", []graph.Node{node("x", "Nobody", "Person")}, nil, "", "0/5 1 0 0"},
		{"article not scored", []graph.Node{node("x", "Ana Ruiz", "Article")}, nil, "", "0/5 0 0 0"},
		{"met_with forward", people, []graph.Edge{edge("a", "MET_WITH", "b")}, "MET_WITH", "1 0 1/1"},
		{"met_with reversed", people, []graph.Edge{edge("b", "MET_WITH", "a")}, "MET_WITH", "1 0 1/1"},
		{"met_with alias type", people, []graph.Edge{edge("b", "meets with", "a")}, "MET_WITH", "1 0 1/1"},
		{"led is directed", people, []graph.Edge{edge("k", "LED", "a")}, "LED", "0 1 0/1"},
		{"led_by reversed", people, []graph.Edge{edge("k", "LED_BY", "a")}, "LED", "1 0 1/1"},
		{"heads is led", people, []graph.Edge{edge("a", "heads", "k")}, "LED", "1 0 1/1"},
		{"target optional", people, []graph.Edge{edge("b", "RESIGNED", "l")}, "RESIGNED", "1 0 1/1"},
		{"alias type matches in extra", people, []graph.Edge{edge("b", "FIRED", "k")}, "EXTRA", "1 0 0/0"},
		{"optional relation is no false positive", people, []graph.Edge{edge("l", "PROPOSED", "m")}, "PROPOSED", "1 0 0/1"},
		{"unmapped endpoint", people, []graph.Edge{edge("a", "MET_WITH", "zz")}, "MET_WITH", "0 1 0/1"},
		{"all core", people, []graph.Edge{edge("a", "MET_WITH", "b"), edge("a", "LED", "k"), edge("k", "PROPOSED", "m")}, "ALL_CORE", "3 0 3/4"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := Score(gold, &graph.Graph{Format: 1, Nodes: tc.nodes, Edges: tc.edges})
			var got string
			if tc.kind == "" {
				e := res.Entities
				got = strings.Join([]string{itoa(e.Found) + "/" + itoa(e.Required), itoa(e.Scored), itoa(e.Duplicates), itoa(e.WrongType)}, " ")
			} else {
				r := res.Relations[tc.kind]
				got = itoa(r.TP) + " " + itoa(r.FP) + " " + itoa(r.Found) + "/" + itoa(r.Required)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
