package eval

import (
	"context"
	"io"

	"github.com/kgraph/kg/graph"
)

// Run scores the graph file graphPath against the gold file goldPath and
// prints the report to w.
func Run(ctx context.Context, goldPath, graphPath string, opt Options, w io.Writer) error {
	gold, err := LoadGold(ctx, goldPath)
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	g, err := graph.ReadFile(graphPath)
	if err != nil {
		return err
	}
	return Score(gold, g).Write(w, opt)
}
