// Command kg turns news articles into a knowledge graph of people,
// institutions, places and documents, with the typed relations between them
// and the sentences that state them.
//
//	kg build PATH... -o graph.json     # ingest, extract, resolve, analyse
//	kg report graph.json               # centralities and communities
//	kg export graphml graph.json -o g.graphml
//	kg push graph.json                 # into Neo4j
//	kg eval --gold GOLD.yaml graph.json
//	kg schema print | kg schema check FILE
//	kg build NEW... --into graph.json  # incremental; kg retract, kg diff
//
// Each subcommand lives in cmd_<verb>.go and only parses flags and calls
// the packages that do the work (pipeline, graph, exports, schema). Exit
// status: 0 on success, 1 on failure, 2 on a usage error.
package main
