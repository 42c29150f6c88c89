package pipeline_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/pipeline"
	"github.com/kgraph/kg/schema"
)

// split copies the files of dir into two new directories: the files for
// which first is true, and the others. It returns both.
func split(t *testing.T, dir string, first func(name string) bool) (string, string) {
	t.Helper()
	a, b := t.TempDir(), t.TempDir()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		to := b
		if first(e.Name()) {
			to = a
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return a, b
}

func updateState(t *testing.T, prev *pipeline.State, paths []string, opt pipeline.Options) (*graph.Graph, *pipeline.State, pipeline.UpdateSummary) {
	t.Helper()
	g, st, sum, err := pipeline.Update(context.Background(), prev, paths, opt, nil)
	if err != nil {
		t.Fatalf("Update(%v): %v", paths, err)
	}
	return g, st, sum
}

// sameGraph fails t unless got and want encode to the same bytes.
func sameGraph(t *testing.T, what string, got, want *graph.Graph) {
	t.Helper()
	g, w := encode(t, got), encode(t, want)
	if !bytes.Equal(g, w) {
		t.Fatalf("%s differs from a fresh build:\n%s", what, lineDiff(string(w), string(g)))
	}
	if len(want.Nodes) == 0 {
		t.Fatalf("%s: the fresh build is empty", what)
	}
}

// TestUpdateEqualsBuild adds articles to a graph in two steps and requires
// the bytes of a fresh Build of all of them. Data: the golden articles of
// testdata (written for the tests), the seed articles and the news-dev
// corpus of KG_SHARED, each split in two by file name.
func TestUpdateEqualsBuild(t *testing.T) {
	cases := []struct {
		name  string
		dir   func(t *testing.T) string
		first func(name string) bool
	}{
		{"golden: harbour, then the others", func(t *testing.T) string { return filepath.Join(testkit.Root(t), "testdata", "golden", "articles") },
			func(n string) bool { return n == "harbour.txt" }},
		{"seeds: 000-001, then 002-004", func(t *testing.T) string { return filepath.Join(testkit.Shared(t), "corpus", "seeds") },
			func(n string) bool { return n < "002" }},
		{"news-dev: d001-d100, then d101-d149", func(t *testing.T) string {
			return filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text")
		}, func(n string) bool { return n < "d101" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := split(t, tc.dir(t), tc.first)
			opt := pipeline.Options{Workers: 2}
			want, _ := build(t, []string{a, b}, opt)
			_, st, _ := updateState(t, nil, []string{a}, opt)
			got, st, sum := updateState(t, st, []string{b}, opt)
			sameGraph(t, "update", got, want)
			if len(sum.Changes.Added) != sum.Ingest.Read || sum.Changes.Total != len(want.Articles) {
				t.Errorf("changes %+v after reading %d articles", sum.Changes, sum.Ingest.Read)
			}
			if id, ok := st.Matches(want); !ok {
				t.Errorf("state does not match the graph: article %q", id)
			}
			// Adding the same articles again changes nothing.
			again, _, sum := updateState(t, st, []string{a}, opt)
			sameGraph(t, "update with the same articles", again, want)
			if len(sum.Changes.Unchanged) != sum.Ingest.Read || len(sum.Changes.Added)+len(sum.Changes.Replaced) != 0 {
				t.Errorf("adding the same articles again: %+v", sum.Changes)
			}
		})
	}
}

// TestUpdateReplace changes one golden article (same file name, so same
// id, new text) and requires the graph of a fresh build of the new set.
func TestUpdateReplace(t *testing.T) {
	dir := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	a, _ := split(t, dir, func(string) bool { return true })
	opt := pipeline.Options{Workers: 2}
	_, st, _ := updateState(t, nil, []string{a}, opt)

	// The correction: a new version of summit.txt, written for this test.
	fix := t.TempDir()
	corrected := "Leaders postpone talks\nPresident Tomas Varga of Hungary met Chancellor Anna Berg in Prague on Friday.\n"
	if err := os.WriteFile(filepath.Join(fix, "summit.txt"), []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _, sum := updateState(t, st, []string{fix}, opt)
	if !slices.Equal(sum.Changes.Replaced, []string{"summit.txt"}) || len(sum.Changes.Added) != 0 {
		t.Fatalf("changes %+v, want summit.txt replaced", sum.Changes)
	}
	if err := os.WriteFile(filepath.Join(a, "summit.txt"), []byte(corrected), 0o644); err != nil {
		t.Fatal(err)
	}
	want, _ := build(t, []string{a}, opt)
	sameGraph(t, "replaced", got, want)
}

// TestRetract removes articles and requires the graph of a fresh build of
// the others; an unknown id is an error naming it.
func TestRetract(t *testing.T) {
	cases := []struct {
		name   string
		dir    func(t *testing.T) string
		remove []string
	}{
		{"golden: northwind", func(t *testing.T) string { return filepath.Join(testkit.Root(t), "testdata", "golden", "articles") },
			[]string{"northwind.txt"}},
		{"seeds: two of five", func(t *testing.T) string { return filepath.Join(testkit.Shared(t), "corpus", "seeds") },
			[]string{"001_fb864c68ed2a9d20.txt", "003_7a9708fa9020aecf.txt"}},
		{"news-dev: d001-d050", func(t *testing.T) string { return filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text") },
			[]string{"d001.txt", "d010.txt", "d020.txt", "d030.txt", "d040.txt", "d050.txt"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			all := tc.dir(t)
			opt := pipeline.Options{Workers: 2}
			before, st, _ := updateState(t, nil, []string{all}, opt)
			got, st2, sum, err := pipeline.Retract(context.Background(), st, tc.remove, opt, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, rest := split(t, all, func(n string) bool { return slices.Contains(tc.remove, n) })
			want, _ := build(t, []string{rest}, opt)
			sameGraph(t, "retracted", got, want)
			if !slices.Equal(sum.Changes.Removed, tc.remove) || sum.Changes.Total != len(before.Articles)-len(tc.remove) {
				t.Errorf("changes %+v", sum.Changes)
			}
			if len(st2.Articles) != len(want.Articles) || len(st.Articles) != len(before.Articles) {
				t.Errorf("state has %d articles (the previous one %d), want %d (%d)", len(st2.Articles), len(st.Articles), len(want.Articles), len(before.Articles))
			}
		})
	}
	t.Run("unknown id", func(t *testing.T) {
		dir := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
		_, st, _ := updateState(t, nil, []string{dir}, pipeline.Options{Workers: 1})
		_, _, _, err := pipeline.Retract(context.Background(), st, []string{"summit.txt", "nope.txt"}, pipeline.Options{}, nil)
		var re *pipeline.RetractError
		if !errors.As(err, &re) || !slices.Equal(re.IDs, []string{"nope.txt"}) {
			t.Fatalf("err = %v, want a RetractError naming nope.txt", err)
		}
	})
}

// TestStateSchema builds with a user schema (the default one renamed) and
// updates without giving it again: the state's schema is used.
func TestStateSchema(t *testing.T) {
	dir := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	yaml := bytes.Replace(schema.DefaultYAML(), []byte("\nname: news\n"), []byte("\nname: custom-news\n"), 1)
	sc, err := schema.Parse("custom.yaml", yaml)
	if err != nil {
		t.Fatal(err)
	}
	_, st, _, err := pipeline.Update(context.Background(), nil, []string{dir}, pipeline.Options{Schema: sc}, yaml)
	if err != nil {
		t.Fatal(err)
	}
	got, _, _ := updateState(t, st, nil, pipeline.Options{})
	if got.Schema != "custom-news" {
		t.Fatalf("schema %q after an update without --schema, want the stored custom-news", got.Schema)
	}
	want, _ := build(t, []string{dir}, pipeline.Options{Schema: sc})
	sameGraph(t, "rebuilt with the stored schema", got, want)
}

// TestStateFile writes and reads a state, and checks that damaged state
// files are refused with a reason.
func TestStateFile(t *testing.T) {
	dir := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	_, st, _ := updateState(t, nil, []string{dir}, pipeline.Options{Workers: 1})
	path := filepath.Join(t.TempDir(), "graph.json.kgx")
	ctx := context.Background()
	if err := pipeline.WriteState(ctx, path, st); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	back, err := pipeline.ReadState(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := back.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), good) {
		t.Errorf("state does not survive a write and a read byte for byte")
	}
	damaged := func(edit func(*pipeline.State)) []byte {
		c := *st
		c.Articles = slices.Clone(st.Articles)
		edit(&c)
		var b bytes.Buffer
		if err := c.Encode(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty file", nil, "not a kg state file"},
		{"a graph JSON", []byte(`{"format":1,"nodes":[]}`), "not a kg state file"},
		{"truncated", good[:len(good)/2], "truncated"},
		{"edited text", damaged(func(s *pipeline.State) { s.Articles[0].Text += "!" }), "does not match its hash"},
		{"unsorted", damaged(func(s *pipeline.State) { s.Articles[0], s.Articles[1] = s.Articles[1], s.Articles[0] }), "not sorted"},
		{"newer format", damaged(func(s *pipeline.State) { s.Format = 99 }), "state format 99"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.kgx")
			if err := os.WriteFile(p, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := pipeline.ReadState(ctx, p)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), p) {
				t.Fatalf("ReadState = %v, want an error naming %s and saying %q", err, p, tc.want)
			}
		})
	}
}

// TestUpdateCancel shows that a cancelled context stops Update: it returns
// context.Canceled and no graph, and extracts at most one article per
// worker after the cancellation. Data: news-dev from KG_SHARED.
func TestUpdateCancel(t *testing.T) {
	dir := filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text")
	_, st, _ := updateState(t, nil, []string{dir}, pipeline.Options{Workers: 2})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var done atomic.Int32
	opt := pipeline.Options{Workers: 2, Progress: func(n int) {
		done.Store(int32(n))
		if n == 3 {
			cancel()
		}
	}}
	g, _, _, err := pipeline.Update(ctx, st, nil, opt, nil)
	if !errors.Is(err, context.Canceled) || g != nil {
		t.Fatalf("Update = %v, %v; want nil, context.Canceled", g, err)
	}
	if n := int(done.Load()); n > 3+2 {
		t.Errorf("%d of %d articles extracted after cancelling at 3", n, len(st.Articles))
	}
}

// BenchmarkUpdateOne adds one news-dev article (d149) to a graph of the
// other 148 (no analysis), the common case of --into; compare with
// BenchmarkBuildAll, a fresh build of the 149.
func BenchmarkUpdateOne(b *testing.B) {
	dir := filepath.Join(testkit.Shared(b), "corpus", "news-dev", "text")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var first []string
	for _, e := range ents[:len(ents)-1] {
		first = append(first, filepath.Join(dir, e.Name()))
	}
	last := filepath.Join(dir, ents[len(ents)-1].Name())
	_, st, _, err := pipeline.Update(context.Background(), nil, first, pipeline.Options{}, nil)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, _, _, err := pipeline.Update(context.Background(), st, []string{last}, pipeline.Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildAll builds the 149 news-dev articles from their files (no
// analysis).
func BenchmarkBuildAll(b *testing.B) {
	dir := filepath.Join(testkit.Shared(b), "corpus", "news-dev", "text")
	for b.Loop() {
		if _, _, err := pipeline.Build(context.Background(), []string{dir}, pipeline.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
