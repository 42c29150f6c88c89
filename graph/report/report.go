package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
)

// Metrics are the names of the per-node metrics a report can rank by, in
// the order they are shown.
var Metrics = []string{"pagerank", "betweenness", "closeness", "harmonic", "eigenvector", "degree", "weighted_degree", "core"}

// value returns the named metric of m.
func value(m *graph.Metrics, metric string) float64 {
	v, ok := m.Value(metric)
	if !ok {
		panic("report: unknown metric " + metric)
	}
	return v
}

// Options choose what a report shows. The zero value asks for the defaults.
type Options struct {
	Top         int      // entries per top list (default 10)
	Types       []string // entity types in the top lists; empty: all
	Metrics     []string // metrics ranked; empty: all of Metrics
	Communities int      // communities listed (default 10)
	Members     int      // most central members shown per community (default 5)
}

func (o Options) withDefaults() (Options, error) {
	if o.Top == 0 {
		o.Top = 10
	}
	if o.Communities == 0 {
		o.Communities = 10
	}
	if o.Members == 0 {
		o.Members = 5
	}
	if len(o.Metrics) == 0 {
		o.Metrics = Metrics
	}
	switch {
	case o.Top < 0:
		return o, fmt.Errorf("report: --top %d is negative", o.Top)
	case o.Communities < 0:
		return o, fmt.Errorf("report: number of communities %d is negative", o.Communities)
	case o.Members < 0:
		return o, fmt.Errorf("report: number of members %d is negative", o.Members)
	}
	for _, m := range o.Metrics {
		if !slices.Contains(Metrics, m) {
			return o, fmt.Errorf("report: unknown metric %q (known: %s)", m, strings.Join(Metrics, ", "))
		}
	}
	return o, nil
}

// Report is what `kg report` shows.
type Report struct {
	Summary     Summary     `json:"summary"`
	Top         []TopList   `json:"top"`
	Communities []Community `json:"communities"`
}

// Summary holds the graph-level figures.
type Summary struct {
	Nodes       int      `json:"nodes"`
	NodesByType []Count  `json:"nodes_by_type"`
	Edges       int      `json:"edges"`
	EdgesByType []Count  `json:"edges_by_type"`
	Relations   []string `json:"relations,omitempty"` // analysed relation types; empty: all
	// Links is the number of node pairs joined by the analysed relations.
	Links            int     `json:"links"`
	Density          float64 `json:"density"`
	Components       int     `json:"components"`
	LargestComponent int     `json:"largest_component"`
	Isolated         int     `json:"isolated"`
	Communities      int     `json:"communities"`
	Modularity       float64 `json:"modularity"`
	// Betweenness says how betweenness was computed.
	Betweenness         string  `json:"betweenness"`
	BetweennessSamples  int     `json:"betweenness_samples,omitempty"`
	BetweennessErrBound float64 `json:"betweenness_error_bound,omitempty"`
}

// Count is a number of nodes or edges of one type.
type Count struct {
	Type  string `json:"type"`
	Count int    `json:"count"`
}

// Entry is one ranked entity.
type Entry struct {
	Rank  int     `json:"rank"`
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Type  string  `json:"type"`
	Value float64 `json:"value"`
}

// TopList ranks entities by one metric.
type TopList struct {
	Metric  string  `json:"metric"`
	Entries []Entry `json:"entries"`
}

// Community is one Louvain community with its members of highest PageRank.
type Community struct {
	ID      int     `json:"id"`
	Size    int     `json:"size"`
	Members []Entry `json:"members"`
}

// New builds the report of g analysed as r.
func New(g *graph.Graph, r *analysis.Result, opt Options) (*Report, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if len(r.Metrics) != len(g.Nodes) {
		return nil, fmt.Errorf("report: analysis of %d nodes for a graph of %d", len(r.Metrics), len(g.Nodes))
	}
	rep := &Report{Top: []TopList{}, Communities: []Community{}}
	s := &rep.Summary
	s.Nodes, s.Edges = len(g.Nodes), len(g.Edges)
	s.NodesByType = countBy(len(g.Nodes), func(i int) string { return g.Nodes[i].Type })
	s.EdgesByType = countBy(len(g.Edges), func(i int) string { return g.Edges[i].Type })
	s.Relations = r.Relations
	s.Links, s.Density = r.Edges, r.Density
	s.Components = r.Analysis.Components
	if len(r.Components) > 0 {
		s.LargestComponent = len(r.Components[0])
	}
	for _, m := range r.Metrics {
		if m.Degree == 0 {
			s.Isolated++
		}
	}
	s.Communities, s.Modularity = r.Analysis.Communities, r.Analysis.Modularity
	s.Betweenness = "exact"
	if r.Analysis.BetweennessSampled {
		s.Betweenness = fmt.Sprintf("sampled: %d sources in each component of more than %d nodes; error at most %.3g for every node (95%%, Hoeffding bound)",
			r.Analysis.BetweennessSamples, r.Options.ExactMax, r.Analysis.BetweennessErrBound)
		s.BetweennessSamples, s.BetweennessErrBound = r.Analysis.BetweennessSamples, r.Analysis.BetweennessErrBound
	}

	keep := func(i int) bool { return len(opt.Types) == 0 || slices.Contains(opt.Types, g.Nodes[i].Type) }
	for _, metric := range opt.Metrics {
		var idx []int
		for i := range g.Nodes {
			if keep(i) && value(&r.Metrics[i], metric) != 0 {
				idx = append(idx, i)
			}
		}
		rep.Top = append(rep.Top, TopList{Metric: metric, Entries: ranked(g, r, idx, metric, opt.Top)})
	}
	for ci, c := range r.Communities {
		if len(rep.Communities) == opt.Communities || len(c) < 2 {
			break // largest first: the rest are smaller
		}
		rep.Communities = append(rep.Communities, Community{ID: ci, Size: len(c), Members: ranked(g, r, c, "pagerank", opt.Members)})
	}
	return rep, nil
}

// ranked returns the first top of the nodes idx by the metric, highest
// first, ties by ID.
func ranked(g *graph.Graph, r *analysis.Result, idx []int, metric string, top int) []Entry {
	idx = slices.Clone(idx)
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(value(&r.Metrics[b], metric), value(&r.Metrics[a], metric)); c != 0 {
			return c
		}
		return strings.Compare(g.Nodes[a].ID, g.Nodes[b].ID)
	})
	out := []Entry{}
	for k, i := range idx[:min(top, len(idx))] {
		n := &g.Nodes[i]
		out = append(out, Entry{Rank: k + 1, ID: n.ID, Name: n.Name, Type: n.Type, Value: value(&r.Metrics[i], metric)})
	}
	return out
}

// countBy counts the n items by the type key(i) gives, most frequent first.
func countBy(n int, key func(int) string) []Count {
	m := map[string]int{}
	for i := range n {
		m[key(i)]++
	}
	out := []Count{}
	for k, v := range m {
		out = append(out, Count{k, v})
	}
	slices.SortFunc(out, func(a, b Count) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Type, b.Type)
	})
	return out
}
