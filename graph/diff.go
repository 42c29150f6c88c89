package graph

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// Diff is what changed between two graphs, for people following a story:
// articles, entities and relations added and removed, and entities and
// relations whose content changed. Nodes and edges are matched by ID, and
// a removed node with an added node of the same type that shares an alias
// as one renamed node (see NodeChange.OldID). Analysis metrics (degree, PageRank, communities...) are not compared:
// they shift with any change and would drown the news.
type Diff struct {
	ArticlesAdded   []ArticleRef `json:"articles_added"`
	ArticlesRemoved []ArticleRef `json:"articles_removed"`
	ArticlesChanged []ArticleRef `json:"articles_changed"` // same id, another text
	NodesAdded      []NodeRef    `json:"nodes_added"`
	NodesRemoved    []NodeRef    `json:"nodes_removed"`
	NodesChanged    []NodeChange `json:"nodes_changed"`
	EdgesAdded      []EdgeRef    `json:"edges_added"`
	EdgesRemoved    []EdgeRef    `json:"edges_removed"`
	EdgesChanged    []EdgeChange `json:"edges_changed"`
}

// ArticleRef names an article in a Diff.
type ArticleRef struct {
	ID    string `json:"id"`
	Title string `json:"title,omitempty"`
}

// NodeRef names a node in a Diff.
type NodeRef struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
}

// NodeChange is a node present in both graphs whose content differs. Old
// fields are set only when they changed.
type NodeChange struct {
	NodeRef
	// OldID is set when the node's id changed: a removed node and an added
	// node of the same type that share a surface form are one entity
	// renamed (its canonical name grew, "Keller" to "Laura Keller").
	OldID           string   `json:"old_id,omitempty"`
	OldName         string   `json:"old_name,omitempty"`
	OldType         string   `json:"old_type,omitempty"`
	OldMentions     int      `json:"old_mentions"`
	AliasesAdded    []string `json:"aliases_added,omitempty"`
	AliasesRemoved  []string `json:"aliases_removed,omitempty"`
	ArticlesAdded   []string `json:"articles_added,omitempty"`
	ArticlesRemoved []string `json:"articles_removed,omitempty"`
}

// EdgeRef names an edge in a Diff, with its end points' names.
type EdgeRef struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Source     string     `json:"source"`
	Target     string     `json:"target"`
	SourceName string     `json:"source_name"`
	TargetName string     `json:"target_name"`
	Symmetric  bool       `json:"symmetric,omitempty"`
	Status     string     `json:"status,omitempty"`
	Weight     int        `json:"weight"`
	Evidence   []Evidence `json:"evidence,omitempty"` // all of it for an added or removed edge
}

// EdgeChange is an edge present in both graphs whose weight, confidence or
// evidence differs.
type EdgeChange struct {
	EdgeRef
	OldID           string     `json:"old_id,omitempty"` // set when an end point was renamed
	OldWeight       int        `json:"old_weight"`
	Confidence      float64    `json:"confidence"`
	OldConfidence   float64    `json:"old_confidence"`
	OldEvidence     int        `json:"old_evidence_count"`
	NewEvidence     int        `json:"evidence_count"`
	EvidenceAdded   []Evidence `json:"evidence_added,omitempty"`
	EvidenceRemoved []Evidence `json:"evidence_removed,omitempty"`
}

