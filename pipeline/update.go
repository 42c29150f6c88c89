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
// The articles under paths are extracted while they are read, and their
// texts kept in an unnamed temporary file rather than in memory (the
// returned State reads them from there when it is encoded or rebuilt).
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
	// the articles read now are extracted as they are read, and their texts
	// kept in a temporary file rather than in memory (see StoredArticle)
	var fresh *extraction
	if len(paths) > 0 {
		fresh = startExtraction(ctx, s, opt)
		var sp *spill
		byID := st.index()
		sum.Ingest, err = ingest.Walk(ctx, paths, opt.Ingest, func(a ingest.Article) error {
			read[a.ID] = true
			i, ok := byID[a.ID]
			if ok && st.Articles[i].Hash == a.Hash {
				sum.Changes.Unchanged = append(sum.Changes.Unchanged, a.ID)
				return nil
			}
			if sp == nil {
				sp = newSpill()
			}
			sa, err := storedFrom(a, sp)
			if err != nil {
				return err
			}
			if err := fresh.add(ctx, sa.ID, a); err != nil {
				return err
			}
			if !ok {
				byID[a.ID] = len(st.Articles)
				st.Articles = append(st.Articles, sa)
				sum.Changes.Added = append(sum.Changes.Added, a.ID)
			} else {
				st.Articles[i] = sa
				sum.Changes.Replaced = append(sum.Changes.Replaced, a.ID)
			}
			return nil
		})
		fresh.wait()
		if err != nil {
			return nil, nil, sum, err
		}
		st.sort()
	}
	g, words, err := rebuild(ctx, st, s, opt, read, fresh)
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
	g, words, err := rebuild(ctx, st, s, opt, nil, nil)
	if err != nil {
		return nil, nil, sum, err
	}
	sum.Words = words
	st.Planned = opt.Planned
	sum.Changes.Total = len(st.Articles)
	sum.Duration = time.Since(start)
	return g, st, sum, nil
}

// extraction extracts articles in parallel as they are added, each into
// its compact form (see compact).
type extraction struct {
	ex    *extract.Extractor
	names *interner
	jobs  chan extractJob
	wg    sync.WaitGroup
	mu    sync.Mutex
	out   []graph.Extracted
	slot  map[string]int // article id -> index in out of its latest version
	done  int            // articles extracted, for opt.Progress (under mu)
}

type extractJob struct {
	slot int
	a    ingest.Article
}

// startExtraction starts opt.Workers extraction workers.
func startExtraction(ctx context.Context, s *schema.Schema, opt Options) *extraction {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	x := &extraction{ex: extract.New(s), names: newInterner(), jobs: make(chan extractJob, workers*2), slot: map[string]int{}}
	for w := 0; w < workers; w++ {
		x.wg.Add(1)
		go func() {
			defer x.wg.Done()
			for j := range x.jobs {
				if ctx.Err() != nil {
					continue
				}
				e := extractArticle(x.ex, x.names, j.a, opt)
				x.mu.Lock()
				x.out[j.slot] = e
				x.done++
				if opt.Progress != nil {
					opt.Progress(x.done)
				}
				x.mu.Unlock()
			}
		}()
	}
	return x
}

