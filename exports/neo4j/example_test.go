package neo4j_test

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/kgraph/kg/exports/neo4j"
	"github.com/kgraph/kg/graph"
)

// Push a graph file into the database named by NEO4J_URI, NEO4J_USERNAME
// and NEO4J_PASSWORD (as printed by scripts/neo4j up). It needs a live
// server, so it has no Output block.
func ExamplePush() {
	g, err := graph.ReadFile("graph.json")
	if err != nil {
		log.Fatal(err)
	}
	opts := neo4j.OptionsFromEnv()
	opts.BatchSize = 5000
	sum, err := neo4j.Push(context.Background(), g, opts)
	if err != nil {
		log.Fatal(err) // one line, e.g. "neo4j: cannot reach bolt://...: ... (is the server running? ...)"
	}
	fmt.Println(sum)
}

// WriteScript needs no server: the script runs later with cypher-shell -f.
func ExampleWriteScript() {
	g := &graph.Graph{Format: graph.FormatVersion, Directed: true,
		Nodes: []graph.Node{{ID: "person:ada", Name: "Ada 'The Admiral' North", Type: graph.Person, Aliases: []string{}, Articles: []string{}}}}
	if err := neo4j.WriteScript(os.Stdout, g, 0, false); err != nil {
		log.Fatal(err)
	}
	// Output:
	// // kg push --dry-run: 1 rows in 1 statements. Run with: cypher-shell -f FILE
	// CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
	// CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
	// CREATE CONSTRAINT `kg_MENTIONED_IN_key` IF NOT EXISTS FOR ()-[r:`MENTIONED_IN`]-() REQUIRE r.key IS UNIQUE;
	// // entities Person, batch 1 of 1
	// :param rows => [{props: {aliases: [], articles: [], key: 'person:ada', kg_hash: '0250557e75b7e6f91de4565a', mentions: 0, name: 'Ada \'The Admiral\' North', type: 'Person'}}]
	// UNWIND $rows AS row
	// MERGE (n:Entity {key: row.props.key})
	// WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
	// FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props, n:`Person`)
	// RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed;
}
