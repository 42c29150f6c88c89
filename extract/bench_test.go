package extract_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/schema"
)

// benchTexts reads the articles of a shared corpus directory as kg build
// ingests them, and their total size in bytes and words.
func benchTexts(b *testing.B, dir ...string) (texts []string, size, words int64) {
	b.Helper()
	path := filepath.Join(append([]string{testkit.Shared(b), "corpus"}, dir...)...)
	_, err := ingest.Walk(context.Background(), []string{path}, ingest.Options{}, func(a ingest.Article) error {
		texts = append(texts, a.Text)
		size += int64(len(a.Text))
		words += int64(len(strings.Fields(a.Text)))
		return nil
	})
	if err != nil || len(texts) == 0 {
		b.Fatalf("reading %s: %v (%d articles)", path, err, len(texts))
	}
	return texts, size, words
}

// reportWords adds a words/s metric (whitespace-separated words, the unit
// of scripts/bench).
func reportWords(b *testing.B, words int64, n int) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(words)*float64(n)/s, "words/s")
	}
}

// corpora are the inputs of the extraction benchmarks: the five seed
// articles and the 149 news-dev articles (what scripts/bench replicates).
var corpora = []struct {
	name string
	dir  []string
}{
	{"seeds", []string{"seeds"}},
	{"news-dev", []string{"news-dev", "text"}},
}

// BenchmarkTokenize measures tokenisation and sentence splitting.
func BenchmarkTokenize(b *testing.B) {
	for _, c := range corpora {
		b.Run(c.name, func(b *testing.B) {
			texts, size, words := benchTexts(b, c.dir...)
			b.SetBytes(size)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, t := range texts {
					extract.Tokenize(t)
				}
				n++
			}
			reportWords(b, words, n)
		})
	}
}

// BenchmarkExtract measures the whole per-article extraction (tokenise,
// recognise, resolve within the article, relate) with the default schema,
// on one goroutine. Profile it with
//
//	go test ./extract -run '^$' -bench 'Extract/news-dev' -benchtime 46x -cpuprofile cpu.out
func BenchmarkExtract(b *testing.B) {
	ex := extract.New(schema.Default())
	for _, c := range corpora {
		b.Run(c.name, func(b *testing.B) {
			texts, size, words := benchTexts(b, c.dir...)
			ex.Extract(texts[0]) // load the lexicons before the clock starts
			b.SetBytes(size)
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				for _, t := range texts {
					if ex.Extract(t) == nil {
						b.Fatal("nil result")
					}
				}
				n++
			}
			reportWords(b, words, n)
		})
	}
}

// BenchmarkNew measures compiling the default schema into an Extractor
// (once per kg build).
func BenchmarkNew(b *testing.B) {
	s := schema.Default()
	b.ReportAllocs()
	for b.Loop() {
		extract.New(s)
	}
}
