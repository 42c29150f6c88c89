package analysis

import (
	"slices"
	"sort"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/kgraph/kg/graph"
)

// Node is a knowledge-graph node as gonum sees it: its gonum ID is its index
// in Graph.Nodes.
type Node struct {
	Index  int64
	Entity *graph.Node
}

// ID implements gonum's graph.Node.
func (n *Node) ID() int64 { return n.Index }

// csr is a compressed adjacency: the neighbours of node i are
// nbr[off[i]:off[i+1]], sorted, with weights wt at the same positions.
type csr struct {
	off []int
	nbr []int32
	wt  []float64
}

func (c *csr) row(i int64) ([]int32, []float64) {
	a, b := c.off[i], c.off[i+1]
	return c.nbr[a:b], c.wt[a:b]
}

// weight returns the weight of the arc u→v and whether it exists.
func (c *csr) weight(u, v int64) (float64, bool) {
	if u < 0 || v < 0 || int(u) >= len(c.off)-1 || int(v) >= len(c.off)-1 {
		return 0, false
	}
	nb, wt := c.row(u)
	k, ok := slices.BinarySearch(nb, int32(v))
	if !ok {
		return 0, false
	}
	return wt[k], true
}

type arc struct {
	u, v int32
	w    float64
}

// buildCSR merges parallel arcs (summing weights) and returns the adjacency
// of n nodes.
func buildCSR(n int, arcs []arc) *csr {
	sort.Slice(arcs, func(i, j int) bool {
		if arcs[i].u != arcs[j].u {
			return arcs[i].u < arcs[j].u
		}
		return arcs[i].v < arcs[j].v
	})
	c := &csr{off: make([]int, n+1)}
	for i, a := range arcs {
		if i > 0 && arcs[i-1].u == a.u && arcs[i-1].v == a.v {
			c.wt[len(c.wt)-1] += a.w
			continue
		}
		c.nbr = append(c.nbr, a.v)
		c.wt = append(c.wt, a.w)
		c.off[a.u+1]++
	}
	for i := 0; i < n; i++ {
		c.off[i+1] += c.off[i]
	}
	return c
}

// edgeWeight is the weight of one knowledge-graph edge in a view: its
// evidence count, or 1 for an edge that records none.
func edgeWeight(e *graph.Edge) float64 {
	switch {
	case e.Weight > 0:
		return float64(e.Weight)
	case len(e.Evidence) > 0:
		return float64(len(e.Evidence))
	}
	return 1
}

// selector reports whether a relation type is part of a view.
func selector(relations []string) func(string) bool {
	if len(relations) == 0 {
		return func(string) bool { return true }
	}
	set := make(map[string]bool, len(relations))
	for _, r := range relations {
		set[r] = true
	}
	return func(t string) bool { return set[t] }
}

// view holds what both views share: the nodes and the graph they come from.
type view struct {
	g     *graph.Graph
	nodes []Node
}

func newView(g *graph.Graph) view {
	v := view{g: g, nodes: make([]Node, len(g.Nodes))}
	for i := range g.Nodes {
		v.nodes[i] = Node{Index: int64(i), Entity: &g.Nodes[i]}
	}
	return v
}

func (v *view) node(id int64) gonum.Node {
	if id < 0 || id >= int64(len(v.nodes)) {
		return nil
	}
	return &v.nodes[id]
}

// Len returns the number of nodes.
func (v *view) Len() int { return len(v.nodes) }

// Undirected is an undirected weighted view of a knowledge graph over all
// relation types or a selection of them. Parallel edges between two nodes
// (several relation types, both directions) become one gonum edge whose
// weight is the sum of their evidence counts. Self-loops are left out.
type Undirected struct {
	view
	adj   *csr
	edges int // number of distinct node pairs
}

var (
	_ gonum.Undirected         = (*Undirected)(nil)
	_ gonum.WeightedUndirected = (*Undirected)(nil)
	_ gonum.Node               = (*Node)(nil)
	_ gonum.Nodes              = (*nodeIter)(nil)
)

// NewUndirected returns the undirected weighted view of g over the given
// relation types (all of them when relations is empty).
func NewUndirected(g *graph.Graph, relations []string) *Undirected {
	u := &Undirected{view: newView(g)}
	keep := selector(relations)
	idx := g.NodeIndex()
	arcs := make([]arc, 0, 2*len(g.Edges))
	for i := range g.Edges {
		e := &g.Edges[i]
		if !keep(e.Type) {
			continue
		}
		s, t := idx[e.Source], idx[e.Target]
		if s == t {
			continue
		}
		w := edgeWeight(e)
		arcs = append(arcs, arc{int32(s), int32(t), w}, arc{int32(t), int32(s), w})
	}
	u.adj = buildCSR(len(g.Nodes), arcs)
	u.edges = len(u.adj.nbr) / 2
	return u
}

// Edges returns the number of edges of the view (distinct node pairs).
func (u *Undirected) Edges() int { return u.edges }

// Node returns the node with the given ID, or nil.
func (u *Undirected) Node(id int64) gonum.Node { return u.node(id) }

// Nodes returns all nodes in index order.
func (u *Undirected) Nodes() gonum.Nodes { return &nodeIter{v: &u.view, all: true, n: len(u.nodes)} }

// From returns the neighbours of node id in index order.
func (u *Undirected) From(id int64) gonum.Nodes {
	if u.node(id) == nil {
		return &nodeIter{v: &u.view}
	}
	nb, _ := u.adj.row(id)
	return &nodeIter{v: &u.view, ids: nb, n: len(nb)}
}

