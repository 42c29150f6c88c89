package report

import (
	"cmp"
	"context"
	"fmt"
	"image/color"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/topo"
	"gonum.org/v1/gonum/spatial/r2"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
)

// PlotOptions choose what Plot draws. The zero value asks for the defaults.
type PlotOptions struct {
	Nodes  int // entities drawn, highest PageRank first (default 40)
	Labels int // of which labelled (default 20)
	Bars   int // entities per bar chart (default 15)
}

// communityColours colour nodes by community (Tableau 10), in the order the
// communities appear among the drawn nodes; communities after the tenth are
// grey.
var communityColours = []color.RGBA{
	{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff}, {0xe1, 0x57, 0x59, 0xff}, {0x76, 0xb7, 0xb2, 0xff},
	{0x59, 0xa1, 0x4f, 0xff}, {0xed, 0xc9, 0x48, 0xff}, {0xb0, 0x7a, 0xa1, 0xff}, {0xff, 0x9d, 0xa7, 0xff},
	{0x9c, 0x75, 0x5f, 0xff}, {0x86, 0xbc, 0xb6, 0xff},
}

var otherCommunity = color.RGBA{0xc8, 0xc8, 0xc8, 0xff}

// relationColours colour edges by relation type (ColorBrewer Dark2), the
// most frequent type first; the rest are grey.
var relationColours = []color.RGBA{
	{0x1b, 0x9e, 0x77, 0xff}, {0xd9, 0x5f, 0x02, 0xff}, {0x75, 0x70, 0xb3, 0xff}, {0xe7, 0x29, 0x8a, 0xff},
	{0x66, 0xa6, 0x1e, 0xff}, {0xe6, 0xab, 0x02, 0xff}, {0xa6, 0x76, 0x1d, 0xff},
}

var otherRelation = color.RGBA{0x88, 0x88, 0x88, 0xff}

// Plot draws one 16×9 inch image at path (.svg, or .png at 144 dpi): on the
// left the most central part of g (node area by PageRank, colour by
// community, labels on the top nodes, edges coloured by their main relation
// type, width by evidence); on the right bar charts of the top entities by
// PageRank and by betweenness.
//
// Each connected component of the drawn part is laid out with gonum's
// IsomapR2 (deterministic), refined by Fruchterman–Reingold forces to pull
// apart nodes the embedding stacks, and the components are packed in rows,
// largest first.
func Plot(ctx context.Context, path string, g *graph.Graph, r *analysis.Result, opt PlotOptions) error {
	if opt.Nodes == 0 {
		opt.Nodes = 40
	}
	if opt.Labels == 0 {
		opt.Labels = 20
	}
	if opt.Bars == 0 {
		opt.Bars = 15
	}
	if opt.Nodes < 0 || opt.Labels < 0 || opt.Bars < 0 {
		return fmt.Errorf("report: negative plot size")
	}
	const w, h = 16 * vg.Inch, 9 * vg.Inch
	ext := strings.ToLower(filepath.Ext(path))
	var dc draw.Canvas
	var write func(f *os.File) error
	switch ext {
	case ".svg":
		c := vgsvg.New(w, h)
		dc = draw.New(c)
		write = func(f *os.File) error { _, err := c.WriteTo(f); return err }
	case ".png":
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(144))
		dc = draw.New(c)
		write = func(f *os.File) error { _, err := vgimg.PngCanvas{Canvas: c}.WriteTo(f); return err }
	default:
		return fmt.Errorf("report: %s: unknown picture format %q (use .svg or .png)", path, ext)
	}
	network, err := networkPlot(ctx, g, r, opt)
	if err != nil {
		return err
	}
	prBars := barPlot(g, r, "pagerank", "Top entities by PageRank", opt.Bars)
	btBars := barPlot(g, r, "betweenness", "Top entities by betweenness", opt.Bars)
	network.Draw(draw.Crop(dc, 0, -0.42*w, 0, 0))
	right := draw.Crop(dc, 0.58*w, 0, 0, 0)
	prBars.Draw(draw.Crop(right, 0, 0, h/2, 0))
	btBars.Draw(draw.Crop(right, 0, 0, 0, -h/2))

	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("report: writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

// byMetric returns the indices of the nodes with a non-zero metric, highest
// first, ties by ID.
func byMetric(g *graph.Graph, r *analysis.Result, metric string) []int {
	var idx []int
	for i := range g.Nodes {
		if value(&r.Metrics[i], metric) != 0 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := cmp.Compare(value(&r.Metrics[b], metric), value(&r.Metrics[a], metric)); c != 0 {
			return c
		}
		return strings.Compare(g.Nodes[a].ID, g.Nodes[b].ID)
	})
	return idx
}

