package graph_test

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// resolveTexts extracts each text as an article a0, a1, … and resolves them.
func resolveTexts(texts ...string) *graph.Graph {
	ex := extract.New(schema.Default())
	var arts []graph.Extracted
	for i, t := range texts {
		arts = append(arts, graph.Extracted{Article: graph.Article{ID: fmt.Sprintf("a%d", i)}, Text: t, Result: ex.Extract(t)})
	}
	return graph.Resolve(schema.Default(), arts)
}

// TestResolveAcrossArticles: short articles written for this test, each case
// one rule of cross-article resolution (issue: one node per real-world entity).
func TestResolveAcrossArticles(t *testing.T) {
	cases := []struct {
		name  string
		texts []string
		same  [][]string // names that must be one node, of the given type (first element "Type:")
		apart [][]string // names that must be different nodes
	}{
		{
			name: "transliterations",
			texts: []string{
				"President Volodymyr Zelenskiy spoke to parliament on Monday.",
				"Volodymyr Zelenskyy said the talks were useful.",
				"Later, Zelensky met Prime Minister Anne Laurent in Kyiv.",
			},
			same: [][]string{{"Person:", "Volodymyr Zelenskiy", "Volodymyr Zelenskyy", "Zelensky"}},
		},
		{
			name: "slight misspelling of a frequent name",
			texts: []string{
				"Andriy Yermak, the chief of staff, resigned on Friday. Yermak denied wrongdoing. Yermak said he would fight. Yermak left Kyiv.",
				"After Yermark's departure, the talks resumed in Geneva.",
			},
			same: [][]string{{"Person:", "Andriy Yermak", "Yermark"}},
		},
		{
			name: "acronym given in one article",
			texts: []string{
				"Kirill Dmitriev, chief executive of the Russian Direct Investment Fund (RDIF), said the fund was ready.",
				"The RDIF did not comment on the deal.",
			},
			same: [][]string{{"Institution:", "Russian Direct Investment Fund", "RDIF"}},
		},
		{
			name: "same surname, different given names",
			texts: []string{
				"President Lee Jae-myung met Finance Minister Lee Sang-min in Seoul.",
			},
			apart: [][]string{{"Lee Jae-myung", "Lee Sang-min"}},
		},
		{
			name: "a city and a person of the same name",
			texts: []string{
				"The delegation flew to Washington on Tuesday.",
				"George Washington was the first president of the United States.",
			},
			apart: [][]string{{"Washington", "George Washington"}},
		},
		{
			name: "titles and honorifics stripped",
			texts: []string{
				"Secretary of State Marco Rubio told reporters the talks went well.",
				"Mr Rubio later flew home.",
			},
			same: [][]string{{"Person:", "Marco Rubio", "Rubio"}},
		},
		{
			name: "initials written with and without spaces",
			texts: []string{
				"Astronomers at the J. R. Halvorsen Observatory measured the comet on Monday.",
				"The J.R. Halvorsen Observatory later confirmed the orbit.",
			},
			same: [][]string{{"Institution:", "J. R. Halvorsen Observatory", "J.R. Halvorsen Observatory"}},
		},
		{
			name: "different initials stay apart",
			texts: []string{
				"Astronomers at the J. R. Halvorsen Observatory measured the comet on Monday.",
				"The J. K. Halvorsen Observatory later confirmed the orbit.",
			},
			apart: [][]string{{"J. R. Halvorsen Observatory", "J. K. Halvorsen Observatory"}},
		},
		{
			name: "a region named with and without its autonomous head",
			texts: []string{
				"Herders in the Tibet Autonomous Region face a dry winter.",
				"Officials in Tibet said the roads would reopen.",
			},
			same: [][]string{{"Place:", "Tibet Autonomous Region", "Tibet"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := resolveTexts(tc.texts...)
			nodeOf := map[string][]string{} // folded name or alias -> node ids
			types := map[string]string{}
			for _, n := range g.Nodes {
				types[n.ID] = n.Type
				for _, al := range append([]string{n.Name}, n.Aliases...) {
					k := strings.ToLower(al)
					nodeOf[k] = append(nodeOf[k], n.ID)
				}
			}
			find := func(name string) []string {
				ids := append([]string(nil), nodeOf[strings.ToLower(name)]...)
				sort.Strings(ids)
				return slices.Compact(ids)
			}
			for _, group := range tc.same {
				typ := strings.TrimSuffix(group[0], ":")
				var first string
				for _, name := range group[1:] {
					ids := find(name)
					if len(ids) != 1 {
						t.Errorf("%q is on %d nodes %v, want exactly one", name, len(ids), ids)
						continue
					}
					if types[ids[0]] != typ {
						t.Errorf("%q is a %s, want %s", name, types[ids[0]], typ)
					}
					if first == "" {
						first = ids[0]
					} else if ids[0] != first {
						t.Errorf("%q is on node %s, want the node of %q (%s)", name, ids[0], group[1], first)
					}
				}
			}
			for _, pair := range tc.apart {
				a, b := find(pair[0]), find(pair[1])
				if len(a) == 0 || len(b) == 0 {
					t.Errorf("%q on %v, %q on %v: want both found", pair[0], a, pair[1], b)
					continue
				}
				for _, x := range a {
					for _, y := range b {
						if x == y {
							t.Errorf("%q and %q share node %s, want them apart", pair[0], pair[1], x)
						}
					}
				}
			}
		})
	}
}
