// Package report turns an analysed knowledge graph into a centrality report
// (a summary, the top entities by each metric, the communities with their
// most central members) rendered as a text table, Markdown, CSV or JSON, and
// into a picture of its most central part.
//
// Data flow: analysis.Analyse gives a Result for a graph; New selects and
// ranks what the report shows (Options); Render writes it in a Format; Plot
// draws the graph with gonum's graph/layout and gonum.org/v1/plot.
//
// Everything is sorted (values descending, ties by node ID), so the same
// graph gives the same bytes.
package report
