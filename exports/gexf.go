package exports

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// GEXF 1.3 namespaces and schema.
const (
	gexfNS     = "http://gexf.net/1.3"
	gexfVizNS  = "http://gexf.net/1.3/viz"
	gexfSchema = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
)

// gexfAttr is one GEXF attribute declaration.
type gexfAttr struct{ id, title, typ string }

var (
	gexfNodeAttrs = []gexfAttr{
		{"kg_id", "kg_id", "string"},
		{"type", "type", "string"},
		{"aliases", "aliases", "string"},
		{"mentions", "mentions", "integer"},
		{"article_count", "article_count", "integer"},
		{"first_date", "first_date", "string"},
		{"last_date", "last_date", "string"},
	}
	gexfEdgeAttrs = []gexfAttr{
		{"kg_id", "kg_id", "string"},
		{"type", "type", "string"},
		{"confidence", "confidence", "double"},
		{"evidence_count", "evidence_count", "integer"},
		{"evidence", "evidence", "string"},
		{"articles", "articles", "string"},
		{"first_date", "first_date", "string"},
		{"last_date", "last_date", "string"},
		{"symmetric", "symmetric", "boolean"},
		{"status", "status", "string"},
	}
)

var (
	endAttvalues xml.Token = xml.EndElement{Name: xml.Name{Local: "attvalues"}}
	endAttvalue  xml.Token = xml.EndElement{Name: xml.Name{Local: "attvalue"}}
	endColor     xml.Token = xml.EndElement{Name: xml.Name{Local: "viz:color"}}
	endSize      xml.Token = xml.EndElement{Name: xml.Name{Local: "viz:size"}}
	startAttvals xml.Token = xml.StartElement{Name: xml.Name{Local: "attvalues"}}
)

// gx writes GEXF attribute values.
type gx struct{ *xmlWriter }

func (x gx) value(id, v string) {
	if v == "" || x.err != nil {
		return
	}
	x.start("attvalue", xattr("for", id), xattr("value", v))
	x.token(endAttvalue)
}

func (x gx) str(id, s string) { x.value(id, x.cleanXML(s)) }

func (x gx) int(id string, v int) { x.value(id, strconv.Itoa(v)) }

func (x gx) float(id string, v float64) { x.value(id, xmlFloat(v)) }

// appendInterval appends the start and end attributes of a span to a.
func appendInterval(a []xml.Attr, s dateSpan, openEnded bool) []xml.Attr {
	if s.first != "" {
		a = append(a, xattr("start", s.first))
	}
	if s.last != "" && !openEnded {
		a = append(a, xattr("end", s.last))
	}
	return a
}