// Compare returns the differences from before to after. Both graphs are only read.
func Compare(before, after *Graph) *Diff {
	d := &Diff{
		ArticlesAdded: []ArticleRef{}, ArticlesRemoved: []ArticleRef{}, ArticlesChanged: []ArticleRef{},
		NodesAdded: []NodeRef{}, NodesRemoved: []NodeRef{}, NodesChanged: []NodeChange{},
		EdgesAdded: []EdgeRef{}, EdgesRemoved: []EdgeRef{}, EdgesChanged: []EdgeChange{},
	}
	oldArts := map[string]Article{}
	for _, a := range before.Articles {
		oldArts[a.ID] = a
	}
	newArts := map[string]bool{}
	for _, a := range after.Articles {
		newArts[a.ID] = true
		o, ok := oldArts[a.ID]
		switch {
		case !ok:
			d.ArticlesAdded = append(d.ArticlesAdded, ArticleRef{a.ID, a.Title})
		case o.Hash != a.Hash:
			d.ArticlesChanged = append(d.ArticlesChanged, ArticleRef{a.ID, a.Title})
		}
	}
	for _, a := range before.Articles {
		if !newArts[a.ID] {
			d.ArticlesRemoved = append(d.ArticlesRemoved, ArticleRef{a.ID, a.Title})
		}
	}

	oldNodes := nodeMap(before)
	newNodes := nodeMap(after)
	var added, removed []*Node
	for i := range after.Nodes {
		n := &after.Nodes[i]
		if o, ok := oldNodes[n.ID]; ok {
			if c, changed := nodeChange(o, n); changed {
				d.NodesChanged = append(d.NodesChanged, c)
			}
		} else {
			added = append(added, n)
		}
	}
	for i := range before.Nodes {
		if _, ok := newNodes[before.Nodes[i].ID]; !ok {
			removed = append(removed, &before.Nodes[i])
		}
	}
	renamed := pairRenamed(removed, added) // old id -> new node
	renamedTo := map[string]bool{}
	for _, n := range renamed {
		renamedTo[n.ID] = true
	}
	for _, n := range added {
		if !renamedTo[n.ID] {
			d.NodesAdded = append(d.NodesAdded, nodeRef(*n))
		}
	}
	for _, o := range removed {
		n, ok := renamed[o.ID]
		if !ok {
			d.NodesRemoved = append(d.NodesRemoved, nodeRef(*o))
			continue
		}
		c, _ := nodeChange(o, n)
		c.OldID = o.ID
		d.NodesChanged = append(d.NodesChanged, c)
	}

	// Edges match by id, or else by type, status and end points once
	// renamed nodes are mapped to their new ids.
	newID := func(id string) string {
		if n, ok := renamed[id]; ok {
			return n.ID
		}
		return id
	}
	newEdges := map[string]*Edge{}
	byEnds := map[string]*Edge{}
	for i := range after.Edges {
		e := &after.Edges[i]
		newEdges[e.ID] = e
		byEnds[endsKey(e.Type, e.Status, e.Symmetric, e.Source, e.Target)] = e
	}
	matched := map[string]bool{} // new edge ids matched to an old edge
	for i := range before.Edges {
		o := &before.Edges[i]
		e, ok := newEdges[o.ID]
		oldID := ""
		if !ok {
			e, ok = byEnds[endsKey(o.Type, o.Status, o.Symmetric, newID(o.Source), newID(o.Target))]
			if ok && !matched[e.ID] {
				oldID = o.ID
			} else {
				ok = false
			}
		}
		if !ok {
			r := edgeRef(*o, oldNodes)
			r.Evidence = o.Evidence
			d.EdgesRemoved = append(d.EdgesRemoved, r)
			continue
		}
		matched[e.ID] = true
		c := EdgeChange{EdgeRef: edgeRef(*e, newNodes), OldID: oldID, OldWeight: o.Weight, Confidence: e.Confidence, OldConfidence: o.Confidence,
			OldEvidence: len(o.Evidence), NewEvidence: len(e.Evidence)}
		c.EvidenceAdded = evidenceMinus(e.Evidence, o.Evidence)
		c.EvidenceRemoved = evidenceMinus(o.Evidence, e.Evidence)
		if oldID != "" || o.Weight != e.Weight || o.Confidence != e.Confidence || len(c.EvidenceAdded)+len(c.EvidenceRemoved) > 0 {
			d.EdgesChanged = append(d.EdgesChanged, c)
		}
	}
	for _, e := range after.Edges {
		if !matched[e.ID] {
			r := edgeRef(e, newNodes)
			r.Evidence = e.Evidence
			d.EdgesAdded = append(d.EdgesAdded, r)
		}
	}
	d.sort()
	return d
}

// Empty reports whether the graphs have the same articles, entities and
// relations.
func (d *Diff) Empty() bool {
	return len(d.ArticlesAdded)+len(d.ArticlesRemoved)+len(d.ArticlesChanged)+
		len(d.NodesAdded)+len(d.NodesRemoved)+len(d.NodesChanged)+
		len(d.EdgesAdded)+len(d.EdgesRemoved)+len(d.EdgesChanged) == 0
}

func (d *Diff) sort() {
	for _, l := range [][]ArticleRef{d.ArticlesAdded, d.ArticlesRemoved, d.ArticlesChanged} {
		sort.Slice(l, func(i, j int) bool { return l[i].ID < l[j].ID })
	}
	for _, l := range [][]NodeRef{d.NodesAdded, d.NodesRemoved} {
		sort.Slice(l, func(i, j int) bool { return l[i].ID < l[j].ID })
	}
	sort.Slice(d.NodesChanged, func(i, j int) bool { return d.NodesChanged[i].ID < d.NodesChanged[j].ID })
	for _, l := range [][]EdgeRef{d.EdgesAdded, d.EdgesRemoved} {
		sort.Slice(l, func(i, j int) bool { return l[i].ID < l[j].ID })
	}
	sort.Slice(d.EdgesChanged, func(i, j int) bool { return d.EdgesChanged[i].ID < d.EdgesChanged[j].ID })
}

