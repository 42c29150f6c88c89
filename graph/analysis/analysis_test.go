package analysis_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
	"github.com/kgraph/kg/graph/analysis/synth"
	"github.com/kgraph/kg/internal/testkit"
)

const tol = 1e-6 // agreement required with NetworkX for the exact metrics

func readGraph(t testing.TB, path string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// exportNX writes a graph shipped inside NetworkX as a kg graph file.
func exportNX(t *testing.T, py, name string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), name+".json")
	cmd := exec.Command(py, filepath.Join("testdata", "nx_metrics.py"), "export", name, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("exporting %s from networkx: %v\n%s", name, err, b)
	}
	return out
}

type nxResult struct {
	Nodes               map[string]map[string]float64 `json:"nodes"`
	Modularity          *float64                      `json:"modularity"`
	NXLouvainModularity *float64                      `json:"nx_louvain_modularity"`
}

// nxMetrics writes g (analysed) to a file and has NetworkX compute every
// metric of it.
func nxMetrics(t *testing.T, py string, g *graph.Graph, args ...string) nxResult {
	t.Helper()
	path := filepath.Join(t.TempDir(), "analysed.json")
	var buf bytes.Buffer
	if err := g.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, append([]string{filepath.Join("testdata", "nx_metrics.py"), "metrics", path}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx metrics: %v\n%s", err, stderr.Bytes())
	}
	var r nxResult
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// metricOf returns the named metric of m, named as in the JSON.
func metricOf(m *graph.Metrics, name string) float64 {
	v, ok := m.Value(name)
	if !ok {
		panic("unknown metric " + name)
	}
	return v
}

var compared = []string{"degree", "weighted_degree", "pagerank", "betweenness", "closeness", "harmonic", "eigenvector", "component", "core"}

// compareNX analyses g with opt and checks every metric against NetworkX.
func compareNX(t *testing.T, py string, g *graph.Graph, opt analysis.Options, minQ float64, args ...string) {
	t.Helper()
	r, err := analysis.Analyse(context.Background(), g, opt)
	if err != nil {
		t.Fatal(err)
	}
	if r.Analysis.BetweennessSampled {
		t.Fatalf("betweenness sampled on a graph of %d nodes", len(g.Nodes))
	}
	analysis.Apply(g, r)
	ref := nxMetrics(t, py, g, args...)
	if len(ref.Nodes) != len(g.Nodes) {
		t.Fatalf("networkx saw %d nodes, kg %d", len(ref.Nodes), len(g.Nodes))
	}
	for _, name := range compared {
		worst, at := 0.0, ""
		for i := range g.Nodes {
			want, ok := ref.Nodes[g.Nodes[i].ID][name]
			if !ok {
				t.Fatalf("networkx gave no %s for %s", name, g.Nodes[i].ID)
			}
			if d := math.Abs(metricOf(g.Nodes[i].Metrics, name) - want); d > worst || math.IsNaN(d) {
				worst, at = d, g.Nodes[i].ID
			}
		}
		if !(worst <= tol) {
			t.Errorf("%s: differs from networkx by %g at %s", name, worst, at)
		}
	}
	if ref.Modularity != nil {
		if d := math.Abs(r.Analysis.Modularity - *ref.Modularity); d > tol {
			t.Errorf("modularity %g, networkx gives %g for the same partition", r.Analysis.Modularity, *ref.Modularity)
		}
		t.Logf("%d nodes, %d communities, modularity %.4f (networkx louvain, seed 1: %.4f)",
			len(g.Nodes), r.Analysis.Communities, r.Analysis.Modularity, *ref.NXLouvainModularity)
	}
	if r.Analysis.Modularity < minQ {
		t.Errorf("modularity %.4f < %.2f", r.Analysis.Modularity, minQ)
	}
}

func TestAgainstNetworkX(t *testing.T) {
	py := testkit.Python(t)
	tests := []struct {
		name  string
		graph func(t *testing.T) *graph.Graph
		opt   analysis.Options
		args  []string
		minQ  float64
	}{
		{
			// Zachary (1977), unweighted, shipped as nx.karate_club_graph;
			// the best known modularity is 0.4198.
			name:  "karate club",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, exportNX(t, py, "karate")) },
			minQ:  0.41,
		},
		{
			name:  "karate club, linear-time Louvain",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, exportNX(t, py, "karate")) },
			opt:   analysis.Options{GonumLouvainMax: -1},
			minQ:  0.41,
		},
		{
			// Knuth's weighted co-occurrence network, nx.les_miserables_graph.
			name:  "les miserables",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, exportNX(t, py, "lesmis")) },
			minQ:  0.5,
		},
		{
			name:  "les miserables, linear-time Louvain",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, exportNX(t, py, "lesmis")) },
			opt:   analysis.Options{GonumLouvainMax: -1},
			minQ:  0.5,
		},
		{
			// Hand-written: three components, an isolated node, a self-loop,
			// parallel relations and a planned one.
			name:  "fixture",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, "testdata/small.json") },
		},
		{
			name:  "fixture, directed PageRank",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, "testdata/small.json") },
			opt:   analysis.Options{Directed: true},
			args:  []string{"--directed"},
		},
		{
			name:  "fixture, MET_WITH and LED only",
			graph: func(t *testing.T) *graph.Graph { return readGraph(t, "testdata/small.json") },
			opt:   analysis.Options{Relations: []string{"MET_WITH", "LED"}},
			args:  []string{"--relations", "MET_WITH,LED"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			compareNX(t, py, tt.graph(t), tt.opt, tt.minQ, tt.args...)
		})
	}
}

