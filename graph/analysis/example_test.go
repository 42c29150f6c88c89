package analysis_test

import (
	"context"
	"fmt"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
)

func ExampleAnalyse() {
	// A path a – b – c, and d on its own.
	met := func(s, t string) graph.Edge {
		return graph.Edge{ID: "MET_WITH|" + s + "|" + t, Source: s, Target: t, Type: "MET_WITH", Symmetric: true, Weight: 1}
	}
	g := &graph.Graph{
		Format: graph.FormatVersion,
		Nodes: []graph.Node{
			{ID: "a", Name: "A", Type: graph.Person}, {ID: "b", Name: "B", Type: graph.Person},
			{ID: "c", Name: "C", Type: graph.Person}, {ID: "d", Name: "D", Type: graph.Person},
		},
		Edges: []graph.Edge{met("a", "b"), met("b", "c")},
	}
	r, err := analysis.Analyse(context.Background(), g, analysis.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	analysis.Apply(g, r)
	for _, n := range g.Nodes {
		fmt.Printf("%s degree %d betweenness %.3f closeness %.3f component %d core %d\n",
			n.ID, n.Degree, n.Betweenness, n.Closeness, n.Component, n.Core)
	}
	fmt.Printf("components %d\n", g.Analysis.Components)
	// Output:
	// a degree 1 betweenness 0.000 closeness 0.444 component 0 core 1
	// b degree 2 betweenness 0.333 closeness 0.667 component 0 core 1
	// c degree 1 betweenness 0.000 closeness 0.444 component 0 core 1
	// d degree 0 betweenness 0.000 closeness 0.000 component 1 core 0
	// components 2
}
