package neo4j

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
)

// TestPushTwice pushes hand-written graphs (testdata/small.json and a
// generated one), checks the counts per label and type and the whole
// database against a golden dump, and that a second push changes nothing.
func TestPushTwice(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	tests := []struct {
		name   string
		g      *graph.Graph
		golden string
		batch  int
	}{
		{"small fixture", readGraph(t, "testdata/small.json"), "small.dump", 0},
		{"small fixture in batches of 1", readGraph(t, "testdata/small.json"), "small.dump", 1},
		{"generated 200 entities 600 relations", generate(200, 600, 1), "", 64},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reset(t, drv, o)
			o.BatchSize = tc.batch
			first, err := Push(context.Background(), tc.g, o)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := counts(t, drv, o), wantCounts(tc.g); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("counts after the first push:\ngot  %v\nwant %v", got, want)
			}
			want := wantCounts(tc.g)
			if int64(first.NodesCreated) != want["label Entity"]+want["label Article"] {
				t.Errorf("summary: %d nodes created, want %d", first.NodesCreated, want["label Entity"]+want["label Article"])
			}
			before := dump(t, drv, o)
			if tc.golden != "" {
				golden(t, tc.golden, before)
			}
			second, err := Push(context.Background(), tc.g, o)
			if err != nil {
				t.Fatal(err)
			}
			if second.Changed() {
				t.Errorf("the second push changed the database: %v", second)
			}
			if after := dump(t, drv, o); after != before {
				t.Errorf("the second push changed the database:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestPushMoreArticles pushes the graph of some articles, then the graph of
// all of them: the database must end as if only the second had been pushed.
func TestPushMoreArticles(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	full := generate(120, 400, 2)
	part := subgraph(full, func(e graph.Edge) bool { return e.Evidence[0].Article < "art25" })

	reset(t, drv, o)
	if _, err := Push(context.Background(), full, o); err != nil {
		t.Fatal(err)
	}
	want := dump(t, drv, o)

	reset(t, drv, o)
	if _, err := Push(context.Background(), part, o); err != nil {
		t.Fatal(err)
	}
	s, err := Push(context.Background(), full, o)
	if err != nil {
		t.Fatal(err)
	}
	if s.RelsCreated == 0 || s.NodesCreated == 0 {
		t.Errorf("pushing more articles added nothing: %v", s)
	}
	if got := dump(t, drv, o); got != want {
		t.Errorf("part then full differs from full alone")
	}
}

// TestReplace: --replace deletes what kg owns and only that.
func TestReplace(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	small := readGraph(t, "testdata/small.json")
	reset(t, drv, o)
	if _, err := Push(context.Background(), generate(50, 100, 3), o); err != nil {
		t.Fatal(err)
	}
	query(t, drv, o, "CREATE (:Note {text: 'not kg'})", nil)
	o.Replace = true
	s, err := Push(context.Background(), small, o)
	if err != nil {
		t.Fatal(err)
	}
	if s.NodesDeleted == 0 {
		t.Errorf("replace deleted nothing: %v", s)
	}
	want := wantCounts(small)
	want["label Note"] = 1
	if got := counts(t, drv, o); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("counts after --replace:\ngot  %v\nwant %v", got, want)
	}
}

// subgraph keeps the edges for which keep is true, their nodes and all articles.
func subgraph(g *graph.Graph, keep func(graph.Edge) bool) *graph.Graph {
	out := &graph.Graph{Format: g.Format, Directed: g.Directed, Articles: g.Articles}
	need := map[string]bool{}
	for _, e := range g.Edges {
		if keep(e) {
			out.Edges = append(out.Edges, e)
			need[e.Source], need[e.Target] = true, true
		}
	}
	for _, n := range g.Nodes {
		if need[n.ID] {
			out.Nodes = append(out.Nodes, n)
		}
	}
	return out
}

// TestConnectErrors: a wrong password, an unreachable server and an unknown
// database each give a one-line error of its kind, from the package and from
// the kg binary (exit status 1), and write nothing.
func TestConnectErrors(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	reset(t, drv, o)
	small := filepath.Join("testdata", "small.json")
	bin := testkit.Binary(t)
	tests := []struct {
		name   string
		change func(*Options)
		kind   error
		says   string
	}{
		{"wrong password", func(o *Options) { o.Password += "-wrong" }, ErrAuth, "wrong user name or password"},
		{"unreachable server", func(o *Options) { o.URI = "bolt://127.0.0.1:1" }, ErrUnreachable, "cannot reach bolt://127.0.0.1:1"},
		{"unknown database", func(o *Options) { o.Database = "nosuchdb" }, ErrNoDatabase, `no database "nosuchdb"`},
		{"no password", func(o *Options) { o.Password = "" }, ErrAuth, "no password"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := o
			tc.change(&bad)
			_, err := Push(context.Background(), readGraph(t, small), bad)
			if !errors.Is(err, tc.kind) {
				t.Fatalf("got %v, want an error of kind %v", err, tc.kind)
			}
			if msg := err.Error(); strings.Contains(msg, "\n") || !strings.Contains(msg, tc.says) || !strings.HasPrefix(msg, "neo4j: ") {
				t.Errorf("error %q: want one line starting with neo4j: and saying %q", msg, tc.says)
			}

			cmd := exec.Command(bin, "push", small, "--uri", bad.URI, "--user", bad.User, "--database", bad.Database)
			cmd.Env = append(cmd.Environ(), "NEO4J_PASSWORD="+bad.Password)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err = cmd.Run()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 1 {
				t.Fatalf("kg push: %v, want exit status 1; stderr:\n%s", err, stderr.String())
			}
			if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) != 1 || !strings.Contains(lines[0], tc.says) {
				t.Errorf("kg push stderr %q: want one line saying %q", stderr.String(), tc.says)
			}
			if c := counts(t, drv, o); len(c) != 0 {
				t.Errorf("something was written: %v", c)
			}
		})
	}
}

