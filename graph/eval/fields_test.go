package eval

import (
	"encoding/json"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestGraphFieldsScorePyReads guards the assumption Score is built on:
// score.py reads a node's names only from "name" and "aliases", its type
// from "type", and an edge's type from "type". If graph.Node or graph.Edge
// gain a JSON key that score.py also reads (a "label", "title", "names",
// "kind", "relation", ...), Score must learn it too, or the two scorers
// would disagree.
func TestGraphFieldsScorePyReads(t *testing.T) {
	n := graph.Node{ID: "i", Name: "n", Type: "Person", Aliases: []string{"a"}, Mentions: 1,
		Articles: []string{"x"}, ArticleMentions: map[string]int{"x": 1}, Metrics: &graph.Metrics{}}
	e := graph.Edge{ID: "i", Source: "s", Target: "t", Type: "LED", Symmetric: true, Status: "planned",
		Weight: 1, Confidence: 1, FirstDate: "d", LastDate: "d", Evidence: []graph.Evidence{{Article: "x"}}}
	tests := []struct {
		name string
		v    any
		// keys score.py reads besides the ones Score handles
		read []string
		// keys score.py reads only when they hold a list or a string
		readIfText []string
	}{
		{"node", n, []string{"label", "canonical", "title", "names", "surface_forms", "kind", "category", "label_type", "labels"}, []string{"mentions"}},
		{"edge", e, []string{"relation", "label", "kind", "rel"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.v)
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(b, &m); err != nil {
				t.Fatal(err)
			}
			for _, k := range tc.read {
				if _, ok := m[k]; ok {
					t.Errorf("%s JSON has %q, which score.py reads: teach Score about it", tc.name, k)
				}
			}
			for _, k := range tc.readIfText {
				switch m[k].(type) {
				case string, []any:
					t.Errorf("%s JSON %q is text, which score.py reads as names: teach Score about it", tc.name, k)
				}
			}
		})
	}
}