// nodeChange compares a node with its new version.
func nodeChange(o, n *Node) (NodeChange, bool) {
	c := NodeChange{NodeRef: nodeRef(*n), OldMentions: o.Mentions}
	if o.Name != n.Name {
		c.OldName = o.Name
	}
	if o.Type != n.Type {
		c.OldType = o.Type
	}
	c.AliasesAdded, c.AliasesRemoved = setDiff(o.Aliases, n.Aliases)
	c.ArticlesAdded, c.ArticlesRemoved = setDiff(o.Articles, n.Articles)
	changed := c.OldName != "" || c.OldType != "" || o.Mentions != n.Mentions ||
		len(c.AliasesAdded)+len(c.AliasesRemoved)+len(c.ArticlesAdded)+len(c.ArticlesRemoved) > 0
	return c, changed
}

// pairRenamed pairs removed nodes with added nodes of the same type that
// share a surface form (alias): the one sharing the most, the first by id
// on a tie, each added node at most once. Removed nodes are taken in id
// order, so the pairing is deterministic.
func pairRenamed(removed, added []*Node) map[string]*Node {
	byAlias := map[string][]*Node{}
	for _, n := range added {
		for _, a := range n.Aliases {
			k := n.Type + "\x00" + a
			byAlias[k] = append(byAlias[k], n)
		}
	}
	sort.Slice(removed, func(i, j int) bool { return removed[i].ID < removed[j].ID })
	taken := map[string]bool{}
	out := map[string]*Node{}
	for _, o := range removed {
		shared := map[*Node]int{}
		for _, a := range o.Aliases {
			for _, n := range byAlias[o.Type+"\x00"+a] {
				if !taken[n.ID] {
					shared[n]++
				}
			}
		}
		var best *Node
		for n, k := range shared {
			if best == nil || k > shared[best] || k == shared[best] && n.ID < best.ID {
				best = n
			}
		}
		if best != nil {
			taken[best.ID] = true
			out[o.ID] = best
		}
	}
	return out
}

// endsKey identifies an edge by type, status and end points (unordered for
// a symmetric relation).
func endsKey(typ, status string, symmetric bool, src, dst string) string {
	if symmetric && dst < src {
		src, dst = dst, src
	}
	return typ + "\x00" + status + "\x00" + src + "\x00" + dst
}

func nodeMap(g *Graph) map[string]*Node {
	m := make(map[string]*Node, len(g.Nodes))
	for i := range g.Nodes {
		m[g.Nodes[i].ID] = &g.Nodes[i]
	}
	return m
}

func nodeRef(n Node) NodeRef {
	return NodeRef{ID: n.ID, Name: n.Name, Type: n.Type, Mentions: n.Mentions}
}

func edgeRef(e Edge, nodes map[string]*Node) EdgeRef {
	name := func(id string) string {
		if n, ok := nodes[id]; ok {
			return n.Name
		}
		return id
	}
	return EdgeRef{ID: e.ID, Type: e.Type, Source: e.Source, Target: e.Target, SourceName: name(e.Source), TargetName: name(e.Target),
		Symmetric: e.Symmetric, Status: e.Status, Weight: e.Weight}
}

