package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
)

// analyseGraph runs the analysis stage on a built graph and writes the
// metrics onto its nodes.
func analyseGraph(ctx context.Context, g *graph.Graph) error {
	r, err := analysis.Analyse(ctx, g, analysis.Options{})
	if err != nil {
		return err
	}
	analysis.Apply(g, r)
	return nil
}

// writeExport writes g as GraphML or GEXF to path, atomically.
func writeExport(ctx context.Context, g *graph.Graph, format, path string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".kg-*."+format)
	if err != nil {
		return fmt.Errorf("build: cannot write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	switch format {
	case "graphml":
		_, err = exports.WriteGraphML(ctx, tmp, g, exports.GraphMLOptions{})
	case "gexf":
		_, err = exports.WriteGEXF(ctx, tmp, g, exports.GEXFOptions{})
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("build: writing %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}
