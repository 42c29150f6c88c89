package neo4j

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// server returns the options of the test server (NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE, as printed by scripts/neo4j up).
func server(t testing.TB) Options {
	t.Helper()
	if os.Getenv("NEO4J_URI") == "" || os.Getenv("NEO4J_PASSWORD") == "" {
		testkit.Missing(t, "a Neo4j server: NEO4J_URI and NEO4J_PASSWORD (eval \"$(scripts/neo4j up)\")")
	}
	testkit.LockNeo4j(t)
	return OptionsFromEnv()
}

// db is a driver on the test server for the checks of a test.
func db(t testing.TB, o Options) driver.DriverWithContext {
	t.Helper()
	drv, err := driver.NewDriverWithContext(o.URI, driver.BasicAuth(o.User, o.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { drv.Close(context.Background()) })
	return drv
}

// query runs a read or write query and returns its records as maps.
func query(t testing.TB, drv driver.DriverWithContext, o Options, q string, params map[string]any) []map[string]any {
	t.Helper()
	res, err := driver.ExecuteQuery(context.Background(), drv, q, params, driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(o.Database))
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, r := range res.Records {
		out[i] = r.AsMap()
	}
	return out
}

// reset empties the test database (it belongs to the tests).
func reset(t testing.TB, drv driver.DriverWithContext, o Options) {
	t.Helper()
	ctx := context.Background()
	sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: o.Database})
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
		"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS",
	} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			t.Fatalf("emptying the test database: %v", err)
		}
	}
}

// counts returns the number of nodes per label and relationships per type.
func counts(t testing.TB, drv driver.DriverWithContext, o Options) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	for _, r := range query(t, drv, o, `MATCH (n) UNWIND labels(n) AS l RETURN 'label ' + l AS k, count(*) AS c
UNION ALL MATCH ()-[r]->() RETURN 'type ' + type(r) AS k, count(*) AS c`, nil) {
		m[r["k"].(string)] = r["c"].(int64)
	}
	return m
}

// wantCounts is what counts should return after pushing g alone.
func wantCounts(g *graph.Graph) map[string]int64 {
	m := map[string]int64{}
	arts := map[string]bool{}
	for _, a := range g.Articles {
		arts[a.ID] = true
	}
	for _, n := range g.Nodes {
		m["label "+EntityLabel]++
		m["label "+n.Type]++
		for a := range n.ArticleMentions {
			arts[a] = true
			m["type "+MentionType]++
		}
	}
	if len(arts) > 0 {
		m["label "+ArticleLabel] = int64(len(arts))
	}
	for _, e := range g.Edges {
		m["type "+e.Type]++
	}
	return m
}

