package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

// Entity types of the default news schema.
const (
	Person      = "Person"
	Institution = "Institution"
	Place       = "Place"
	Document    = "Document"
)

// FormatVersion is written into every graph file and checked on read.
const FormatVersion = 1

// Graph is a resolved knowledge graph: the articles it was built from, the
// entities found in them and the typed, evidence-backed relations between
// them. Nodes are sorted by ID and edges by (Source, Type, Target), so that
// the same input always encodes to the same bytes.
type Graph struct {
	Format   int       `json:"format"`
	Directed bool      `json:"directed"`
	Schema   string    `json:"schema,omitempty"`
	Articles []Article `json:"articles"`
	Nodes    []Node    `json:"nodes"`
	Edges    []Edge    `json:"edges"`
	// Analysis holds graph-level figures written by the analysis stage
	// (modularity, number of communities, ...). Nil until analysed.
	Analysis *Analysis `json:"analysis,omitempty"`
}

// Article is one input document. Its text is not stored in the graph; the
// evidence offsets refer to the text as ingested (see package extract).
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD when known
	Hash      string `json:"hash"`                // sha256 of the ingested text, hex
	Bytes     int    `json:"bytes"`
	Words     int    `json:"words"`
}

// Node is one resolved real-world entity.
type Node struct {
	ID       string   `json:"id"`   // stable key, e.g. "person:donald-trump"
	Name     string   `json:"name"` // canonical (longest well-formed) name
	Type     string   `json:"type"`
	Aliases  []string `json:"aliases"`  // every surface form merged into the node, sorted
	Mentions int      `json:"mentions"` // number of mentions in all articles
	Articles []string `json:"articles"` // ids of the articles it is mentioned in, sorted
	// ArticleMentions is the number of mentions per article id.
	ArticleMentions map[string]int `json:"article_mentions"`
	// Metrics are written by the analysis stage; nil until analysed.
	*Metrics
}

// Metrics are the per-node figures of the analysis stage.
type Metrics struct {
	Degree         int     `json:"degree"`
	WeightedDegree float64 `json:"weighted_degree"`
	PageRank       float64 `json:"pagerank"`
	Betweenness    float64 `json:"betweenness"`
	Closeness      float64 `json:"closeness"`
	Harmonic       float64 `json:"harmonic"`
	Eigenvector    float64 `json:"eigenvector"`
	Component      int     `json:"component"`
	Core           int     `json:"core"`
	Community      int     `json:"community"`
}

// Value returns the metric named as in the JSON ("pagerank", "core", …);
// ok is false for an unknown name.
func (m *Metrics) Value(name string) (v float64, ok bool) {
	switch name {
	case "degree":
		return float64(m.Degree), true
	case "weighted_degree":
		return m.WeightedDegree, true
	case "pagerank":
		return m.PageRank, true
	case "betweenness":
		return m.Betweenness, true
	case "closeness":
		return m.Closeness, true
	case "harmonic":
		return m.Harmonic, true
	case "eigenvector":
		return m.Eigenvector, true
	case "component":
		return float64(m.Component), true
	case "core":
		return float64(m.Core), true
	case "community":
		return float64(m.Community), true
	}
	return 0, false
}

// Analysis holds graph-level results of the analysis stage.
type Analysis struct {
	Modularity          float64 `json:"modularity"`
	Communities         int     `json:"communities"`
	Components          int     `json:"components"`
	BetweennessSampled  bool    `json:"betweenness_sampled,omitempty"`
	BetweennessSamples  int     `json:"betweenness_samples,omitempty"`
	BetweennessErrBound float64 `json:"betweenness_error_bound,omitempty"`
}

// Edge is a typed relation between two nodes with the evidence behind it.
type Edge struct {
	ID         string     `json:"id"` // stable key: type|source|target(|status)
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	Type       string     `json:"type"`
	Symmetric  bool       `json:"symmetric,omitempty"`
	Status     string     `json:"status,omitempty"` // "" for a reported fact, "planned" for a planned event
	Weight     int        `json:"weight"`           // number of supporting mentions (len(Evidence))
	Confidence float64    `json:"confidence"`       // 0..1
	FirstDate  string     `json:"first_date,omitempty"`
	LastDate   string     `json:"last_date,omitempty"`
	Evidence   []Evidence `json:"evidence"`
}

