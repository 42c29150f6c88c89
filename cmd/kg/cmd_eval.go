package main

import (
	"context"
	"io"

	"github.com/kgraph/kg/graph/eval"
	"github.com/spf13/cobra"
)

type evalOptions struct {
	gold string
	eval.Options
}

func newEvalCmd(g *globals) *cobra.Command {
	var opts evalOptions
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.yaml GRAPH.json",
		Short: "Score a graph against a gold annotation (as shared/eval/score.py does)",
		Long: `Score a graph against a hand-annotated gold YAML file with the matching rules
of shared/eval/score.py, and print the same figures: precision, recall and F1
for entities and for each core relation type, ALL_CORE and EXTRA.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.gold == "" {
				return usagef("eval: --gold GOLD.yaml is required")
			}
			if len(args) != 1 {
				return usagef("eval: want one graph file, got %d arguments", len(args))
			}
			return runEval(cmd.Context(), opts, args[0], g.stdout)
		},
	}
	cmd.Flags().StringVar(&opts.gold, "gold", "", "gold annotation `file` (YAML, the format of shared/eval/seeds-gold.yaml)")
	cmd.Flags().BoolVar(&opts.Verbose, "verbose", false, "also list missed and false-positive entities and relations")
	cmd.Flags().BoolVar(&opts.JSON, "json", false, "print the figures as JSON")
	return cmd
}

// runEval scores the graph file against the gold file and prints the report.
func runEval(ctx context.Context, opts evalOptions, graphPath string, stdout io.Writer) error {
	return eval.Run(ctx, opts.gold, graphPath, opts.Options, stdout)
}