// WriteGEXF writes g to w as GEXF 1.3, Gephi's native format, streamed
// token by token: typed attributes, viz colours and sizes on nodes, the
// relation type as edge label and kind (Gephi keeps parallel edges of
// different kinds apart), and, when articles are dated, time intervals on
// nodes and edges (graph mode "dynamic", timeformat "date") so that
// Gephi's timeline replays the story.
func WriteGEXF(ctx context.Context, w io.Writer, g *graph.Graph, opt GEXFOptions) (Stats, error) {
	var st Stats
	o, ids, err := prepare(g, opt.XMLOptions)
	if err != nil {
		return st, err
	}
	sz := newSizer(g, o)
	dt := newDateIndex(g)
	metrics := anyMetrics(g)

	x := gx{newXMLWriter(ctx, w, !o.Compact)}
	x.token(xml.StartElement{Name: xml.Name{Local: "gexf"}, Attr: []xml.Attr{
		xattr("xmlns", gexfNS),
		xattr("xmlns:viz", gexfVizNS),
		xattr("xmlns:xsi", xsiNS),
		xattr("xsi:schemaLocation", gexfSchema),
		xattr("version", "1.3"),
	}})
	x.token(xml.StartElement{Name: xml.Name{Local: "meta"}})
	x.token(xml.StartElement{Name: xml.Name{Local: "creator"}})
	x.text("kg")
	x.token(xml.EndElement{Name: xml.Name{Local: "creator"}})
	x.token(xml.StartElement{Name: xml.Name{Local: "description"}})
	x.text("knowledge graph of " + strconv.Itoa(len(g.Articles)) + " news articles: entities and evidence-backed relations")
	x.token(xml.EndElement{Name: xml.Name{Local: "description"}})
	x.token(xml.EndElement{Name: xml.Name{Local: "meta"}})

	edgeType := "undirected"
	if g.Directed {
		edgeType = "directed"
	}
	ga := []xml.Attr{xattr("defaultedgetype", edgeType)}
	if dt.any() {
		ga = append(ga, xattr("mode", "dynamic"), xattr("timeformat", "date"), xattr("timerepresentation", "interval"))
	} else {
		ga = append(ga, xattr("mode", "static"))
	}
	x.token(xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: ga})

	declare := func(class string, attrs []gexfAttr, extra []gexfAttr) {
		x.token(xml.StartElement{Name: xml.Name{Local: "attributes"}, Attr: []xml.Attr{xattr("class", class)}})
		for _, a := range append(attrs[:len(attrs):len(attrs)], extra...) {
			x.token(xml.StartElement{Name: xml.Name{Local: "attribute"}, Attr: []xml.Attr{xattr("id", a.id), xattr("title", a.title), xattr("type", a.typ)}})
			x.token(xml.EndElement{Name: xml.Name{Local: "attribute"}})
		}
		x.token(xml.EndElement{Name: xml.Name{Local: "attributes"}})
	}
	var metricAttrs []gexfAttr
	if metrics {
		for _, m := range metricKeys {
			typ := m.typ
			if typ == "int" {
				typ = "integer"
			}
			metricAttrs = append(metricAttrs, gexfAttr{m.name, m.name, typ})
		}
	}
	declare("node", gexfNodeAttrs, metricAttrs)
	declare("edge", gexfEdgeAttrs, nil)

	x.token(xml.StartElement{Name: xml.Name{Local: "nodes"}, Attr: []xml.Attr{xattr("count", strconv.Itoa(len(g.Nodes)))}})
	var aliases strings.Builder
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if x.tick(); x.err != nil {
			break
		}
		s := dt.node(n)
		x.attrs = append(x.attrs[:0], xattr("id", ids[n.ID]), xattr("label", x.cleanXML(n.Name)))
		x.attrs = appendInterval(x.attrs, s, opt.OpenEnded)
		x.token(xml.StartElement{Name: xml.Name{Local: "node"}, Attr: x.attrs})
		x.token(startAttvals)
		x.str("kg_id", n.ID)
		x.str("type", n.Type)
		aliases.Reset()
		for j, a := range n.Aliases {
			if j > 0 {
				aliases.WriteString(listSep)
			}
			aliases.WriteString(a)
		}
		x.str("aliases", aliases.String())
		x.int("mentions", n.Mentions)
		x.int("article_count", len(n.Articles))
		x.value("first_date", s.first)
		x.value("last_date", s.last)
		if m := n.Metrics; m != nil {
			for _, mk := range metricKeys {
				iv, fv := mk.value(m)
				if mk.typ == "int" {
					x.int(mk.name, iv)
				} else {
					x.float(mk.name, fv)
				}
			}
		}
		x.token(endAttvalues)
		c := colourOf(n.Type)
		x.start("viz:color", xattr("r", strconv.Itoa(int(c.R))), xattr("g", strconv.Itoa(int(c.G))), xattr("b", strconv.Itoa(int(c.B))))
		x.token(endColor)
		x.start("viz:size", xattr("value", xmlFloat(sz.size(n))))
		x.token(endSize)
		x.token(endNode)
		st.Nodes++
	}
	x.token(xml.EndElement{Name: xml.Name{Local: "nodes"}})

	x.token(xml.StartElement{Name: xml.Name{Local: "edges"}, Attr: []xml.Attr{xattr("count", strconv.Itoa(len(g.Edges)))}})
	var scratch []string
	for i := range g.Edges {
		e := &g.Edges[i]
		if x.tick(); x.err != nil {
			break
		}
		src, dst := ids[e.Source], ids[e.Target]
		s := dt.edge(e)
		x.attrs = append(x.attrs[:0],
			xattr("id", "e"+strconv.Itoa(i)), xattr("source", src), xattr("target", dst),
			xattr("label", x.cleanXML(e.Type)), xattr("kind", x.cleanXML(gexfKind(e))),
			xattr("weight", xmlFloat(float64(e.Weight))))
		x.attrs = appendInterval(x.attrs, s, opt.OpenEnded)
		x.token(xml.StartElement{Name: xml.Name{Local: "edge"}, Attr: x.attrs})
		x.token(startAttvals)
		x.str("kg_id", e.ID)
		x.str("type", e.Type)
		x.float("confidence", e.Confidence)
		x.int("evidence_count", len(e.Evidence))
		if len(e.Evidence) > 0 {
			x.str("evidence", e.Evidence[0].Sentence)
		}
		var arts string
		arts, scratch = articleIDs(e, scratch)
		x.str("articles", arts)
		x.value("first_date", s.first)
		x.value("last_date", s.last)
		x.value("symmetric", strconv.FormatBool(e.Symmetric))
		x.str("status", e.Status)
		x.token(endAttvalues)
		x.token(endEdge)
		st.Edges++
	}
	x.token(xml.EndElement{Name: xml.Name{Local: "edges"}})
	x.token(xml.EndElement{Name: xml.Name{Local: "graph"}})
	x.token(xml.EndElement{Name: xml.Name{Local: "gexf"}})
	err = x.close()
	st.RemovedChars = x.removed
	return st, err
}
