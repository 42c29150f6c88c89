package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/pipeline"
)

// buildWithState runs a build that keeps its state file: a fresh one, or
// with --into an update of the graph there and its state.
func buildWithState(ctx context.Context, g *globals, o buildOptions, opt pipeline.Options, paths []string) (*graph.Graph, *pipeline.State, pipeline.Summary, error) {
	var prev *pipeline.State
	if o.into != "" {
		var err error
		if prev, err = loadState(ctx, o.into); err != nil {
			return nil, nil, pipeline.Summary{}, err
		}
		if !o.plannedSet {
			opt.Planned = prev.Planned
		}
	}
	schemaYAML, err := userSchema(o.schemaFile, &opt)
	if err != nil {
		return nil, nil, pipeline.Summary{}, err
	}
	gr, st, sum, err := pipeline.Update(ctx, prev, paths, opt, schemaYAML)
	if err != nil {
		return nil, nil, sum.Summary, err
	}
	if o.into != "" && !g.quiet {
		printChanges(g.stderr, o.into, sum.Changes)
	}
	return gr, st, sum.Summary, nil
}

// userSchema returns the YAML of --schema FILE, or clears opt.Schema when
// there is none so that the schema stored in the state is used.
func userSchema(file string, opt *pipeline.Options) ([]byte, error) {
	if file == "" {
		opt.Schema = nil
		return nil, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return b, nil
}

// loadState reads the state file of the graph file path and checks that it
// matches the graph (when the graph file exists).
func loadState(ctx context.Context, path string) (*pipeline.State, error) {
	sp := pipeline.StatePath(path)
	st, err := pipeline.ReadState(ctx, sp)
	if errors.Is(err, fs.ErrNotExist) {
		if _, gerr := os.Stat(path); gerr != nil {
			return nil, fmt.Errorf("graph: %s: %w", path, gerr)
		}
		return nil, fmt.Errorf("graph: %s has no state file %s (it was written with --no-state or to standard output): build it again with kg build ... -o %s", path, sp, path)
	}
	if err != nil {
		return nil, err
	}
	gr, err := graph.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil // the state alone rebuilds the graph
	}
	if err != nil {
		return nil, err
	}
	if id, ok := st.Matches(gr); !ok {
		return nil, fmt.Errorf("graph: %s does not match its state file %s (article %q differs; was the graph written by another command?): remove %s to rebuild it from the state", path, sp, id, path)
	}
	return st, nil
}

// saveState writes st beside the graph file path; with noState it removes a
// state file left there by an earlier build, which no longer matches.
func saveState(ctx context.Context, st *pipeline.State, path string, noState bool) error {
	if path == "-" || path == "" {
		return nil
	}
	sp := pipeline.StatePath(path)
	if st == nil || noState {
		if err := os.Remove(sp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("build: removing the stale %s: %w", sp, err)
		}
		return nil
	}
	return pipeline.WriteState(ctx, sp, st)
}

func printChanges(w io.Writer, path string, c pipeline.Changes) {
	var parts []string
	for _, p := range []struct {
		n    int
		verb string
	}{{len(c.Added), "added"}, {len(c.Replaced), "replaced"}, {len(c.Unchanged), "unchanged (skipped)"}, {len(c.Removed), "removed"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, p.verb))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, "no article changed")
	}
	fmt.Fprintf(w, "kg: %s: %s; the graph holds %d articles\n", path, strings.Join(parts, ", "), c.Total)
}