func truncate(s string, n int) string {
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

func textStyle(size vg.Length, c color.Color) text.Style {
	return text.Style{Color: c, Font: font.From(plot.DefaultFont, size), Handler: plot.DefaultTextHandler,
		XAlign: draw.XLeft, YAlign: draw.YCenter}
}

// barPlot is a horizontal bar chart of the top n entities by metric.
func barPlot(g *graph.Graph, r *analysis.Result, metric, title string, n int) *plot.Plot {
	p := plot.New()
	p.Title.Text = title
	p.Title.TextStyle.Font.Size = 14
	idx := byMetric(g, r, metric)
	idx = idx[:min(n, len(idx))]
	if len(idx) == 0 {
		p.HideAxes()
		p.Title.Text += " (none non-zero)"
		return p
	}
	vals := make(plotter.Values, len(idx))
	names := make([]string, len(idx))
	for k, i := range idx {
		j := len(idx) - 1 - k // rank 1 at the top
		vals[j] = value(&r.Metrics[i], metric)
		names[j] = truncate(g.Nodes[i].Name, 30)
	}
	bars, err := plotter.NewBarChart(vals, vg.Points(11))
	if err != nil {
		panic(err) // only for NaN or negative widths, which Analyse never gives
	}
	bars.Horizontal = true
	bars.Color = communityColours[0]
	bars.LineStyle.Width = 0
	p.Add(bars)
	p.NominalY(names...)
	p.Y.Tick.Label.Font.Size = 10
	p.X.Label.Text = metric
	p.X.Min = 0
	p.X.Max = 1.05 * value(&r.Metrics[idx[0]], metric)
	return p
}

// network draws the laid-out subgraph of the most central nodes.
type network struct {
	pos    []r2.Vec
	radius []vg.Length
	fill   []color.Color
	labels []string
	edges  []netEdge
	box    r2.Box
}

type netEdge struct {
	a, b  int
	width vg.Length
	col   color.Color
}

// networkPlot lays out the top opt.Nodes nodes by PageRank that are linked
// to another of them and returns the plot.
func networkPlot(ctx context.Context, g *graph.Graph, r *analysis.Result, opt PlotOptions) (*plot.Plot, error) {
	p := plot.New()
	p.Title.Text = fmt.Sprintf("The %d most central entities: area by PageRank, colour by community, edges by relation", opt.Nodes)
	p.Title.TextStyle.Font.Size = 14
	p.HideAxes()
	u := analysis.NewUndirected(g, r.Relations)
	top := byMetric(g, r, "pagerank")
	var chosen []int
	for _, i := range top {
		if len(chosen) == opt.Nodes {
			break
		}
		if r.Metrics[i].Degree > 0 {
			chosen = append(chosen, i)
		}
	}
	local := map[int]int{}
	for k, i := range chosen {
		local[i] = k
	}
	// Drop chosen nodes without a link to another chosen node.
	var kept []int
	for _, i := range chosen {
		it := u.From(int64(i))
		for it.Next() {
			if _, ok := local[int(it.Node().ID())]; ok {
				kept = append(kept, i)
				break
			}
		}
	}
	if len(kept) == 0 {
		p.Title.Text = "No linked entities to draw"
		return p, nil
	}
	clear(local)
	for k, i := range kept {
		local[i] = k
	}

	// The main relation type of every drawn pair: the one with most evidence.
	type pair struct{ a, b int }
	relWeight := map[pair]map[string]int{}
	idx := g.NodeIndex()
	keep := map[string]bool{}
	for _, t := range r.Relations {
		keep[t] = true
	}
	typeCount := map[string]int{}
	for _, e := range g.Edges {
		if len(keep) > 0 && !keep[e.Type] {
			continue
		}
		a, aok := local[idx[e.Source]]
		b, bok := local[idx[e.Target]]
		if !aok || !bok || a == b {
			continue
		}
		pr := pair{min(a, b), max(a, b)}
		if relWeight[pr] == nil {
			relWeight[pr] = map[string]int{}
		}
		relWeight[pr][e.Type] += max(e.Weight, 1)
	}
	pairs := make([]pair, 0, len(relWeight))
	for pr := range relWeight {
		pairs = append(pairs, pr)
	}
	slices.SortFunc(pairs, func(x, y pair) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) })
	main := make([]string, len(pairs))
	total := make([]int, len(pairs))
	for k, pr := range pairs {
		best := ""
		for t, wt := range relWeight[pr] {
			total[k] += wt
			if best == "" || wt > relWeight[pr][best] || wt == relWeight[pr][best] && t < best {
				best = t
			}
		}
		main[k] = best
		typeCount[best]++
	}
	types := make([]string, 0, len(typeCount))
	for t := range typeCount {
		types = append(types, t)
	}
	slices.SortFunc(types, func(x, y string) int { return cmp.Or(cmp.Compare(typeCount[y], typeCount[x]), strings.Compare(x, y)) })
	typeColour := map[string]color.Color{}
	for k, t := range types {
		typeColour[t] = otherRelation
		if k < len(relationColours) {
			typeColour[t] = relationColours[k]
		}
	}

	pos, err := layoutPacked(ctx, len(kept), pairs2(pairs, func(p pair) [2]int { return [2]int{p.a, p.b} }))
	if err != nil {
		return nil, err
	}

	nw := &network{}
	colourOf := map[int]color.Color{}
	maxPR := r.Metrics[kept[0]].PageRank
	for k, i := range kept {
		pos := pos[k]
		nw.pos = append(nw.pos, pos)
		if k == 0 {
			nw.box = r2.Box{Min: pos, Max: pos}
		}
		nw.box.Min = r2.Vec{X: math.Min(nw.box.Min.X, pos.X), Y: math.Min(nw.box.Min.Y, pos.Y)}
		nw.box.Max = r2.Vec{X: math.Max(nw.box.Max.X, pos.X), Y: math.Max(nw.box.Max.Y, pos.Y)}
		nw.radius = append(nw.radius, vg.Points(4+14*math.Sqrt(r.Metrics[i].PageRank/maxPR)))
		// Colours go to the communities in the order they first appear
		// among the drawn nodes, most central first.
		cm := r.Metrics[i].Community
		if _, ok := colourOf[cm]; !ok {
			colourOf[cm] = otherCommunity
			if len(colourOf) <= len(communityColours) {
				colourOf[cm] = communityColours[len(colourOf)-1]
			}
		}
		c := colourOf[cm]
		nw.fill = append(nw.fill, c)
		label := ""
		if k < opt.Labels {
			label = truncate(g.Nodes[i].Name, 24)
		}
		nw.labels = append(nw.labels, label)
	}
	for k, pr := range pairs {
		nw.edges = append(nw.edges, netEdge{a: pr.a, b: pr.b, col: typeColour[main[k]],
			width: vg.Points(0.8 + 1.2*math.Log1p(float64(total[k])))})
	}
	p.Add(nw)
	for _, t := range types {
		p.Legend.Add(strings.ToLower(t), lineThumb{typeColour[t]})
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Legend.TextStyle.Font.Size = 10
	return p, nil
}

