package exports

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// DefaultMinSize and DefaultMaxSize bound the node sizes written for
// Gephi, which draws a node of size s as a disc of diameter s.
const (
	DefaultMinSize = 10
	DefaultMaxSize = 50
)

// XMLOptions are the choices common to the GraphML and GEXF writers. The zero
// value gives the defaults.
type XMLOptions struct {
	// Compact writes no indentation (smaller files); the default indents
	// one space per level, which keeps diffs and golden files readable.
	Compact bool
	// MinSize and MaxSize bound the node size (default 10 and 50). The
	// size grows with the square root of PageRank (or of mentions when the
	// graph has no metrics), so that a node's area is proportional to it.
	MinSize, MaxSize float64
}

// GraphMLOptions are the choices of WriteGraphML.
type GraphMLOptions struct {
	XMLOptions
}

// GEXFOptions are the choices of WriteGEXF.
type GEXFOptions struct {
	XMLOptions
	// OpenEnded leaves the end of each node's and edge's time interval
	// open, so that Gephi's timeline accumulates the story (an entity, once
	// mentioned, stays) instead of showing only what is mentioned in the
	// current window.
	OpenEnded bool
}

// normalise applies the defaults and validates o.
func (o XMLOptions) normalise() (XMLOptions, error) {
	if o.MinSize == 0 {
		o.MinSize = DefaultMinSize
	}
	if o.MaxSize == 0 {
		o.MaxSize = max(DefaultMaxSize, o.MinSize)
	}
	if !(o.MinSize > 0) || !(o.MaxSize >= o.MinSize) || math.IsInf(o.MaxSize, 0) {
		return o, fmt.Errorf("exports: node sizes must satisfy 0 < min <= max, got min %g, max %g", o.MinSize, o.MaxSize)
	}
	return o, nil
}

// rgb is a node colour.
type rgb struct{ R, G, B uint8 }

// typeColours are the colours of the default schema's entity types
// (Tableau 10 palette): Person blue, Institution orange, Place green,
// Document purple.
var typeColours = map[string]rgb{
	graph.Person:      {31, 119, 180},
	graph.Institution: {255, 127, 14},
	graph.Place:       {44, 160, 44},
	graph.Document:    {148, 103, 189},
}

// otherColours are given to other entity types by a hash of the type name,
// so that a type keeps its colour from one export to the next.
var otherColours = []rgb{
	{214, 39, 40}, {140, 86, 75}, {227, 119, 194}, {127, 127, 127}, {188, 189, 34}, {23, 190, 207},
}

func colourOf(typ string) rgb {
	if c, ok := typeColours[typ]; ok {
		return c
	}
	h := fnv.New32a()
	h.Write([]byte(typ))
	return otherColours[h.Sum32()%uint32(len(otherColours))]
}

// sizer maps PageRank (or mentions) to a node size.
type sizer struct {
	byPageRank bool
	max        float64
	lo, hi     float64
}

func newSizer(g *graph.Graph, o XMLOptions) sizer {
	s := sizer{lo: o.MinSize, hi: o.MaxSize, byPageRank: anyMetrics(g)}
	for i := range g.Nodes {
		s.max = max(s.max, s.value(&g.Nodes[i]))
	}
	return s
}

func (s sizer) value(n *graph.Node) float64 {
	var v float64
	if s.byPageRank {
		if n.Metrics != nil {
			v = n.PageRank
		}
	} else {
		v = float64(n.Mentions)
	}
	if !(v > 0) || math.IsInf(v, 1) {
		return 0
	}
	return v
}

// size returns the size of n, rounded to 0.01.
func (s sizer) size(n *graph.Node) float64 {
	if s.max <= 0 {
		return s.lo
	}
	v := s.lo + (s.hi-s.lo)*math.Sqrt(s.value(n)/s.max)
	return math.Round(v*100) / 100
}

// anyMetrics reports whether any node carries metrics.
func anyMetrics(g *graph.Graph) bool {
	for i := range g.Nodes {
		if g.Nodes[i].Metrics != nil {
			return true
		}
	}
	return false
}

// metricKeys are the per-node metrics in the order they are declared.
var metricKeys = []struct {
	name, typ string
	value     func(m *graph.Metrics) (i int, f float64)
}{
	{"degree", "int", func(m *graph.Metrics) (int, float64) { return m.Degree, 0 }},
	{"weighted_degree", "double", func(m *graph.Metrics) (int, float64) { return 0, m.WeightedDegree }},
	{"pagerank", "double", func(m *graph.Metrics) (int, float64) { return 0, m.PageRank }},
	{"betweenness", "double", func(m *graph.Metrics) (int, float64) { return 0, m.Betweenness }},
	{"closeness", "double", func(m *graph.Metrics) (int, float64) { return 0, m.Closeness }},
	{"harmonic", "double", func(m *graph.Metrics) (int, float64) { return 0, m.Harmonic }},
	{"eigenvector", "double", func(m *graph.Metrics) (int, float64) { return 0, m.Eigenvector }},
	{"component", "int", func(m *graph.Metrics) (int, float64) { return m.Component, 0 }},
	{"core", "int", func(m *graph.Metrics) (int, float64) { return m.Core, 0 }},
	{"community", "int", func(m *graph.Metrics) (int, float64) { return m.Community, 0 }},
}

