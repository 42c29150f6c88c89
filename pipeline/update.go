package pipeline

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// Changes lists what an Update or Retract did to the set of articles, by id.
type Changes struct {
	Added     []string // new ids
	Replaced  []string // ids already present with another text
	Unchanged []string // ids already present with the same text (skipped)
	Removed   []string // ids retracted
	Total     int      // articles in the resulting graph
}

// UpdateSummary tells what an Update or Retract read, changed and made.
type UpdateSummary struct {
	Summary
	Changes Changes
}

// Update adds the articles under paths to the articles of prev (nil: none)
// and rebuilds the graph from all of them. An article whose id is already in
// prev with the same content hash is skipped; one with the same id and
// another hash replaces the earlier version. The graph is exactly the one
// Build makes from all the articles (see State for why). With no paths,
// Update rebuilds prev's articles as they are (with the current extractor
// and schema).
//
// The schema is opt.Schema, else the one prev was built with; the returned
// State records it. When opt.Schema is set, schemaYAML should be its source
// (nil for the embedded default) so that later updates can reuse it.
func Update(ctx context.Context, prev *State, paths []string, opt Options, schemaYAML []byte) (*graph.Graph, *State, UpdateSummary, error) {
	start := time.Now()
	var sum UpdateSummary
	st, s, err := prev.derive(opt.Schema, schemaYAML)
	if err != nil {
		return nil, nil, sum, err
	}
	read := map[string]bool{} // the articles read now, whose words the summary counts
	if len(paths) > 0 {
		byID := st.index()
		sum.Ingest, err = ingest.Walk(ctx, paths, opt.Ingest, func(a ingest.Article) error {
			sa := storedFrom(a)
			read[a.ID] = true
			i, ok := byID[a.ID]
			switch {
			case !ok:
				byID[a.ID] = len(st.Articles)
				st.Articles = append(st.Articles, sa)
				sum.Changes.Added = append(sum.Changes.Added, a.ID)
			case st.Articles[i].Hash == a.Hash:
				sum.Changes.Unchanged = append(sum.Changes.Unchanged, a.ID)
			default:
				st.Articles[i] = sa
				sum.Changes.Replaced = append(sum.Changes.Replaced, a.ID)
			}
			return nil
		})
		if err != nil {
			return nil, nil, sum, err
		}
		st.sort()
	}
	g, words, err := rebuild(ctx, st, s, opt, read)
	if err != nil {
		return nil, nil, sum, err
	}
	sum.Words = words
	st.Planned = opt.Planned
	sum.Changes.Total = len(st.Articles)
	sum.Duration = time.Since(start)
	return g, st, sum, nil
}

// RetractError names article ids that a Retract was asked to remove but
// that are not in the state.
type RetractError struct{ IDs []string }

func (e *RetractError) Error() string {
	return fmt.Sprintf("pipeline: no article %s in the state", strings.Join(e.Quoted(), ", "))
}

// Quoted returns the missing ids, each quoted.
func (e *RetractError) Quoted() []string {
	q := make([]string, len(e.IDs))
	for i, s := range e.IDs {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}

// Retract removes the articles with the given ids from prev and rebuilds
// the graph from the others: evidence from the removed articles goes, and
// edges and entities left with none disappear. The graph is exactly the one
// Build makes from the remaining articles. An id not in prev is a
// *RetractError and nothing is removed.
func Retract(ctx context.Context, prev *State, ids []string, opt Options, schemaYAML []byte) (*graph.Graph, *State, UpdateSummary, error) {
	start := time.Now()
	var sum UpdateSummary
	if prev == nil {
		return nil, nil, sum, errors.New("pipeline: nothing to retract from (no state)")
	}
	st, s, err := prev.derive(opt.Schema, schemaYAML)
	if err != nil {
		return nil, nil, sum, err
	}
	drop := map[string]bool{}
	for _, id := range ids {
		drop[id] = true
	}
	byID := st.index()
	var missing []string
	for id := range drop {
		if _, ok := byID[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, nil, sum, &RetractError{IDs: missing}
	}
	kept := st.Articles[:0]
	for _, a := range st.Articles {
		if drop[a.ID] {
			sum.Changes.Removed = append(sum.Changes.Removed, a.ID)
			continue
		}
		kept = append(kept, a)
	}
	st.Articles = kept
	g, words, err := rebuild(ctx, st, s, opt, nil)
	if err != nil {
		return nil, nil, sum, err
	}
	sum.Words = words
	st.Planned = opt.Planned
	sum.Changes.Total = len(st.Articles)
	sum.Duration = time.Since(start)
	return g, st, sum, nil
}

// rebuild extracts every article of st in parallel and resolves them in id
// order, exactly as Build does. It returns the graph and the number of
// words of the articles in count (all articles when count is nil).
func rebuild(ctx context.Context, st *State, s *schema.Schema, opt Options, count map[string]bool) (*graph.Graph, int, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ex := extract.New(s)
	out := make([]graph.Extracted, len(st.Articles))
	var (
		mu   sync.Mutex
		done int
		wg   sync.WaitGroup
	)
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = extractArticle(ex, st.Articles[i].ingested(), opt)
				if opt.Progress != nil {
					mu.Lock()
					done++
					opt.Progress(done)
					mu.Unlock()
				}
			}
		}()
	}
feed:
	for i := range st.Articles {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, 0, err
	}
	words := 0
	for _, e := range out {
		if count == nil || count[e.Article.ID] {
			words += e.Result.Words
		}
	}
	g := graph.Resolve(s, out)
	if opt.Analyse != nil {
		if err := opt.Analyse(ctx, g); err != nil {
			return nil, 0, err
		}
	}
	return g, words, nil
}

// extractArticle extracts one article as a build does. Build and rebuild
// must make the same graph.Extracted of the same article: keep every
// per-article step here.
func extractArticle(ex *extract.Extractor, a ingest.Article, opt Options) graph.Extracted {
	res := ex.Extract(a.Text)
	if !opt.Planned {
		res.DropPlanned()
	}
	// resolution reads entities, relations and sentences only: drop the
	// mentions, most of a result's memory, before the article waits for
	// the others
	res.Mentions = nil
	return graph.Extracted{Article: a.Record(), Text: a.Text, Result: res}
}
