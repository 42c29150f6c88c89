package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/kgraph/kg/exports/neo4j"
	"github.com/kgraph/kg/graph"
)

// neo4jOptions are the connection and load flags of `kg push` (and of
// `kg build --neo4j`, which can share them through addNeo4jFlags).
type neo4jOptions struct {
	uri, user, password, database string
	batchSize                     int
	replace                       bool
}

// addNeo4jFlags declares the Neo4j flags on fs. Their defaults come from
// NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE at run time
// (not shown in --help, so that no password is printed).
func addNeo4jFlags(fs *pflag.FlagSet, o *neo4jOptions) {
	fs.StringVar(&o.uri, "uri", "", "Neo4j URI (default $NEO4J_URI or "+neo4j.DefaultURI+")")
	fs.StringVar(&o.user, "user", "", "Neo4j user (default $NEO4J_USERNAME or neo4j)")
	fs.StringVar(&o.password, "password", "", "Neo4j password (default $NEO4J_PASSWORD)")
	fs.StringVar(&o.database, "database", "", "Neo4j database (default $NEO4J_DATABASE or the server's default)")
	fs.IntVar(&o.batchSize, "batch-size", neo4j.DefaultBatchSize, "rows per transaction")
	fs.BoolVar(&o.replace, "replace", false, "delete every node kg owns (:Entity, :Article) and its relationships first")
}

type pushOptions struct {
	neo4jOptions
	dryRun bool
}

func newPushCmd(g *globals) *cobra.Command {
	var o pushOptions
	cmd := &cobra.Command{
		Use:   "push graph.json",
		Short: "Push a graph into Neo4j (idempotent: pushing twice changes nothing)",
		Long: `Push a graph into Neo4j over Bolt: entities as :Entity nodes with their type
as a second label, articles as :Article nodes, relations as typed
relationships with their evidence, and (:Entity)-[:MENTIONED_IN]->(:Article).

The connection defaults to NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and
NEO4J_DATABASE. For a local server: eval "$(scripts/neo4j up)".
--dry-run prints the load as a cypher-shell script instead (no connection).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runPush(cmd.Context(), g, o, args[0])
		},
	}
	addNeo4jFlags(cmd.Flags(), &o.neo4jOptions)
	cmd.Flags().BoolVar(&o.dryRun, "dry-run", false, "print the Cypher script (with :param lines) on stdout instead of pushing")
	return cmd
}

func runPush(ctx context.Context, g *globals, o pushOptions, path string) error {
	if o.batchSize < 1 {
		return usagef("push: --batch-size %d: must be at least 1", o.batchSize)
	}
	gr, err := graph.ReadFile(path)
	if err != nil {
		return err
	}
	if o.dryRun {
		return neo4j.WriteScript(g.stdout, gr, o.batchSize, o.replace)
	}
	_, err = pushToNeo4j(ctx, g, gr, o.neo4jOptions)
	return err
}

// pushToNeo4j pushes gr with the options of addNeo4jFlags, drawing a
// progress bar on a terminal and printing the summary on stderr unless quiet.
func pushToNeo4j(ctx context.Context, g *globals, gr *graph.Graph, o neo4jOptions) (neo4j.Summary, error) {
	opts := neo4j.OptionsFromEnv()
	for _, f := range []struct {
		dst *string
		v   string
	}{
		{&opts.URI, o.uri}, {&opts.User, o.user}, {&opts.Password, o.password}, {&opts.Database, o.database},
	} {
		if f.v != "" {
			*f.dst = f.v
		}
	}
	opts.BatchSize = o.batchSize
	opts.Replace = o.replace
	var bar *progressBar
	if !g.quiet && isTerminal(g.stderr) {
		bar = &progressBar{w: g.stderr}
		opts.Progress = bar.update
	}
	sum, err := neo4j.Push(ctx, gr, opts)
	if bar != nil {
		bar.finish()
	}
	if err != nil {
		return sum, err
	}
	if !g.quiet {
		fmt.Fprintln(g.stderr, sum)
	}
	return sum, nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressBar draws one line on a terminal, at most ten times a second.
type progressBar struct {
	w     io.Writer
	last  time.Time
	drawn bool
}

func (b *progressBar) update(p neo4j.Progress) {
	if now := time.Now(); now.Sub(b.last) < 100*time.Millisecond && p.Done < p.Total {
		return
	} else {
		b.last = now
	}
	const width = 30
	frac := 1.0
	if p.Total > 0 {
		frac = float64(p.Done) / float64(p.Total)
	}
	n := int(frac * width)
	fmt.Fprintf(b.w, "\r\033[Kneo4j: [%s%s] %3.0f%% %d/%d rows, %s", strings.Repeat("=", n), strings.Repeat(" ", width-n), 100*frac, p.Done, p.Total, p.Step)
	b.drawn = true
}

func (b *progressBar) finish() {
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
	}
}
