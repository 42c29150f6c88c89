// Package neo4j pushes a kg graph into a Neo4j 5 database over Bolt with the
// official Go driver, and writes the same load as a cypher-shell script.
//
// # Model
//
// Every entity becomes a node with two labels, its schema type (:Person,
// :Institution, ...) and :Entity, keyed by the graph node ID in the property
// key (unique: constraint kg_entity_key). Its properties are name, type,
// aliases, mentions, articles and, once the graph is analysed, the metrics
// (degree, pagerank, community, ...). Every article becomes an (:Article
// {id, title, url, published, hash, bytes, words}) node (constraint
// kg_article_id), linked from each entity that mentions it by
// (:Entity)-[:MENTIONED_IN {count}]->(:Article). Every relation becomes a
// relationship typed by the relation type (:MET_WITH, :LED, ...), keyed by the
// graph edge ID (one uniqueness constraint per type), with weight,
// confidence, symmetric, status, first_date, last_date and its evidence as
// parallel lists: evidence_sentences, evidence_articles, evidence_starts,
// evidence_ends, evidence_triggers, evidence_dates. Dates are Neo4j dates.
// Every node and relationship kg writes also holds kg_hash, a digest of its
// properties, so that an unchanged element is not written again.
//
// # Data flow
//
// Push validates the graph (labels and relationship types must be plain
// identifiers; they are backquoted in the Cypher), turns it into rows,
// verifies the connection, creates the constraints (IF NOT EXISTS), deletes
// what kg owns when asked to replace, then writes articles, entities,
// relations and mentions as UNWIND $rows ... MERGE statements, one managed
// transaction (ExecuteWrite) per batch. Every value travels as a query
// parameter; nothing from an article is ever spliced into Cypher. A batch is
// idempotent, so the driver may retry it, and pushing the same graph twice
// changes nothing. WriteScript writes the same statements and parameters as
// a script for cypher-shell or Neo4j Browser.
//
// A fresh push, into a database that holds no :Entity or :Article node (or
// after Replace), writes with CREATE instead (no MERGE, no digest
// comparison), in two lanes at once. Its rows are lists rather than maps
// (the properties in a fixed order of columns), the node statements return
// the element id of every node they create, and the relationship statements
// find their end nodes by element id instead of by key in the index: in one
// lane that is 1.7 times as fast as CREATE with key lookups and map rows. The
// entities are dealt into four parts: nodes are written in two lanes by the
// parity of their part, relationships in three phases in which each lane
// holds the relations between two parts (mentions: two phases, by entity and
// article), so that the lanes never lock the same node. The first batch that
// finds one of its rows written (a uniqueness constraint refuses it: another
// push writes at the same time, or the driver retried a batch that had
// committed) is run again with MERGE, as are all the next ones.
//
// Properties of an entity or relation are those of the last graph pushed
// that holds it: push the graph of the whole corpus last, or use Replace.
//
// # Concurrency
//
// Several processes may push into one database at once: the uniqueness
// constraints make MERGE create each entity, article and relationship once
// (and refuse a second CREATE, which then falls back to MERGE), and
// deadlocks between concurrent batches are retried by the driver. Push
// itself uses two sessions during a fresh push;
// Options.Progress is called from one goroutine at a time.
package neo4j
