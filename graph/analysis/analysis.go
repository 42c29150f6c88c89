package analysis

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/graph/topo"

	"github.com/kgraph/kg/graph"
)

// Default option values.
const (
	DefaultDamping        = 0.85
	DefaultExactMax       = 5000
	DefaultSamples        = 256
	DefaultSeed           = 1
	DefaultResolution     = 1.0
	pageRankTol           = 1e-13 // L1 change between iterations
	pageRankMaxIterations = 10000
	eigenTol              = 1e-12
	eigenMaxIterations    = 2000
	eigenZero             = 1e-9 // relative to the largest; smaller values are set to zero
)

// Options control Analyse. The zero value asks for the defaults.
type Options struct {
	// Relations are the relation types analysed; empty means all.
	Relations []string
	// Directed computes PageRank on the directed view (a relation points
	// from its source to its target, symmetric ones both ways) instead of
	// the undirected one.
	Directed bool
	// Damping is PageRank's damping factor (default 0.85).
	Damping float64
	// ExactMax is the largest component size whose betweenness, closeness
	// and harmonic centrality are computed exactly (default 5000); larger
	// components use Samples sampled sources.
	ExactMax int
	// Samples is the number of BFS sources sampled in a large component
	// (default DefaultSamples).
	Samples int
	// Seed seeds Louvain and the source sampling (default 1).
	Seed uint64
	// Resolution is the Louvain resolution γ (default 1).
	Resolution float64
	// GonumLouvainMax is the largest number of links for which gonum's
	// community.Modularize finds the communities (default
	// DefaultGonumLouvainMax); larger graphs use an equivalent Louvain
	// implementation that scales linearly. Negative: always the latter.
	GonumLouvainMax int
}

// withDefaults returns o with zero fields set to their defaults, or an error
// naming the first invalid option.
func (o Options) withDefaults() (Options, error) {
	if o.Damping == 0 {
		o.Damping = DefaultDamping
	}
	if o.ExactMax == 0 {
		o.ExactMax = DefaultExactMax
	}
	if o.Samples == 0 {
		o.Samples = DefaultSamples
	}
	if o.Seed == 0 {
		o.Seed = DefaultSeed
	}
	if o.GonumLouvainMax == 0 {
		o.GonumLouvainMax = DefaultGonumLouvainMax
	}
	if o.Resolution == 0 {
		o.Resolution = DefaultResolution
	}
	switch {
	case !(o.Damping > 0 && o.Damping < 1):
		return o, fmt.Errorf("analysis: damping %g is not between 0 and 1", o.Damping)
	case o.ExactMax < 0:
		return o, fmt.Errorf("analysis: exact betweenness limit %d is negative", o.ExactMax)
	case o.Samples < 0:
		return o, fmt.Errorf("analysis: sample size %d is negative", o.Samples)
	case !(o.Resolution > 0) || math.IsInf(o.Resolution, 0):
		return o, fmt.Errorf("analysis: resolution %g is not positive", o.Resolution)
	}
	return o, nil
}

// Result is the outcome of Analyse. Its slices are indexed like the nodes of
// the analysed graph.
type Result struct {
	IDs       []string        // node IDs, in graph order
	Metrics   []graph.Metrics // per node
	Analysis  graph.Analysis  // graph-level figures
	Relations []string        // the relation types analysed (nil: all)
	Edges     int             // edges of the undirected view (distinct node pairs)
	Density   float64         // Edges / (n(n-1)/2)
	// Components and Communities list node indices, largest first; their
	// position is the Component or Community number of their nodes.
	Components  [][]int
	Communities [][]int
	Options     Options // the options used, defaults filled in
}