// add queues a for extraction as the version of article id to use.
func (x *extraction) add(ctx context.Context, id string, a ingest.Article) error {
	x.mu.Lock()
	k := len(x.out)
	x.out = append(x.out, graph.Extracted{})
	if old, ok := x.slot[id]; ok {
		x.out[old] = graph.Extracted{} // an earlier version, replaced
	}
	x.slot[id] = k
	x.mu.Unlock()
	select {
	case x.jobs <- extractJob{slot: k, a: a}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// wait waits for the queued articles to be extracted.
func (x *extraction) wait() {
	close(x.jobs)
	x.wg.Wait()
}

// take returns the extraction of the article id added to x, and forgets it.
func (x *extraction) take(id string) (graph.Extracted, bool) {
	if x == nil {
		return graph.Extracted{}, false
	}
	k, ok := x.slot[id]
	if !ok {
		return graph.Extracted{}, false
	}
	e := x.out[k]
	x.out[k] = graph.Extracted{}
	return e, true
}

// rebuild resolves every article of st in id order, exactly as Build does:
// those extracted already in fresh (nil: none) as they are, the others
// extracted now in parallel. It returns the graph and the number of words
// of the articles in count (all articles when count is nil).
func rebuild(ctx context.Context, st *State, s *schema.Schema, opt Options, count map[string]bool, fresh *extraction) (*graph.Graph, int, error) {
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	ex, names := extract.New(s), newInterner()
	if fresh != nil {
		names = fresh.names
	}
	out := make([]graph.Extracted, len(st.Articles))
	var todo []int
	for i := range st.Articles {
		if e, ok := fresh.take(st.Articles[i].ID); ok {
			out[i] = e
		} else {
			todo = append(todo, i)
		}
	}
	var (
		mu   sync.Mutex
		done int
		errs = make([]error, workers)
		wg   sync.WaitGroup
	)
	if fresh != nil {
		done = fresh.done
	}
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if errs[w] != nil {
					continue
				}
				a, err := st.Articles[i].ingested()
				if err != nil {
					errs[w] = err
					continue
				}
				out[i] = extractArticle(ex, names, a, opt)
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
	for _, i := range todo {
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
	if err := errors.Join(errs...); err != nil {
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
func extractArticle(ex *extract.Extractor, names *interner, a ingest.Article, opt Options) graph.Extracted {
	res := ex.Extract(a.Text)
	if !opt.Planned {
		res.DropPlanned()
	}
	return compact(a, res, names)
}

// compact keeps of one article's extraction only what resolution reads, in
// memory of its own so that the article's text can be freed while the
// article waits for the others: the record, the entities (names, aliases,
// acronym, type, strength and the number of mentions), the relations, and
// the sentences the relations cite, with their text (graph.Extracted's
// Sentences) and offsets. The mentions, most of a result's memory, and the
// other sentences go. Names and triggers are shared through names (nil:
// copied), so that a name written in many articles is kept once. Resolve
// makes the same graph of it as of the full result and text.
func compact(a ingest.Article, res *extract.Result, names *interner) graph.Extracted {
	rec := a.Record()
	rec.ID, rec.Title = strings.Clone(rec.ID), strings.Clone(rec.Title)
	rec.URL, rec.Published = strings.Clone(rec.URL), strings.Clone(rec.Published)
	out := &extract.Result{Words: res.Words}
	if len(res.Entities) > 0 {
		out.Entities = make([]extract.Entity, len(res.Entities))
	}
	for i, e := range res.Entities {
		aliases := make([]string, len(e.Aliases))
		for j, al := range e.Aliases {
			aliases[j] = names.get(al)
		}
		out.Entities[i] = extract.Entity{Name: names.get(e.Name), Type: e.Type, Aliases: aliases,
			Mentions: mentionCount(len(e.Mentions)), Strong: e.Strong, Acronym: names.get(e.Acronym)}
	}
	// the cited sentences, renumbered in order of first citation
	var sents []string
	renum := map[int]int{}
	if len(res.Relations) > 0 {
		out.Relations = make([]extract.Relation, len(res.Relations))
	}
	for i, r := range res.Relations {
		k, ok := renum[r.Sentence]
		if !ok {
			k = len(out.Sentences)
			renum[r.Sentence] = k
			sent := res.Sentences[r.Sentence]
			out.Sentences = append(out.Sentences, sent)
			sents = append(sents, strings.Clone(a.Text[sent.Start:sent.End]))
		}
		r.Sentence = k
		r.Trigger = names.get(r.Trigger)
		out.Relations[i] = r
	}
	if sents == nil {
		sents = []string{}
	}
	return graph.Extracted{Article: rec, Result: out, Sentences: sents}
}

// interner keeps one copy of each name (or trigger) of a build's articles.
// It is safe for concurrent use.
type interner struct {
	mu sync.Mutex
	m  map[string]string
}

func newInterner() *interner { return &interner{m: map[string]string{}} }

// get returns s in memory of its own: the copy kept for it (nil: a new copy).
func (in *interner) get(s string) string {
	if s == "" {
		return ""
	}
	if in == nil {
		return strings.Clone(s)
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	if c, ok := in.m[s]; ok {
		return c
	}
	c := strings.Clone(s)
	in.m[c] = c
	return c
}

// zeros backs the Mentions of compact entities: resolution reads only how
// many mentions an entity has (the result's Mentions, which they index,
// are not kept).
var zeros = make([]int, 1<<12)

// mentionCount returns a slice of n mention indexes that costs no memory
// of its own when n is small.
func mentionCount(n int) []int {
	if n <= len(zeros) {
		return zeros[:n:n]
	}
	return make([]int, n)
}
