// Package pipeline runs kg's build: ingest → extract (per article, in
// parallel) → resolve across articles → analyse. It is the one place that
// wires the stages together; cmd/kg only parses flags and calls Build.
//
// # Concurrency
//
// Build reads articles in one goroutine (package ingest walks paths in a
// sorted order) and extracts them in Options.Workers goroutines. Results are
// put back in article-id order before resolution, so the graph is the same
// for any number of workers.
package pipeline
