package pipeline_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/eval"
	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/pipeline"
	"github.com/kgraph/kg/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/golden/graph.json")

// build runs pipeline.Build on paths and fails t on an error.
func build(t testing.TB, paths []string, opt pipeline.Options) (*graph.Graph, pipeline.Summary) {
	t.Helper()
	g, sum, err := pipeline.Build(context.Background(), paths, opt)
	if err != nil {
		t.Fatalf("Build(%v): %v", paths, err)
	}
	return g, sum
}

func encode(t testing.TB, g *graph.Graph) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := g.Encode(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestGolden builds the three short articles of testdata/golden/articles
// (written for this test: a fisheries negotiation with a plan and a planned
// meeting, a company chief's resignation, a two-leader summit) and compares
// the graph with testdata/golden/graph.json. go test -update rewrites it.
// The graph is not analysed (the analysis stage is wired in by cmd/kg).
func TestGolden(t *testing.T) {
	root := testkit.Root(t)
	g, sum := build(t, []string{filepath.Join(root, "testdata", "golden", "articles")}, pipeline.Options{Workers: 2})
	if sum.Ingest.Read != 3 {
		t.Fatalf("read %d articles, want 3", sum.Ingest.Read)
	}
	got := encode(t, g)
	golden := filepath.Join(root, "testdata", "golden", "graph.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline/ -run TestGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("graph differs from %s (go test ./pipeline/ -run TestGolden -update to accept):\n%s", golden, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the lines removed from want (-) and added in got (+),
// from a longest common subsequence of lines, at most 40 of them.
func lineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the LCS length of a[i:] and b[j:]
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var sb strings.Builder
	shown := 0
	emit := func(sign string, n int, line string) {
		if shown < 40 {
			sb.WriteString(sign + " " + strconv.Itoa(n) + ": " + line + "\n")
		}
		shown++
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			emit("+", j+1, b[j])
			j++
		default:
			emit("-", i+1, a[i])
			i++
		}
	}
	if shown > 40 {
		sb.WriteString("… and " + strconv.Itoa(shown-40) + " more lines\n")
	}
	return sb.String()
}

// TestPlanned builds the golden articles with and without
// Options.Planned: "Ortega will meet Keller again in Madrid next week"
// (harbour.txt) is an edge with status "planned" only when asked for, and
// "Keller did not meet representatives …" never is.
func TestPlanned(t *testing.T) {
	dir := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	cases := []struct {
		name    string
		planned bool
		want    int // edges with status "planned"
	}{
		{"dropped by default", false, 0},
		{"kept when asked for", true, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, _ := build(t, []string{dir}, pipeline.Options{Planned: tc.planned})
			var got []string
			for _, e := range g.Edges {
				if e.Status == "planned" {
					got = append(got, e.ID)
					if e.Type != "MET_WITH" || e.Evidence[0].Article != "harbour.txt" || !strings.HasPrefix(e.Evidence[0].Sentence, "Ortega will meet Keller") {
						t.Errorf("unexpected planned edge %s: %+v", e.ID, e.Evidence)
					}
				}
				if e.Status != "" && e.Status != "planned" {
					t.Errorf("edge %s: status %q", e.ID, e.Status)
				}
			}
			if len(got) != tc.want {
				t.Errorf("planned edges %q, want %d", got, tc.want)
			}
		})
	}
}

// TestDeterministic builds the same articles with 1, 2 and 4 workers and
// requires byte-identical JSON.
func TestDeterministic(t *testing.T) {
	cases := []struct {
		name  string
		paths func(t *testing.T) []string
	}{
		{"seeds", func(t *testing.T) []string { return []string{filepath.Join(testkit.Shared(t), "corpus", "seeds")} }},
		{"golden articles", func(t *testing.T) []string {
			return []string{filepath.Join(testkit.Root(t), "testdata", "golden", "articles")}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			paths := tc.paths(t)
			var first []byte
			for _, w := range []int{1, 2, 4} {
				g, _ := build(t, paths, pipeline.Options{Workers: w})
				got := encode(t, g)
				if first == nil {
					first = got
					if len(g.Nodes) == 0 || len(g.Edges) == 0 {
						t.Fatalf("empty graph: %d nodes, %d edges", len(g.Nodes), len(g.Edges))
					}
					continue
				}
				if !bytes.Equal(got, first) {
					t.Fatalf("%d workers: output differs from 1 worker:\n%s", w, lineDiff(string(first), string(got)))
				}
			}
		})
	}
}

