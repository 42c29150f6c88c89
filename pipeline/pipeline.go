package pipeline

import (
	"context"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Options configure a build. The zero value uses the default schema and all cores.
type Options struct {
	Schema  *schema.Schema // nil: schema.Default()
	Workers int            // <= 0: runtime.NumCPU()
	Ingest  ingest.Options
	// Progress, when set, is called after each article is extracted with
	// the number done so far (from one goroutine at a time).
	Progress func(done int)
	// Analyse, when set, runs on the resolved graph before Build returns
	// (the analysis stage writes metrics onto the nodes).
	Analyse func(ctx context.Context, g *graph.Graph) error
	// Planned keeps relations stated as planned ("will meet next week")
	// as edges with status "planned"; by default they are dropped.
	Planned bool
}

// Summary tells what a build read and made.
type Summary struct {
	Ingest   ingest.Stats
	Duration time.Duration
	Words    int
}

// Build reads the articles under paths, extracts each in parallel, resolves
// the entities across articles and returns the sorted graph. The graph does
// not depend on the number of workers.
func Build(ctx context.Context, paths []string, opt Options) (*graph.Graph, Summary, error) {
	start := time.Now()
	s := opt.Schema
	if s == nil {
		s = schema.Default()
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ex, names := extract.New(s), newInterner()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type job struct {
		seq int
		a   ingest.Article
	}
	jobs := make(chan job, workers*2)
	var (
		mu   sync.Mutex
		out  []graph.Extracted
		done int
		wg   sync.WaitGroup
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if ctx.Err() != nil {
					continue
				}
				e := extractArticle(ex, names, j.a, opt)
				mu.Lock()
				for len(out) <= j.seq {
					out = append(out, graph.Extracted{})
				}
				out[j.seq] = e
				done++
				if opt.Progress != nil {
					opt.Progress(done)
				}
				mu.Unlock()
			}
		}()
	}
	seq := 0
	stats, err := ingest.Walk(ctx, paths, opt.Ingest, func(a ingest.Article) error {
		select {
		case jobs <- job{seq: seq, a: a}:
			seq++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	})
	close(jobs)
	wg.Wait()
	sum := Summary{Ingest: stats}
	if err != nil {
		return nil, sum, err
	}
	if err := ctx.Err(); err != nil {
		return nil, sum, err
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Article.ID < out[j].Article.ID })
	for _, e := range out {
		sum.Words += e.Result.Words
	}
	g := graph.Resolve(s, out)
	if opt.Analyse != nil {
		if err := opt.Analyse(ctx, g); err != nil {
			return nil, sum, err
		}
	}
	sum.Duration = time.Since(start)
	return g, sum, nil
}
