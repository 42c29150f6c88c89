package neo4j

import (
	"context"
	"fmt"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
)

// TestFreshFallback runs the CREATE statements of a fresh push on a
// database that already holds part of the graph (as when another push
// writes at the same time, or a committed batch is retried): the first
// batch that meets an existing row goes on with MERGE, and the database
// ends as after one push of the whole graph, with nothing duplicated.
func TestFreshFallback(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	full := generate(120, 400, 10)
	tests := []struct {
		name     string
		before   func(t *testing.T) // what the database holds first
		parallel bool
	}{
		{"whole graph there, sequential", func(t *testing.T) { push(t, full, o) }, false},
		{"whole graph there, two lanes", func(t *testing.T) { push(t, full, o) }, true},
		{"half the relations there, two lanes", func(t *testing.T) {
			i := 0
			push(t, subgraph(full, func(e graph.Edge) bool { i++; return i%2 == 0 }), o)
		}, true},
	}
	reset(t, drv, o)
	push(t, full, o)
	want := dump(t, drv, o)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			reset(t, drv, o)
			tc.before(t)
			p, err := newPlan(full)
			if err != nil {
				t.Fatal(err)
			}
			ctx := context.Background()
			sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: o.Database})
			defer sess.Close(ctx)
			o, _ := o.withDefaults()
			o.BatchSize = 50
			var sum Summary
			w := &writer{drv: drv, sess: sess, o: o, p: p, sum: &sum, total: p.rows}
			w.fresh.Store(true)
			phases := sequential(p, o.BatchSize)
			if tc.parallel {
				phases = parallel(p, o.BatchSize)
			}
			for _, ph := range phases {
				if err := w.run(ctx, ph); err != nil {
					t.Fatal(err)
				}
			}
			if w.fresh.Load() {
				t.Errorf("no batch met an existing row")
			}
			if got, want := counts(t, drv, o), wantCounts(full); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("counts:\ngot  %v\nwant %v", got, want)
			}
			if got := dump(t, drv, o); got != want {
				t.Errorf("the database differs from one push of the whole graph")
			}
		})
	}
}

func push(t *testing.T, g *graph.Graph, o Options) {
	t.Helper()
	if _, err := Push(context.Background(), g, o); err != nil {
		t.Fatal(err)
	}
}
