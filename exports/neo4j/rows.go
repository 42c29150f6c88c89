package neo4j

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
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
	name  string   // label or relationship type
	query string   // MERGE statement, safe on any database, with map rows (rowMap)
	fresh string   // CREATE statement, for a database without kg's nodes, with list rows (record.vals)
	cols  []string // the property keys, sorted: the columns of record.vals
	off   int      // the slots of record.vals before the columns: 2 for the end nodes of a relationship
	rows  []record
}

// record is one row of a step.
type record struct {
	// key is the entity key or article id of a node, or the relationship
	// key; source and target are the end nodes of a relationship (entity
	// keys, and an article id for a mention).
	key, source, target string
	// a is the index of a node (in the graph's nodes, or in the articles
	// step); a and b are those of the end nodes of a relationship.
	a, b int32
	// vals is the row of the fresh statement: off slots for the element ids
	// of the end nodes, then the property values in the order of the step's
	// columns, nil for a property the element does not have.
	vals []any
}

// The columns of each kind of step, sorted. kg_hash is the digest of the
// other properties.
var (
	articleCols  = []string{"bytes", "hash", "id", "kg_hash", "published", "title", "url", "words"}
	entityCols   = []string{"aliases", "articles", "betweenness", "closeness", "community", "component", "core", "degree", "eigenvector", "harmonic", "key", "kg_hash", "mentions", "name", "pagerank", "type", "weighted_degree"}
	relationCols = []string{"confidence", "evidence_articles", "evidence_dates", "evidence_ends", "evidence_sentences", "evidence_starts", "evidence_triggers", "first_date", "key", "kg_hash", "last_date", "status", "symmetric", "weight"}
	mentionCols  = []string{"count", "key", "kg_hash"}
)

// constraint is a uniqueness constraint by name and the statement creating it.
type constraint struct{ name, query string }

// plan is the whole load of one graph.
type plan struct {
	constraints []constraint
	steps       []step
	rows        int
	// The nodes by key: entity keys to their index in the graph's nodes,
	// article ids to their index in the articles step.
	entityIndex  map[string]int
	articleIndex map[string]int32
}

// newPlan validates g and turns it into statements and rows.
func newPlan(g *graph.Graph) (*plan, error) {
	p := &plan{}
	p.constraints = []constraint{
		{"kg_entity_key", "CREATE CONSTRAINT kg_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE"},
		{"kg_article_id", "CREATE CONSTRAINT kg_article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE"},
		relConstraint(MentionType),
	}

	articles := make([]record, 0, len(g.Articles))
	p.articleIndex = make(map[string]int32, len(g.Articles))
	for _, a := range g.Articles {
		if a.ID == "" {
			return nil, fmt.Errorf("neo4j: article with an empty id")
		}
		if _, dup := p.articleIndex[a.ID]; dup {
			return nil, fmt.Errorf("neo4j: two articles with the id %q", a.ID)
		}
		p.articleIndex[a.ID] = int32(len(articles))
		articles = append(articles, record{key: a.ID, a: int32(len(articles)), vals: []any{
			int64(a.Bytes), a.Hash, a.ID, nil, date(a.Published), str(a.Title), str(a.URL), int64(a.Words),
		}})
	}

	byLabel := map[string][]record{}
	var mentions []record
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
		vals := make([]any, len(entityCols))
		vals[0], vals[1], vals[10], vals[12], vals[13], vals[15] = aliases, arts, n.ID, int64(n.Mentions), n.Name, n.Type
		if m := n.Metrics; m != nil {
			vals[2], vals[3], vals[4], vals[5], vals[6] = m.Betweenness, m.Closeness, int64(m.Community), int64(m.Component), int64(m.Core)
			vals[7], vals[8], vals[9], vals[14], vals[16] = int64(m.Degree), m.Eigenvector, m.Harmonic, m.PageRank, m.WeightedDegree
		}
		byLabel[n.Type] = append(byLabel[n.Type], record{key: n.ID, a: int32(i), vals: vals})

		ids := make([]string, 0, len(n.ArticleMentions))
		for id := range n.ArticleMentions {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			// An article the graph mentions but does not list becomes a
			// node with its id alone, as the mention statement would make it.
			at, ok := p.articleIndex[id]
			if !ok {
				at = int32(len(articles))
				p.articleIndex[id] = at
				articles = append(articles, record{key: id, a: at, vals: []any{nil, nil, id, nil, nil, nil, nil, nil}})
			}
			key := n.ID + "|" + id
			mentions = append(mentions, record{key: key, source: n.ID, target: id, a: int32(i), b: at,
				vals: []any{nil, nil, int64(n.ArticleMentions[id]), key, nil}})
		}
	}
	p.add(kindArticles, ArticleLabel, articles)
	for _, label := range sortedKeys(byLabel) {
		p.add(kindEntities, label, byLabel[label])
	}

	idx := g.NodeIndex()
	for i := range g.Nodes {
		if idx[g.Nodes[i].ID] != i {
			return nil, fmt.Errorf("neo4j: two nodes with the id %q", g.Nodes[i].ID)
		}
	}
	p.entityIndex = idx
	byType := map[string][]record{}
	for i := range g.Edges {
		e := &g.Edges[i]
		if !ValidIdentifier(e.Type) || e.Type == MentionType {
			return nil, fmt.Errorf("neo4j: edge %q: type %q cannot be a relationship type (letters, digits and underscore only; not MENTIONED_IN)", e.ID, e.Type)
		}
		src, ok := idx[e.Source]
		if !ok {
			return nil, fmt.Errorf("neo4j: edge %q: unknown source node %q", e.ID, e.Source)
		}
		dst, ok := idx[e.Target]
		if !ok {
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
		byType[e.Type] = append(byType[e.Type], record{key: key, source: e.Source, target: e.Target, a: int32(src), b: int32(dst), vals: []any{nil, nil,
			e.Confidence, arts, dates, ends, sentences, starts, triggers, date(e.FirstDate), key, nil, date(e.LastDate), str(e.Status), e.Symmetric, int64(e.Weight),
		}})
	}
	for _, typ := range sortedKeys(byType) {
		p.constraints = append(p.constraints, relConstraint(typ))
		p.add(kindRelations, typ, byType[typ])
	}
	p.add(kindMentions, MentionType, mentions)
	hashRows(p.steps)
	return p, nil
}

