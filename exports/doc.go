// Package exports writes a knowledge graph (package graph) in the formats
// other tools read: GraphML and GEXF for Gephi, NetworkX, igraph and every
// other GraphML reader. The JSON form is written by graph.Encode, and the
// Neo4j load by the subpackage exports/neo4j.
//
// # Data flow
//
// A caller reads or builds a *graph.Graph and hands it, with an io.Writer, to
// WriteGraphML or WriteGEXF. Both stream the file token by token through an
// encoding/xml Encoder into a buffered writer: the document is never held in
// memory, and the memory they use beyond the graph itself is proportional to
// the number of nodes (an index from node key to XML id), not to the number
// of edges. They return Stats: how many nodes and edges were written and how
// many characters were removed because XML 1.0 forbids them even escaped
// (control characters other than tab, newline and carriage return, U+FFFE,
// U+FFFF, and bytes that are not valid UTF-8).
//
// # Conventions shared by both formats
//
// Node ids are n0, n1, ... in the order of g.Nodes and edge ids e0, e1, ...
// in the order of g.Edges; the graph's own keys are kept in the kg_id
// attribute. Nodes are coloured by entity type and sized by PageRank when the
// graph has been analysed, else by mentions (see docs/gephi.md). The file is
// directed when the graph is; a symmetric relation (such as MET_WITH) is one
// edge, in the direction stored in the graph, with symmetric=true, which
// readers should treat as undirected: directed and undirected edges are never
// mixed in one file.
//
// # Concurrency
//
// The writers only read the graph; several may run on the same graph at once
// as long as nobody modifies it meanwhile. Each honours ctx cancellation
// between nodes and edges.
package exports
