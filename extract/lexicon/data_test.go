package lexicon

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestEmbeddedSize keeps the embedded data within the budget the project set
// for the binary (about 6 MB).
func TestEmbeddedSize(t *testing.T) {
	total := 0
	err := fs.WalkDir(data, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := data.ReadFile(path)
		total += len(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if total > 6<<20 {
		t.Errorf("embedded data is %d bytes, over the 6 MiB budget", total)
	}
	t.Logf("embedded data: %d bytes", total)
}

// TestTablesConsistent checks invariants the generator promises across files.
func TestTablesConsistent(t *testing.T) {
	g := gazetteer()
	c := countries()
	if len(c.list) < 240 {
		t.Errorf("%d countries, want the ~250 of ISO 3166-1", len(c.list))
	}
	for _, ci := range c.list {
		found := false
		for _, p := range g.fold[asciiLower(ci.Name)] {
			if p.Kind == Country && p.Country == ci.ISO2 && p.Name == ci.Name {
				found = true
			}
		}
		if !found {
			t.Errorf("country %s %q has no Place of its name", ci.ISO2, ci.Name)
		}
		if ci.Capital == "" && ci.Independent {
			t.Logf("independent country %s has no capital", ci.ISO2)
		}
	}
	for _, m := range []map[string][]Place{g.exact, g.fold} {
		for k, ps := range m {
			if k == "" || strings.TrimSpace(k) != k || len(ps) == 0 {
				t.Errorf("bad gazetteer key %q -> %v", k, ps)
			}
		}
	}
	for k := range g.exact {
		if !regexp.MustCompile(`^(?:[A-Z]\.?){2,5}$`).MatchString(k) {
			t.Errorf("exact-case key %q is no abbreviation", k)
		}
	}
	// Given-name ranks are 1..N, each once.
	names := givenNames()
	seen := make([]bool, len(names)+1)
	for n, e := range names {
		if e.rank < 1 || int(e.rank) > len(names) || seen[e.rank] {
			t.Fatalf("given name %q has rank %d: ranks must be 1..%d, each once", n, e.rank, len(names))
		}
		seen[e.rank] = true
		if e.gender != Male && e.gender != Female && e.gender != Unisex {
			t.Fatalf("given name %q has gender %q", n, e.gender)
		}
	}
	words := commonWords()
	if words["the"] != 1 || len(words) < 30000 {
		t.Errorf("common words: %d, rank of the %d; want >= 30000 and 1", len(words), words["the"])
	}
}

// TestSourcesPinned checks that the data files were generated from the
// package versions scripts/lexicon pins, so a version bump without a
// regeneration (or the reverse) shows.
func TestSourcesPinned(t *testing.T) {
	req, err := os.ReadFile("../../scripts/lexicon/requirements.txt")
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := os.ReadFile("../../scripts/lexicon/package.json")
	if err != nil {
		t.Fatal(err)
	}
	var headers strings.Builder
	for _, f := range []string{"places.tsv.gz", "countries.tsv", "given_names.tsv.gz", "words.tsv.gz", "titles.tsv", "particles.tsv", "legal_suffixes.tsv"} {
		readHeader(t, f, &headers)
	}
	pins := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^([a-z-]+)==(\S+)$`).FindAllStringSubmatch(string(req), -1) {
		pins[m[1]] = m[2]
	}
	for _, m := range regexp.MustCompile(`"([a-z-]+)": "(\d[^"]*)"`).FindAllStringSubmatch(string(pkg), -1) {
		pins[m[1]] = m[2]
	}
	if len(pins) < 8 {
		t.Fatalf("found %d pinned packages, want the 6 PyPI and 2 npm ones", len(pins))
	}
	for name, v := range pins {
		if !strings.Contains(headers.String(), name+" "+v) {
			t.Errorf("no data file header names %s %s: regenerate with scripts/lexicon/generate", name, v)
		}
	}
}

func readHeader(t *testing.T, name string, w *strings.Builder) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("%s: %v", name, r)
		}
	}()
	raw, err := data.ReadFile("data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		raw = gunzipHead(t, raw)
	}
	for line := range strings.Lines(string(raw)) {
		if !strings.HasPrefix(line, "#") {
			break
		}
		w.WriteString(line)
	}
}

func BenchmarkLoadGazetteer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		loadGazetteer()
	}
}

func BenchmarkLoadGivenNames(b *testing.B) {
	for b.Loop() {
		loadGivenNames()
	}
}

func gunzipHead(t *testing.T, raw []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(zr, buf)
	return buf[:n]
}