// Analyse computes the centralities, components, cores and communities of g.
// It does not modify g; see Apply. The result depends only on g's nodes and
// edges (in their order) and on opt.
func Analyse(ctx context.Context, g *graph.Graph, opt Options) (*Result, error) {
	opt, err := opt.withDefaults()
	if err != nil {
		return nil, err
	}
	if g == nil {
		return nil, errors.New("analysis: nil graph")
	}
	n := len(g.Nodes)
	r := &Result{
		IDs:       make([]string, n),
		Metrics:   make([]graph.Metrics, n),
		Relations: opt.Relations,
		Options:   opt,
	}
	for i := range g.Nodes {
		r.IDs[i] = g.Nodes[i].ID
	}
	if n == 0 {
		return r, nil
	}
	u := NewUndirected(g, opt.Relations)
	r.Edges = u.Edges()
	if n > 1 {
		r.Density = float64(r.Edges) / (float64(n) * float64(n-1) / 2)
	}
	m := r.Metrics

	for i := range n {
		nb, wt := u.adj.row(int64(i))
		m[i].Degree = len(nb)
		for _, w := range wt {
			m[i].WeightedDegree += w
		}
	}

	// Components, largest first.
	var comps [][]int32
	for _, c := range topo.ConnectedComponents(u) {
		ids := make([]int32, len(c))
		for j, v := range c {
			ids[j] = int32(v.ID())
		}
		slices.Sort(ids)
		comps = append(comps, ids)
	}
	sortGroups(comps)
	r.Components = toInts(comps)
	for ci, c := range comps {
		for _, v := range c {
			m[v].Component = ci
		}
	}
	r.Analysis.Components = len(comps)

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var pr []float64
	if opt.Directed {
		pr = pageRank(NewDirected(g, opt.Relations), opt.Damping)
	} else {
		pr = pageRank(u.BothWays(), opt.Damping)
	}
	for i := range m {
		m[i].PageRank = pr[i]
	}

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var small [][]int32
	for _, c := range comps {
		if len(c) <= 2 {
			small = append(small, c)
		}
	}
	tasks, sampled, k, bound := pathPlan(comps, n, opt.ExactMax, opt.Samples, opt.Seed)
	sums, err := shortestPaths(ctx, u.adj, n, tasks, small)
	if err != nil {
		return nil, err
	}
	for _, c := range comps {
		N := float64(len(c))
		for _, v := range c {
			if n > 2 {
				m[v].Betweenness = sums.bc[v] / (float64(n-1) * float64(n-2))
			}
			if sums.far[v] > 0 {
				m[v].Closeness = (N - 1) / sums.far[v] * (N - 1) / float64(n-1)
			}
			if n > 1 {
				m[v].Harmonic = sums.harm[v] / float64(n-1)
			}
		}
	}
	r.Analysis.BetweennessSampled = sampled
	if sampled {
		r.Analysis.BetweennessSamples = k
		r.Analysis.BetweennessErrBound = bound
	}

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ev := eigenvector(u.adj, n)
	for i := range m {
		m[i].Eigenvector = ev[i]
	}
	for i, c := range coreNumbers(u.adj, n) {
		m[i].Core = c
	}

	if err := ctx.Err(); err != nil {
		return nil, err
	}
	comms := louvain(u, opt)
	r.Communities = toInts(comms)
	for ci, c := range comms {
		for _, v := range c {
			m[v].Community = ci
		}
	}
	r.Analysis.Communities = len(comms)
	r.Analysis.Modularity = modularity(u.adj, comms, opt.Resolution)
	return r, nil
}

// Apply writes r onto g: the metrics of every node and the graph-level
// analysis. r must come from Analyse on g (same nodes in the same order).
func Apply(g *graph.Graph, r *Result) {
	if len(g.Nodes) != len(r.IDs) {
		panic(fmt.Sprintf("analysis: Apply: result for %d nodes applied to a graph of %d", len(r.IDs), len(g.Nodes)))
	}
	for i := range g.Nodes {
		if g.Nodes[i].ID != r.IDs[i] {
			panic(fmt.Sprintf("analysis: Apply: node %d is %q, result has %q", i, g.Nodes[i].ID, r.IDs[i]))
		}
		m := r.Metrics[i]
		g.Nodes[i].Metrics = &m
	}
	a := r.Analysis
	g.Analysis = &a
}

// sortGroups orders groups of sorted node indices largest first, ties by
// smallest member.
func sortGroups(gs [][]int32) {
	slices.SortFunc(gs, func(a, b []int32) int {
		if c := cmp.Compare(len(b), len(a)); c != 0 {
			return c
		}
		return cmp.Compare(a[0], b[0])
	})
}

func toInts(gs [][]int32) [][]int {
	out := make([][]int, len(gs))
	for i, g := range gs {
		out[i] = make([]int, len(g))
		for j, v := range g {
			out[i][j] = int(v)
		}
	}
	return out
}

