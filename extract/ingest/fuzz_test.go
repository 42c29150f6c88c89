package ingest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract/ingest"
)

// fuzzRead ingests data as a file called name and checks the promises every
// article keeps whatever the input: valid UTF-8 text without BOM, CR or
// blank lines, a hash of exactly that text, and a Published date that is
// empty or YYYY-MM-DD. It returns the number of articles and skips.
func fuzzRead(t *testing.T, name string, data []byte) (articles, skips int) {
	st, err := ingest.FromBytes(context.Background(), name, data, ingest.Options{MaxFileBytes: 1 << 20}, func(a ingest.Article) error {
		checkText(t, name, a.Text)
		for _, f := range []string{a.ID, a.Title, a.URL} {
			checkText(t, name+" field", f)
			if strings.ContainsRune(f, '\n') {
				t.Errorf("%s: field %q has a line break", name, f)
			}
		}
		if a.Text == "" || a.ID == "" {
			t.Errorf("%s: empty text or id: %+v", name, a)
		}
		if sum := sha256.Sum256([]byte(a.Text)); hex.EncodeToString(sum[:]) != a.Hash {
			t.Errorf("%s: hash does not match the text", name)
		}
		if p := a.Published; p != "" && (len(p) != 10 || p[4] != '-' || p[7] != '-') {
			t.Errorf("%s: published %q", name, p)
		}
		articles++
		return nil
	})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, s := range st.Skipped {
		if s.Reason == "" {
			t.Errorf("%s: skip without a reason: %+v", name, s)
		}
	}
	return articles, len(st.Skipped)
}

// addFixtures seeds f with the files of testdata/corpus whose name ends in ext.
func addFixtures(f *testing.F, ext ...string) {
	err := filepath.WalkDir("testdata/corpus", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		for _, e := range ext {
			if strings.HasSuffix(p, e) {
				b, err := os.ReadFile(p)
				if err != nil {
					return err
				}
				f.Add(b)
			}
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
}

// FuzzText reads any bytes as .txt and as .md.
func FuzzText(f *testing.F) {
	addFixtures(f, ".txt", ".md")
	for _, s := range []string{"", "\xEF\xBB\xBFbom", "\xFF\xFEa\x00", "a\r\nb\rc", "Fran\xe7ois", "# T\n\n- a\n> b\n", "---\ntitle: x\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, s := fuzzRead(t, "f.txt", data)
		if a+s != 1 {
			t.Errorf("txt: %d articles and %d skips, want one of them", a, s)
		}
		a, s = fuzzRead(t, "f.md", data)
		if a+s != 1 {
			t.Errorf("md: %d articles and %d skips, want one of them", a, s)
		}
	})
}

// FuzzHTML reads any bytes as .html.
func FuzzHTML(f *testing.F) {
	addFixtures(f, ".html")
	for _, s := range []string{"<p>x</p>", "<div><div><p>a", "<script>x</script>", "<meta charset=shift_jis><p>\x93\x8c", "&#0;&amp;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, s := fuzzRead(t, "f.html", data)
		if a+s != 1 {
			t.Errorf("%d articles and %d skips, want one of them", a, s)
		}
	})
}

// FuzzJSONL reads any bytes as .jsonl: every non-blank line is an article
// or a skip.
func FuzzJSONL(f *testing.F) {
	addFixtures(f, ".jsonl")
	for _, s := range []string{`{"id":"a","text":"b"}`, "{\"text\":\"x\"}\n{\"text\":\"x\"}", "{\"id\":1,\"text\":\"\\u0000\"}", "\xFF\xFE{\x00}\x00"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, s := fuzzRead(t, "f.jsonl", data)
		if a+s == 0 {
			t.Errorf("no article and no skip")
		}
	})
}
