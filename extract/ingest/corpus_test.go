package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/internal/testkit"
)

// TestNewsDev reads every article of the shared news-dev corpus (149 HTML
// pages and the text extracted from each by the corpus's makers) and checks
// that each ingests with text, and that the text kg extracts from each page
// is close to the reference text of the same article.
func TestNewsDev(t *testing.T) {
	dir := filepath.Join(testkit.Shared(t), "corpus", "news-dev")
	got := map[string]ingest.Article{}
	st, err := ingest.Walk(context.Background(), []string{filepath.Join(dir, "html"), filepath.Join(dir, "text")}, ingest.Options{},
		func(a ingest.Article) error {
			checkText(t, a.ID, a.Text)
			got[a.ID] = a
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Skipped) > 0 {
		t.Errorf("skipped: %v", st.Skipped)
	}
	htmls, _ := filepath.Glob(filepath.Join(dir, "html", "*.html"))
	texts, _ := filepath.Glob(filepath.Join(dir, "text", "*.txt"))
	if len(htmls) == 0 || st.Read != len(htmls)+len(texts) {
		t.Fatalf("read %d articles, want %d html + %d text", st.Read, len(htmls), len(texts))
	}
	var sims []float64
	var sum float64
	for _, h := range htmls {
		base := strings.TrimSuffix(filepath.Base(h), ".html")
		ha, ok1 := got[base+".html"]
		ta, ok2 := got[base+".txt"]
		if !ok1 || !ok2 {
			t.Errorf("%s: html or text article missing", base)
			continue
		}
		s := wordF1(ha.Text, ta.Text)
		if s < 0.85 {
			t.Logf("%s: similarity %.2f (html %d bytes, text %d bytes)", base, s, len(ha.Text), len(ta.Text))
		}
		sims = append(sims, s)
		sum += s
	}
	sort.Float64s(sims)
	mean := sum / float64(len(sims))
	t.Logf("html vs text word F1 over %d pairs: mean %.3f, median %.3f, min %.3f, 10th percentile %.3f",
		len(sims), mean, sims[len(sims)/2], sims[0], sims[len(sims)/10])
	if mean < 0.93 {
		t.Errorf("mean similarity %.3f, want >= 0.93", mean)
	}
	if os.Getenv("KG_INGEST_DUMP") != "" {
		for id, a := range got {
			os.WriteFile(filepath.Join(os.Getenv("KG_INGEST_DUMP"), strings.ReplaceAll(id, "/", "_")+".out"), []byte(a.Title+"\n"+a.URL+"\n"+a.Published+"\n\n"+a.Text), 0o644)
		}
	}
}

// wordF1 is the F1 of the word multisets of a and b (words lower-cased,
// split at anything but letters and digits).
func wordF1(a, b string) float64 {
	count := func(s string) map[string]int {
		m := map[string]int{}
		for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			m[w]++
		}
		return m
	}
	ca, cb := count(a), count(b)
	na, nb, common := 0, 0, 0
	for w, n := range ca {
		na += n
		common += min(n, cb[w])
	}
	for _, n := range cb {
		nb += n
	}
	if na == 0 || nb == 0 {
		return 0
	}
	p, r := float64(common)/float64(na), float64(common)/float64(nb)
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
