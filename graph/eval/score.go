package eval

import (
	"slices"
	"strings"

	"github.com/kgraph/kg/graph"
)

// Core are the four relation types scored together as ALL_CORE.
var Core = []string{"MET_WITH", "LED", "RESIGNED", "PROPOSED"}

// Extra are the other relation types, scored together as EXTRA.
var Extra = []string{"DISMISSED", "REPLACED", "MEMBER_OF", "RELATIVE_OF"}

// Kinds are the rows of the relation report, in order: each core type,
// then ALL_CORE and EXTRA.
var Kinds = []string{"MET_WITH", "LED", "RESIGNED", "PROPOSED", "ALL_CORE", "EXTRA"}

var symmetric = map[string]bool{"MET_WITH": true}

var entityTypes = map[string]bool{graph.Person: true, graph.Institution: true, graph.Place: true, graph.Document: true}

// typeAliases maps lower-cased node types to entity types (TYPE_ALIASES).
var typeAliases = map[string]string{
	"person": "Person", "per": "Person", "people": "Person",
	"institution": "Institution", "organization": "Institution", "organisation": "Institution",
	"org":   "Institution",
	"place": "Place", "location": "Place", "loc": "Place", "gpe": "Place",
	"document": "Document", "doc": "Document",
}

// relAliases maps upper-cased edge types to scored relation types (REL_ALIASES).
var relAliases = map[string]string{
	"DISMISSED": "DISMISSED", "FIRED": "DISMISSED", "REPLACED": "REPLACED", "SUCCEEDED": "REPLACED",
	"MEMBER_OF": "MEMBER_OF", "WORKS_FOR": "MEMBER_OF", "RELATIVE_OF": "RELATIVE_OF",
	"MET": "MET_WITH", "MEETS": "MET_WITH", "MET_WITH": "MET_WITH", "MEETS_WITH": "MET_WITH",
	"LED": "LED", "LEADS": "LED", "HEADS": "LED", "LED_BY": "LED_BY",
	"RESIGNED": "RESIGNED", "RESIGNED_FROM": "RESIGNED",
	"PROPOSED": "PROPOSED", "PROPOSES": "PROPOSED",
}

// NodeType is the entity type score.py reads from a node type.
func NodeType(t string) string {
	if a, ok := typeAliases[strings.ToLower(t)]; ok {
		return a
	}
	return t
}

// EdgeType is the relation type score.py reads from an edge type.
func EdgeType(t string) string {
	t = strings.ReplaceAll(strings.ReplaceAll(strings.ToUpper(t), "-", "_"), " ", "_")
	if a, ok := relAliases[t]; ok {
		return a
	}
	return t
}

// EntityScore is the entity line of a report.
type EntityScore struct {
	P, R, F1        float64
	Found, Required int
	Scored          int // extracted nodes that count for precision
	Duplicates      int
	WrongType       int
}

// RelScore is one relation line of a report.
type RelScore struct {
	P, R, F1        float64
	TP, FP          int
	Found, Required int
	// Missed lists the required gold relations not found, FPs the edges
	// that match no gold relation (both as score.py prints them).
	Missed, FPs []string
}

// Result is the score of a graph against a gold file.
type Result struct {
	Entities  EntityScore
	Relations map[string]*RelScore // by Kinds

	MissedEntities []string // first names of required entities not found
	FalseEntities  []string // "name [Type]" of nodes that match no entity
	WrongTypes     []string // "name: Type (want Type)"
	// DupNames and DupCounts give, in order of first duplicate, the first
	// name of each entity found more than once and its number of nodes.
	DupNames  []string
	DupCounts []int
}

// ref is a node's gold entity: ok is false when the node matches none.
type ref struct {
	id string
	ok bool
}

