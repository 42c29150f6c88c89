package graph_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/schema"
)

// newsDevExtracted extracts the 149 news-dev articles as kg build does
// (sorted by article id), outside any benchmark's clock.
func newsDevExtracted(b *testing.B, s *schema.Schema) []graph.Extracted {
	b.Helper()
	dir := filepath.Join(testkit.Shared(b), "corpus", "news-dev", "text")
	ex := extract.New(s)
	var out []graph.Extracted
	_, err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(a ingest.Article) error {
		out = append(out, graph.Extracted{Article: a.Record(), Text: a.Text, Result: ex.Extract(a.Text)})
		return nil
	})
	if err != nil || len(out) == 0 {
		b.Fatalf("extracting %s: %v (%d articles)", dir, err, len(out))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Article.ID < out[j].Article.ID })
	return out
}

// BenchmarkResolve measures resolution across articles of the extracted
// news-dev articles, once as they are and replicated 8 times under
// distinct article ids (as scripts/bench replicates the corpus), so that
// the cost per article can be compared.
func BenchmarkResolve(b *testing.B) {
	s := schema.Default()
	base := newsDevExtracted(b, s)
	for _, copies := range []int{1, 8} {
		arts := make([]graph.Extracted, 0, copies*len(base))
		for c := 0; c < copies; c++ {
			for _, e := range base {
				e.Article.ID = fmt.Sprintf("c%02d-%s", c, e.Article.ID)
				arts = append(arts, e)
			}
		}
		b.Run(fmt.Sprintf("news-dev-x%d", copies), func(b *testing.B) {
			var size int64
			for _, e := range arts {
				size += int64(len(e.Text))
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if g := graph.Resolve(s, arts); len(g.Nodes) == 0 {
					b.Fatal("no nodes")
				}
			}
			b.ReportMetric(float64(len(arts))*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkEncode measures writing the resolved news-dev graph as JSON
// (the last stage of kg build).
func BenchmarkEncode(b *testing.B) {
	s := schema.Default()
	g := graph.Resolve(s, newsDevExtracted(b, s))
	var cw countWriter
	if err := g.Encode(&cw); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(cw.n)
	b.ReportAllocs()
	for b.Loop() {
		if err := g.Encode(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

type countWriter struct{ n int64 }

func (c *countWriter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }
