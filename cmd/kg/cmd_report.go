package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
	"github.com/kgraph/kg/graph/report"
)

// reportOptions are the flags of `kg report`.
type reportOptions struct {
	top         int
	types       []string
	metrics     []string
	relations   []string
	format      string
	plot        string
	plotNodes   int
	communities int
	directed    bool
	samples     int
	exactMax    int
	seed        uint64
}

func newReportCmd(g *globals) *cobra.Command {
	var o reportOptions
	cmd := &cobra.Command{
		Use:   "report graph.json",
		Short: "Report the most central entities and the communities of a graph",
		Long: `Report analyses a graph written by kg build (PageRank, betweenness,
closeness, harmonic and eigenvector centrality, k-cores, components, Louvain
communities) and prints a summary, the top entities by each metric and the
communities with their most central members. "-" reads standard input.`,
		Example: `  kg report graph.json
  kg report graph.json --type Person --metric pagerank,betweenness --top 5
  kg report graph.json --relations MET_WITH,LED --format markdown
  kg report graph.json --plot central.png`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd.Context(), g.stdout, o, args[0])
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.top, "top", 10, "entities per ranking")
	f.StringSliceVar(&o.types, "type", nil, "rank only entities of these types (e.g. Person,Institution)")
	f.StringSliceVar(&o.metrics, "metric", nil, "rankings to show: "+strings.Join(report.Metrics, ",")+" (default all)")
	f.StringSliceVar(&o.relations, "relations", nil, "analyse only these relation types (e.g. MET_WITH,LED)")
	f.StringVar(&o.format, "format", "table", "output format: "+strings.Join(report.Formats, "|"))
	f.StringVar(&o.plot, "plot", "", "also draw the most central part of the graph and bar charts into this .svg or .png file")
	f.IntVar(&o.plotNodes, "plot-nodes", 40, "entities drawn by --plot")
	f.IntVar(&o.communities, "communities", 10, "communities listed")
	f.BoolVar(&o.directed, "directed", false, "compute PageRank along the direction of relations")
	f.IntVar(&o.samples, "samples", analysis.DefaultSamples, "sampled sources for betweenness in large components")
	f.IntVar(&o.exactMax, "exact-max", analysis.DefaultExactMax, "largest component whose betweenness is computed exactly")
	f.Uint64Var(&o.seed, "seed", analysis.DefaultSeed, "seed of Louvain and of the betweenness sample")
	return cmd
}

func runReport(ctx context.Context, stdout io.Writer, o reportOptions, path string) error {
	if !slices.Contains(report.Formats, o.format) {
		return usagef("report: unknown --format %q (known: %s)", o.format, strings.Join(report.Formats, ", "))
	}
	for _, m := range o.metrics {
		if !slices.Contains(report.Metrics, m) {
			return usagef("report: unknown --metric %q (known: %s)", m, strings.Join(report.Metrics, ", "))
		}
	}
	if o.top < 0 || o.samples < 0 || o.exactMax < 0 || o.plotNodes < 0 || o.communities < 0 {
		return usagef("report: --top, --samples, --exact-max, --plot-nodes and --communities must not be negative")
	}
	g, err := graph.ReadFile(path)
	if err != nil {
		return err
	}
	if err := checkRelations(g, path, o.relations); err != nil {
		return err
	}
	res, err := analysis.Analyse(ctx, g, analysis.Options{
		Relations: o.relations, Directed: o.directed, Samples: o.samples, ExactMax: o.exactMax, Seed: o.seed,
	})
	if err != nil {
		return err
	}
	rep, err := report.New(g, res, report.Options{
		Top: o.top, Types: o.types, Metrics: o.metrics, Communities: o.communities,
	})
	if err != nil {
		return err
	}
	if err := report.Render(stdout, rep, o.format); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	if o.plot != "" {
		return report.Plot(ctx, o.plot, g, res, report.PlotOptions{Nodes: o.plotNodes})
	}
	return nil
}

// checkRelations rejects a --relations type that no edge of g has, which is
// most likely a typing mistake.
func checkRelations(g *graph.Graph, path string, relations []string) error {
	if len(relations) == 0 {
		return nil
	}
	have := map[string]bool{}
	for i := range g.Edges {
		have[g.Edges[i].Type] = true
	}
	for _, r := range relations {
		if !have[r] {
			known := make([]string, 0, len(have))
			for t := range have {
				known = append(known, t)
			}
			slices.Sort(known)
			return usagef("report: no %s relation in %s (it has: %s)", r, path, strings.Join(known, ", "))
		}
	}
	return nil
}
