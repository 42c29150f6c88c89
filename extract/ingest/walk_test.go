package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/extract/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// walk runs Walk over paths and returns the articles and stats; it fails t
// on an error.
func walk(t testing.TB, paths []string, opt ingest.Options) ([]ingest.Article, ingest.Stats) {
	t.Helper()
	var arts []ingest.Article
	st, err := ingest.Walk(context.Background(), paths, opt, func(a ingest.Article) error {
		checkText(t, a.ID, a.Text)
		arts = append(arts, a)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk(%v): %v", paths, err)
	}
	return arts, st
}

// TestWalkGolden walks testdata/corpus (short fixtures written for this
// package: text, wrapped text, Markdown, HTML, a jsonl file with broken
// lines, hidden and ignored files) and compares every article and the
// stats with testdata/walk.golden (go test -update rewrites it).
func TestWalkGolden(t *testing.T) {
	arts, st := walk(t, []string{"testdata/corpus"}, ingest.Options{})
	got, err := json.MarshalIndent(struct {
		Articles []ingest.Article
		Stats    ingest.Stats
	}{arts, st}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "walk.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("walk output differs from %s (go test -update to accept):\n%s", golden, got)
	}
	// Read twice, the same bytes: the walk is deterministic.
	arts2, _ := walk(t, []string{"testdata/corpus"}, ingest.Options{})
	again, _ := json.MarshalIndent(struct {
		Articles []ingest.Article
		Stats    ingest.Stats
	}{arts2, st}, "", "  ")
	if !bytes.Equal(append(again, '\n'), got) {
		t.Error("a second walk gave other articles")
	}
}

// TestWalkPaths checks the path rules: what an ID is, hidden and ignored
// files, files reached twice, colliding IDs, and paths that do not exist.
func TestWalkPaths(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, text string) string {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a/x.txt", "Text of a.")
	write("a/sub/y.md", "Text of y.")
	write("b/x.txt", "Text of b.")
	write("c/x.txt", "Text of a.")
	write("a/.git/config.txt", "hidden")
	write("a/IGNORED", "no extension")
	write("a/data.json", "{}")
	write("a/UPPER.TXT", "Upper case extension.")

	ids := func(arts []ingest.Article) string {
		var s []string
		for _, a := range arts {
			s = append(s, a.ID)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name      string
		paths     []string
		wantIDs   string
		wantSkips int
		ignored   int
	}{
		{"directory: ids relative to it, hidden left out, others ignored",
			[]string{filepath.Join(dir, "a")}, "UPPER.TXT sub/y.md x.txt", 0, 2},
		{"file argument: its base name", []string{a}, "x.txt", 0, 0},
		{"same name, other text: the path as given",
			[]string{filepath.Join(dir, "a", "x.txt"), filepath.Join(dir, "b", "x.txt")},
			"x.txt " + filepath.ToSlash(filepath.Join(dir, "b", "x.txt")), 0, 0},
		{"same name, same text: a duplicate",
			[]string{filepath.Join(dir, "a", "x.txt"), filepath.Join(dir, "c", "x.txt")}, "x.txt", 1, 0},
		{"file inside a directory already read: read once",
			[]string{filepath.Join(dir, "a"), a}, "UPPER.TXT sub/y.md x.txt", 1, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, st := walk(t, tc.paths, ingest.Options{})
			if got := ids(arts); got != tc.wantIDs {
				t.Errorf("ids %q, want %q", got, tc.wantIDs)
			}
			if len(st.Skipped) != tc.wantSkips || st.Ignored != tc.ignored {
				t.Errorf("skipped %v, ignored %d; want %d skips, %d ignored", st.Skipped, st.Ignored, tc.wantSkips, tc.ignored)
			}
		})
	}

	errTests := []struct {
		name  string
		paths []string
		want  string
	}{
		{"missing path", []string{dir, filepath.Join(dir, "nope.txt")}, "ingest: " + filepath.Join(dir, "nope.txt") + ": no such file or directory"},
		{"stdin twice", []string{"-", "-"}, `ingest: "-" (standard input) given more than once`},
	}
	for _, tc := range errTests {
		t.Run(tc.name, func(t *testing.T) {
			called := false
			st, err := ingest.Walk(context.Background(), tc.paths, ingest.Options{Stdin: strings.NewReader("x")},
				func(ingest.Article) error { called = true; return nil })
			if err == nil || err.Error() != tc.want {
				t.Fatalf("error %v, want %q", err, tc.want)
			}
			if called || st.Files != 0 {
				t.Errorf("read before failing: called %v, files %d", called, st.Files)
			}
		})
	}
	_, err := ingest.Walk(context.Background(), []string{filepath.Join(dir, "nope")}, ingest.Options{}, func(ingest.Article) error { return nil })
	var pe *ingest.PathError
	if !errors.As(err, &pe) || pe.Path != filepath.Join(dir, "nope") || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("error %#v, want a *PathError for the missing path wrapping os.ErrNotExist", err)
	}
}

