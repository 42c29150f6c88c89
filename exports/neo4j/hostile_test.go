package neo4j

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
)

// hostile are texts written for this test to break naive Cypher building:
// quotes, backticks, braces, parameters, comments, keywords, escapes,
// control characters and characters outside the BMP.
var hostile = []string{
	`O'Brien said "no"`,
	"Back`tick`) DETACH DELETE n //",
	`{key: 'x'}) MERGE (m:Entity {key: $rows}) RETURN m; //`,
	`'}] ->() MATCH (n) DETACH DELETE n; CREATE (:Pwned) //`,
	`\' \\ \u0041 \n not an escape`,
	"line one\nline two\r\n\ttabbed",
	"MATCH (n) RETURN n UNION CALL db.labels() :param rows => []",
	"/* comment */ -- dash ; semicolon ${rows} $$",
	"Zoë, Ωmega, 東京, emoji 😀 and \u200b zero width",
	"nul \x00 and bell \x07 and del \x7f",
	"",
}

// hostileGraph puts every hostile text in names, aliases, titles, URLs,
// article ids, evidence sentences and triggers.
func hostileGraph() *graph.Graph {
	g := &graph.Graph{Format: graph.FormatVersion, Directed: true}
	for i, h := range hostile {
		aid := fmt.Sprintf("art-%d-%s", i, h)
		g.Articles = append(g.Articles, graph.Article{ID: aid, Title: h, URL: "https://example.org/?q=" + h, Hash: h, Published: "2025-05-06"})
		g.Nodes = append(g.Nodes, graph.Node{ID: fmt.Sprintf("person:%d:%s", i, h), Name: h, Type: graph.Person,
			Aliases: []string{h, "alias " + h}, Mentions: 1, Articles: []string{aid}, ArticleMentions: map[string]int{aid: 1}})
	}
	for i := 1; i < len(g.Nodes); i++ {
		h := hostile[i]
		g.Edges = append(g.Edges, graph.Edge{ID: fmt.Sprintf("MET_WITH|%d|%s", i, h), Source: g.Nodes[i-1].ID, Target: g.Nodes[i].ID,
			Type: "MET_WITH", Weight: 1, Confidence: 0.5,
			Evidence: []graph.Evidence{{Article: g.Articles[i].ID, Sentence: h, Start: 0, End: len(h), Trigger: h}}})
	}
	g.Sort()
	return g
}

// TestHostileText pushes the hostile graph, directly and through the
// --dry-run script, and reads every text back exactly.
func TestHostileText(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	g := hostileGraph()

	reset(t, drv, o)
	if _, err := Push(context.Background(), g, o); err != nil {
		t.Fatal(err)
	}
	if got, want := counts(t, drv, o), wantCounts(g); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("counts:\ngot  %v\nwant %v", got, want)
	}
	direct := dump(t, drv, o)

	t.Run("entities", func(t *testing.T) {
		for _, n := range g.Nodes {
			rows := query(t, drv, o, "MATCH (n:Entity {key: $key}) RETURN n.name AS name, n.aliases AS aliases", map[string]any{"key": n.ID})
			if len(rows) != 1 {
				t.Fatalf("%q: %d nodes", n.ID, len(rows))
			}
			if rows[0]["name"] != n.Name {
				t.Errorf("name %q read back as %q", n.Name, rows[0]["name"])
			}
			if got := strs(rows[0]["aliases"]); !reflect.DeepEqual(got, n.Aliases) {
				t.Errorf("aliases %q read back as %q", n.Aliases, got)
			}
		}
	})
	t.Run("articles", func(t *testing.T) {
		for _, a := range g.Articles {
			rows := query(t, drv, o, "MATCH (a:Article {id: $id}) RETURN a.title AS title, a.url AS url, a.hash AS hash", map[string]any{"id": a.ID})
			if len(rows) != 1 {
				t.Fatalf("%q: %d articles", a.ID, len(rows))
			}
			title, _ := rows[0]["title"].(string) // an empty title is not stored
			if title != a.Title || rows[0]["url"] != a.URL || rows[0]["hash"] != a.Hash {
				t.Errorf("article %q read back as %q", a.ID, rows[0])
			}
		}
	})
	t.Run("evidence", func(t *testing.T) {
		for _, e := range g.Edges {
			rows := query(t, drv, o, `MATCH (a:Entity)-[r:MET_WITH {key: $key}]->(b:Entity)
RETURN a.key AS a, b.key AS b, r.evidence_sentences AS s, r.evidence_triggers AS tr, r.evidence_articles AS art`, map[string]any{"key": e.ID})
			if len(rows) != 1 {
				t.Fatalf("%q: %d relationships", e.ID, len(rows))
			}
			r := rows[0]
			if r["a"] != e.Source || r["b"] != e.Target {
				t.Errorf("%q joins %q and %q", e.ID, r["a"], r["b"])
			}
			ev := e.Evidence[0]
			if !reflect.DeepEqual(strs(r["s"]), []string{ev.Sentence}) || !reflect.DeepEqual(strs(r["tr"]), []string{ev.Trigger}) || !reflect.DeepEqual(strs(r["art"]), []string{ev.Article}) {
				t.Errorf("evidence of %q read back as %q", e.ID, r)
			}
		}
	})
	t.Run("nothing else", func(t *testing.T) {
		if rows := query(t, drv, o, "MATCH (n) WHERE NOT n:Entity AND NOT n:Article RETURN count(n) AS c", nil); rows[0]["c"] != int64(0) {
			t.Errorf("%v nodes that kg did not write", rows[0]["c"])
		}
	})
	t.Run("dry-run script", func(t *testing.T) {
		var script bytes.Buffer
		if err := WriteScript(&script, g, 3, true); err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(script.String(), "\n") {
			for _, r := range line {
				if r < 0x20 || r > 0x7e {
					t.Fatalf("script line %d holds %U: a literal is not plain ASCII", i+1, r)
				}
			}
		}
		reset(t, drv, o)
		runScript(t, drv, o, script.String())
		if got := dump(t, drv, o); got != direct {
			t.Errorf("the script loads another database than Push:\nscript:\n%s\npush:\n%s", got, direct)
		}
	})
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, len(l))
	for i, x := range l {
		out[i], _ = x.(string)
	}
	return out
}
