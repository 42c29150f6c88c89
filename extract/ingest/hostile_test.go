package ingest_test

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/extract/ingest"
)

// TestHostile walks a folder of hostile files generated here (random bytes,
// NUL bytes, a single line of megabytes, deeply nested HTML, HTML with
// scripts and entities, UTF-16, Latin-1, CRLF, mixed scripts, a jsonl with
// broken lines among good ones, a dangling link, a FIFO, an unreadable
// file) beside good ones: every good article comes through, every bad file
// is named with its reason, nothing crashes or blocks.
func TestHostile(t *testing.T) {
	dir := t.TempDir()
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 64<<10)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	noNUL := make([]byte, 4096)
	for i := range noNUL {
		noNUL[i] = byte(1 + rng.UintN(255))
	}
	deep := strings.Repeat("<div>", 100_000) + "<p>Deep text survives.</p>" + strings.Repeat("</div>", 100_000)
	deepUnclosed := "<html><body>" + strings.Repeat("<span><b><i>", 40_000) + "<p>Unclosed deep text.</p>"
	scripts := `<html><head><script>for (var i = 0; i < 10; i++) { document.write("<p>" + i + "</p>"); }</script>
<style>body { content: "<p>style</p>"; }</style></head><body><script src="x.js"></script>
<p>Caf&eacute; &amp; bar &#8212; &#x1F600; &#0; &bogus; &lt;tag&gt; &nbsp;end.</p><noscript><p>Enable JavaScript.</p></noscript>
<script>` + strings.Repeat("var a = '</p>';\n", 10000) + `</script></body></html>`
	many := "<html><body>" + strings.Repeat("<div><span>Item.</span></div>", 60_000) + "</body></html>"
	files := map[string][]byte{
		"good/many.html":       []byte(many),
		"good/plain.txt":       []byte("A good article about the summit.\n"),
		"good/crlf.txt":        []byte("Line one.\r\nLine two.\r\n"),
		"good/utf16.txt":       utf16("Zelenskyy met Erdoğan.\r\n", false),
		"good/latin1.txt":      []byte("Jos\xe9 Mar\xeda Aznar habl\xf3 en Bogot\xe1.\n"),
		"good/scripts.txt":     []byte("Владимир Путин; محمد بن سلمان; 文在寅; Lee Jae-myung.\n"),
		"good/deep.html":       []byte(deep),
		"good/unclosed.html":   []byte(deepUnclosed),
		"good/entities.html":   []byte(scripts),
		"good/mixed.jsonl":     []byte("{\"id\":\"j1\",\"text\":\"Good line.\"}\n\x00\x01\x02garbage\n{\"id\":\"j2\",\"text\":\"Another good line.\"}\n{\"id\":\"j3\",\"text\":\"unterminated\n"),
		"bad/random.txt":       random,
		"bad/random-nonul.txt": noNUL,
		"bad/random.html":      random,
		"bad/nul.txt":          []byte("Some text\x00with a NUL."),
		"bad/empty.md":         nil,
		"bad/spaces.txt":       []byte("   \n\n\t \r\n"),
		"bad/big.txt":          bytes.Repeat([]byte("x"), 5<<20),
	}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "bad", "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "bad", "fifo.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	wantSkips := map[string]string{
		"bad/random.txt":       "binary file",
		"bad/random-nonul.txt": "binary file",
		"bad/random.html":      "binary file",
		"bad/nul.txt":          "binary file",
		"bad/empty.md":         "empty",
		"bad/spaces.txt":       "empty",
		"bad/big.txt":          "5242880 bytes, above the limit of 4194304",
		"bad/dangling.txt":     "no such file or directory",
		"bad/fifo.txt":         "not a regular file",
		"good/mixed.jsonl:2":   "not a JSON object",
		"good/mixed.jsonl:4":   "invalid JSON",
	}
	if os.Geteuid() != 0 { // root reads anything: the case is only testable as a user
		p := filepath.Join(dir, "bad", "locked.txt")
		if err := os.WriteFile(p, []byte("secret"), 0o000); err != nil {
			t.Fatal(err)
		}
		wantSkips["bad/locked.txt"] = "permission denied"
	}
	wantText := map[string]string{
		"good/plain.txt":     "A good article about the summit.",
		"good/crlf.txt":      "Line one.\nLine two.",
		"good/utf16.txt":     "Zelenskyy met Erdoğan.",
		"good/latin1.txt":    "José María Aznar habló en Bogotá.",
		"good/scripts.txt":   "Владимир Путин; محمد بن سلمان; 文在寅; Lee Jae-myung.",
		"good/deep.html":     "Deep text survives.",
		"good/many.html":     strings.TrimSuffix(strings.Repeat("Item.\n", 60_000), "\n"),
		"good/unclosed.html": "Unclosed deep text.",
		"good/entities.html": "Café & bar — 😀 \uFFFD &bogus; <tag> end.",
		"j1":                 "Good line.",
		"j2":                 "Another good line.",
	}
	var live []ingest.Skip
	arts, st := walk(t, []string{dir}, ingest.Options{MaxFileBytes: 4 << 20, OnSkip: func(s ingest.Skip) { live = append(live, s) }})
	if len(live) != len(st.Skipped) {
		t.Errorf("OnSkip called %d times for %d skips", len(live), len(st.Skipped))
	}
	for _, a := range arts {
		want, ok := wantText[a.ID]
		if !ok {
			t.Errorf("unexpected article %s: %q", a.ID, a.Text)
			continue
		}
		if a.Text != want {
			t.Errorf("%s: text %q, want %q", a.ID, a.Text, want)
		}
		delete(wantText, a.ID)
	}
	for id := range wantText {
		t.Errorf("good article %s did not come through", id)
	}
	for _, s := range st.Skipped {
		rel, _ := filepath.Rel(dir, s.Path)
		key := filepath.ToSlash(rel)
		if s.Line > 0 {
			key += ":" + itoa(s.Line)
		}
		want, ok := wantSkips[key]
		if !ok || !strings.Contains(s.Reason, want) {
			t.Errorf("skip %s: %q, want %q", key, s.Reason, want)
		}
		delete(wantSkips, key)
	}
	for k, w := range wantSkips {
		t.Errorf("%s was not skipped (want %q)", k, w)
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		if n /= 10; n == 0 {
			return string(b)
		}
	}
}