// TestStdin reads "-" from Options.Stdin, sniffing the format.
func TestStdin(t *testing.T) {
	tests := []struct {
		name, in, wantIDs, wantFormat string
		skips                         int
	}{
		{"text", "Plain text from a pipe.\n", "stdin", "txt", 0},
		{"html", "<html><body><p>From a pipe.</p></body></html>", "stdin", "html", 0},
		{"jsonl", "{\"id\":\"p1\",\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n", "p1 stdin:2", "jsonl", 0},
		{"jsonl with a broken line", "{\"id\":\"p1\",\"text\":\"One.\"}\n{\"id\":\n{\"id\":\"p3\",\"text\":\"Three.\"}\n", "p1 p3", "jsonl", 1},
		{"json-looking text", "{not json} said the sign.\nThen more words.\n", "stdin", "txt", 0},
		{"empty", "", "", "", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arts, st := walk(t, []string{"-"}, ingest.Options{Stdin: strings.NewReader(tc.in)})
			var ids []string
			for _, a := range arts {
				ids = append(ids, a.ID)
				if a.Format != tc.wantFormat || a.Source != "-" {
					t.Errorf("%s: format %q source %q, want %q from -", a.ID, a.Format, a.Source, tc.wantFormat)
				}
			}
			if got := strings.Join(ids, " "); got != tc.wantIDs || len(st.Skipped) != tc.skips {
				t.Errorf("ids %q skips %v; want %q and %d skips", got, st.Skipped, tc.wantIDs, tc.skips)
			}
		})
	}
}

