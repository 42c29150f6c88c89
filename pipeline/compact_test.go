package pipeline

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/schema"
)

// readArticles reads the articles under dir in walk order.
func readArticles(t *testing.T, dir string) []ingest.Article {
	t.Helper()
	var arts []ingest.Article
	if _, err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(a ingest.Article) error {
		arts = append(arts, a)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatalf("no article under %s", dir)
	}
	return arts
}

// TestCompactResolvesAlike resolves the full extraction results with their
// texts and the compact form that a build keeps (compact), and requires
// the same graph, byte for byte, with and without planned relations. Data:
// the golden articles of testdata (written for the tests) and news-dev
// from KG_SHARED.
func TestCompactResolvesAlike(t *testing.T) {
	cases := []struct {
		name string
		dir  func(t *testing.T) string
	}{
		{"golden", func(t *testing.T) string { return filepath.Join(testkit.Root(t), "testdata", "golden", "articles") }},
		{"news-dev", func(t *testing.T) string { return filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text") }},
	}
	s := schema.Default()
	ex := extract.New(s)
	for _, tc := range cases {
		for _, planned := range []bool{false, true} {
			name := tc.name
			if planned {
				name += " planned"
			}
			t.Run(name, func(t *testing.T) {
				arts := readArticles(t, tc.dir(t))
				full := make([]graph.Extracted, len(arts))
				small := make([]graph.Extracted, len(arts))
				cited, names := 0, newInterner()
				for i, a := range arts {
					res := ex.Extract(a.Text)
					if !planned {
						res.DropPlanned()
					}
					full[i] = graph.Extracted{Article: a.Record(), Text: a.Text, Result: res}
					small[i] = extractArticle(ex, names, a, Options{Planned: planned})
					if small[i].Text != "" || len(small[i].Sentences) != len(small[i].Result.Sentences) {
						t.Fatalf("article %s: compact form keeps the text or %d sentence texts for %d sentences", a.ID, len(small[i].Sentences), len(small[i].Result.Sentences))
					}
					if len(small[i].Result.Sentences) > len(res.Sentences) || len(small[i].Result.Mentions) != 0 {
						t.Fatalf("article %s: compact form keeps %d of %d sentences and %d mentions", a.ID, len(small[i].Result.Sentences), len(res.Sentences), len(small[i].Result.Mentions))
					}
					cited += len(small[i].Sentences)
				}
				if cited == 0 {
					t.Fatal("no relation cites a sentence: the comparison shows nothing")
				}
				want, got := resolvedJSON(t, s, full), resolvedJSON(t, s, small)
				if !bytes.Equal(got, want) {
					t.Fatalf("the compact form resolves to another graph (%d bytes, want %d)", len(got), len(want))
				}
			})
		}
	}
}

func resolvedJSON(t *testing.T, s *schema.Schema, arts []graph.Extracted) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := graph.Resolve(s, arts).Encode(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestStateEncodeStreams checks that a state whose texts are kept in a
// temporary file encodes to the bytes of the whole state encoded at once
// by encoding/json (the format written before texts were kept out of
// memory), for states with and without a schema and articles, and texts
// with characters JSON escapes.
func TestStateEncodeStreams(t *testing.T) {
	texts := []struct{ id, text string }{
		{"a1", "Mayor Ana Lee met the <board> & the \"council\" in Porto.\nSecond line\twith a tab."},
		{"a2", "Ünïcödé — “quotes” and \u2028 a line separator, \\ a backslash."},
		{"a3", "Short."},
	}
	sp := newSpill()
	if sp == nil {
		t.Fatal("cannot create a temporary file")
	}
	var spilled []StoredArticle
	for _, x := range texts {
		a := ingest.Article{ID: x.id, Title: "T <" + x.id + ">", Hash: "h-" + x.id, Text: x.text}
		sa, err := storedFrom(a, sp)
		if err != nil {
			t.Fatal(err)
		}
		if sa.Text != "" || sa.spilled == nil {
			t.Fatalf("article %s: text kept in memory", x.id)
		}
		spilled = append(spilled, sa)
	}
	cases := []struct {
		name string
		st   State
	}{
		{"articles", State{Format: StateFormat, Articles: spilled}},
		{"schema and planned", State{Format: StateFormat, Schema: "name: x\n# <y> & z\n", Planned: true, Articles: spilled[1:]}},
		{"no articles", State{Format: StateFormat, Articles: []StoredArticle{}}},
		{"nil articles", State{Format: StateFormat}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var got bytes.Buffer
			if err := tc.st.Encode(&got); err != nil {
				t.Fatal(err)
			}
			// the reference: texts in memory, the whole state at once
			ref := tc.st
			if ref.Articles != nil {
				ref.Articles = make([]StoredArticle, len(tc.st.Articles))
				for i, sa := range tc.st.Articles {
					text, err := sa.text()
					if err != nil {
						t.Fatal(err)
					}
					ref.Articles[i] = StoredArticle{ID: sa.ID, Title: sa.Title, URL: sa.URL, Published: sa.Published, Hash: sa.Hash, Text: text}
				}
			}
			var want bytes.Buffer
			zw, err := gzip.NewWriterLevel(&want, gzip.BestSpeed)
			if err != nil {
				t.Fatal(err)
			}
			enc := json.NewEncoder(zw)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(&ref); err != nil {
				t.Fatal(err)
			}
			if err := zw.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("streamed state differs from encoding/json's (%d bytes, want %d)", got.Len(), want.Len())
			}
			if ref.Articles != nil && len(ref.Articles) > 0 && !strings.Contains(gunzip(t, got.Bytes()), `"text":"`+jsonInner(t, ref.Articles[0].Text)+`"`) {
				t.Fatal("the first article's text is not in the state")
			}
		})
	}
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

// jsonInner is s as a JSON string without its quotes (HTML not escaped).
func jsonInner(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		t.Fatal(err)
	}
	out := strings.TrimSpace(b.String())
	return out[1 : len(out)-1]
}
