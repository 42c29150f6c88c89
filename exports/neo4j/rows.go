package neo4j

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
)

// Labels and relationship types kg keeps for itself.
const (
	EntityLabel  = "Entity"
	ArticleLabel = "Article"
	MentionType  = "MENTIONED_IN"
)

// isIdent reports whether s is in the identifier set allowed for labels and
// relationship types: ASCII letters, digits and underscore, not starting
// with a digit, not empty.
func isIdent(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// ValidIdentifier reports whether s may be used as a label or relationship type.
func ValidIdentifier(s string) bool { return len(s) <= 64 && isIdent(s) }

// quote backquotes a validated identifier. It panics on anything else: every
// identifier is validated when the plan is made.
func quote(s string) string {
	if !isIdent(s) {
		panic(fmt.Sprintf("neo4j: unvalidated identifier %q", s))
	}
	return "`" + s + "`"
}

// kind of a step of the load.
type kind int

const (
	kindArticles kind = iota
	kindEntities
	kindRelations
	kindMentions
)

func (k kind) String() string {
	return [...]string{"articles", "entities", "relations", "mentions"}[k]
}

func (k kind) nodes() bool { return k == kindArticles || k == kindEntities }

// step is one statement of the load and the rows it is run with, batch by batch.
type step struct {
	kind  kind
	name  string // label or relationship type
	query string // MERGE statement, safe on any database
	fresh string // CREATE statement, for a database without kg's nodes
	rows  []map[string]any
}

// constraint is a uniqueness constraint by name and the statement creating it.
type constraint struct{ name, query string }

// plan is the whole load of one graph.
type plan struct {
	constraints []constraint
	steps       []step
	rows        int
}

// newPlan validates g and turns it into statements and rows.
func newPlan(g *graph.Graph) (*plan, error) {
	p := &plan{}
	p.constraints = []constraint{
		{"kg_entity_key", "CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE"},
		{"kg_article_id", "CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE"},
		relConstraint(MentionType),
	}

	articles := make([]map[string]any, 0, len(g.Articles))
	for _, a := range g.Articles {
		if a.ID == "" {
			return nil, fmt.Errorf("neo4j: article with an empty id")
		}
		props := map[string]any{
			"id":    a.ID,
			"hash":  a.Hash,
			"bytes": int64(a.Bytes),
			"words": int64(a.Words),
		}
		putString(props, "title", a.Title)
		putString(props, "url", a.URL)
		putDate(props, "published", a.Published)
		articles = append(articles, row(props, nil))
	}
	p.add(kindArticles, ArticleLabel, articleQuery, freshArticleQuery, articles)

	byLabel := map[string][]map[string]any{}
	var mentions []map[string]any
	for i := range g.Nodes {
		n := &g.Nodes[i]
		if n.ID == "" {
			return nil, fmt.Errorf("neo4j: node %d has an empty id", i)
		}
		if !ValidIdentifier(n.Type) || n.Type == EntityLabel || n.Type == ArticleLabel {
			return nil, fmt.Errorf("neo4j: node %q: type %q cannot be a label (letters, digits and underscore only; not Entity or Article)", n.ID, n.Type)
		}
		aliases := n.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		arts := n.Articles
		if arts == nil {
			arts = []string{}
		}
		props := map[string]any{
			"key":      n.ID,
			"name":     n.Name,
			"type":     n.Type,
			"aliases":  aliases,
			"mentions": int64(n.Mentions),
			"articles": arts,
		}
		if m := n.Metrics; m != nil {
			props["degree"] = int64(m.Degree)
			props["weighted_degree"] = m.WeightedDegree
			props["pagerank"] = m.PageRank
			props["betweenness"] = m.Betweenness
			props["closeness"] = m.Closeness
			props["harmonic"] = m.Harmonic
			props["eigenvector"] = m.Eigenvector
			props["component"] = int64(m.Component)
			props["core"] = int64(m.Core)
			props["community"] = int64(m.Community)
		}
		byLabel[n.Type] = append(byLabel[n.Type], row(props, nil))

		ids := make([]string, 0, len(n.ArticleMentions))
		for id := range n.ArticleMentions {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			mentions = append(mentions, row(map[string]any{
				"key":   n.ID + "|" + id,
				"count": int64(n.ArticleMentions[id]),
			}, map[string]any{"source": n.ID, "target": id}))
		}
	}
	for _, label := range sortedKeys(byLabel) {
		p.add(kindEntities, label, entityQuery(label), freshEntityQuery(label), byLabel[label])
	}

	idx := g.NodeIndex()
	byType := map[string][]map[string]any{}
	for i := range g.Edges {
		e := &g.Edges[i]
		if !ValidIdentifier(e.Type) || e.Type == MentionType {
			return nil, fmt.Errorf("neo4j: edge %q: type %q cannot be a relationship type (letters, digits and underscore only; not MENTIONED_IN)", e.ID, e.Type)
		}
		if _, ok := idx[e.Source]; !ok {
			return nil, fmt.Errorf("neo4j: edge %q: unknown source node %q", e.ID, e.Source)
		}
		if _, ok := idx[e.Target]; !ok {
			return nil, fmt.Errorf("neo4j: edge %q: unknown target node %q", e.ID, e.Target)
		}
		key := e.ID
		if key == "" {
			key = e.Type + "|" + e.Source + "|" + e.Target
			if e.Status != "" {
				key += "|" + e.Status
			}
		}
		n := len(e.Evidence)
		sentences, arts, triggers, dates := make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		starts, ends := make([]int64, n), make([]int64, n)
		for j, ev := range e.Evidence {
			sentences[j], arts[j], triggers[j], dates[j] = ev.Sentence, ev.Article, ev.Trigger, ev.Date
			starts[j], ends[j] = int64(ev.Start), int64(ev.End)
		}
		props := map[string]any{
			"key":                key,
			"weight":             int64(e.Weight),
			"confidence":         e.Confidence,
			"symmetric":          e.Symmetric,
			"evidence_sentences": sentences,
			"evidence_articles":  arts,
			"evidence_starts":    starts,
			"evidence_ends":      ends,
			"evidence_triggers":  triggers,
			"evidence_dates":     dates,
		}
		putString(props, "status", e.Status)
		putDate(props, "first_date", e.FirstDate)
		putDate(props, "last_date", e.LastDate)
		byType[e.Type] = append(byType[e.Type], row(props, map[string]any{"source": e.Source, "target": e.Target}))
	}
	for _, typ := range sortedKeys(byType) {
		p.constraints = append(p.constraints, relConstraint(typ))
		p.add(kindRelations, typ, relationQuery(typ), freshRelationQuery(typ), byType[typ])
	}
	p.add(kindMentions, MentionType, mentionQuery, freshMentionQuery, mentions)
	hashRows(p.steps)
	return p, nil
}

func (p *plan) add(k kind, name, query, fresh string, rows []map[string]any) {
	if len(rows) == 0 {
		return
	}
	p.steps = append(p.steps, step{kind: k, name: name, query: query, fresh: fresh, rows: rows})
	p.rows += len(rows)
}

// row makes a statement row: the properties under "props", and the extra
// fields (endpoints) beside them. hashRows adds the digest of the properties.
func row(props, extra map[string]any) map[string]any {
	r := map[string]any{"props": props}
	for k, v := range extra {
		r[k] = v
	}
	return r
}

// hashRows sets kg_hash, the digest of the properties, in every row of the
// steps, on all CPUs (it is most of the time of newPlan).
func hashRows(steps []step) {
	var rows []map[string]any
	for _, st := range steps {
		rows = append(rows, st.rows...)
	}
	workers := min(runtime.GOMAXPROCS(0), 1+len(rows)/1000)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b bytes.Buffer
			for i := w; i < len(rows); i += workers {
				props := rows[i]["props"].(map[string]any)
				props["kg_hash"] = digest(&b, props)
			}
		}()
	}
	wg.Wait()
}

// digest is a short hash of the properties as a Cypher literal (sorted
// keys), written with b.
func digest(b *bytes.Buffer, props map[string]any) string {
	b.Reset()
	writeLiteral(b, props)
	sum := sha256.Sum256(b.Bytes())
	return hex.EncodeToString(sum[:12])
}

func putString(props map[string]any, k, v string) {
	if v != "" {
		props[k] = v
	}
}

// putDate stores a YYYY-MM-DD date as a Neo4j date; other text is left out.
func putDate(props map[string]any, k, v string) {
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		props[k] = driver.DateOf(t)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// batches splits rows into batches of at most size rows.
func batches(rows []map[string]any, size int) [][]map[string]any {
	var out [][]map[string]any
	for len(rows) > 0 {
		n := min(size, len(rows))
		out = append(out, rows[:n])
		rows = rows[n:]
	}
	return out
}
