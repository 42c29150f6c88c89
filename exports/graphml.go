package exports

import (
	"context"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// GraphML namespace and schema.
const (
	graphmlNS     = "http://graphml.graphdrawing.org/xmlns"
	graphmlSchema = "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
	xsiNS         = "http://www.w3.org/2001/XMLSchema-instance"
)

// gmlKey is one GraphML <key>. Its <data> start tag is built once, so that
// writing a value allocates nothing but the value.
type gmlKey struct {
	id, domain, name, typ, desc string
	start                       xml.Token
}

func newKey(id, domain, name, typ, desc string) *gmlKey {
	k := &gmlKey{id: id, domain: domain, name: name, typ: typ, desc: desc}
	k.start = xml.StartElement{Name: xml.Name{Local: "data"}, Attr: []xml.Attr{{Name: xml.Name{Local: "key"}, Value: id}}}
	return k
}

var (
	endData  xml.Token = xml.EndElement{Name: xml.Name{Local: "data"}}
	endNode  xml.Token = xml.EndElement{Name: xml.Name{Local: "node"}}
	endEdge  xml.Token = xml.EndElement{Name: xml.Name{Local: "edge"}}
	endKey   xml.Token = xml.EndElement{Name: xml.Name{Local: "key"}}
	startDsc xml.Token = xml.StartElement{Name: xml.Name{Local: "desc"}}
	endDesc  xml.Token = xml.EndElement{Name: xml.Name{Local: "desc"}}
)

// graphmlKeys are the keys of one export; metric keys are nil when the graph
// has no metrics, graph keys when it has no analysis.
type graphmlKeys struct {
	label, kgID, typ, aliases, mentions, articleCount, first, last *gmlKey
	r, g, b, size                                                  *gmlKey
	metrics                                                        []*gmlKey
	eLabel, eKgID, eType, weight, confidence, evCount, evidence    *gmlKey
	articles, eFirst, eLast, symmetric, status                     *gmlKey
	modularity, communities, components                            *gmlKey
	all                                                            []*gmlKey
}

func newGraphMLKeys(g *graph.Graph) *graphmlKeys {
	k := &graphmlKeys{}
	add := func(p **gmlKey, id, domain, name, typ, desc string) {
		*p = newKey(id, domain, name, typ, desc)
		k.all = append(k.all, *p)
	}
	add(&k.label, "label", "node", "label", "string", "the entity's canonical name")
	add(&k.kgID, "kg_id", "node", "kg_id", "string", "the node's key in graph.json")
	add(&k.typ, "type", "node", "type", "string", "entity type")
	add(&k.aliases, "aliases", "node", "aliases", "string", "every name merged into the node, joined by '"+listSep+"'")
	add(&k.mentions, "mentions", "node", "mentions", "int", "number of mentions in all articles")
	add(&k.articleCount, "article_count", "node", "article_count", "int", "number of articles mentioning the entity")
	add(&k.first, "first_date", "node", "first_date", "string", "publication date (YYYY-MM-DD) of the first article mentioning the entity")
	add(&k.last, "last_date", "node", "last_date", "string", "publication date (YYYY-MM-DD) of the last article mentioning the entity")
	add(&k.r, "r", "node", "r", "int", "red 0-255 of the node colour (by entity type), read by Gephi")
	add(&k.g, "g", "node", "g", "int", "green 0-255 of the node colour, read by Gephi")
	add(&k.b, "b", "node", "b", "int", "blue 0-255 of the node colour, read by Gephi")
	if anyMetrics(g) {
		add(&k.size, "size", "node", "size", "double", "node size, growing with PageRank, read by Gephi")
		for _, m := range metricKeys {
			var p *gmlKey
			add(&p, m.name, "node", m.name, m.typ, "")
			k.metrics = append(k.metrics, p)
		}
	} else {
		add(&k.size, "size", "node", "size", "double", "node size, growing with mentions, read by Gephi")
	}
	add(&k.eLabel, "e_label", "edge", "label", "string", "relation type")
	add(&k.eKgID, "e_kg_id", "edge", "kg_id", "string", "the edge's key in graph.json")
	add(&k.eType, "e_type", "edge", "type", "string", "relation type")
	add(&k.weight, "weight", "edge", "weight", "double", "number of supporting mentions")
	add(&k.confidence, "confidence", "edge", "confidence", "double", "confidence 0-1")
	add(&k.evCount, "evidence_count", "edge", "evidence_count", "int", "number of evidence sentences")
	add(&k.evidence, "evidence", "edge", "evidence", "string", "the first evidence sentence")
	add(&k.articles, "articles", "edge", "articles", "string", "ids of the articles with evidence, joined by '"+listSep+"'")
	add(&k.eFirst, "e_first_date", "edge", "first_date", "string", "date (YYYY-MM-DD) of the first evidence")
	add(&k.eLast, "e_last_date", "edge", "last_date", "string", "date (YYYY-MM-DD) of the last evidence")
	add(&k.symmetric, "symmetric", "edge", "symmetric", "boolean", "true for a symmetric relation (such as MET_WITH), written once in the stored direction: read it as undirected")
	add(&k.status, "status", "edge", "status", "string", "planned for a planned event, absent for a reported fact")
	if g.Analysis != nil {
		add(&k.modularity, "modularity", "graph", "modularity", "double", "modularity of the community partition")
		add(&k.communities, "communities", "graph", "communities", "int", "number of communities")
		add(&k.components, "components", "graph", "components", "int", "number of connected components")
	}
	return k
}

// gml writes GraphML data elements.
type gml struct{ *xmlWriter }

func (x gml) str(k *gmlKey, s string) {
	if s == "" || x.err != nil {
		return
	}
	x.buf = appendCleanXML(x.buf[:0], s, &x.removed)
	if len(x.buf) == 0 {
		return
	}
	x.token(k.start)
	x.raw(x.buf)
	x.token(endData)
}

func (x gml) int(k *gmlKey, v int) {
	if x.err != nil {
		return
	}
	x.token(k.start)
	x.buf = strconv.AppendInt(x.buf[:0], int64(v), 10)
	x.raw(x.buf)
	x.token(endData)
}

func (x gml) float(k *gmlKey, v float64) {
	if x.err != nil {
		return
	}
	x.token(k.start)
	x.buf = appendXMLFloat(x.buf[:0], v)
	x.raw(x.buf)
	x.token(endData)
}

func (x gml) bool(k *gmlKey, v bool) {
	if x.err != nil {
		return
	}
	x.token(k.start)
	x.buf = strconv.AppendBool(x.buf[:0], v)
	x.raw(x.buf)
	x.token(endData)
}

func xattr(name, value string) xml.Attr {
	return xml.Attr{Name: xml.Name{Local: name}, Value: value}
}

// WriteGraphML writes g to w as GraphML (valid against the GraphML
// schema), streamed token by token. Key declarations come first, each with
// its attr.type; node and edge ids are n0.. and e0..; Gephi's label,
// weight, size and r, g, b keys carry name, relation type, weight, size
// and colour. See the package documentation for symmetric relations.
func WriteGraphML(ctx context.Context, w io.Writer, g *graph.Graph, opt GraphMLOptions) (Stats, error) {
	var st Stats
	o, ids, err := prepare(g, opt.XMLOptions)
	if err != nil {
		return st, err
	}
	keys := newGraphMLKeys(g)
	sz := newSizer(g, o)
	dt := newDateIndex(g)

	x := gml{newXMLWriter(ctx, w, !o.Compact)}
	x.token(xml.StartElement{Name: xml.Name{Local: "graphml"}, Attr: []xml.Attr{
		xattr("xmlns", graphmlNS),
		xattr("xmlns:xsi", xsiNS),
		xattr("xsi:schemaLocation", graphmlSchema),
	}})
	for _, k := range keys.all {
		x.token(xml.StartElement{Name: xml.Name{Local: "key"}, Attr: []xml.Attr{
			xattr("id", k.id), xattr("for", k.domain), xattr("attr.name", k.name), xattr("attr.type", k.typ),
		}})
		if k.desc != "" {
			x.token(startDsc)
			x.text(k.desc)
			x.token(endDesc)
		}
		x.token(endKey)
	}
	edgedefault := "undirected"
	if g.Directed {
		edgedefault = "directed"
	}
	x.token(xml.StartElement{Name: xml.Name{Local: "graph"}, Attr: []xml.Attr{xattr("id", "G"), xattr("edgedefault", edgedefault)}})
	if a := g.Analysis; a != nil {
		x.float(keys.modularity, a.Modularity)
		x.int(keys.communities, a.Communities)
		x.int(keys.components, a.Components)
	}

	var aliases strings.Builder
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if x.tick(); x.err != nil {
			break
		}
		x.start("node", xattr("id", ids[n.ID]))
		x.str(keys.label, n.Name)
		x.str(keys.kgID, n.ID)
		x.str(keys.typ, n.Type)
		aliases.Reset()
		for j, a := range n.Aliases {
			if j > 0 {
				aliases.WriteString(listSep)
			}
			aliases.WriteString(a)
		}
		x.str(keys.aliases, aliases.String())
		x.int(keys.mentions, n.Mentions)
		x.int(keys.articleCount, len(n.Articles))
		s := dt.node(n)
		x.str(keys.first, s.first)
		x.str(keys.last, s.last)
		c := colourOf(n.Type)
		x.int(keys.r, int(c.R))
		x.int(keys.g, int(c.G))
		x.int(keys.b, int(c.B))
		x.float(keys.size, sz.size(n))
		if m := n.Metrics; m != nil {
			for j, mk := range metricKeys {
				iv, fv := mk.value(m)
				if mk.typ == "int" {
					x.int(keys.metrics[j], iv)
				} else {
					x.float(keys.metrics[j], fv)
				}
			}
		}
		x.token(endNode)
		st.Nodes++
	}

	var scratch []string
	for i := range g.Edges {
		e := &g.Edges[i]
		if x.tick(); x.err != nil {
			break
		}
		src, dst := ids[e.Source], ids[e.Target]
		x.start("edge", xattr("id", "e"+strconv.Itoa(i)), xattr("source", src), xattr("target", dst))
		x.str(keys.eLabel, e.Type)
		x.str(keys.eKgID, e.ID)
		x.str(keys.eType, e.Type)
		x.float(keys.weight, float64(e.Weight))
		x.float(keys.confidence, e.Confidence)
		x.int(keys.evCount, len(e.Evidence))
		if len(e.Evidence) > 0 {
			x.str(keys.evidence, e.Evidence[0].Sentence)
		}
		var arts string
		arts, scratch = articleIDs(e, scratch)
		x.str(keys.articles, arts)
		s := dt.edge(e)
		x.str(keys.eFirst, s.first)
		x.str(keys.eLast, s.last)
		x.bool(keys.symmetric, e.Symmetric)
		x.str(keys.status, e.Status)
		x.token(endEdge)
		st.Edges++
	}
	x.token(xml.EndElement{Name: xml.Name{Local: "graph"}})
	x.token(xml.EndElement{Name: xml.Name{Local: "graphml"}})
	err = x.close()
	st.RemovedChars = x.removed
	return st, err
}