// pageRank returns the weighted PageRank of the nodes of d: a node with
// no outgoing weight spreads its rank evenly over all nodes. These are the
// equations of gonum's network.PageRankSparse (which the tests check this
// against), but gonum starts its power iteration from a vector drawn from the
// unseeded global generator, so its last digits change from run to run.
// Starting from the uniform vector, as NetworkX does, makes the figures
// repeatable.
func pageRank(d *Directed, damp float64) []float64 {
	n := d.Len()
	outW := make([]float64, n)
	for u := range n {
		_, wt := d.out.row(int64(u))
		for _, w := range wt {
			outW[u] += w
		}
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	y := make([]float64, n)
	for range pageRankMaxIterations {
		var dangling float64
		for i := range y {
			y[i] = 0
		}
		for u := range n {
			if outW[u] == 0 {
				dangling += x[u]
				continue
			}
			nb, wt := d.out.row(int64(u))
			f := damp * x[u] / outW[u]
			for j, v := range nb {
				y[v] += f * wt[j]
			}
		}
		add := (damp*dangling + (1 - damp)) / float64(n)
		var diff float64
		for i := range y {
			y[i] += add
			diff += math.Abs(y[i] - x[i])
		}
		x, y = y, x
		if diff < pageRankTol {
			break
		}
	}
	return x
}

// eigenvector returns the weighted eigenvector centrality by power iteration
// on A+I from the uniform vector, normalised to unit Euclidean length, as
// NetworkX's eigenvector_centrality does. In a graph of several components
// the figures concentrate on the component of the largest eigenvalue; values
// below 1e-9 of the largest are set to zero.
func eigenvector(adj *csr, n int) []float64 {
	x := make([]float64, n)
	if len(adj.nbr) == 0 {
		return x
	}
	for i := range x {
		x[i] = 1 / float64(n)
	}
	y := make([]float64, n)
	for range eigenMaxIterations {
		copy(y, x)
		for u := range n {
			nb, wt := adj.row(int64(u))
			for j, v := range nb {
				y[v] += x[u] * wt[j]
			}
		}
		var norm float64
		for _, v := range y {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		var diff float64
		for i := range y {
			y[i] /= norm
			diff += math.Abs(y[i] - x[i])
		}
		x, y = y, x
		if diff < float64(n)*eigenTol {
			break
		}
	}
	// What is left in components without the largest eigenvalue is
	// convergence residue: make it zero.
	var top float64
	for _, v := range x {
		top = max(top, v)
	}
	for i, v := range x {
		if v < eigenZero*top {
			x[i] = 0
		}
	}
	return x
}

// coreNumbers returns the k-core number of every node (Batagelj and
// Zaversnik's O(m) algorithm), counting neighbours, not weights.
func coreNumbers(adj *csr, n int) []int {
	deg := make([]int, n)
	maxDeg := 0
	for i := range n {
		deg[i] = adj.off[i+1] - adj.off[i]
		maxDeg = max(maxDeg, deg[i])
	}
	bin := make([]int, maxDeg+1)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := range bin {
		bin[d], start = start, start+bin[d]
	}
	pos := make([]int, n)
	vert := make([]int, n)
	for v, d := range deg {
		pos[v] = bin[d]
		vert[pos[v]] = v
		bin[d]++
	}
	for d := maxDeg; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	for i := range n {
		v := vert[i]
		for _, w32 := range adj.nbr[adj.off[v]:adj.off[v+1]] {
			w := int(w32)
			if deg[w] > deg[v] {
				dw := deg[w]
				pw := pos[w]
				ps := bin[dw]
				if u := vert[ps]; u != w {
					pos[u], vert[pw] = pw, u
					pos[w], vert[ps] = ps, w
				}
				bin[dw]++
				deg[w]--
			}
		}
	}
	return deg
}

// modularity returns the weighted modularity Q of the partition comms of
// the graph adj at resolution γ:
// Q = Σ_c [ in_c/2m − γ (K_c/2m)² ], with in_c the weight of the arcs inside
// c (each edge counted both ways) and K_c the summed weighted degree of c.
func modularity(adj *csr, comms [][]int32, gamma float64) float64 {
	n := len(adj.off) - 1
	of := make([]int32, n)
	for ci, c := range comms {
		for _, v := range c {
			of[v] = int32(ci)
		}
	}
	in := make([]float64, len(comms))
	tot := make([]float64, len(comms))
	var m2 float64
	for u := range n {
		nb, wt := adj.row(int64(u))
		for j, v := range nb {
			m2 += wt[j]
			tot[of[u]] += wt[j]
			if of[v] == of[u] {
				in[of[u]] += wt[j]
			}
		}
	}
	if m2 == 0 {
		return 0
	}
	var q float64
	for c := range comms {
		q += in[c]/m2 - gamma*(tot[c]/m2)*(tot[c]/m2)
	}
	return q
}