// TestInvalidIdentifiers: a type that is not a plain identifier is refused
// before anything is written or printed.
func TestInvalidIdentifiers(t *testing.T) {
	tests := []struct {
		name   string
		change func(*graph.Graph)
	}{
		{"label with a backtick", func(g *graph.Graph) { g.Nodes[0].Type = "Person`) DETACH DELETE n //" }},
		{"label with a space", func(g *graph.Graph) { g.Nodes[0].Type = "Big Person" }},
		{"reserved label", func(g *graph.Graph) { g.Nodes[0].Type = "Article" }},
		{"type with a brace", func(g *graph.Graph) { g.Edges[0].Type = "LED]->() DELETE r //{" }},
		{"reserved type", func(g *graph.Graph) { g.Edges[0].Type = "MENTIONED_IN" }},
		{"empty type", func(g *graph.Graph) { g.Edges[0].Type = "" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := readGraph(t, "testdata/small.json")
			tc.change(g)
			var buf bytes.Buffer
			err := WriteScript(&buf, g, 0, false)
			if !errors.Is(err, ErrGraph) {
				t.Fatalf("got %v, want ErrGraph", err)
			}
			if buf.Len() != 0 {
				t.Errorf("the script was written: %q", buf.String())
			}
		})
	}
}

// TestCancel: cancelling the context stops the push at the next batch of
// each lane. A batch in flight in the other lane may still commit; the
// summary counts it only when its commit was confirmed.
func TestCancel(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	reset(t, drv, o)
	g := generate(2000, 20000, 6)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	o.BatchSize = 100
	after, done := 0, 0
	o.Progress = func(p Progress) {
		if ctx.Err() != nil {
			after++
		}
		if p.Done >= 500 && done == 0 {
			done = p.Done
			cancel()
		}
	}
	s, err := Push(ctx, g, o)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("got %v, want context.Canceled", err)
	}
	if after != 0 {
		t.Errorf("%d batches written after cancelling", after)
	}
	c := counts(t, drv, o)
	written := c["label Entity"] + c["label Article"]
	if written < int64(s.NodesCreated) {
		t.Errorf("%d nodes written, but the summary says %d were created", written, s.NodesCreated)
	}
	if written < int64(done) || written > int64(done+o.BatchSize) {
		t.Errorf("%d nodes written, want the %d rows written before cancelling and at most one batch in flight", written, done)
	}
}