// TestSeedGraphAgainstNetworkX needs the seed graph built by the real
// `kg build`.
func TestSeedGraphAgainstNetworkX(t *testing.T) {
	py := testkit.Python(t)
	_, g := testkit.SeedGraph(t)
	for _, tt := range []struct {
		name string
		opt  analysis.Options
		args []string
	}{
		{name: "undirected"},
		{name: "directed PageRank", opt: analysis.Options{Directed: true}, args: []string{"--directed"}},
	} {
		t.Run(tt.name, func(t *testing.T) { compareNX(t, py, g, tt.opt, 0, tt.args...) })
	}
}

// TestAgainstGonum checks PageRank against gonum's network.PageRankSparse
// and the shortest-path pass against gonum's exact Brandes betweenness, on
// the same view.
func TestAgainstGonum(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    *graph.Graph
	}{
		{"fixture", readGraph(t, "testdata/small.json")},
		{"synthetic 300 nodes", synth.Graph(300, 1200, 7)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r, err := analysis.Analyse(context.Background(), tt.g, analysis.Options{})
			if err != nil {
				t.Fatal(err)
			}
			u := analysis.NewUndirected(tt.g, nil)
			pr := network.PageRankSparse(u.BothWays(), 0.85, 1e-12)
			for i, m := range r.Metrics {
				if d := math.Abs(m.PageRank - pr[int64(i)]); d > 1e-9 {
					t.Errorf("node %s: PageRank %g, gonum %g", r.IDs[i], m.PageRank, pr[int64(i)])
				}
			}
			n := float64(len(tt.g.Nodes))
			want := network.Betweenness(u)
			for i, m := range r.Metrics {
				if d := math.Abs(m.Betweenness - want[int64(i)]/((n-1)*(n-2))); d > 1e-12 {
					t.Errorf("node %s: betweenness %g, gonum %g", r.IDs[i], m.Betweenness, want[int64(i)]/((n-1)*(n-2)))
				}
			}
		})
	}
}