// TestHugeLine reads a text file that is one 200 MB line (20 MB with
// -short) and checks that it comes through whole and that the walk
// allocates at most 4 times the file's size, the bound the package states.
func TestHugeLine(t *testing.T) {
	size := 200 << 20
	if testing.Short() {
		size = 20 << 20
	}
	p := filepath.Join(t.TempDir(), "huge.txt")
	line := bytes.Repeat([]byte("word "), size/5)
	if err := os.WriteFile(p, line, 0o644); err != nil {
		t.Fatal(err)
	}
	line = nil
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var got int
	var hash string
	st, err := ingest.Walk(t.Context(), []string{p}, ingest.Options{}, func(a ingest.Article) error {
		got, hash = len(a.Text), a.Hash
		return nil
	})
	runtime.ReadMemStats(&after)
	if err != nil || st.Read != 1 {
		t.Fatalf("read %d, err %v, skips %v", st.Read, err, st.Skipped)
	}
	if want := size - 1; got != want { // the trailing space is trimmed
		t.Errorf("text of %d bytes, want %d", got, want)
	}
	if len(hash) != 64 {
		t.Errorf("hash %q", hash)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d MB line: allocated %d MB (%.2f× the file)", size>>20, alloc>>20, float64(alloc)/float64(size))
	if alloc > uint64(4*size) {
		t.Errorf("allocated %d bytes for a %d-byte file, above the 4× bound", alloc, size)
	}
}