// add adds a step of rows of kind k with its statements.
func (p *plan) add(k kind, name string, rows []record) {
	if len(rows) == 0 {
		return
	}
	st := step{kind: k, name: name, rows: rows}
	switch k {
	case kindArticles:
		st.cols, st.query = articleCols, articleQuery
		st.fresh = freshNodeQuery([]string{ArticleLabel}, st.cols, "id")
	case kindEntities:
		st.cols, st.query = entityCols, entityQuery(name)
		st.fresh = freshNodeQuery([]string{EntityLabel, name}, st.cols, "key")
	case kindRelations:
		st.cols, st.query, st.off = relationCols, relationQuery(name), 2
		st.fresh = freshLinkQuery(name, st.cols)
	case kindMentions:
		st.cols, st.query, st.off = mentionCols, mentionQuery, 2
		st.fresh = freshLinkQuery(name, st.cols)
	}
	p.steps = append(p.steps, st)
	p.rows += len(rows)
}

// props returns the properties of a row as a map, without the absent ones.
func (st *step) props(r record) map[string]any {
	m := make(map[string]any, len(st.cols))
	for i, c := range st.cols {
		if v := r.vals[st.off+i]; v != nil {
			m[c] = v
		}
	}
	return m
}

// rowMap is a row of the MERGE statement: the properties under "props",
// and the end nodes of a relationship under "source" and "target".
func (st *step) rowMap(r record) map[string]any {
	m := map[string]any{"props": st.props(r)}
	if st.off > 0 {
		m["source"], m["target"] = r.source, r.target
	}
	return m
}

// rowMaps returns the rows of the MERGE statement for a batch.
func (st *step) rowMaps(rows []record) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = st.rowMap(r)
	}
	return out
}

// hashRows sets kg_hash, the digest of the other properties, in every row
// of the steps, on all CPUs.
func hashRows(steps []step) {
	type task struct {
		st   *step
		rows []record
	}
	var tasks []task
	for i := range steps {
		st := &steps[i]
		for rows := st.rows; len(rows) > 0; {
			n := min(len(rows), 4096)
			tasks = append(tasks, task{st, rows[:n]})
			rows = rows[n:]
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(tasks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var b []byte
			for {
				i := int(next.Add(1)) - 1
				if i >= len(tasks) {
					return
				}
				t := tasks[i]
				h := t.st.off + slices.Index(t.st.cols, "kg_hash")
				for _, r := range t.rows {
					r.vals[h], b = digest(b[:0], t.st.cols, r.vals[t.st.off:])
				}
			}
		}()
	}
	wg.Wait()
}

// digest is a short hash of the properties (absent ones and kg_hash left
// out): the first 12 bytes of the SHA-256 of their names and values in an
// unambiguous binary form, in hex. It returns b, the buffer it wrote.
func digest(b []byte, cols []string, vals []any) (string, []byte) {
	for i, c := range cols {
		if vals[i] == nil || c == "kg_hash" {
			continue
		}
		b = appendString(b, c)
		b = appendValue(b, vals[i])
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12]), b
}

// appendValue appends v, a property value of the load, as a type byte and
// its content.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case string:
		return appendString(append(b, 's'), v)
	case bool:
		if v {
			return append(b, 't')
		}
		return append(b, 'f')
	case int64:
		return binary.BigEndian.AppendUint64(append(b, 'i'), uint64(v))
	case float64:
		return binary.BigEndian.AppendUint64(append(b, 'd'), math.Float64bits(v))
	case driver.Date:
		return append(append(b, 'D'), time.Time(v).Format(time.DateOnly)...)
	case []string:
		b = binary.AppendUvarint(append(b, 'S'), uint64(len(v)))
		for _, s := range v {
			b = appendString(b, s)
		}
		return b
	case []int64:
		b = binary.AppendUvarint(append(b, 'I'), uint64(len(v)))
		for _, n := range v {
			b = binary.BigEndian.AppendUint64(b, uint64(n))
		}
		return b
	}
	panic(fmt.Sprintf("neo4j: no digest for %T", v))
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// str is s, or nil when s is empty.
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// date is a YYYY-MM-DD date as a Neo4j date, or nil for other text.
func date(s string) any {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return driver.DateOf(t)
	}
	return nil
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
func batches(rows []record, size int) [][]record {
	var out [][]record
	for len(rows) > 0 {
		n := min(size, len(rows))
		out = append(out, rows[:n])
		rows = rows[n:]
	}
	return out
}
