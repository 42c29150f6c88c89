// Package synth generates large synthetic knowledge graphs for the scale
// tests and benchmarks of package analysis: heavy-tailed degrees (Chung–Lu
// style weights drawn from a Pareto law) and planted communities, so that
// PageRank, k-cores and Louvain have structure to find.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"github.com/kgraph/kg/graph"
)

// relations are the edge types handed out, the first one symmetric.
var relations = []string{"MET_WITH", "LED", "MEMBER_OF", "VISITED"}

var types = []string{graph.Person, graph.Person, graph.Institution, graph.Place}

// Graph returns a sorted graph of n nodes and m distinct edges (no
// self-loops), the same for the same arguments. About 80% of the edges fall
// inside planted communities of 20 to 2000 nodes.
func Graph(n, m int, seed uint64) *graph.Graph {
	if n < 2 {
		panic("synth: fewer than two nodes")
	}
	if float64(m) > float64(n)*float64(n-1)/4 {
		panic("synth: too many edges for the number of nodes")
	}
	rng := rand.New(rand.NewPCG(seed, 0x73796e7468))
	// Node weights with a Pareto tail, and their prefix sums.
	cum := make([]float64, n+1)
	for i := range n {
		w := math.Pow(1-rng.Float64(), -1/1.5) // Pareto, α = 1.5
		cum[i+1] = cum[i] + min(w, float64(n)/10)
	}
	// Communities are contiguous index ranges.
	var bounds []int // start of each community, then n
	for s := 0; s < n; {
		bounds = append(bounds, s)
		s += 20 + rng.IntN(1981)
	}
	bounds = append(bounds, n)
	commOf := func(v int) (int, int) {
		k := sort.SearchInts(bounds, v+1) - 1
		return bounds[k], bounds[k+1]
	}
	pick := func(lo, hi int) int {
		x := cum[lo] + rng.Float64()*(cum[hi]-cum[lo])
		i := sort.SearchFloat64s(cum[lo+1:hi+1], x)
		return min(lo+i, hi-1)
	}
	g := &graph.Graph{Format: graph.FormatVersion, Articles: []graph.Article{}}
	g.Nodes = make([]graph.Node, n)
	for i := range n {
		name := fmt.Sprintf("Node %07d", i)
		g.Nodes[i] = graph.Node{
			ID: fmt.Sprintf("n%07d", i), Name: name, Type: types[i%len(types)],
			Aliases: []string{name}, Mentions: 1, Articles: []string{}, ArticleMentions: map[string]int{},
		}
	}
	seen := make(map[uint64]bool, m)
	g.Edges = make([]graph.Edge, 0, m)
	for len(g.Edges) < m {
		u := pick(0, n)
		var v int
		if rng.Float64() < 0.8 {
			lo, hi := commOf(u)
			v = pick(lo, hi)
		} else {
			v = pick(0, n)
		}
		if u == v {
			continue
		}
		a, b := min(u, v), max(u, v)
		key := uint64(a)<<32 | uint64(b)
		if seen[key] {
			continue
		}
		seen[key] = true
		rel := relations[rng.IntN(len(relations))]
		w := 1 + int(rng.ExpFloat64())
		s, t := g.Nodes[u].ID, g.Nodes[v].ID
		g.Edges = append(g.Edges, graph.Edge{
			ID: rel + "|" + s + "|" + t, Source: s, Target: t, Type: rel,
			Symmetric: rel == relations[0], Weight: w, Confidence: 1, Evidence: []graph.Evidence{},
		})
	}
	slices.SortFunc(g.Edges, func(a, b graph.Edge) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
	return g
}