// TestEvidence builds the news-dev corpus (read from KG_SHARED), re-reads
// every article with ingest.Walk and checks every node and edge: evidence
// offsets slice the article text to exactly the sentence, references to
// nodes and articles are valid, types are in the schema.
func TestEvidence(t *testing.T) {
	dir := filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text")
	g, sum := build(t, []string{dir}, pipeline.Options{})
	texts := map[string]ingest.Article{}
	if _, err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(a ingest.Article) error {
		texts[a.ID] = a
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(texts) != sum.Ingest.Read || len(g.Articles) != len(texts) {
		t.Fatalf("graph has %d articles, Build read %d, Walk read %d", len(g.Articles), sum.Ingest.Read, len(texts))
	}
	s := schema.Default()
	for _, a := range g.Articles {
		in, ok := texts[a.ID]
		if !ok {
			t.Fatalf("graph article %q was not read by Walk", a.ID)
		}
		if a.Hash != in.Hash || a.Bytes != len(in.Text) {
			t.Errorf("article %s: hash %s, %d bytes; Walk gives %s, %d bytes", a.ID, a.Hash, a.Bytes, in.Hash, len(in.Text))
		}
	}
	idx := g.NodeIndex()
	if len(idx) != len(g.Nodes) {
		t.Errorf("%d nodes but %d distinct ids", len(g.Nodes), len(idx))
	}
	for _, n := range g.Nodes {
		if _, ok := s.Entity(n.Type); !ok {
			t.Errorf("node %s: type %q not in the schema", n.ID, n.Type)
		}
		if n.Name == "" || n.Mentions < 1 || len(n.Articles) == 0 {
			t.Errorf("node %s: name %q, %d mentions, %d articles", n.ID, n.Name, n.Mentions, len(n.Articles))
		}
		total := 0
		for _, id := range n.Articles {
			if _, ok := texts[id]; !ok {
				t.Errorf("node %s: unknown article %q", n.ID, id)
			}
			total += n.ArticleMentions[id]
		}
		if total != n.Mentions {
			t.Errorf("node %s: %d mentions but article_mentions sum to %d", n.ID, n.Mentions, total)
		}
	}
	checked := 0
	for _, e := range g.Edges {
		if _, ok := idx[e.Source]; !ok {
			t.Errorf("edge %s: unknown source %q", e.ID, e.Source)
		}
		if _, ok := idx[e.Target]; !ok {
			t.Errorf("edge %s: unknown target %q", e.ID, e.Target)
		}
		if _, ok := s.Relation(e.Type); !ok {
			t.Errorf("edge %s: type %q not in the schema", e.ID, e.Type)
		}
		if e.Weight != len(e.Evidence) || e.Weight == 0 {
			t.Errorf("edge %s: weight %d, %d evidence", e.ID, e.Weight, len(e.Evidence))
		}
		if e.Confidence <= 0 || e.Confidence > 1 {
			t.Errorf("edge %s: confidence %v", e.ID, e.Confidence)
		}
		for _, ev := range e.Evidence {
			a, ok := texts[ev.Article]
			if !ok {
				t.Errorf("edge %s: evidence from unknown article %q", e.ID, ev.Article)
				continue
			}
			if ev.Start < 0 || ev.End > len(a.Text) || ev.Start >= ev.End {
				t.Errorf("edge %s: evidence [%d,%d) outside article %s (%d bytes)", e.ID, ev.Start, ev.End, ev.Article, len(a.Text))
				continue
			}
			if got := a.Text[ev.Start:ev.End]; got != ev.Sentence {
				t.Errorf("edge %s: %s[%d:%d] = %q, evidence sentence %q", e.ID, ev.Article, ev.Start, ev.End, got, ev.Sentence)
			}
			if a.Published != "" && ev.Date != a.Published {
				t.Errorf("edge %s: evidence date %q, article %s published %q", e.ID, ev.Date, ev.Article, a.Published)
			}
			checked++
		}
	}
	if len(g.Edges) < 50 || checked < len(g.Edges) {
		t.Errorf("checked %d evidence sentences on %d edges: too few for a 149-article corpus", checked, len(g.Edges))
	}
	t.Logf("checked %d nodes, %d edges, %d evidence sentences in %d articles", len(g.Nodes), len(g.Edges), checked, len(texts))
}

// TestCancel shows that a cancelled context stops Build: before it starts,
// and in the middle of the news-dev corpus.
func TestCancel(t *testing.T) {
	dir := filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text")
	t.Run("before", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		var done atomic.Int32
		g, _, err := pipeline.Build(ctx, []string{dir}, pipeline.Options{Workers: 2, Progress: func(int) { done.Add(1) }})
		if !errors.Is(err, context.Canceled) || g != nil {
			t.Fatalf("Build = %v, %v; want nil, context.Canceled", g, err)
		}
		if n := done.Load(); n != 0 {
			t.Errorf("%d articles extracted after cancellation", n)
		}
	})
	t.Run("during", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		var done atomic.Int32
		opt := pipeline.Options{Workers: 2, Progress: func(n int) {
			done.Store(int32(n))
			if n == 3 {
				cancel()
			}
		}}
		g, sum, err := pipeline.Build(ctx, []string{dir}, opt)
		if !errors.Is(err, context.Canceled) || g != nil {
			t.Fatalf("Build = %v, %v; want nil, context.Canceled", g, err)
		}
		// Workers stop at their next article; the walker within a few
		// (its channel holds 2 per worker, and a send may still win the
		// select against ctx.Done).
		n := int(done.Load())
		if n > 3+2 || sum.Ingest.Read > 40 {
			t.Errorf("after cancelling at 3 articles: %d extracted, %d read of 149", n, sum.Ingest.Read)
		}
		t.Logf("cancelled at 3 articles: %d extracted, %d read", n, sum.Ingest.Read)
	})
}