func TestEdgeCases(t *testing.T) {
	node := func(id string) graph.Node {
		return graph.Node{ID: id, Name: id, Type: graph.Person}
	}
	edge := func(s, t string) graph.Edge {
		return graph.Edge{ID: "MET_WITH|" + s + "|" + t, Source: s, Target: t, Type: "MET_WITH", Symmetric: true, Weight: 1}
	}
	tests := []struct {
		name        string
		g           *graph.Graph
		components  int
		communities int
		modularity  float64
	}{
		{name: "empty", g: &graph.Graph{Format: 1}},
		{name: "one node", g: &graph.Graph{Format: 1, Nodes: []graph.Node{node("a")}}, components: 1, communities: 1},
		{name: "no edges", g: &graph.Graph{Format: 1, Nodes: []graph.Node{node("a"), node("b"), node("c")}}, components: 3, communities: 3},
		{name: "only a self-loop", g: &graph.Graph{Format: 1, Nodes: []graph.Node{node("a")}, Edges: []graph.Edge{edge("a", "a")}}, components: 1, communities: 1},
		{name: "one edge", g: &graph.Graph{Format: 1, Nodes: []graph.Node{node("a"), node("b")}, Edges: []graph.Edge{edge("a", "b")}}, components: 1, communities: 1},
		{
			name:       "two edges and an isolated node",
			g:          &graph.Graph{Format: 1, Nodes: []graph.Node{node("a"), node("b"), node("c"), node("d"), node("e")}, Edges: []graph.Edge{edge("a", "b"), edge("c", "d")}},
			components: 3, communities: 3, modularity: 0.5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := analysis.Analyse(context.Background(), tt.g, analysis.Options{})
			if err != nil {
				t.Fatal(err)
			}
			analysis.Apply(tt.g, r)
			a := tt.g.Analysis
			if a.Components != tt.components || a.Communities != tt.communities || math.Abs(a.Modularity-tt.modularity) > 1e-12 {
				t.Errorf("components %d, communities %d, modularity %g; want %d, %d, %g",
					a.Components, a.Communities, a.Modularity, tt.components, tt.communities, tt.modularity)
			}
			var sum float64
			for _, n := range tt.g.Nodes {
				for _, name := range compared {
					if v := metricOf(n.Metrics, name); math.IsNaN(v) || math.IsInf(v, 0) {
						t.Errorf("%s: %s is %g", n.ID, name, v)
					}
				}
				sum += n.PageRank
			}
			if len(tt.g.Nodes) > 0 && math.Abs(sum-1) > 1e-9 {
				t.Errorf("PageRank sums to %g", sum)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	for _, tt := range []struct {
		name string
		g    *graph.Graph
		opt  analysis.Options
	}{
		{"fixture", readGraph(t, "testdata/small.json"), analysis.Options{}},
		{"synthetic 3000 nodes, sampled", synth.Graph(3000, 15000, 3), analysis.Options{ExactMax: 1000, Samples: 200}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			first, err := analysis.Analyse(context.Background(), tt.g, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				again, err := analysis.Analyse(context.Background(), tt.g, tt.opt)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(first, again) {
					for i := range first.Metrics {
						if first.Metrics[i] != again.Metrics[i] {
							t.Fatalf("node %s: %+v, then %+v", first.IDs[i], first.Metrics[i], again.Metrics[i])
						}
					}
					t.Fatalf("graph-level results differ: %+v, then %+v", first.Analysis, again.Analysis)
				}
			}
		})
	}
}

// TestSampledBetweenness compares sampled with exact betweenness on a
// generated graph of 5000 nodes.
func TestSampledBetweenness(t *testing.T) {
	g := synth.Graph(5000, 25000, 11)
	exact, err := analysis.Analyse(context.Background(), g, analysis.Options{ExactMax: 5000})
	if err != nil {
		t.Fatal(err)
	}
	sampled, err := analysis.Analyse(context.Background(), g, analysis.Options{ExactMax: 100}) // default sample size
	if err != nil {
		t.Fatal(err)
	}
	if exact.Analysis.BetweennessSampled || !sampled.Analysis.BetweennessSampled || sampled.Analysis.BetweennessSamples != analysis.DefaultSamples {
		t.Fatalf("exact run sampled=%v, sampled run sampled=%v with %d samples",
			exact.Analysis.BetweennessSampled, sampled.Analysis.BetweennessSampled, sampled.Analysis.BetweennessSamples)
	}
	top := func(r *analysis.Result) map[int]bool {
		idx := make([]int, len(r.Metrics))
		for i := range idx {
			idx[i] = i
		}
		slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(r.Metrics[b].Betweenness, r.Metrics[a].Betweenness) })
		set := map[int]bool{}
		for _, i := range idx[:50] {
			set[i] = true
		}
		return set
	}
	te, ts := top(exact), top(sampled)
	overlap := 0
	for i := range te {
		if ts[i] {
			overlap++
		}
	}
	var worst float64
	for i := range exact.Metrics {
		worst = max(worst, math.Abs(exact.Metrics[i].Betweenness-sampled.Metrics[i].Betweenness))
	}
	t.Logf("top-50 overlap %d/50; largest error %.2e, stated bound %.2e", overlap, worst, sampled.Analysis.BetweennessErrBound)
	if float64(overlap)/50 < 0.9 {
		t.Errorf("top-50 overlap %d/50 < 0.9", overlap)
	}
	if worst > sampled.Analysis.BetweennessErrBound {
		t.Errorf("largest error %g exceeds the stated bound %g", worst, sampled.Analysis.BetweennessErrBound)
	}
}