// DataRange implements plot.DataRanger, leaving room for the labels.
func (nw *network) DataRange() (xmin, xmax, ymin, ymax float64) {
	dx := math.Max(nw.box.Max.X-nw.box.Min.X, 1)
	dy := math.Max(nw.box.Max.Y-nw.box.Min.Y, 1)
	// Room on the right for labels and at the top for the legend.
	return nw.box.Min.X - 0.05*dx, nw.box.Max.X + 0.2*dx, nw.box.Min.Y - 0.05*dy, nw.box.Max.Y + 0.25*dy
}

// Plot implements plot.Plotter.
func (nw *network) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	at := func(k int) vg.Point { return vg.Point{X: tx(nw.pos[k].X), Y: ty(nw.pos[k].Y)} }
	for _, e := range nw.edges {
		a, b := at(e.a), at(e.b)
		c.StrokeLine2(draw.LineStyle{Color: withAlpha(e.col, 0xb0), Width: e.width}, a.X, a.Y, b.X, b.Y)
	}
	for k := range nw.pos {
		pt := at(k)
		c.DrawGlyph(draw.GlyphStyle{Color: color.White, Radius: nw.radius[k] + 1, Shape: draw.CircleGlyph{}}, pt)
		c.DrawGlyph(draw.GlyphStyle{Color: nw.fill[k], Radius: nw.radius[k], Shape: draw.CircleGlyph{}}, pt)
	}
	for k := range nw.pos {
		if nw.labels[k] == "" {
			continue
		}
		pt := at(k)
		pt.X += nw.radius[k] + 2
		c.FillText(textStyle(10, color.Black), pt, nw.labels[k])
	}
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	// Premultiplied alpha.
	return color.RGBA{uint8(uint32(r>>8) * uint32(a) / 255), uint8(uint32(g>>8) * uint32(a) / 255), uint8(uint32(b>>8) * uint32(a) / 255), a}
}

// lineThumb is a legend entry: a short line in a relation's colour.
type lineThumb struct{ col color.Color }