// setDiff returns the strings of b not in a, and of a not in b, sorted.
func setDiff(a, b []string) (added, removed []string) {
	in := func(l []string) map[string]bool {
		m := make(map[string]bool, len(l))
		for _, s := range l {
			m[s] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	for _, s := range b {
		if !ma[s] {
			added = append(added, s)
		}
	}
	for _, s := range a {
		if !mb[s] {
			removed = append(removed, s)
		}
	}
	slices.Sort(added)
	slices.Sort(removed)
	return slices.Compact(added), slices.Compact(removed)
}

// evidenceMinus returns the evidence of a that b does not have (matched by
// article, offsets and trigger), in a's order.
func evidenceMinus(a, b []Evidence) []Evidence {
	key := func(e Evidence) string {
		return fmt.Sprintf("%s\x00%d\x00%d\x00%s\x00%s", e.Article, e.Start, e.End, e.Trigger, e.Sentence)
	}
	have := make(map[string]bool, len(b))
	for _, e := range b {
		have[key(e)] = true
	}
	var out []Evidence
	for _, e := range a {
		if !have[key(e)] {
			out = append(out, e)
		}
	}
	return out
}

// WriteJSON writes d as indented JSON.
func (d *Diff) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(d)
}

// WriteText writes d for a reader: one line per article, entity and
// relation added (+), removed (-) or changed (~), with the evidence
// sentences that came or went indented below their relation.
func (d *Diff) WriteText(w io.Writer) error {
	bw := bufio.NewWriter(w)
	if d.Empty() {
		fmt.Fprintln(bw, "no change")
		return bw.Flush()
	}
	fmt.Fprintf(bw, "articles: %d added, %d removed, %d changed\n", len(d.ArticlesAdded), len(d.ArticlesRemoved), len(d.ArticlesChanged))
	for _, l := range []struct {
		sign string
		refs []ArticleRef
	}{{"+", d.ArticlesAdded}, {"-", d.ArticlesRemoved}, {"~", d.ArticlesChanged}} {
		for _, a := range l.refs {
			fmt.Fprintf(bw, "  %s %s", l.sign, a.ID)
			if a.Title != "" {
				fmt.Fprintf(bw, "  %q", a.Title)
			}
			fmt.Fprintln(bw)
		}
	}
	fmt.Fprintf(bw, "entities: %d added, %d removed, %d changed\n", len(d.NodesAdded), len(d.NodesRemoved), len(d.NodesChanged))
	for _, l := range []struct {
		sign string
		refs []NodeRef
	}{{"+", d.NodesAdded}, {"-", d.NodesRemoved}} {
		for _, n := range l.refs {
			fmt.Fprintf(bw, "  %s %-11s %s  (%s, %s)\n", l.sign, n.Type, n.Name, n.ID, plural(n.Mentions, "mention"))
		}
	}
	for _, c := range d.NodesChanged {
		fmt.Fprintf(bw, "  ~ %-11s %s  (%s): %s\n", c.Type, c.Name, c.ID, strings.Join(c.changes(), "; "))
	}
	fmt.Fprintf(bw, "relations: %d added, %d removed, %d changed\n", len(d.EdgesAdded), len(d.EdgesRemoved), len(d.EdgesChanged))
	for _, l := range []struct {
		sign string
		refs []EdgeRef
	}{{"+", d.EdgesAdded}, {"-", d.EdgesRemoved}} {
		for _, e := range l.refs {
			fmt.Fprintf(bw, "  %s %s  (weight %d)\n", l.sign, e.label(), e.Weight)
			writeEvidence(bw, "", e.Evidence)
		}
	}
	for _, c := range d.EdgesChanged {
		var parts []string
		if c.OldWeight != c.Weight {
			parts = append(parts, fmt.Sprintf("weight %d → %d", c.OldWeight, c.Weight))
		}
		if c.OldEvidence != c.NewEvidence {
			parts = append(parts, fmt.Sprintf("evidence %d → %d", c.OldEvidence, c.NewEvidence))
		}
		if c.OldConfidence != c.Confidence {
			parts = append(parts, fmt.Sprintf("confidence %.3g → %.3g", c.OldConfidence, c.Confidence))
		}
		if c.OldID != "" {
			parts = append(parts, "was "+c.OldID)
		}
		if len(parts) == 0 {
			parts = append(parts, "evidence replaced")
		}
		fmt.Fprintf(bw, "  ~ %s: %s\n", c.label(), strings.Join(parts, "; "))
		writeEvidence(bw, "+ ", c.EvidenceAdded)
		writeEvidence(bw, "- ", c.EvidenceRemoved)
	}
	return bw.Flush()
}

func (c NodeChange) changes() []string {
	var parts []string
	if c.OldName != "" {
		from := fmt.Sprintf("renamed from %q", c.OldName)
		if c.OldID != "" {
			from += " (" + c.OldID + ")"
		}
		parts = append(parts, from)
	}
	if c.OldType != "" {
		parts = append(parts, "was a "+c.OldType)
	}
	if c.OldMentions != c.Mentions {
		parts = append(parts, fmt.Sprintf("mentions %d → %d", c.OldMentions, c.Mentions))
	}
	list := func(what string, l []string) {
		if len(l) > 0 {
			parts = append(parts, what+" "+strings.Join(quoted(l), ", "))
		}
	}
	list("new aliases", c.AliasesAdded)
	list("aliases gone", c.AliasesRemoved)
	list("new articles", c.ArticlesAdded)
	list("articles gone", c.ArticlesRemoved)
	return parts
}

func (e EdgeRef) label() string {
	arrow := "→"
	if e.Symmetric {
		arrow = "—"
	}
	s := fmt.Sprintf("%s %s %s %s", e.Type, e.SourceName, arrow, e.TargetName)
	if e.Status != "" {
		s += " [" + e.Status + "]"
	}
	return s
}

func writeEvidence(w io.Writer, sign string, ev []Evidence) {
	for _, e := range ev {
		fmt.Fprintf(w, "      %s%q  [%s %d:%d]\n", sign, e.Sentence, e.Article, e.Start, e.End)
	}
}

func quoted(l []string) []string {
	q := make([]string, len(l))
	for i, s := range l {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
