package graph_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// FuzzDecode checks that the graph reader never panics, and that a graph
// it accepts encodes and decodes again to the same bytes. Seeds: the
// graphs of testdata/diff and a few broken ones (see testdata/fuzz).
func FuzzDecode(f *testing.F) {
	for _, name := range []string{"old.json", "new.json"} {
		b, err := os.ReadFile(filepath.Join("testdata", "diff", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{
		``, `{}`, `[]`, `null`, `{"format":1}`, `{"format":1,"nodes":[]}`, `{"format":2,"nodes":[]}`,
		`{"format":1,"nodes":[{"id":"a"}],"edges":[{"source":"a","target":"b"}]}`,
		`{"format":1,"nodes":[{"id":"a","degree":1}],"edges":[]}`,
		`{"format":1,"nodes":[{"id":"a","article_mentions":{"x":1e99}}]}`,
		"{\"format\":1,\"nodes\":[{\"id\":\"\xff\"}]}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		g, err := graph.Decode("fuzz.json", data)
		if err != nil {
			if g != nil {
				t.Fatalf("Decode returned a graph and an error: %v", err)
			}
			return
		}
		var first bytes.Buffer
		if err := g.Encode(&first); err != nil {
			t.Fatalf("Encode of a decoded graph: %v", err)
		}
		g2, err := graph.Decode("again.json", first.Bytes())
		if err != nil {
			t.Fatalf("a graph Decode accepted does not decode after Encode: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := g2.Encode(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("Encode/Decode round trip is not stable:\n%s\n%s", first.Bytes(), second.Bytes())
		}
	})
}

// FuzzResolve extracts two fuzzed article texts and resolves them, and
// checks the graph's promises: every edge joins known nodes, its weight is
// its number of evidence sentences, and every evidence's offsets lie in
// its article and slice it to exactly the sentence; node mention counts
// add up. Seeds: short texts written for this test.
func FuzzResolve(f *testing.F) {
	for _, p := range [][2]string{
		{"Fisheries Minister Laura Keller met Rafael Ortega in Lisbon.\nKeller said the plan was ready.", "Ortega, the head of the Northern Fishing Council, resigned."},
		{"The European Central Bank (ECB) said the ECB would act.", "ECB chief Anna Berg met Mr Smith."},
		{"President Tomas Varga met Prime Minister Maria Lopez.", "Varga’s son-in-law proposed the 5-point plan."},
		{"", "May said in May that May would meet Theresa May."},
	} {
		f.Add(p[0], p[1])
	}
	s := schema.Default()
	ex := extract.New(s)
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return // ingest guarantees valid UTF-8
		}
		texts := map[string]string{"a": a, "b": b}
		arts := []graph.Extracted{
			{Article: graph.Article{ID: "a", Hash: "ha", Bytes: len(a)}, Text: a, Result: ex.Extract(a)},
			{Article: graph.Article{ID: "b", Hash: "hb", Bytes: len(b), Published: "2025-01-02"}, Text: b, Result: ex.Extract(b)},
		}
		g := graph.Resolve(s, arts)
		idx := g.NodeIndex()
		if len(idx) != len(g.Nodes) {
			t.Fatalf("%d nodes, %d distinct ids", len(g.Nodes), len(idx))
		}
		for _, n := range g.Nodes {
			sum := 0
			for _, id := range n.Articles {
				if _, ok := texts[id]; !ok {
					t.Fatalf("node %s: unknown article %q", n.ID, id)
				}
				sum += n.ArticleMentions[id]
			}
			if sum != n.Mentions || n.Mentions < 1 {
				t.Fatalf("node %s: %d mentions, article_mentions add up to %d", n.ID, n.Mentions, sum)
			}
		}
		for _, e := range g.Edges {
			if _, ok := idx[e.Source]; !ok {
				t.Fatalf("edge %s: unknown source", e.ID)
			}
			if _, ok := idx[e.Target]; !ok {
				t.Fatalf("edge %s: unknown target", e.ID)
			}
			if e.Weight != len(e.Evidence) || e.Weight == 0 {
				t.Fatalf("edge %s: weight %d, %d evidence", e.ID, e.Weight, len(e.Evidence))
			}
			for _, ev := range e.Evidence {
				text, ok := texts[ev.Article]
				if !ok {
					t.Fatalf("edge %s: evidence from unknown article %q", e.ID, ev.Article)
				}
				if ev.Start < 0 || ev.End > len(text) || ev.Start >= ev.End || text[ev.Start:ev.End] != ev.Sentence {
					t.Fatalf("edge %s: evidence [%d,%d) %q does not slice article %s (%d bytes)", e.ID, ev.Start, ev.End, ev.Sentence, ev.Article, len(text))
				}
			}
		}
		var buf bytes.Buffer
		if err := g.Encode(&buf); err != nil {
			t.Fatal(err)
		}
		if _, err := graph.Decode("resolved.json", buf.Bytes()); err != nil {
			t.Fatalf("the resolved graph does not decode: %v", err)
		}
	})
}