func (l lineThumb) Thumbnail(c *draw.Canvas) {
	y := c.Center().Y
	c.StrokeLine2(draw.LineStyle{Color: l.col, Width: vg.Points(3)}, c.Min.X, y, c.Max.X, y)
}

func pairs2[T any](xs []T, f func(T) [2]int) [][2]int {
	out := make([][2]int, len(xs))
	for i, x := range xs {
		out[i] = f(x)
	}
	return out
}

// layoutPacked lays out each connected component of the graph of n nodes
// and the given edges with gonum's EadesR2, scales it into a square cell
// whose side grows with the square root of its size, and packs the cells
// in rows, largest first. It returns the position of every node.
func layoutPacked(ctx context.Context, n int, edges [][2]int) ([]r2.Vec, error) {
	sg := newOrdered(n, edges)
	var comps [][]int
	for _, c := range topo.ConnectedComponents(sg) {
		ids := make([]int, len(c))
		for i, v := range c {
			ids[i] = int(v.ID())
		}
		slices.Sort(ids)
		comps = append(comps, ids)
	}
	slices.SortFunc(comps, func(a, b []int) int { return cmp.Or(cmp.Compare(len(b), len(a)), cmp.Compare(a[0], b[0])) })

	pos := make([]r2.Vec, n)
	var area float64
	for _, c := range comps {
		area += float64(len(c))
	}
	width := math.Max(math.Sqrt(float64(len(comps[0]))), 1.3*math.Sqrt(area))
	var x, y, rowH float64
	for _, c := range comps {
		side := math.Sqrt(float64(len(c)))
		if x > 0 && x+side > width {
			x, y, rowH = 0, y-rowH, 0
		}
		local, err := layoutOne(ctx, sg, c)
		if err != nil {
			return nil, err
		}
		for i, v := range c {
			pos[v] = r2.Vec{X: x + side*(0.1+0.8*local[i].X), Y: y - side*(0.1+0.8*(1-local[i].Y))}
		}
		x += side
		rowH = math.Max(rowH, side)
	}
	return pos, nil
}

// layoutOne lays out the connected component c of g and returns its
// positions scaled into the unit square.
func layoutOne(ctx context.Context, g *ordered, c []int) ([]r2.Vec, error) {
	out := make([]r2.Vec, len(c))
	switch len(c) {
	case 1:
		out[0] = r2.Vec{X: 0.5, Y: 0.5}
		return out, nil
	case 2:
		out[0], out[1] = r2.Vec{X: 0, Y: 0.5}, r2.Vec{X: 1, Y: 0.5}
		return out, nil
	}
	index := make(map[int]int, len(c))
	for i, v := range c {
		index[v] = i
	}
	var edges [][2]int
	for i, v := range c {
		for _, w := range g.adj[v] {
			if j := index[w]; i < j {
				edges = append(edges, [2]int{i, j})
			}
		}
	}
	sub := newOrdered(len(c), edges)
	o := layout.NewOptimizerR2(sub, layout.IsomapR2{}.Update)
	for o.Update() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	for i := range c {
		out[i] = o.Coord2(int64(i))
	}
	var box r2.Box
	for i := range out {
		if i == 0 {
			box = r2.Box{Min: out[i], Max: out[i]}
		}
		box.Min = r2.Vec{X: math.Min(box.Min.X, out[i].X), Y: math.Min(box.Min.Y, out[i].Y)}
		box.Max = r2.Vec{X: math.Max(box.Max.X, out[i].X), Y: math.Max(box.Max.Y, out[i].Y)}
	}
	scale := math.Max(box.Max.X-box.Min.X, box.Max.Y-box.Min.Y)
	if scale == 0 {
		scale = 1
	}
	for i := range out {
		out[i] = r2.Vec{X: (out[i].X - box.Min.X) / scale, Y: (out[i].Y - box.Min.Y) / scale}
	}
	spread(out, edges)
	return normalise(out), nil
}