// isoDay returns s as YYYY-MM-DD if it is a date (or a date-time, whose date
// is kept), else "".
func isoDay(s string) string {
	if len(s) < 10 || len(s) > 10 && s[10] != 'T' && s[10] != ' ' || s[4] != '-' || s[7] != '-' {
		return ""
	}
	num := func(a, b int) int {
		n := 0
		for _, c := range []byte(s[a:b]) {
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	y, m, d := num(0, 4), num(5, 7), num(8, 10)
	if y < 0 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return ""
	}
	return s[:10]
}

// daysIn returns the number of days of month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// dateSpan is a first and last date ("" when unknown).
type dateSpan struct{ first, last string }

func (s *dateSpan) add(d string) {
	if d == "" {
		return
	}
	if s.first == "" || d < s.first {
		s.first = d
	}
	if s.last == "" || d > s.last {
		s.last = d
	}
}

// dateIndex gives nodes and edges their first and last dates from the
// articles' publication dates.
type dateIndex struct {
	article map[string]string // article id -> YYYY-MM-DD
}

func newDateIndex(g *graph.Graph) dateIndex {
	d := dateIndex{article: make(map[string]string, len(g.Articles))}
	for _, a := range g.Articles {
		if p := isoDay(a.Published); p != "" {
			d.article[a.ID] = p
		}
	}
	return d
}

func (d dateIndex) any() bool { return len(d.article) > 0 }

// node returns the span of the publication dates of n's articles.
func (d dateIndex) node(n *graph.Node) dateSpan {
	var s dateSpan
	for _, a := range n.Articles {
		s.add(d.article[a])
	}
	return s
}

// edge returns e's FirstDate and LastDate when they are dates, else the
// span of its evidence's dates (or of its articles' publication dates).
func (d dateIndex) edge(e *graph.Edge) dateSpan {
	s := dateSpan{first: isoDay(e.FirstDate), last: isoDay(e.LastDate)}
	if s.first != "" && s.last != "" {
		return s
	}
	var ev dateSpan
	for i := range e.Evidence {
		x := isoDay(e.Evidence[i].Date)
		if x == "" {
			x = d.article[e.Evidence[i].Article]
		}
		ev.add(x)
	}
	if s.first == "" {
		s.first = ev.first
	}
	if s.last == "" {
		s.last = ev.last
	}
	if s.first > s.last && s.last != "" {
		s.first, s.last = s.last, s.first
	}
	return s
}

// articleIDs returns the distinct article ids of e's evidence, sorted and
// joined by listSep, using buf as scratch space.
func articleIDs(e *graph.Edge, buf []string) (string, []string) {
	buf = buf[:0]
	for i := range e.Evidence {
		buf = append(buf, e.Evidence[i].Article)
	}
	if !sort.StringsAreSorted(buf) {
		sort.Strings(buf)
	}
	out := buf[:0]
	for i, a := range buf {
		if a == "" || i > 0 && a == buf[i-1] {
			continue
		}
		out = append(out, a)
	}
	return strings.Join(out, listSep), buf
}

// listSep joins lists (aliases, article ids) into one string attribute.
const listSep = "; "

// gexfKind is the GEXF edge kind: the relation type, with its status when it
// has one, so that Gephi keeps a planned event apart from a reported one.
func gexfKind(e *graph.Edge) string {
	if e.Status == "" {
		return e.Type
	}
	return e.Type + ":" + e.Status
}

// prepare checks g and the options shared by both writers and returns the
// normalised options and the XML node ids.
func prepare(g *graph.Graph, opt XMLOptions) (XMLOptions, map[string]string, error) {
	if g == nil {
		return opt, nil, errNoGraph
	}
	o, err := opt.normalise()
	if err != nil {
		return o, nil, err
	}
	ids, err := xmlNodeIDs(g)
	return o, ids, err
}

// xmlNodeIDs maps node keys to XML ids n0, n1, ... It checks the graph
// first, so that nothing is written for a graph whose edges name unknown
// nodes.
func xmlNodeIDs(g *graph.Graph) (map[string]string, error) {
	m := make(map[string]string, len(g.Nodes))
	for i := range g.Nodes {
		id := g.Nodes[i].ID
		if _, dup := m[id]; dup {
			return nil, fmt.Errorf("exports: node %d: duplicate node id %q", i, id)
		}
		m[id] = "n" + strconv.Itoa(i)
	}
	for i := range g.Edges {
		e := &g.Edges[i]
		if _, ok := m[e.Source]; !ok {
			return nil, fmt.Errorf("exports: edge %d (%s): unknown source node %q", i, e.ID, e.Source)
		}
		if _, ok := m[e.Target]; !ok {
			return nil, fmt.Errorf("exports: edge %d (%s): unknown target node %q", i, e.ID, e.Target)
		}
	}
	return m, nil
}

var errNoGraph = errors.New("exports: no graph")
