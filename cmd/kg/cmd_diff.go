package main

import (
	"context"

	"github.com/kgraph/kg/graph"
	"github.com/spf13/cobra"
)

type diffOptions struct {
	format string
}

func newDiffCmd(g *globals) *cobra.Command {
	var o diffOptions
	cmd := &cobra.Command{
		Use:   "diff old.json new.json",
		Short: "Show the entities and relations added, removed and changed between two graphs",
		Long: `Diff compares two graphs built by kg build: the articles, entities and
relations added (+), removed (-) and changed (~: name, type, aliases,
mentions, articles of an entity; weight, confidence and evidence of a
relation, with the evidence sentences that came or went). Nodes and edges
are matched by id; an entity whose id changed with its canonical name
("Keller" became "Laura Keller") is matched by a shared alias of the same
type and shown as renamed. Analysis metrics are not compared.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runDiff(cmd.Context(), g, o, args[0], args[1])
		},
	}
	cmd.Flags().StringVar(&o.format, "format", "text", "output format: text or json")
	return cmd
}

func runDiff(ctx context.Context, g *globals, o diffOptions, oldPath, newPath string) error {
	if o.format != "text" && o.format != "json" {
		return usagef("diff: --format %q: want text or json", o.format)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	old, err := graph.ReadFile(oldPath)
	if err != nil {
		return err
	}
	gr, err := graph.ReadFile(newPath)
	if err != nil {
		return err
	}
	d := graph.Compare(old, gr)
	if o.format == "json" {
		return d.WriteJSON(g.stdout)
	}
	return d.WriteText(g.stdout)
}