func TestCancel(t *testing.T) {
	g := synth.Graph(5000, 25000, 5)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := analysis.Analyse(ctx, g, analysis.Options{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled analysis returned %v", err)
	}
}

func TestOptions(t *testing.T) {
	g := readGraph(t, "testdata/small.json")
	for _, tt := range []struct {
		name string
		opt  analysis.Options
		want string
	}{
		{"damping above one", analysis.Options{Damping: 1.5}, "analysis: damping 1.5 is not between 0 and 1"},
		{"negative samples", analysis.Options{Samples: -1}, "analysis: sample size -1 is negative"},
		{"negative exact limit", analysis.Options{ExactMax: -3}, "analysis: exact betweenness limit -3 is negative"},
		{"negative resolution", analysis.Options{Resolution: -1}, "analysis: resolution -1 is not positive"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := analysis.Analyse(context.Background(), g, tt.opt)
			if err == nil || err.Error() != tt.want {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestViews(t *testing.T) {
	g := readGraph(t, "testdata/small.json")
	idx := g.NodeIndex()
	id := func(s string) int64 { return int64(idx[s]) }
	u := analysis.NewUndirected(g, nil)
	d := analysis.NewDirected(g, nil)
	met := analysis.NewUndirected(g, []string{"MET_WITH"})
	ada, ben, cleo, hc, bay := id("person:ada-brook"), id("person:ben-carro"), id("person:cleo-dunn"), id("institution:harbour-council"), id("place:ostrava-bay")
	gus := id("person:gus-hale")
	tests := []struct {
		name   string
		got    func() (float64, bool)
		want   float64
		wantOK bool
	}{
		{"MET_WITH both ways sums evidence", func() (float64, bool) { return u.Weight(ada, cleo) }, 2, true},
		{"undirected weight is symmetric", func() (float64, bool) { return u.Weight(cleo, ada) }, 2, true},
		{"planned and reported visits merge", func() (float64, bool) { return u.Weight(ada, bay) }, 2, true},
		{"LED points from person to institution", func() (float64, bool) { return d.Weight(ada, hc) }, 4, true},
		{"no arc against LED", func() (float64, bool) { return d.Weight(hc, ada) }, 0, false},
		{"symmetric MET_WITH runs both ways", func() (float64, bool) { return d.Weight(ben, ada) }, 3, true},
		{"self-loop left out", func() (float64, bool) { return u.Weight(gus, gus) }, 0, false},
		{"selection drops LED", func() (float64, bool) { return met.Weight(ada, hc) }, 0, false},
		{"selection keeps MET_WITH", func() (float64, bool) { return met.Weight(ada, ben) }, 3, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := tt.got()
			if w != tt.want || ok != tt.wantOK {
				t.Errorf("got %g, %v; want %g, %v", w, ok, tt.want, tt.wantOK)
			}
		})
	}
	if n := u.From(ada).Len(); n != 4 {
		t.Errorf("ada has %d neighbours, want 4", n)
	}
	if n := d.To(hc).Len(); n != 3 {
		t.Errorf("harbour council has %d in-neighbours, want 3", n)
	}
	if u.Node(-1) != nil || u.Node(int64(len(g.Nodes))) != nil {
		t.Error("Node of an unknown id is not nil")
	}
	if e := u.Edge(ada, gus); e != nil {
		t.Errorf("edge between unconnected nodes: %v", e)
	}
	if got := u.Node(ada).(*analysis.Node).Entity.Name; !strings.HasPrefix(got, "Ada") {
		t.Errorf("node %d is %q", ada, got)
	}
}

// BenchmarkAnalyseLarge analyses a generated graph of 100k nodes and 1M edges
// (betweenness sampled). Run it with -benchtime=1x.
func BenchmarkAnalyseLarge(b *testing.B) {
	g := synth.Graph(100_000, 1_000_000, 1)
	b.ResetTimer()
	for b.Loop() {
		r, err := analysis.Analyse(context.Background(), g, analysis.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(r.Analysis.Communities), "communities")
		b.ReportMetric(r.Analysis.Modularity, "modularity")
		b.ReportMetric(r.Analysis.BetweennessErrBound, "btw-bound")
	}
}
