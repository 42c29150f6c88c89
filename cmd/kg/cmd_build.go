package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/pipeline"
	"github.com/kgraph/kg/schema"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

type buildOptions struct {
	output     string
	schemaFile string
	workers    int
	noAnalyse  bool
	planned    bool
	graphml    string
	gexf       string
	neo4j      bool // push the graph into Neo4j after building
	push       neo4jOptions
	into       string // update this graph (and its state file)
	noState    bool   // do not write the state file beside the graph
	plannedSet bool   // --planned given (else --into keeps the graph's)
}

func newBuildCmd(g *globals) *cobra.Command {
	var o buildOptions
	cmd := &cobra.Command{
		Use:   "build PATH... [-o graph.json | --into graph.json]",
		Short: "Build a knowledge graph from articles (.txt, .md, .html, .jsonl, - for stdin)",
		Long: `Build reads articles from files and directories (recursively), extracts
people, institutions, places and documents and the relations between them,
resolves them across articles and writes the graph as node-link JSON.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 && o.into == "" {
				return usagef("build: no input: give one or more files or directories, or - for standard input")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.into != "" && !cmd.Flags().Changed("output") {
				o.output = o.into
			}
			o.plannedSet = cmd.Flags().Changed("planned")
			return runBuild(cmd.Context(), g, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.output, "output", "o", "-", "write the graph JSON to this file (- for standard output)")
	f.StringVar(&o.schemaFile, "schema", "", "use this schema YAML instead of the embedded default")
	f.IntVarP(&o.workers, "workers", "j", 0, "articles extracted in parallel (default: all cores)")
	f.BoolVar(&o.noAnalyse, "no-analyse", false, "skip the centrality and community analysis")
	f.BoolVar(&o.planned, "planned", false, "keep relations stated as planned (\"will meet\") as edges with status \"planned\"")
	f.StringVar(&o.graphml, "graphml", "", "also write the graph as GraphML (for Gephi) to this file")
	f.StringVar(&o.gexf, "gexf", "", "also write the graph as GEXF 1.3 (Gephi's own format) to this file")
	f.BoolVar(&o.neo4j, "neo4j", false, "also push the graph into Neo4j (see kg push; --uri, --user, --password, --database)")
	addNeo4jFlags(f, &o.push)
	f.StringVar(&o.into, "into", "", "add the articles to this graph (built by kg build -o) and write it back, or to -o")
	f.BoolVar(&o.noState, "no-state", false, "do not write FILE"+pipeline.StateSuffix+" beside -o FILE (needed by --into and kg retract)")
	return cmd
}

func runBuild(ctx context.Context, g *globals, o buildOptions, paths []string) error {
	if o.workers < 0 {
		return usagef("build: --workers must be positive")
	}
	s := schema.Default()
	if o.schemaFile != "" {
		var err error
		if s, err = schema.Load(o.schemaFile); err != nil {
			return err
		}
	}
	progress := newProgress(g)
	opt := pipeline.Options{Schema: s, Workers: o.workers, Progress: progress.update}
	opt.Ingest.OnSkip = func(sk ingest.Skip) { progress.warn("skipped " + sk.String()) }
	opt.Planned = o.planned
	if !o.noAnalyse {
		opt.Analyse = analyseGraph
	}
	var (
		gr  *graph.Graph
		sum pipeline.Summary
		st  *pipeline.State
		err error
	)
	if o.into != "" || (!o.noState && o.output != "-") {
		gr, st, sum, err = buildWithState(ctx, g, o, opt, paths)
	} else {
		gr, sum, err = pipeline.Build(ctx, paths, opt)
	}
	progress.done()
	if err != nil {
		var pe *ingest.PathError
		if errors.As(err, &pe) {
			return err
		}
		return fmt.Errorf("build: %w", err)
	}
	if sum.Ingest.Read == 0 && len(paths) > 0 {
		return fmt.Errorf("build: no article could be read from %s", strings.Join(paths, " "))
	}
	if err := writeGraph(gr, o.output, g.stdout); err != nil {
		return err
	}
	if err := saveState(ctx, st, o.output, o.noState); err != nil {
		return err
	}
	if o.graphml != "" {
		if err := writeExport(ctx, gr, "graphml", o.graphml); err != nil {
			return err
		}
	}
	if o.gexf != "" {
		if err := writeExport(ctx, gr, "gexf", o.gexf); err != nil {
			return err
		}
	}
	if o.neo4j {
		if _, err := pushToNeo4j(ctx, g, gr, o.push); err != nil {
			return err
		}
	}
	if !g.quiet {
		printSummary(g.stderr, gr, sum)
	}
	return nil
}

// writeGraph writes g to path atomically (see writeAtomic), or to stdout.
func writeGraph(g *graph.Graph, path string, stdout io.Writer) error {
	if path == "-" || path == "" {
		return g.Encode(stdout)
	}
	if err := writeAtomic(path, g.Encode); err != nil {
		return fmt.Errorf("build: cannot write %w", err)
	}
	return nil
}

func printSummary(w io.Writer, g *graph.Graph, sum pipeline.Summary) {
	st := sum.Ingest
	fmt.Fprintf(w, "kg: read %d articles (%d words) from %d files", st.Read, sum.Words, st.Files)
	if len(st.Skipped) > 0 {
		fmt.Fprintf(w, ", skipped %d", len(st.Skipped))
	}
	if st.RepairedUTF8 > 0 {
		fmt.Fprintf(w, ", repaired %d invalid UTF-8 sequences", st.RepairedUTF8)
	}
	fmt.Fprintln(w)
	for _, sk := range st.Skipped {
		fmt.Fprintf(w, "kg:   skipped %s\n", sk)
	}
	fmt.Fprintf(w, "kg: %d entities (%s), %d relations (%s) in %s\n",
		len(g.Nodes), countBy(len(g.Nodes), func(i int) string { return g.Nodes[i].Type }),
		len(g.Edges), countBy(len(g.Edges), func(i int) string { return g.Edges[i].Type }),
		sum.Duration.Round(time.Millisecond))
}

func countBy(n int, key func(int) string) string {
	m := map[string]int{}
	for i := 0; i < n; i++ {
		m[key(i)]++
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

// progress prints a counter on stderr when it is a terminal.
type progress struct {
	w       io.Writer
	tty     bool
	quiet   bool
	last    time.Time
	printed bool
}

func newProgress(g *globals) *progress {
	p := &progress{w: g.stderr, quiet: g.quiet}
	if f, ok := g.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		p.tty = true
	}
	return p
}

func (p *progress) update(done int) {
	if p.quiet || !p.tty || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	p.printed = true
	fmt.Fprintf(p.w, "\rkg: extracting… %d articles", done)
}

func (p *progress) warn(msg string) {
	if p.quiet {
		return
	}
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
	}
	fmt.Fprintln(p.w, "kg: warning:", msg)
}

func (p *progress) done() {
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
