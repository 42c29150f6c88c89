package neo4j

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
)

// recipe is one ```cypher block of docs/cypher.md.
type recipe struct {
	name   string            // the heading, with " 2" for its second block
	params map[string]string // :param name => Cypher expression
	query  string
}

// cookbook reads the recipes of docs/cypher.md.
func cookbook(t testing.TB) []recipe {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testkit.Root(t), "docs", "cypher.md"))
	if err != nil {
		t.Fatal(err)
	}
	var out []recipe
	heading, n := "", 0
	var cur *recipe
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "### "):
			heading, n = strings.TrimPrefix(line, "### "), 0
		case cur == nil && line == "```cypher":
			n++
			name := heading
			if n > 1 {
				name = fmt.Sprintf("%s %d", heading, n)
			}
			cur = &recipe{name: name, params: map[string]string{}}
		case cur != nil && line == "```":
			cur.query = strings.TrimSpace(cur.query)
			out = append(out, *cur)
			cur = nil
		case cur != nil && strings.HasPrefix(line, ":param "):
			k, v, ok := strings.Cut(strings.TrimPrefix(line, ":param "), " => ")
			if !ok {
				t.Fatalf("docs/cypher.md: %s: bad line %q", cur.name, line)
			}
			cur.params[k] = v
		case cur != nil:
			cur.query += line + "\n"
		}
	}
	if len(out) < 10 {
		t.Fatalf("docs/cypher.md: %d cypher blocks, want the 10 of the cookbook", len(out))
	}
	return out
}

// run runs a recipe with its parameters (each overridden by set when
// given) and returns the header and the rows as Cypher literals.
func (r recipe) run(t testing.TB, drv driver.DriverWithContext, o Options, set map[string]any) (string, []string) {
	t.Helper()
	params := map[string]any{}
	for k, expr := range r.params {
		if v, ok := set[k]; ok {
			params[k] = v
			continue
		}
		rows := query(t, drv, o, "RETURN "+expr+" AS v", nil)
		params[k] = rows[0]["v"]
	}
	res, err := driver.ExecuteQuery(context.Background(), drv, r.query, params, driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(o.Database))
	if err != nil {
		t.Fatalf("%s: %v", r.name, err)
	}
	var rows []string
	for _, rec := range res.Records {
		rows = append(rows, format(rec.Values...))
	}
	return strings.Join(res.Keys, " | "), rows
}

func format(values ...any) string {
	var b strings.Builder
	for i, v := range values {
		if i > 0 {
			b.WriteString(" | ")
		}
		writeLiteral(&b, v)
	}
	return b.String()
}

// TestCookbookFixture runs every recipe on testdata/small.json and compares
// the rows with testdata/cookbook.golden.
func TestCookbookFixture(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	reset(t, drv, o)
	if _, err := Push(context.Background(), readGraph(t, "testdata/small.json"), o); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, r := range cookbook(t) {
		head, rows := r.run(t, drv, o, nil)
		if len(rows) == 0 {
			t.Errorf("%s: no rows on the fixture: make the fixture or the recipe show something", r.name)
		}
		fmt.Fprintf(&b, "## %s\n%s\n%s\n\n", r.name, head, strings.Join(rows, "\n"))
	}
	golden(t, "cookbook.golden", b.String())
}

// TestCookbookSeed pushes the graph of the seed articles (built by the real
// kg build), checks the counts, that a second push changes nothing, and
// that every recipe returns the rows computed from the graph itself.
func TestCookbookSeed(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	_, g := testkit.SeedGraph(t)
	reset(t, drv, o)
	if _, err := Push(context.Background(), g, o); err != nil {
		t.Fatal(err)
	}
	if got, want := counts(t, drv, o), wantCounts(g); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("counts:\ngot  %v\nwant %v", got, want)
	}
	before := dump(t, drv, o)
	if s, err := Push(context.Background(), g, o); err != nil || s.Changed() {
		t.Errorf("second push of the seed graph: %v, %v: want no change", s, err)
	}
	if after := dump(t, drv, o); after != before {
		t.Error("the second push of the seed graph changed the database")
	}

	x := newExpect(g)
	for _, r := range cookbook(t) {
		t.Run(r.name, func(t *testing.T) {
			set, want, check := x.recipe(t, r.name)
			_, got := r.run(t, drv, o, set)
			if check != nil {
				check(t, got)
				return
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("params %v:\ngot  %d rows:\n%s\nwant %d rows:\n%s", set, len(got), strings.Join(got, "\n"), len(want), strings.Join(want, "\n"))
			}
		})
	}
}

