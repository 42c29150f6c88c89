package neo4j

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/kgraph/kg/internal/testkit"
)

// benchRels is the number of relations of the generated graph of the
// benchmarks: KG_BENCH_RELS, 100000 by default (1000000 for the figure in
// docs/cypher.md). There are a tenth as many entities.
func benchRels(b *testing.B) int {
	n := 100000
	if v := os.Getenv("KG_BENCH_RELS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 10 {
			b.Fatalf("KG_BENCH_RELS=%q: want a number of relations (at least 10)", v)
		}
	}
	return n
}

// BenchmarkPush pushes a generated graph into an emptied database, for
// several batch sizes, and reports relations per second (rel/s) and rows
// per second (rows/s, all of entities, articles, relations and mentions).
//
//	eval "$(scripts/neo4j up)"
//	KG_BENCH_RELS=1000000 go test -run '^$' -bench 'Push/batch=5000' -benchtime 1x ./exports/neo4j/
func BenchmarkPush(b *testing.B) {
	o := server(b)
	drv := db(b, o)
	m := benchRels(b)
	g := generate(max(m/10, 2), m, 7)
	for _, size := range []int{1000, 5000, 10000} {
		b.Run(fmt.Sprintf("batch=%d", size), func(b *testing.B) {
			o.BatchSize = size
			var elapsed time.Duration
			var rows int
			for b.Loop() {
				b.StopTimer()
				reset(b, drv, o)
				b.StartTimer()
				s, err := Push(context.Background(), g, o)
				if err != nil {
					b.Fatal(err)
				}
				elapsed += s.Elapsed
				rows += s.Entities + s.Articles + s.Relations + s.Mentions
			}
			b.ReportMetric(float64(b.N*len(g.Edges))/elapsed.Seconds(), "rel/s")
			b.ReportMetric(float64(rows)/elapsed.Seconds(), "rows/s")
		})
	}
}

// BenchmarkLoadCSV loads the same rows as BenchmarkPush with LOAD CSV from
// the server's import directory (only with the server of scripts/neo4j,
// whose import directory is .cache/neo4j/home/import), then pushes them with
// Push, and reports both rates and their ratio push/csv.
//
//	KG_BENCH_RELS=1000000 go test -run '^$' -bench LoadCSV -benchtime 1x ./exports/neo4j/
func BenchmarkLoadCSV(b *testing.B) {
	o := server(b)
	dir := os.Getenv("KG_NEO4J_DIR")
	if dir == "" {
		dir = filepath.Join(testkit.Root(b), ".cache", "neo4j")
	}
	imp := filepath.Join(dir, "home", "import")
	if _, err := os.Stat(imp); err != nil {
		testkit.Missing(b, "the import directory of scripts/neo4j's server (%s)", imp)
	}
	drv := db(b, o)
	m := benchRels(b)
	g := generate(max(m/10, 2), m, 7)
	p, err := newPlan(g)
	if err != nil {
		b.Fatal(err)
	}
	// One CSV per step, columns as the rows of the plan.
	var loads []string
	for i, st := range p.steps {
		name := fmt.Sprintf("kgbench-%d.csv", i)
		writeCSV(b, filepath.Join(imp, name), &st)
		loads = append(loads, csvQuery(st, name))
	}
	b.Cleanup(func() {
		for i := range p.steps {
			os.Remove(filepath.Join(imp, fmt.Sprintf("kgbench-%d.csv", i)))
		}
	})
	var csvTime, pushTime time.Duration
	for b.Loop() {
		b.StopTimer()
		reset(b, drv, o)
		if err := createConstraints(context.Background(), drv.NewSession(context.Background(), driver.SessionConfig{DatabaseName: o.Database}), p); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := time.Now()
		for _, q := range loads {
			sess := drv.NewSession(context.Background(), driver.SessionConfig{DatabaseName: o.Database})
			res, err := sess.Run(context.Background(), q, nil)
			if err == nil {
				_, err = res.Consume(context.Background())
			}
			sess.Close(context.Background())
			if err != nil {
				b.Fatalf("%s: %v", q, err)
			}
		}
		csvTime += time.Since(start)
		b.StopTimer()
		if got, want := counts(b, drv, o), wantCounts(g); fmt.Sprint(got) != fmt.Sprint(want) {
			b.Fatalf("LOAD CSV counts:\ngot  %v\nwant %v", got, want)
		}
		reset(b, drv, o)
		b.StartTimer()
		s, err := Push(context.Background(), g, o)
		if err != nil {
			b.Fatal(err)
		}
		pushTime += s.Elapsed
	}
	csvRate := float64(b.N*len(g.Edges)) / csvTime.Seconds()
	pushRate := float64(b.N*len(g.Edges)) / pushTime.Seconds()
	b.ReportMetric(csvRate, "csv-rel/s")
	b.ReportMetric(pushRate, "push-rel/s")
	b.ReportMetric(pushRate/csvRate, "push/csv")
}

// writeCSV writes rows of a plan step with the columns key (or id), source,
// target and the scalar properties the CSV load sets.
func writeCSV(b *testing.B, path string, st *step) {
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"key", "source", "target", "name", "type", "weight", "confidence", "sentence", "article", "start", "end", "count", "date"})
	for _, row := range st.rows {
		r := st.rowMap(row)
		p := r["props"].(map[string]any)
		key := p["key"]
		if key == nil {
			key = p["id"]
		}
		s := func(v any) string {
			if v == nil {
				return ""
			}
			if l, ok := v.([]string); ok {
				return strings.Join(l, "|")
			}
			if l, ok := v.([]int64); ok && len(l) > 0 {
				return strconv.FormatInt(l[0], 10)
			}
			return fmt.Sprint(v)
		}
		date := ""
		if d, ok := p["first_date"].(driver.Date); ok {
			date = time.Time(d).Format(time.DateOnly)
		}
		w.Write([]string{s(key), s(r["source"]), s(r["target"]), s(p["name"]), s(p["type"]), s(p["weight"]), s(p["confidence"]),
			s(p["evidence_sentences"]), s(p["evidence_articles"]), s(p["evidence_starts"]), s(p["evidence_ends"]), s(p["count"]), date})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}

// csvQuery is the LOAD CSV statement of a step into an emptied database,
// with the CREATE of a fresh push and the main properties (in transactions
// of 10000 rows).
func csvQuery(st step, file string) string {
	head := "LOAD CSV WITH HEADERS FROM 'file:///" + file + "' AS row CALL (row) {\n"
	tail := "\n} IN TRANSACTIONS OF 10000 ROWS"
	switch st.kind {
	case kindArticles:
		return head + "CREATE (n:Article {id: row.key})" + tail
	case kindEntities:
		return head + "CREATE (n:Entity:" + quote(st.name) + " {key: row.key, name: row.name, type: row.type, aliases: split(row.name, '|')})" + tail
	case kindRelations:
		return head + "MATCH (a:Entity {key: row.source}) MATCH (b:Entity {key: row.target})\nCREATE (a)-[r:" + quote(st.name) +
			" {key: row.key, weight: toInteger(row.weight), confidence: toFloat(row.confidence), first_date: date(row.date)," +
			" evidence_sentences: split(row.sentence, '|'), evidence_articles: split(row.article, '|')," +
			" evidence_starts: [toInteger(row.start)], evidence_ends: [toInteger(row.end)]}]->(b)" + tail
	default:
		return head + "MATCH (e:Entity {key: row.source}) MATCH (a:Article {id: row.target})\nCREATE (e)-[r:MENTIONED_IN {key: row.key, count: toInteger(row.count)}]->(a)" + tail
	}
}