// nodeNames are the names score.py reads from a node: its name, then its
// aliases, empty ones dropped.
func nodeNames(n *graph.Node) []string {
	out := make([]string, 0, 1+len(n.Aliases))
	for _, s := range append([]string{n.Name}, n.Aliases...) {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Score scores g against gold with score.py's rules.
func Score(gold *Gold, g *graph.Graph) *Result {
	ents := make(map[string]*Entity, len(gold.Entities))
	surface := map[string][]string{} // normalised name -> sorted entity ids
	for i := range gold.Entities {
		e := &gold.Entities[i]
		ents[e.ID] = e // a later entry with the same id wins, as in a dict
	}
	for i := range gold.Entities {
		e := &gold.Entities[i]
		for _, nm := range e.Names {
			k := Norm(nm)
			if !slices.Contains(surface[k], e.ID) {
				surface[k] = append(surface[k], e.ID)
			}
		}
	}
	for k := range surface {
		slices.Sort(surface[k])
	}

	// each node's gold entity: the primary name first, then the aliases
	nodeGold := make(map[string]ref, len(g.Nodes))
	for i := range g.Nodes {
		n := &g.Nodes[i]
		var hit ref
		for _, nm := range nodeNames(n) {
			if ids := surface[Norm(nm)]; len(ids) > 0 {
				hit = ref{ids[0], true}
				break
			}
		}
		nodeGold[n.ID] = hit // a later node with the same id wins
	}

	res := &Result{Relations: map[string]*RelScore{}}

	// entities
	tp := map[string]bool{}
	dups := map[string]int{}
	var dupOrder []string
	counted := 0
	for i := range g.Nodes {
		n := &g.Nodes[i]
		gr := nodeGold[n.ID]
		t := NodeType(n.Type)
		if !entityTypes[t] {
			continue // articles, events, dates etc. are not scored
		}
		if !gr.ok {
			name := n.ID
			if names := nodeNames(n); len(names) > 0 {
				name = names[0]
			}
			res.FalseEntities = append(res.FalseEntities, name+" ["+t+"]")
			counted++
			continue
		}
		ge := ents[gr.id]
		if ge.Optional {
			continue
		}
		counted++
		if t != ge.Type && !slices.Contains(ge.AltTypes, t) {
			res.WrongTypes = append(res.WrongTypes, ge.Names[0]+": "+t+" (want "+ge.Type+")")
			continue
		}
		if tp[gr.id] {
			if _, seen := dups[gr.id]; !seen {
				dups[gr.id] = 1
				dupOrder = append(dupOrder, gr.id)
			}
			dups[gr.id]++
		}
		tp[gr.id] = true
	}
	var required []string
	for _, e := range gold.Entities {
		if !e.Optional {
			required = append(required, e.ID)
		}
	}
	found := 0
	for _, id := range required {
		if tp[id] {
			found++
		} else {
			res.MissedEntities = append(res.MissedEntities, ents[id].Names[0])
		}
	}
	es := &res.Entities
	es.P = ratio(len(tp), counted)
	es.R = ratio(found, len(required))
	es.F1 = f1(es.P, es.R)
	es.P, es.R, es.F1 = round3(es.P), round3(es.R), round3(es.F1)
	es.Found, es.Required, es.Scored = found, len(required), counted
	es.WrongType = len(res.WrongTypes)
	for _, id := range dupOrder {
		es.Duplicates += dups[id] - 1
		// a dict keyed by first name: a repeated name keeps its place, takes the new count
		name := ents[id].Names[0]
		if j := slices.Index(res.DupNames, name); j >= 0 {
			res.DupCounts[j] = dups[id]
		} else {
			res.DupNames = append(res.DupNames, name)
			res.DupCounts = append(res.DupCounts, dups[id])
		}
	}

	// relations
	type extEdge struct {
		t    string
		s, o ref
		e    *graph.Edge
	}
	ext := make([]extEdge, 0, len(g.Edges))
	for i := range g.Edges {
		e := &g.Edges[i]
		x := extEdge{EdgeType(e.Type), nodeGold[e.Source], nodeGold[e.Target], e}
		if x.t == "LED_BY" {
			x.t, x.s, x.o = "LED", x.o, x.s
		}
		ext = append(ext, x)
	}
	in := func(r ref, ids []string) bool { return r.ok && slices.Contains(ids, r.id) }
	matches := func(r *Relation, t string, s, o ref) bool {
		if t != r.Type && !slices.Contains(r.AliasTypes, t) {
			return false
		}
		fwd := in(s, r.Source) && (in(o, r.Target) || r.TargetOptional)
		rev := symmetric[t] && in(o, r.Source) && in(s, r.Target)
		return fwd || rev
	}
	rels := gold.Relations
	for _, kind := range Kinds {
		kinds := []string{kind}
		switch kind {
		case "ALL_CORE":
			kinds = Core
		case "EXTRA":
			kinds = Extra
		}
		req := map[int]bool{}
		var reqOrder []int
		for i := range rels {
			if slices.Contains(kinds, rels[i].Type) && !rels[i].Optional {
				req[i] = true
				reqOrder = append(reqOrder, i)
			}
		}
		rs := &RelScore{}
		hit := map[int]bool{}
		for _, x := range ext {
			if !slices.Contains(kinds, x.t) {
				continue
			}
			m := false
			for i := range rels {
				if matches(&rels[i], x.t, x.s, x.o) {
					m = true
					if req[i] {
						hit[i] = true
					}
				}
			}
			if m {
				rs.TP++
			} else {
				rs.FP++
				rs.FPs = append(rs.FPs, x.t+" "+x.e.Source+" -> "+x.e.Target)
			}
		}
		for _, i := range reqOrder {
			if !hit[i] {
				r := &rels[i]
				rs.Missed = append(rs.Missed, r.Type+" "+pyList(r.Source)+"->"+pyList(r.Target))
			}
		}
		rs.Found, rs.Required = len(hit), len(reqOrder)
		rs.P = ratio(rs.TP, rs.TP+rs.FP)
		rs.R = ratio(rs.Found, rs.Required)
		rs.F1 = f1(rs.P, rs.R)
		rs.P, rs.R, rs.F1 = round3(rs.P), round3(rs.R), round3(rs.F1)
		res.Relations[kind] = rs
	}
	return res
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
