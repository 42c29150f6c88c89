package neo4j

import (
	"fmt"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestSchedule checks the batches of a push on generated graphs and on
// testdata/small.json: every row is in exactly one batch of at most the
// batch size, batches are numbered 1..n per step, and in a phase of two
// lanes no entity or article is written by both lanes.
func TestSchedule(t *testing.T) {
	tests := []struct {
		name     string
		g        *graph.Graph
		size     int
		parallel bool
	}{
		{"small fixture, sequential", readGraph(t, "testdata/small.json"), 2, false},
		{"small fixture, parallel", readGraph(t, "testdata/small.json"), 2, true},
		{"generated 200 entities 3000 relations, parallel", generate(200, 3000, 8), 100, true},
		{"generated 200 entities 3000 relations, batch 1", generate(200, 3000, 8), 1, true},
		{"generated 50 entities 400 relations, sequential", generate(50, 400, 9), 64, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := newPlan(tc.g)
			if err != nil {
				t.Fatal(err)
			}
			phases := sequential(p, tc.size)
			if tc.parallel {
				phases = parallel(p, tc.size)
			}
			seen := map[string]int{}
			numbers := map[*step][]int{}
			for i, ph := range phases {
				owner := map[string]int{} // node -> lane
				for lane, jobs := range ph {
					for _, j := range jobs {
						if len(j.rows) == 0 || len(j.rows) > tc.size {
							t.Errorf("phase %d: batch of %d rows, want 1 to %d", i, len(j.rows), tc.size)
						}
						numbers[j.st] = append(numbers[j.st], j.n)
						if j.of != len(batchesOf(phases, j.st)) {
							t.Errorf("%s %s: batch %d of %d, but %d batches", j.st.kind, j.st.name, j.n, j.of, len(batchesOf(phases, j.st)))
						}
						for _, r := range j.rows {
							seen[fmt.Sprint(j.st.kind, r.key)]++
							for _, node := range []string{r.source, r.target} {
								if node == "" {
									continue
								}
								if l, ok := owner[node]; ok && l != lane {
									t.Errorf("phase %d: node %s written by lanes %d and %d", i, node, l, lane)
								}
								owner[node] = lane
							}
						}
					}
				}
			}
			want := 0
			for i := range p.steps {
				st := &p.steps[i]
				want += len(st.rows)
				for k, n := range numbers[st] {
					if n != k+1 {
						t.Errorf("%s %s: batches numbered %v, want 1..%d", st.kind, st.name, numbers[st], len(numbers[st]))
						break
					}
				}
			}
			if len(seen) != want {
				t.Errorf("%d distinct rows in batches, want %d", len(seen), want)
			}
			for k, n := range seen {
				if n != 1 {
					t.Errorf("row %s in %d batches", k, n)
				}
			}
		})
	}
}

func batchesOf(phases []phase, st *step) []job {
	var out []job
	for _, ph := range phases {
		for _, lane := range ph {
			for _, j := range lane {
				if j.st == st {
					out = append(out, j)
				}
			}
		}
	}
	return out
}