// score builds paths with the defaults and scores the graph against gold.
func score(t *testing.T, gold string, paths []string) *eval.Result {
	t.Helper()
	gd, err := eval.LoadGold(context.Background(), gold)
	if err != nil {
		t.Fatal(err)
	}
	g, _ := build(t, paths, pipeline.Options{})
	r := eval.Score(gd, g)
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", b.String())
	return r
}

// TestQuality keeps the scores above the bars: the seeds against
// shared/eval/seeds-gold.yaml (the bar), and the news-dev articles
// annotated in testdata/devgold and testdata/devgold2 (the level reached,
// minus a margin, so that regressions are caught).
func TestQuality(t *testing.T) {
	shared := testkit.Shared(t)
	root := testkit.Root(t)
	// a development set in testdata/DIR: its gold, and the news-dev articles it lists
	devGold := func(dir string) string { return filepath.Join(root, "testdata", dir, "news-dev-gold.yaml") }
	devFiles := func(dir string) func(t *testing.T) []string {
		return func(t *testing.T) []string {
			return listed(t, filepath.Join(root, "testdata", dir, "files.txt"), filepath.Join(shared, "corpus", "news-dev", "text"))
		}
	}
	cases := []struct {
		name          string
		gold          string
		paths         func(t *testing.T) []string
		entF1, coreF1 float64
	}{
		{
			name:   "seeds",
			gold:   filepath.Join(shared, "eval", "seeds-gold.yaml"),
			paths:  func(t *testing.T) []string { return []string{filepath.Join(shared, "corpus", "seeds")} },
			entF1:  0.90,
			coreF1: 0.75,
		},
		{
			name:   "news-dev gold",
			gold:   devGold("devgold"),
			paths:  devFiles("devgold"),
			entF1:  0.87,
			coreF1: 0.87,
		},
		{
			// a third set, rich in LED and RESIGNED, annotated without looking at
			// the extractor (0.758 and 0.562 when first measured, 0.906 and 0.905
			// after tuning)
			name:   "news-dev gold 2",
			gold:   devGold("devgold2"),
			paths:  devFiles("devgold2"),
			entF1:  0.86,
			coreF1: 0.85,
		},
		{
			// annotated without looking at the extractor: 0.778 and 0.324 when
			// first measured, 0.914 and 0.875 after the fixes it showed
			name:   "news-dev gold 3",
			gold:   devGold("devgold3"),
			paths:  devFiles("devgold3"),
			entF1:  0.87,
			coreF1: 0.80,
		},
		{
			// the same: 0.815 and 0.548 first, 0.855 and 0.941 after
			name:   "news-dev gold 4",
			gold:   devGold("devgold4"),
			paths:  devFiles("devgold4"),
			entF1:  0.81,
			coreF1: 0.85,
		},
		{
			// the same: 0.898 and 0.222 first (1 of 8 core relations), 0.937
			// and 0.769 after the patterns it showed (meetings without "met",
			// organisations before titles, offices implying institutions)
			name:   "news-dev gold 5",
			gold:   devGold("devgold5"),
			paths:  devFiles("devgold5"),
			entF1:  0.90,
			coreF1: 0.70,
		},
		{
			// the same: 0.795 and 0.375 first, 0.938 and 1.000 after the
			// patterns it showed (staff with title and employer, reporters,
			// passive and possessive proposals, towns before states); only 4
			// core relations are required, so one miss costs 0.14
			name:   "news-dev gold 6",
			gold:   devGold("devgold6"),
			paths:  devFiles("devgold6"),
			entF1:  0.90,
			coreF1: 0.60,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := score(t, tc.gold, tc.paths(t))
			if r.Entities.F1 < tc.entF1 {
				t.Errorf("entity F1 = %.3f, want >= %.2f", r.Entities.F1, tc.entF1)
			}
			if core := r.Relations["ALL_CORE"]; core == nil || core.F1 < tc.coreF1 {
				t.Errorf("ALL_CORE relation F1 = %+v, want >= %.2f", core, tc.coreF1)
			}
		})
	}
}

// listed returns the files named in list (one a line), in dir.
func listed(t *testing.T, list, dir string) []string {
	t.Helper()
	f, err := os.Open(list)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name := strings.TrimSpace(sc.Text()); name != "" && !strings.HasPrefix(name, "#") {
			out = append(out, filepath.Join(dir, name))
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s lists no file", list)
	}
	return out
}
