package exports_test

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"

	"github.com/kgraph/kg/graph"
)

var benchEdges = flag.Int("exports.edges", 100000, "number of edges of the benchmark graph (e.g. 1000000)")

// generate returns an analysed, dated graph with edges edges and one node
// per eight edges (at most 20000 nodes), from a fixed seed.
func generate(edges int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 42))
	g := &graph.Graph{Format: graph.FormatVersion, Directed: true}
	for i := range 60 {
		g.Articles = append(g.Articles, graph.Article{ID: fmt.Sprintf("d%03d", i), Published: fmt.Sprintf("2025-%02d-%02d", 1+i/28, 1+i%28), Hash: "00"})
	}
	types := []string{graph.Person, graph.Person, graph.Institution, graph.Place, graph.Document}
	nodes := min(max(edges/8, 10), 20000)
	for i := range nodes {
		name := "Entity " + strconv.Itoa(i)
		a1, a2 := g.Articles[rng.IntN(60)].ID, g.Articles[rng.IntN(60)].ID
		if a2 < a1 {
			a1, a2 = a2, a1
		}
		g.Nodes = append(g.Nodes, graph.Node{
			ID: fmt.Sprintf("n:%08d", i), Name: name, Type: types[i%len(types)], Aliases: []string{name, "E" + strconv.Itoa(i)},
			Mentions: 1 + rng.IntN(50), Articles: []string{a1, a2},
			Metrics: &graph.Metrics{Degree: rng.IntN(20), PageRank: rng.Float64() / float64(nodes), Betweenness: rng.Float64(), Community: rng.IntN(30)},
		})
	}
	rels := []string{"MET_WITH", "LED", "RESIGNED", "PROPOSED", "CRITICIZED", "ADVISED"}
	sentences := []string{
		"The minister met the envoy in the capital on Tuesday.",
		"She led the delegation & answered questions about the \"plan\".",
		"He proposed a new budget <draft> to the council.",
	}
	for i := range edges {
		s, t := rng.IntN(nodes), rng.IntN(nodes)
		rel := rels[i%len(rels)]
		e := graph.Edge{ID: rel + "|" + g.Nodes[s].ID + "|" + g.Nodes[t].ID + "|" + strconv.Itoa(i), Source: g.Nodes[s].ID, Target: g.Nodes[t].ID,
			Type: rel, Symmetric: rel == "MET_WITH", Confidence: rng.Float64()}
		for range 1 + rng.IntN(3) {
			a := g.Articles[rng.IntN(60)]
			e.Evidence = append(e.Evidence, graph.Evidence{Article: a.ID, Sentence: sentences[rng.IntN(len(sentences))], Date: a.Published})
		}
		e.Weight = len(e.Evidence)
		e.FirstDate, e.LastDate = e.Evidence[0].Date, e.Evidence[0].Date
		for _, ev := range e.Evidence {
			e.FirstDate, e.LastDate = min(e.FirstDate, ev.Date), max(e.LastDate, ev.Date)
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

// BenchmarkWrite writes a generated graph (-exports.edges, default 100000
// edges) in each format and throws the bytes away. Besides time and
// allocations it reports live-KB: the heap the writer holds halfway
// through the file, measured after a forced GC, beyond the graph itself.
// It does not grow with the number of edges (compare -exports.edges=100000
// with 1000000, both on 20000 nodes).
func BenchmarkWrite(b *testing.B) {
	g := generate(*benchEdges, 1)
	for _, f := range formats {
		b.Run(fmt.Sprintf("%s/edges=%d", f.name, len(g.Edges)), func(b *testing.B) {
			b.ReportAllocs()
			var n, live int64
			for b.Loop() {
				cw := &countWriter{}
				if _, err := f.write(context.Background(), cw, g); err != nil {
					b.Fatal(err)
				}
				n = cw.n
			}
			// Once more, measuring the live heap halfway through.
			cw := &countWriter{probeAt: n / 2}
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if _, err := f.write(context.Background(), cw, g); err != nil {
				b.Fatal(err)
			}
			live = int64(cw.heap) - int64(ms.HeapAlloc)
			b.SetBytes(n)
			b.ReportMetric(float64(n)/float64(len(g.Edges)), "file-B/edge")
			b.ReportMetric(float64(live)/1024, "live-KB")
		})
	}
}

// countWriter counts bytes and, once probeAt bytes went through, records
// the live heap.
type countWriter struct {
	n, probeAt int64
	heap       uint64
}

func (c *countWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	if c.probeAt > 0 && c.heap == 0 && c.n >= c.probeAt {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		c.heap = ms.HeapAlloc
	}
	return len(p), nil
}
