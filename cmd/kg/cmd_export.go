package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
)

// exportOptions are the flags of kg export.
type exportOptions struct {
	format    string
	output    string
	compact   bool
	openEnded bool
}

// exportFormats are the formats kg export writes.
var exportFormats = []string{"graphml", "gexf"}

func newExportCmd(g *globals) *cobra.Command {
	var o exportOptions
	cmd := &cobra.Command{
		Use:   "export [graphml|gexf] GRAPH.json",
		Short: "Write a graph as GraphML or GEXF for Gephi, NetworkX or igraph",
		Long: `Write a graph built by kg build as GraphML or GEXF 1.3.

The format is the first argument, or --format, or guessed from the -o file's
extension (.graphml, .gexf). Without -o, or with -o -, the file goes to
standard output. Nodes are coloured by type and sized by PageRank (by
mentions when the graph was not analysed); see docs/gephi.md.`,
		Example: `  kg export graphml graph.json -o graph.graphml
  kg export --format gexf graph.json -o graph.gexf
  kg export gexf graph.json > graph.gexf`,
		Args: cobra.RangeArgs(1, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExport(cmd.Context(), g, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "", "output format: graphml or gexf")
	f.StringVarP(&o.output, "output", "o", "", "output file (default or -: standard output)")
	f.BoolVar(&o.compact, "compact", false, "write no indentation")
	f.BoolVar(&o.openEnded, "open-ended", false, "GEXF: leave time intervals open at the end, so that Gephi's timeline accumulates the story")
	return cmd
}

// exportFormat works out the format and the input file from the arguments.
func exportFormat(o exportOptions, args []string) (format, input string, err error) {
	format = strings.ToLower(o.format)
	input = args[len(args)-1]
	if len(args) == 2 {
		a := strings.ToLower(args[0])
		if format != "" && format != a {
			return "", "", usagef("export: format %q and --format %q disagree", args[0], o.format)
		}
		format = a
	}
	if format == "" {
		switch strings.ToLower(filepath.Ext(o.output)) {
		case ".graphml":
			format = "graphml"
		case ".gexf":
			format = "gexf"
		default:
			return "", "", usagef("export: name a format: kg export graphml|gexf GRAPH.json (or --format)")
		}
	}
	for _, f := range exportFormats {
		if format == f {
			return format, input, nil
		}
	}
	return "", "", usagef("export: unknown format %q (want %s)", format, strings.Join(exportFormats, " or "))
}

func runExport(ctx context.Context, g *globals, o exportOptions, args []string) error {
	format, input, err := exportFormat(o, args)
	if err != nil {
		return err
	}
	gr, err := graph.ReadFile(input)
	if err != nil {
		return err
	}
	write := func(w io.Writer) (exports.Stats, error) {
		opt := exports.XMLOptions{Compact: o.compact}
		if format == "gexf" {
			return exports.WriteGEXF(ctx, w, gr, exports.GEXFOptions{XMLOptions: opt, OpenEnded: o.openEnded})
		}
		return exports.WriteGraphML(ctx, w, gr, exports.GraphMLOptions{XMLOptions: opt})
	}
	var st exports.Stats
	dest := o.output
	if dest == "" || dest == "-" {
		dest = "standard output"
		st, err = write(g.stdout)
	} else {
		st, err = writeFileAtomic(o.output, write)
	}
	if err != nil {
		return err
	}
	if !g.quiet {
		fmt.Fprintf(g.stderr, "kg export: wrote %d nodes and %d edges as %s to %s", st.Nodes, st.Edges, format, dest)
		if st.RemovedChars > 0 {
			fmt.Fprintf(g.stderr, " (removed %d characters that XML forbids)", st.RemovedChars)
		}
		fmt.Fprintln(g.stderr)
	}
	return nil
}

// writeFileAtomic writes path through writeAtomic, keeping the writer's stats.
func writeFileAtomic(path string, write func(io.Writer) (exports.Stats, error)) (exports.Stats, error) {
	var st exports.Stats
	err := writeAtomic(path, func(w io.Writer) error {
		var err error
		st, err = write(w)
		return err
	})
	if err != nil {
		return st, fmt.Errorf("export: %w", err)
	}
	return st, nil
}
