package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/internal/testkit"
)

// BenchmarkNewsDev walks the 149 HTML pages, then the 149 text files, of
// the shared news-dev corpus.
func BenchmarkNewsDev(b *testing.B) {
	for _, sub := range []string{"html", "text"} {
		b.Run(sub, func(b *testing.B) {
			dir := filepath.Join(testkit.Shared(b), "corpus", "news-dev", sub)
			var size int64
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					if fi, err := d.Info(); err == nil {
						size += fi.Size()
					}
				}
				return nil
			})
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				st, err := ingest.Walk(context.Background(), []string{dir}, ingest.Options{}, func(ingest.Article) error { return nil })
				if err != nil || st.Read == 0 {
					b.Fatal(err, st.Skipped)
				}
			}
		})
	}
}

// BenchmarkFormats reads one generated 1 MB document per format.
func BenchmarkFormats(b *testing.B) {
	para := "The minister met her counterpart in Brussels on Monday, officials said, and the two agreed a plan.\n"
	var jsonl strings.Builder
	for i := range 10000 {
		jsonl.WriteString(`{"id":"a` + strings.Repeat("x", i%7) + `","text":"` + strings.TrimSpace(para) + `"}` + "\n")
	}
	inputs := []struct{ name, file, data string }{
		{"txt", "a.txt", strings.Repeat(para, 10000)},
		{"md", "a.md", strings.Repeat("## Heading\n\n- *item* with [link](x)\n"+para, 7000)},
		{"html", "a.html", "<html><body><article>" + strings.Repeat("<p>"+para+"</p>", 10000) + "</article></body></html>"},
		{"jsonl", "a.jsonl", jsonl.String()},
	}
	for _, in := range inputs {
		b.Run(in.name, func(b *testing.B) {
			data := []byte(in.data)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := ingest.FromBytes(context.Background(), in.file, data, ingest.Options{}, func(ingest.Article) error { return nil }); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