// expect computes from a graph the rows each recipe should return.
type expect struct {
	g     *graph.Graph
	byID  map[string]*graph.Node
	names map[string]int // entities per name
}

func newExpect(g *graph.Graph) *expect {
	x := &expect{g: g, byID: map[string]*graph.Node{}, names: map[string]int{}}
	for i := range g.Nodes {
		x.byID[g.Nodes[i].ID] = &g.Nodes[i]
		x.names[g.Nodes[i].Name]++
	}
	return x
}

func dateOrNil(s string) any {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return driver.DateOf(t)
	}
	return nil
}

func statusOrNil(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// recipe returns the parameters to use on the seed graph and the rows
// wanted, or a check of the rows.
func (x *expect) recipe(t *testing.T, name string) (map[string]any, []string, func(*testing.T, []string)) {
	g := x.g
	var want []string
	switch name {
	case "Who met whom":
		for _, e := range g.Edges {
			if e.Type == "MET_WITH" {
				a, b := x.byID[e.Source], x.byID[e.Target]
				if a.ID > b.ID {
					a, b = b, a
				}
				if a.ID != b.ID {
					want = append(want, format(a.Name, b.Name, int64(e.Weight), evidenceArticles(e)))
				}
			}
		}
		return nil, want, nil
	case "Who led what":
		for _, e := range g.Edges {
			if e.Type == "LED" {
				a, b := x.byID[e.Source], x.byID[e.Target]
				want = append(want, format(a.Name, b.Name, b.Type, dateOrNil(e.FirstDate), dateOrNil(e.LastDate), int64(e.Weight)))
			}
		}
		return nil, want, nil
	case "The sentences behind one edge":
		for _, e := range g.Edges {
			a, b := x.byID[e.Source], x.byID[e.Target]
			if x.names[a.Name] != 1 || x.names[b.Name] != 1 || a.ID == b.ID {
				continue
			}
			for _, f := range g.Edges {
				if f.Source == a.ID && f.Target == b.ID || f.Source == b.ID && f.Target == a.ID {
					for _, ev := range f.Evidence {
						want = append(want, format(f.Type, ev.Article, int64(ev.Start), int64(ev.End), ev.Sentence))
					}
				}
			}
			return map[string]any{"source": a.Name, "target": b.Name}, want, nil
		}
		t.Skip("the seed graph has no relation between two entities of unique names")
	case "The shortest path between two people":
		from, to, hops := x.farPair()
		if hops == 0 {
			t.Skip("the seed graph has no two connected people of unique names")
		}
		return map[string]any{"from": from, "to": to}, nil, func(t *testing.T, rows []string) {
			if len(rows) == 0 {
				t.Fatalf("no path from %q to %q, want %d hops", from, to, hops)
			}
			for _, r := range rows {
				if !strings.HasSuffix(r, fmt.Sprintf(" | %d", hops)) {
					t.Errorf("path %s: want %d hops", r, hops)
				}
			}
		}
	case "The top entities by PageRank":
		nodes := x.analysed()
		sort.SliceStable(nodes, func(i, j int) bool {
			if nodes[i].PageRank != nodes[j].PageRank {
				return nodes[i].PageRank > nodes[j].PageRank
			}
			return nodes[i].Name < nodes[j].Name
		})
		for _, n := range nodes[:min(10, len(nodes))] {
			want = append(want, format(n.Name, n.Type, n.PageRank, int64(n.Community)))
		}
		return nil, want, nil
	case "The members of a community":
		sizes := map[int]int64{}
		for _, n := range x.analysed() {
			sizes[n.Community]++
		}
		for c, k := range sizes {
			want = append(want, format(int64(c), k))
		}
		return nil, want, nil
	case "The members of a community 2":
		nodes := x.analysed()
		if len(nodes) == 0 {
			t.Skip("the seed graph is not analysed (no communities)")
		}
		c := nodes[0].Community
		for _, n := range nodes {
			if n.Community == c {
				want = append(want, format(n.Name, n.Type, n.PageRank))
			}
		}
		return map[string]any{"community": int64(c)}, want, nil
	case "Everything mentioned in one article", "Everything mentioned in one article 2":
		art := x.busiestArticle()
		if name == "Everything mentioned in one article" {
			for _, n := range g.Nodes {
				if c, ok := n.ArticleMentions[art]; ok {
					want = append(want, format(n.Name, n.Type, int64(c)))
				}
			}
		} else {
			for _, e := range g.Edges {
				var sentences []string
				for _, ev := range e.Evidence {
					if ev.Article == art {
						sentences = append(sentences, ev.Sentence)
					}
				}
				if sentences != nil {
					want = append(want, format(x.byID[e.Source].Name, e.Type, x.byID[e.Target].Name, sentences))
				}
			}
		}
		return map[string]any{"article": art}, want, nil
	case "What was reported between two dates":
		day := ""
		for _, e := range g.Edges {
			for _, ev := range e.Evidence {
				if dateOrNil(ev.Date) != nil {
					day = ev.Date
					break
				}
			}
			if day != "" {
				break
			}
		}
		if day == "" {
			t.Skip("no dated evidence in the seed graph")
		}
		for _, e := range g.Edges {
			var dates []string
			for _, ev := range e.Evidence {
				if ev.Date == day {
					dates = append(dates, ev.Date)
				}
			}
			if dates != nil {
				want = append(want, format(x.byID[e.Source].Name, e.Type, x.byID[e.Target].Name, statusOrNil(e.Status), dates))
			}
		}
		return map[string]any{"from": dateOrNil(day), "to": dateOrNil(day)}, want, nil
	}
	t.Fatalf("recipe %q has no expectation in cookbook_test.go", name)
	return nil, nil, nil
}

func evidenceArticles(e graph.Edge) []string {
	out := make([]string, len(e.Evidence))
	for i, ev := range e.Evidence {
		out[i] = ev.Article
	}
	return out
}

// analysed returns the nodes with metrics, by falling PageRank.
func (x *expect) analysed() []*graph.Node {
	var out []*graph.Node
	for i := range x.g.Nodes {
		if x.g.Nodes[i].Metrics != nil {
			out = append(out, &x.g.Nodes[i])
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].PageRank > out[j].PageRank })
	return out
}