// Evidence is one sentence that states a relation. Text[Start:End] of the
// article (as ingested) is exactly Sentence.
type Evidence struct {
	Article  string `json:"article"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"` // byte offset of the sentence in the article text
	End      int    `json:"end"`
	Trigger  string `json:"trigger,omitempty"` // the words that triggered the relation
	Date     string `json:"date,omitempty"`    // article date when known
}

// Sort puts articles, nodes, edges and their lists into canonical order.
func (g *Graph) Sort() {
	sort.Slice(g.Articles, func(i, j int) bool { return g.Articles[i].ID < g.Articles[j].ID })
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].ID < g.Nodes[j].ID })
	for i := range g.Nodes {
		sort.Strings(g.Nodes[i].Aliases)
		sort.Strings(g.Nodes[i].Articles)
	}
	for i := range g.Edges {
		ev := g.Edges[i].Evidence
		sort.Slice(ev, func(a, b int) bool {
			if ev[a].Article != ev[b].Article {
				return ev[a].Article < ev[b].Article
			}
			if ev[a].Start != ev[b].Start {
				return ev[a].Start < ev[b].Start
			}
			return ev[a].Trigger < ev[b].Trigger
		})
	}
	sort.Slice(g.Edges, func(i, j int) bool { return g.Edges[i].ID < g.Edges[j].ID })
}

// NodeIndex returns a map from node ID to its index in g.Nodes.
func (g *Graph) NodeIndex() map[string]int {
	m := make(map[string]int, len(g.Nodes))
	for i, n := range g.Nodes {
		m[n.ID] = i
	}
	return m
}

// Encode writes g as indented JSON. The output is byte-stable for a sorted graph.
func (g *Graph) Encode(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(g); err != nil {
		return err
	}
	return bw.Flush()
}

// ReadError is returned for a file that is not a readable kg graph.
type ReadError struct {
	File   string
	Offset int64 // byte offset where decoding broke, -1 if unknown
	Line   int   // line of Offset, 0 if unknown
	Err    error
}

func (e *ReadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("graph: %s: line %d (byte %d): %v", e.File, e.Line, e.Offset, e.Err)
	}
	return fmt.Sprintf("graph: %s: %v", e.File, e.Err)
}

func (e *ReadError) Unwrap() error { return e.Err }

// ReadFile reads a graph written by Encode. "-" reads standard input.
func ReadFile(path string) (*Graph, error) {
	var data []byte
	var err error
	if path == "-" {
		data, err = io.ReadAll(os.Stdin)
	} else {
		data, err = os.ReadFile(path)
	}
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	return Decode(path, data)
}

// Decode parses a graph from data; name is used in error messages.
func Decode(name string, data []byte) (*Graph, error) {
	var g Graph
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&g); err != nil {
		off := int64(-1)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			off = se.Offset
		case errors.As(err, &te):
			off = te.Offset
		case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
			off = int64(len(data))
			err = errors.New("unexpected end of file (truncated?)")
		}
		re := &ReadError{File: name, Offset: off, Err: err}
		if off >= 0 {
			re.Line = 1 + bytes.Count(data[:min(int(off), len(data))], []byte("\n"))
		}
		return nil, re
	}
	if g.Format == 0 || g.Nodes == nil && g.Edges == nil && g.Articles == nil {
		return nil, &ReadError{File: name, Offset: -1, Err: errors.New("not a kg graph (no \"format\", \"nodes\" or \"edges\")")}
	}
	if g.Format > FormatVersion {
		return nil, &ReadError{File: name, Offset: -1, Err: fmt.Errorf("graph format %d is newer than this kg understands (%d)", g.Format, FormatVersion)}
	}
	idx := g.NodeIndex()
	for i, e := range g.Edges {
		if _, ok := idx[e.Source]; !ok {
			return nil, &ReadError{File: name, Offset: -1, Err: fmt.Errorf("edge %d (%s): unknown source node %q", i, e.ID, e.Source)}
		}
		if _, ok := idx[e.Target]; !ok {
			return nil, &ReadError{File: name, Offset: -1, Err: fmt.Errorf("edge %d (%s): unknown target node %q", i, e.ID, e.Target)}
		}
	}
	return &g, nil
}