// spread refines a layout in the unit square with Fruchterman and
// Reingold's forces (repulsion k²/d between all nodes, attraction d²/k along
// edges) under a cooling step limit, so that nodes the Isomap embedding put
// on top of each other (members of a clique, leaves of a star) separate.
func spread(pos []r2.Vec, edges [][2]int) {
	n := len(pos)
	k := 1 / math.Sqrt(float64(n))
	disp := make([]r2.Vec, n)
	const rounds = 300
	for round := range rounds {
		clear(disp)
		for i := range n {
			for j := i + 1; j < n; j++ {
				d := r2.Sub(pos[i], pos[j])
				dist := r2.Norm(d)
				if dist < 1e-9 {
					// Coincident: separate along a fixed direction.
					a := float64(i*7+j*13) * 0.618
					d, dist = r2.Vec{X: math.Cos(a) * 1e-3, Y: math.Sin(a) * 1e-3}, 1e-3
				}
				f := r2.Scale(k*k/(dist*dist), d)
				disp[i] = r2.Add(disp[i], f)
				disp[j] = r2.Sub(disp[j], f)
			}
		}
		for _, e := range edges {
			d := r2.Sub(pos[e[0]], pos[e[1]])
			f := r2.Scale(r2.Norm(d)/k, d)
			disp[e[0]] = r2.Sub(disp[e[0]], f)
			disp[e[1]] = r2.Add(disp[e[1]], f)
		}
		t := 0.1 * (1 - float64(round)/rounds)
		for i := range pos {
			if l := r2.Norm(disp[i]); l > 0 {
				pos[i] = r2.Add(pos[i], r2.Scale(math.Min(l, t)/l, disp[i]))
			}
		}
	}
	// Then push apart any two nodes still closer than half the ideal
	// distance.
	minD := k / 2
	for range 100 {
		moved := false
		for i := range n {
			for j := i + 1; j < n; j++ {
				d := r2.Sub(pos[i], pos[j])
				if dist := r2.Norm(d); dist < minD {
					if dist < 1e-9 {
						d, dist = r2.Vec{X: 1e-3, Y: 0}, 1e-3
					}
					push := r2.Scale((minD-dist)/(2*dist), d)
					pos[i], pos[j] = r2.Add(pos[i], push), r2.Sub(pos[j], push)
					moved = true
				}
			}
		}
		if !moved {
			break
		}
	}
}

// normalise scales pos into the unit square, each axis separately but
// stretching the shorter one at most twice as much as the longer.
func normalise(pos []r2.Vec) []r2.Vec {
	box := r2.Box{Min: pos[0], Max: pos[0]}
	for _, p := range pos {
		box.Min = r2.Vec{X: math.Min(box.Min.X, p.X), Y: math.Min(box.Min.Y, p.Y)}
		box.Max = r2.Vec{X: math.Max(box.Max.X, p.X), Y: math.Max(box.Max.Y, p.Y)}
	}
	dx, dy := box.Max.X-box.Min.X, box.Max.Y-box.Min.Y
	big := math.Max(math.Max(dx, dy), 1e-9)
	dx, dy = math.Max(dx, big/2), math.Max(dy, big/2)
	out := make([]r2.Vec, len(pos))
	for i, p := range pos {
		out[i] = r2.Vec{X: (p.X - box.Min.X) / dx, Y: (p.Y - box.Min.Y) / dy}
	}
	return out
}

// ordered is a small undirected graph on the nodes 0..n-1 that, unlike
// gonum's simple graphs, lists nodes and neighbours in ascending order, so
// that the layout is the same on every run.
type ordered struct {
	nodes []gonum.Node
	adj   [][]int
}

var _ gonum.Undirected = (*ordered)(nil)

func newOrdered(n int, edges [][2]int) *ordered {
	g := &ordered{nodes: make([]gonum.Node, n), adj: make([][]int, n)}
	for i := range n {
		g.nodes[i] = simple.Node(i)
	}
	for _, e := range edges {
		if e[0] != e[1] && !slices.Contains(g.adj[e[0]], e[1]) {
			g.adj[e[0]] = append(g.adj[e[0]], e[1])
			g.adj[e[1]] = append(g.adj[e[1]], e[0])
		}
	}
	for _, a := range g.adj {
		slices.Sort(a)
	}
	return g
}

func (g *ordered) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(len(g.nodes)) {
		return nil
	}
	return g.nodes[id]
}

func (g *ordered) Nodes() gonum.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *ordered) From(id int64) gonum.Nodes {
	if g.Node(id) == nil {
		return gonum.Empty
	}
	ns := make([]gonum.Node, len(g.adj[id]))
	for i, v := range g.adj[id] {
		ns[i] = g.nodes[v]
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *ordered) HasEdgeBetween(x, y int64) bool {
	return g.Node(x) != nil && g.Node(y) != nil && slices.Contains(g.adj[x], int(y))
}

func (g *ordered) Edge(u, v int64) gonum.Edge { return g.EdgeBetween(u, v) }

func (g *ordered) EdgeBetween(x, y int64) gonum.Edge {
	if !g.HasEdgeBetween(x, y) {
		return nil
	}
	return simple.Edge{F: g.nodes[x], T: g.nodes[y]}
}