func (x *expect) busiestArticle() string {
	count := map[string]int{}
	for _, n := range x.g.Nodes {
		for a := range n.ArticleMentions {
			count[a]++
		}
	}
	best := ""
	for _, a := range sortedKeys(count) {
		if best == "" || count[a] > count[best] {
			best = a
		}
	}
	return best
}

// farPair finds two people of unique names joined by relations, as far
// apart as possible (at most 8 hops), and their distance.
func (x *expect) farPair() (string, string, int) {
	adj := map[string][]string{}
	for _, e := range x.g.Edges {
		adj[e.Source] = append(adj[e.Source], e.Target)
		adj[e.Target] = append(adj[e.Target], e.Source)
	}
	from, to, best := "", "", 0
	for _, n := range x.g.Nodes {
		if n.Type != graph.Person || x.names[n.Name] != 1 {
			continue
		}
		dist := map[string]int{n.ID: 0}
		queue := []string{n.ID}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for _, w := range adj[v] {
				if _, ok := dist[w]; !ok && dist[v] < 8 {
					dist[w] = dist[v] + 1
					queue = append(queue, w)
				}
			}
		}
		for id, d := range dist {
			m := x.byID[id]
			if m.Type == graph.Person && x.names[m.Name] == 1 && d > best {
				from, to, best = n.Name, m.Name, d
			}
		}
	}
	return from, to, best
}