// HasEdgeBetween reports whether x and y are joined.
func (u *Undirected) HasEdgeBetween(xid, yid int64) bool {
	_, ok := u.adj.weight(xid, yid)
	return ok
}

// Edge returns the edge from uid to vid, or nil.
func (u *Undirected) Edge(uid, vid int64) gonum.Edge { return u.WeightedEdge(uid, vid) }

// EdgeBetween returns the edge between x and y, or nil.
func (u *Undirected) EdgeBetween(xid, yid int64) gonum.Edge { return u.WeightedEdge(xid, yid) }

// WeightedEdge returns the weighted edge from uid to vid, or nil.
func (u *Undirected) WeightedEdge(uid, vid int64) gonum.WeightedEdge {
	w, ok := u.adj.weight(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: &u.nodes[uid], T: &u.nodes[vid], W: w}
}

// WeightedEdgeBetween returns the weighted edge between x and y, or nil.
func (u *Undirected) WeightedEdgeBetween(xid, yid int64) gonum.WeightedEdge {
	return u.WeightedEdge(xid, yid)
}

// Weight returns the summed evidence count of the edges between x and y.
func (u *Undirected) Weight(xid, yid int64) (float64, bool) { return u.adj.weight(xid, yid) }

// Directed is a directed weighted view of a knowledge graph: a relation runs
// from its source to its target, and a symmetric relation (MET_WITH, ...)
// runs both ways. Parallel arcs are merged, summing their evidence counts.
type Directed struct {
	view
	out, in *csr
}

var (
	_ gonum.Directed         = (*Directed)(nil)
	_ gonum.WeightedDirected = (*Directed)(nil)
)

// NewDirected returns the directed weighted view of g over the given
// relation types (all of them when relations is empty).
func NewDirected(g *graph.Graph, relations []string) *Directed {
	d := &Directed{view: newView(g)}
	keep := selector(relations)
	idx := g.NodeIndex()
	var out, in []arc
	for i := range g.Edges {
		e := &g.Edges[i]
		if !keep(e.Type) {
			continue
		}
		s, t := int32(idx[e.Source]), int32(idx[e.Target])
		if s == t {
			continue
		}
		w := edgeWeight(e)
		out = append(out, arc{s, t, w})
		in = append(in, arc{t, s, w})
		if e.Symmetric {
			out = append(out, arc{t, s, w})
			in = append(in, arc{s, t, w})
		}
	}
	d.out = buildCSR(len(g.Nodes), out)
	d.in = buildCSR(len(g.Nodes), in)
	return d
}

// BothWays returns the directed view of u in which every edge is a pair of
// opposite arcs, as PageRank on an undirected graph needs.
func (u *Undirected) BothWays() *Directed {
	return &Directed{view: u.view, out: u.adj, in: u.adj}
}

// Node returns the node with the given ID, or nil.
func (d *Directed) Node(id int64) gonum.Node { return d.node(id) }

// Nodes returns all nodes in index order.
func (d *Directed) Nodes() gonum.Nodes { return &nodeIter{v: &d.view, all: true, n: len(d.nodes)} }

// From returns the nodes reachable by one arc from id.
func (d *Directed) From(id int64) gonum.Nodes {
	if d.node(id) == nil {
		return &nodeIter{v: &d.view}
	}
	nb, _ := d.out.row(id)
	return &nodeIter{v: &d.view, ids: nb, n: len(nb)}
}

// To returns the nodes with an arc to id.
func (d *Directed) To(id int64) gonum.Nodes {
	if d.node(id) == nil {
		return &nodeIter{v: &d.view}
	}
	nb, _ := d.in.row(id)
	return &nodeIter{v: &d.view, ids: nb, n: len(nb)}
}

// HasEdgeBetween reports whether there is an arc either way between x and y.
func (d *Directed) HasEdgeBetween(xid, yid int64) bool {
	return d.HasEdgeFromTo(xid, yid) || d.HasEdgeFromTo(yid, xid)
}

// HasEdgeFromTo reports whether there is an arc from u to v.
func (d *Directed) HasEdgeFromTo(uid, vid int64) bool {
	_, ok := d.out.weight(uid, vid)
	return ok
}

// Edge returns the arc from uid to vid, or nil.
func (d *Directed) Edge(uid, vid int64) gonum.Edge { return d.WeightedEdge(uid, vid) }

// WeightedEdge returns the weighted arc from uid to vid, or nil.
func (d *Directed) WeightedEdge(uid, vid int64) gonum.WeightedEdge {
	w, ok := d.out.weight(uid, vid)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: &d.nodes[uid], T: &d.nodes[vid], W: w}
}

// Weight returns the summed evidence count of the arcs from x to y.
func (d *Directed) Weight(xid, yid int64) (float64, bool) { return d.out.weight(xid, yid) }

// nodeIter iterates over all nodes of a view (all) or over a list of ids.
type nodeIter struct {
	v   *view
	ids []int32
	all bool
	n   int
	pos int
	cur int64
}

func (it *nodeIter) Next() bool {
	if it.pos >= it.n {
		return false
	}
	if it.all {
		it.cur = int64(it.pos)
	} else {
		it.cur = int64(it.ids[it.pos])
	}
	it.pos++
	return true
}

func (it *nodeIter) Len() int { return it.n - it.pos }

func (it *nodeIter) Reset() { it.pos = 0 }

func (it *nodeIter) Node() gonum.Node {
	if it.pos == 0 {
		return nil
	}
	return &it.v.nodes[it.cur]
}
