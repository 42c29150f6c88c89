package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/kgraph/kg/pipeline"
	"github.com/kgraph/kg/schema"
	"github.com/spf13/cobra"
)

type retractOptions struct {
	articles   []string
	output     string
	schemaFile string
	workers    int
	noAnalyse  bool
	planned    bool
	plannedSet bool
	neo4j      bool
	conn       neo4jOptions
}

func newRetractCmd(g *globals) *cobra.Command {
	var o retractOptions
	cmd := &cobra.Command{
		Use:   "retract --article ID... graph.json",
		Short: "Remove articles from a graph (and with --neo4j from the Neo4j database)",
		Long: `Retract removes the given articles from a graph built by kg build -o FILE:
their evidence goes, and edges and entities left with no evidence disappear.
The graph is rebuilt from the articles that remain (kept in graph.json` + pipeline.StateSuffix + `),
so it is exactly what kg build would make of them. It is written back in place,
or to -o.

With --neo4j the retracted graph is then pushed with --replace semantics, so
that the database equals a fresh push of the remaining articles.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("retract: give exactly one graph file")
			}
			if len(o.articles) == 0 {
				return usagef("retract: give the articles to remove with --article ID")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("output") {
				o.output = args[0]
			}
			o.plannedSet = cmd.Flags().Changed("planned")
			return runRetract(cmd.Context(), g, o, args[0])
		},
	}
	f := cmd.Flags()
	f.StringArrayVar(&o.articles, "article", nil, "id of an article to remove, as listed in the graph's \"articles\" (repeat the flag for several)")
	f.StringVarP(&o.output, "output", "o", "", "write the graph here instead of in place (- for standard output)")
	f.StringVar(&o.schemaFile, "schema", "", "rebuild with this schema YAML instead of the one the graph was built with")
	f.IntVarP(&o.workers, "workers", "j", 0, "articles extracted in parallel (default: all cores)")
	f.BoolVar(&o.noAnalyse, "no-analyse", false, "skip the centrality and community analysis")
	f.BoolVar(&o.planned, "planned", false, "keep planned relations (default: as the graph was built)")
	f.BoolVar(&o.neo4j, "neo4j", false, "also replace kg's nodes in Neo4j with the retracted graph (see kg push)")
	addNeo4jFlags(f, &o.conn)
	_ = f.MarkHidden("replace") // always on for retract
	return cmd
}

func runRetract(ctx context.Context, g *globals, o retractOptions, path string) error {
	if o.workers < 0 {
		return usagef("retract: --workers must be positive")
	}
	if o.neo4j && o.conn.batchSize < 1 {
		return usagef("retract: --batch-size %d: must be at least 1", o.conn.batchSize)
	}
	prev, err := loadState(ctx, path)
	if err != nil {
		return err
	}
	opt := pipeline.Options{Workers: o.workers, Planned: prev.Planned}
	if o.plannedSet {
		opt.Planned = o.planned
	}
	if !o.noAnalyse {
		opt.Analyse = analyseGraph
	}
	var schemaYAML []byte
	if o.schemaFile != "" {
		if opt.Schema, err = schema.Load(o.schemaFile); err != nil {
			return err
		}
		if schemaYAML, err = userSchema(o.schemaFile, &opt); err != nil {
			return err
		}
	}
	gr, st, sum, err := pipeline.Retract(ctx, prev, o.articles, opt, schemaYAML)
	var re *pipeline.RetractError
	if errors.As(err, &re) {
		return fmt.Errorf("retract: %s has no article %s (see its \"articles\")", path, strings.Join(re.Quoted(), ", "))
	}
	if err != nil {
		return fmt.Errorf("retract: %w", err)
	}
	if err := writeGraph(gr, o.output, g.stdout); err != nil {
		return err
	}
	if err := saveState(ctx, st, o.output, false); err != nil {
		return err
	}
	if !g.quiet {
		printChanges(g.stderr, o.output, sum.Changes)
		fmt.Fprintf(g.stderr, "kg: %d entities, %d relations\n", len(gr.Nodes), len(gr.Edges))
	}
	if o.neo4j {
		o.conn.replace = true
		if _, err := pushToNeo4j(ctx, g, gr, o.conn); err != nil {
			return err
		}
	}
	return nil
}
