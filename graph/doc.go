// Package graph holds the knowledge graph that every stage of kg reads or
// writes: articles, resolved entities (nodes) and typed relations (edges)
// with the sentences that state them.
//
// The data flow is one direction: package extract turns articles into
// per-article mentions and relation candidates; Resolve in this package
// merges them across articles into one node per real-world entity; the
// analysis functions compute gonum metrics onto the nodes; package exports
// writes the result as JSON, GraphML, GEXF or into Neo4j.
//
// # Stability
//
// A Graph is sorted (see Graph.Sort) before it is written, so the same input
// always gives byte-identical output, whatever the number of workers.
package graph
