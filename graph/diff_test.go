package graph_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/graph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/diff")

func readGraph(t *testing.T, name string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadFile(filepath.Join("testdata", "diff", name))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCompareGolden compares two small graphs written for this test
// (testdata/diff: a story followed over a corrected article and a new one:
// an alias and a meeting's evidence gained, an entity and a relation gone
// with the correction, a planned meeting added; Lisbon differs only in its
// metrics and must not be reported) with the golden text and JSON output.
// go test -update rewrites them.
func TestCompareGolden(t *testing.T) {
	d := graph.Compare(readGraph(t, "old.json"), readGraph(t, "new.json"))
	cases := []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"diff.txt", func(b *bytes.Buffer) error { return d.WriteText(b) }},
		{"diff.json", func(b *bytes.Buffer) error { return d.WriteJSON(b) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.write(&b); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "diff", tc.name)
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (go test ./graph -run TestCompareGolden -update)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("output differs from %s (go test ./graph -run TestCompareGolden -update to accept):\n%s", golden, b.String())
			}
		})
	}
}

// TestCompareCounts checks the counts of each kind of change both ways on
// the testdata/diff graphs, and that a graph compared with itself is Empty.
func TestCompareCounts(t *testing.T) {
	old, new := readGraph(t, "old.json"), readGraph(t, "new.json")
	type counts struct{ artAdd, artRm, artCh, nAdd, nRm, nCh, eAdd, eRm, eCh int }
	cases := []struct {
		name     string
		from, to *graph.Graph
		want     counts
	}{
		{"old to new", old, new, counts{1, 0, 1, 1, 1, 2, 1, 1, 1}},
		{"new to old", new, old, counts{0, 1, 1, 1, 1, 2, 1, 1, 1}},
		{"old to itself", old, old, counts{}},
		{"new to itself", new, new, counts{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := graph.Compare(tc.from, tc.to)
			got := counts{len(d.ArticlesAdded), len(d.ArticlesRemoved), len(d.ArticlesChanged), len(d.NodesAdded), len(d.NodesRemoved),
				len(d.NodesChanged), len(d.EdgesAdded), len(d.EdgesRemoved), len(d.EdgesChanged)}
			if got != tc.want {
				t.Errorf("counts %+v, want %+v", got, tc.want)
			}
			if d.Empty() != (tc.want == counts{}) {
				t.Errorf("Empty() = %v", d.Empty())
			}
		})
	}
}

// TestCompareRenamed: when a later article gives an entity's full name,
// its canonical name and so its id change ("Keller" becomes "Laura
// Keller"). Compare reports one renamed entity and its relations as
// changed, not as removed and added. Data: testdata/diff/old.json, and the
// same graph before the full name was known, made here.
func TestCompareRenamed(t *testing.T) {
	after := readGraph(t, "old.json")
	before := readGraph(t, "old.json")
	for i := range before.Nodes {
		if n := &before.Nodes[i]; n.ID == "person:laura-keller" {
			n.ID, n.Name, n.Aliases, n.Mentions = "person:keller", "Keller", []string{"Keller"}, 2
		}
	}
	for i := range before.Edges {
		if e := &before.Edges[i]; e.Source == "person:laura-keller" {
			e.Source, e.ID = "person:keller", "MET_WITH|person:keller|person:rafael-ortega"
		}
	}
	before.Sort()
	d := graph.Compare(before, after)
	if len(d.NodesAdded)+len(d.NodesRemoved)+len(d.EdgesAdded)+len(d.EdgesRemoved) != 0 {
		t.Fatalf("rename reported as additions and removals: %+v", d)
	}
	if len(d.NodesChanged) != 1 || d.NodesChanged[0].OldID != "person:keller" || d.NodesChanged[0].ID != "person:laura-keller" ||
		d.NodesChanged[0].OldName != "Keller" {
		t.Fatalf("nodes changed: %+v, want Keller renamed to Laura Keller", d.NodesChanged)
	}
	if len(d.EdgesChanged) != 1 || d.EdgesChanged[0].OldID != "MET_WITH|person:keller|person:rafael-ortega" {
		t.Fatalf("edges changed: %+v, want the meeting with its old id", d.EdgesChanged)
	}
	var b bytes.Buffer
	if err := d.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
}