// TestJSONL checks that a jsonl file with broken lines among good ones
// gives every good line and names each bad line with its reason.
func TestJSONL(t *testing.T) {
	lines := []string{
		`{"id":"g1","text":"Good one."}`,                  // 1
		`{"id":"g2","text":"Good two.",`,                  // 2 truncated
		`not json at all`,                                 // 3
		``,                                                // 4 blank: not a skip
		`{"id":"g5","text":42}`,                           // 5 text not a string
		`{"id":"g6","text":"   "}`,                        // 6 empty text
		"{\"id\":\"g7\",\"text\":\"Bin\x00ary\"}",         // 7 NUL
		`{"id":"g1","text":"Other text, same id."}`,       // 8 id taken: renamed
		`{"id":"g1","text":"Good one."}`,                  // 9 same id, same text: duplicate
		"{\"id\":\"g10\",\"text\":\"Caf\xe9 cr\xe8me.\"}", // 10 Latin-1 line
		`{"id":"g11","text":"Windows line."}` + "\r",      // 11 CRLF
		`{"id":"g12","title":["x"],"text":"Odd title."}`,  // 12 title not a string: ignored
		`{"id":"g13","text":"Last, no newline."}`,         // 13
	}
	in := []byte(strings.Join(lines, "\n"))
	arts, st := read(t, "feed.jsonl", in, ingest.Options{})
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+"="+a.Text)
	}
	want := []string{"g1=Good one.", "feed.jsonl#g1=Other text, same id.", "g10=Café crème.", "g11=Windows line.",
		"g12=Odd title.", "g13=Last, no newline."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("articles\n got %q\nwant %q", got, want)
	}
	wantSkips := map[int]string{2: "invalid JSON", 3: "not a JSON object", 5: `"text" is not a string`,
		6: "empty text", 7: "binary file", 9: "duplicate of article g1"}
	if len(st.Skipped) != len(wantSkips) {
		t.Errorf("skips %v, want %d", st.Skipped, len(wantSkips))
	}
	for _, s := range st.Skipped {
		if w, ok := wantSkips[s.Line]; !ok || !strings.Contains(s.Reason, w) || s.Path != "feed.jsonl" {
			t.Errorf("skip %v, want line %d: %q", s, s.Line, wantSkips[s.Line])
		}
	}
	for _, a := range arts {
		if a.Source != "feed.jsonl" || a.Line == 0 {
			t.Errorf("%s: source %q line %d", a.ID, a.Source, a.Line)
		}
	}

	// The same file in UTF-16 reads the same.
	u16, _ := read(t, "feed.jsonl", utf16(`{"id":"u","text":"Łódź and Kraków."}`+"\n", false), ingest.Options{})
	if len(u16) != 1 || u16[0].Text != "Łódź and Kraków." {
		t.Errorf("UTF-16 jsonl: %+v", u16)
	}
	// A line over the limit is skipped, the next still read.
	long, st := read(t, "feed.jsonl", []byte(`{"id":"big","text":"`+strings.Repeat("x", 5000)+`"}`+"\n"+`{"id":"small","text":"ok"}`),
		ingest.Options{MaxFileBytes: 1000})
	if len(long) != 1 || long[0].ID != "small" || len(st.Skipped) != 1 || st.Skipped[0].Line != 1 {
		t.Errorf("long line: %+v, skips %v", long, st.Skipped)
	}
}

// TestCancel shows that cancelling the context stops the walk: after the
// first article of a directory of twenty, and before the first line of a
// jsonl file.
func TestCancel(t *testing.T) {
	dir := t.TempDir()
	for i := range 20 {
		name := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(name, []byte("Article text."), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var lines strings.Builder
	for i := range 100 {
		lines.WriteString(`{"id":"` + string(rune('A'+i%26)) + string(rune('a'+i/26)) + `","text":"Line."}` + "\n")
	}
	jsonl := filepath.Join(t.TempDir(), "many.jsonl")
	if err := os.WriteFile(jsonl, []byte(lines.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, jsonl} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			n := 0
			st, err := ingest.Walk(ctx, []string{path}, ingest.Options{}, func(ingest.Article) error {
				n++
				cancel()
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v, want context.Canceled", err)
			}
			if n != 1 || st.Read != 1 {
				t.Errorf("read %d articles after cancelling (stats %d), want 1", n, st.Read)
			}
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	st, err := ingest.Walk(ctx, []string{dir}, ingest.Options{}, func(ingest.Article) error { return nil })
	if !errors.Is(err, context.Canceled) || st.Read != 0 {
		t.Errorf("cancelled before starting: %v, read %d", err, st.Read)
	}
}

// TestCallbackError shows that an error from fn stops the walk and comes back.
func TestCallbackError(t *testing.T) {
	stop := errors.New("stop here")
	n := 0
	_, err := ingest.Walk(context.Background(), []string{"testdata/corpus"}, ingest.Options{}, func(ingest.Article) error {
		n++
		return stop
	})
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("error %v after %d calls, want %v after 1", err, n, stop)
	}
}

// TestPipeArgument reads a named pipe given as an argument, as the shell
// passes `kg build <(command)`; the same pipe inside a walked directory is
// skipped, since reading it could block.
func TestPipeArgument(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "63")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		f, err := os.OpenFile(pipe, os.O_WRONLY, 0)
		if err != nil {
			done <- err
			return
		}
		_, err = f.WriteString("Text that came through a pipe.\n")
		f.Close()
		done <- err
	}()
	arts, st := walk(t, []string{pipe}, ingest.Options{})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || arts[0].ID != "63" || arts[0].Text != "Text that came through a pipe." || st.Files != 1 {
		t.Errorf("articles %+v, stats %+v", arts, st)
	}
}