// dump writes every node and relationship of the database, with labels and
// properties, in a byte-stable order.
func dump(t testing.TB, drv driver.DriverWithContext, o Options) string {
	t.Helper()
	var lines []string
	for _, r := range query(t, drv, o, `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`, nil) {
		var labels []string
		for _, l := range r["labels"].([]any) {
			labels = append(labels, l.(string))
		}
		sort.Strings(labels)
		var b strings.Builder
		writeLiteral(&b, r["props"])
		lines = append(lines, "("+strings.Join(labels, ":")+" "+b.String()+")")
	}
	for _, r := range query(t, drv, o, `MATCH (a)-[r]->(b) RETURN coalesce(a.key, a.id) AS a, type(r) AS type, coalesce(b.key, b.id) AS b, properties(r) AS props`, nil) {
		var b strings.Builder
		writeLiteral(&b, r["props"])
		lines = append(lines, fmt.Sprintf("(%v)-[%s %s]->(%v)", r["a"], r["type"], b.String(), r["b"]))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the database (run with -update if the change is intended):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

func readGraph(t testing.TB, path string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func writeGraph(t testing.TB, g *graph.Graph, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Encode(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// generate makes a graph of n entities and m relations with a fixed seed:
// four entity types, six relation types, one evidence sentence per relation,
// and 50 articles.
func generate(n, m int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	types := []string{graph.Person, graph.Institution, graph.Place, graph.Document}
	rels := []string{"MET_WITH", "LED", "RESIGNED", "PROPOSED", "CRITICIZED", "VISITED"}
	const articles = 50
	g := &graph.Graph{Format: graph.FormatVersion, Directed: true}
	for i := range articles {
		g.Articles = append(g.Articles, graph.Article{ID: fmt.Sprintf("art%02d", i), Title: fmt.Sprintf("Article %d", i),
			Published: fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28), Hash: fmt.Sprintf("%064x", i), Bytes: 1000 + i, Words: 150 + i})
	}
	for i := range n {
		typ := types[i%len(types)]
		name := fmt.Sprintf("%s %d", typ, i)
		a1, a2 := fmt.Sprintf("art%02d", i%articles), fmt.Sprintf("art%02d", (i*7+3)%articles)
		am := map[string]int{a1: 1 + i%3}
		am[a2] += 1
		arts := []string{a1}
		if a2 != a1 {
			arts = append(arts, a2)
		}
		sort.Strings(arts)
		mentions := 0
		for _, c := range am {
			mentions += c
		}
		g.Nodes = append(g.Nodes, graph.Node{ID: fmt.Sprintf("%s:%07d", strings.ToLower(typ), i), Name: name, Type: typ,
			Aliases: []string{name}, Mentions: mentions, Articles: arts, ArticleMentions: am})
	}
	seen := map[string]bool{}
	for len(g.Edges) < m {
		s, d := rng.IntN(n), rng.IntN(n)
		if s == d {
			continue
		}
		typ := rels[rng.IntN(len(rels))]
		src, dst := g.Nodes[s].ID, g.Nodes[d].ID
		id := typ + "|" + src + "|" + dst
		if seen[id] {
			continue
		}
		seen[id] = true
		art := fmt.Sprintf("art%02d", rng.IntN(articles))
		sentence := fmt.Sprintf("%s %s %s.", g.Nodes[s].Name, strings.ToLower(strings.ReplaceAll(typ, "_", " ")), g.Nodes[d].Name)
		start := rng.IntN(5000)
		g.Edges = append(g.Edges, graph.Edge{ID: id, Source: src, Target: dst, Type: typ, Weight: 1, Confidence: 0.5 + float64(rng.IntN(50))/100,
			FirstDate: "2025-01-02", LastDate: "2025-01-02",
			Evidence: []graph.Evidence{{Article: art, Sentence: sentence, Start: start, End: start + len(sentence), Trigger: "x", Date: "2025-01-02"}}})
	}
	g.Sort()
	return g
}

// runScript runs a script of WriteScript the way cypher-shell does: a
// `:param name => expr` line sets a parameter to the value of expr, every
// other statement ends with ';' and runs in auto-commit mode.
func runScript(t testing.TB, drv driver.DriverWithContext, o Options, script string) {
	t.Helper()
	ctx := context.Background()
	sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: o.Database})
	defer sess.Close(ctx)
	params := map[string]any{}
	var stmt strings.Builder
	sc := bufio.NewScanner(strings.NewReader(script))
	sc.Buffer(nil, 1<<28)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case stmt.Len() == 0 && strings.HasPrefix(line, "//"):
		case stmt.Len() == 0 && strings.HasPrefix(line, ":param "):
			name, expr, ok := strings.Cut(strings.TrimPrefix(line, ":param "), " => ")
			if !ok {
				t.Fatalf("bad :param line %.80q", line)
			}
			res, err := sess.Run(ctx, "RETURN "+expr+" AS v", nil)
			if err != nil {
				t.Fatalf(":param %s: %v", name, err)
			}
			rec, err := res.Single(ctx)
			if err != nil {
				t.Fatalf(":param %s: %v", name, err)
			}
			params[name], _ = rec.Get("v")
		default:
			stmt.WriteString(line)
			stmt.WriteByte('\n')
			if strings.HasSuffix(line, ";") {
				q := strings.TrimSuffix(strings.TrimSpace(stmt.String()), ";")
				stmt.Reset()
				res, err := sess.Run(ctx, q, params)
				if err == nil {
					_, err = res.Consume(ctx)
				}
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if stmt.Len() > 0 {
		t.Fatalf("script ends inside a statement: %q", stmt.String())
	}
}
