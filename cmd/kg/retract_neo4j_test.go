package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/exports/neo4j"
	"github.com/kgraph/kg/internal/testkit"
)

// neo4jDump returns kg's part of the database (the :Entity and :Article
// nodes with their labels and properties, and their relationships with
// type, end points and properties) as sorted lines.
func neo4jDump(t *testing.T, o neo4j.Options) []string {
	t.Helper()
	ctx := context.Background()
	drv, err := driver.NewDriverWithContext(o.URI, driver.BasicAuth(o.User, o.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer drv.Close(ctx)
	var lines []string
	for _, q := range []string{
		`MATCH (n) WHERE n:Entity OR n:Article RETURN 'node' AS kind, labels(n) AS labels, properties(n) AS props, '' AS a, '' AS b`,
		`MATCH (x)-[r]->(y) WHERE (x:Entity OR x:Article) AND (y:Entity OR y:Article)
		 RETURN 'rel' AS kind, [type(r)] AS labels, properties(r) AS props, coalesce(x.key, x.id) AS a, coalesce(y.key, y.id) AS b`,
	} {
		res, err := driver.ExecuteQuery(ctx, drv, q, nil, driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(o.Database))
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for _, r := range res.Records {
			m := r.AsMap()
			labels := fmt.Sprint(m["labels"])
			lines = append(lines, fmt.Sprintf("%s %s %v %v %v", m["kind"], labels, m["a"], m["b"], m["props"]))
		}
	}
	slices.Sort(lines)
	return lines
}

// TestRetractNeo4j pushes the graph of the golden articles (testdata) to
// the real Neo4j server, retracts one article with `kg retract --neo4j`,
// and requires the database to equal a fresh push of the other articles.
func TestRetractNeo4j(t *testing.T) {
	if os.Getenv("NEO4J_URI") == "" || os.Getenv("NEO4J_PASSWORD") == "" {
		testkit.Missing(t, "a Neo4j server: NEO4J_URI and NEO4J_PASSWORD (eval \"$(scripts/neo4j up)\")")
	}
	testkit.LockNeo4j(t)
	o := neo4j.OptionsFromEnv()
	golden := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	dir := t.TempDir()
	full := filepath.Join(dir, "graph.json")
	rest := filepath.Join(dir, "rest.json")
	_, restDir := incSplit(t, golden, "harbour.txt")
	mustKGBin(t, "build", "-q", golden, "-o", full)
	mustKGBin(t, "build", "-q", "--no-state", restDir, "-o", rest)

	mustKGBin(t, "push", "-q", "--replace", rest)
	want := neo4jDump(t, o)
	mustKGBin(t, "push", "-q", "--replace", full)
	before := neo4jDump(t, o)
	mustKGBin(t, "retract", "-q", "--neo4j", "--article", "harbour.txt", full)
	got := neo4jDump(t, o)
	if len(want) == 0 || slices.Equal(before, want) {
		t.Fatalf("the fresh push of the remaining articles has %d lines, the full push %d: the test data do not tell them apart", len(want), len(before))
	}
	if !slices.Equal(got, want) {
		t.Errorf("after kg retract --neo4j the database differs from a fresh push of the remaining articles:\ngot  %d lines\nwant %d lines\nfirst difference: %s", len(got), len(want), firstDiff(got, want))
	}
}

func firstDiff(got, want []string) string {
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return "\n  got  " + g + "\n  want " + w
		}
	}
	return "none"
}

// TestBuildNeo4j checks that `kg build --neo4j` leaves the database as
// `kg build` then `kg push` does.
func TestBuildNeo4j(t *testing.T) {
	if os.Getenv("NEO4J_URI") == "" || os.Getenv("NEO4J_PASSWORD") == "" {
		testkit.Missing(t, "a Neo4j server: NEO4J_URI and NEO4J_PASSWORD (eval \"$(scripts/neo4j up)\")")
	}
	testkit.LockNeo4j(t)
	o := neo4j.OptionsFromEnv()
	golden := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	out := filepath.Join(t.TempDir(), "graph.json")
	mustKGBin(t, "build", "-q", golden, "-o", out)
	mustKGBin(t, "push", "-q", "--replace", out)
	want := neo4jDump(t, o)
	mustKGBin(t, "build", "-q", "--neo4j", "--replace", golden, "-o", out)
	got := neo4jDump(t, o)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("kg build --neo4j: %d lines in the database, kg push: %d; first difference: %s", len(got), len(want), firstDiff(got, want))
	}
}
