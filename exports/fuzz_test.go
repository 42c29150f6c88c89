package exports_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"testing"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
)

// FuzzXMLWriters writes a two-node graph whose names, aliases, types and
// evidence are fuzzed (any bytes: invalid UTF-8, XML-forbidden controls,
// markup) as GraphML and GEXF, and checks that the output never panics and
// is always well-formed XML (encoding/xml reads it to the end, which
// rejects characters XML 1.0 forbids) with both nodes and the edge in it.
// Seeds: strings written for this test.
func FuzzXMLWriters(f *testing.F) {
	for _, s := range [][4]string{
		{"Laura Keller", "Person", "Minister Keller", "Keller met Ortega."},
		{"<b>&amp;</b>", "Place", "]]>", "\x00\x01\x1f\ufffe\uffff"},
		{"\xff\xfe", "", "\"'", "a\r\nb\tc"},
		{"名字 Имя اسم", "Institution", "\u2028\u0085", "&#0; <![CDATA[x]]>"},
	} {
		f.Add(s[0], s[1], s[2], s[3], 3)
	}
	writers := []struct {
		name  string
		write func(context.Context, io.Writer, *graph.Graph) (exports.Stats, error)
	}{
		{"graphml", func(ctx context.Context, w io.Writer, g *graph.Graph) (exports.Stats, error) {
			return exports.WriteGraphML(ctx, w, g, exports.GraphMLOptions{})
		}},
		{"gexf", func(ctx context.Context, w io.Writer, g *graph.Graph) (exports.Stats, error) {
			return exports.WriteGEXF(ctx, w, g, exports.GEXFOptions{})
		}},
	}
	f.Fuzz(func(t *testing.T, name, typ, alias, sentence string, weight int) {
		g := &graph.Graph{Format: graph.FormatVersion, Directed: true,
			Articles: []graph.Article{{ID: alias, Title: name, Hash: "h"}},
			Nodes: []graph.Node{
				{ID: "a:" + name, Name: name, Type: typ, Aliases: []string{alias, name}, Mentions: 1, Articles: []string{alias}, ArticleMentions: map[string]int{alias: 1}},
				{ID: "b:fixed", Name: "Fixed", Type: "Place", Aliases: []string{"Fixed"}, Mentions: 1},
			},
			Edges: []graph.Edge{{ID: typ + "|a|b", Source: "a:" + name, Target: "b:fixed", Type: typ, Weight: weight, Confidence: 0.5,
				Evidence: []graph.Evidence{{Article: alias, Sentence: sentence, Start: 0, End: len(sentence), Trigger: alias}}}},
		}
		if g.Nodes[0].ID == g.Nodes[1].ID {
			return
		}
		for _, w := range writers {
			var b bytes.Buffer
			st, err := w.write(context.Background(), &b, g)
			if err != nil {
				t.Fatalf("%s: %v", w.name, err)
			}
			if st.Nodes != 2 || st.Edges != 1 {
				t.Fatalf("%s: wrote %d nodes and %d edges, want 2 and 1", w.name, st.Nodes, st.Edges)
			}
			nodes, edges := 0, 0
			dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("%s: not well-formed XML: %v\n%s", w.name, err, b.Bytes())
				}
				if se, ok := tok.(xml.StartElement); ok {
					switch se.Name.Local {
					case "node":
						nodes++
					case "edge":
						edges++
					}
				}
			}
			if nodes != 2 || edges != 1 {
				t.Fatalf("%s: %d <node> and %d <edge> elements, want 2 and 1", w.name, nodes, edges)
			}
		}
	})
}
