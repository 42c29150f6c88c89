package neo4j

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/kgraph/kg/graph"
)

// WriteScript writes the load of g as a script for cypher-shell (or Neo4j
// Browser with multi-statement editing): the constraints, the deletion when
// replace is set, then for every batch a `:param rows => [...]` line and the
// statement that uses it. Every value is a Cypher literal in a parameter;
// strings are escaped to plain ASCII, so the script is byte-stable.
func WriteScript(w io.Writer, g *graph.Graph, batchSize int, replace bool) error {
	if batchSize == 0 {
		batchSize = DefaultBatchSize
	}
	if batchSize < 1 {
		return fmt.Errorf("neo4j: batch size %d: must be at least 1", batchSize)
	}
	p, err := newPlan(g)
	if err != nil {
		return &Error{Kind: ErrGraph, Msg: err.Error()}
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	fmt.Fprintf(bw, "// kg push --dry-run: %d rows in %d statements. Run with: cypher-shell -f FILE\n", p.rows, len(p.steps))
	for _, c := range p.constraints {
		fmt.Fprintf(bw, "%s;\n", c.query)
	}
	if replace {
		fmt.Fprintf(bw, "// --replace: delete every node kg owns and its relationships.\n%s;\n", deleteScript)
	}
	var b strings.Builder
	for _, st := range p.steps {
		bs := batches(st.rows, batchSize)
		for i, batch := range bs {
			b.Reset()
			writeLiteral(&b, st.rowMaps(batch))
			fmt.Fprintf(bw, "// %s %s, batch %d of %d\n:param rows => %s\n%s;\n", st.kind, st.name, i+1, len(bs), b.String(), st.query)
		}
	}
	return bw.Flush()
}
