package main

import (
	"context"
	"fmt"
	"io"
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
	err := writeAtomic(path, func(w io.Writer) error {
		var err error
		switch format {
		case "graphml":
			_, err = exports.WriteGraphML(ctx, w, g, exports.GraphMLOptions{})
		case "gexf":
			_, err = exports.WriteGEXF(ctx, w, g, exports.GEXFOptions{})
		}
		return err
	})
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// writeAtomic writes path through a temporary file beside it, renamed into
// place only when write succeeds: an interrupted or failed run leaves the
// previous file intact and no partial file behind.
func writeAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(f.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
