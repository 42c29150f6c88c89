package exports_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
)

// A two-node graph written as GraphML: Ada (a Person, coloured blue) is
// bigger than Riverton because she is mentioned more often.
func ExampleWriteGraphML() {
	g := &graph.Graph{
		Format:   graph.FormatVersion,
		Directed: true,
		Nodes: []graph.Node{
			{ID: "person:ada", Name: "Ada Quill", Type: graph.Person, Mentions: 4},
			{ID: "place:riverton", Name: "Riverton", Type: graph.Place, Mentions: 1},
		},
		Edges: []graph.Edge{
			{ID: "VISITED|person:ada|place:riverton", Source: "person:ada", Target: "place:riverton", Type: "VISITED", Weight: 1, Confidence: 0.9},
		},
	}
	var buf bytes.Buffer
	st, err := exports.WriteGraphML(context.Background(), &buf, g, exports.GraphMLOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d nodes, %d edges\n", st.Nodes, st.Edges)
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.Contains(line, `<node `) || strings.Contains(line, `<edge `) ||
			strings.Contains(line, `key="label"`) || strings.Contains(line, `key="size"`) || strings.Contains(line, `key="e_label"`) {
			fmt.Println(strings.TrimSpace(line))
		}
	}
	// Output:
	// 2 nodes, 1 edges
	// <node id="n0">
	// <data key="label">Ada Quill</data>
	// <data key="size">50</data>
	// <node id="n1">
	// <data key="label">Riverton</data>
	// <data key="size">30</data>
	// <edge id="e0" source="n0" target="n1">
	// <data key="e_label">VISITED</data>
}
