package main

import (
	"context"

	"github.com/kgraph/kg/graph"
)

// analyseGraph runs the analysis stage on a built graph.
func analyseGraph(ctx context.Context, g *graph.Graph) error { return nil }
