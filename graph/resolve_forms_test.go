package graph_test

import (
	"testing"
)

// TestResolveInstitutionForms: written forms of one institution that the
// keys keep apart, and forms that must stay apart (texts written for this
// test).
func TestResolveInstitutionForms(t *testing.T) {
	cases := []struct {
		name  string
		texts []string
		same  []string // names of one Institution node
		apart []string // names of different nodes
	}{
		{
			name:  "generic trailing word",
			texts: []string{"Quorvex Interactive, the video game publisher, said it would raise prices.", "Quorvex, the video game publisher, said sales were weak."},
			same:  []string{"Quorvex Interactive", "Quorvex"},
		},
		{
			name:  "spacing variant",
			texts: []string{"The startup StarWeave signed a contract with the agency.", "Star Weave, a startup company, said the lander was ready."},
			same:  []string{"StarWeave", "Star Weave"},
		},
		{
			name:  "party and its members",
			texts: []string{"The Conservative Party won the vote in the capital.", "The Conservatives said the budget would pass."},
			same:  []string{"Conservative Party", "Conservatives"},
		},
		{
			name:  "acronym of camel-case words",
			texts: []string{"The NovaTrade Bulletin reported the merger on Friday.", "According to the NTB, the deal was signed in Oslo."},
			same:  []string{"NovaTrade Bulletin", "NTB"},
		},
		{
			name:  "two long forms leave the short form alone",
			texts: []string{"Marlo Studios and Marlo Entertainment both said the film was delayed."},
			apart: []string{"Marlo Studios", "Marlo Entertainment"},
		},
		{
			name:  "a trailing word that is not generic",
			texts: []string{"Quorvex Networks, the telecoms company, said the outage was over.", "Quorvex Interactive, the video game publisher, said it would raise prices."},
			apart: []string{"Quorvex Networks", "Quorvex Interactive"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := resolveTexts(tc.texts...)
			nodeOf := map[string]string{}
			types := map[string]string{}
			for _, n := range g.Nodes {
				types[n.ID] = n.Type
				for _, al := range append([]string{n.Name}, n.Aliases...) {
					nodeOf[al] = n.ID
				}
			}
			for _, name := range tc.same {
				id, ok := nodeOf[name]
				if !ok {
					t.Errorf("%q not found", name)
					continue
				}
				if types[id] != "Institution" {
					t.Errorf("%q is a %s, want Institution", name, types[id])
				}
				if first := nodeOf[tc.same[0]]; id != first {
					t.Errorf("%q is on node %s, want the node of %q (%s)", name, id, tc.same[0], first)
				}
			}
			if len(tc.apart) == 2 {
				a, okA := nodeOf[tc.apart[0]]
				b, okB := nodeOf[tc.apart[1]]
				if !okA || !okB || a == b {
					t.Errorf("%q on %q, %q on %q: want two different nodes", tc.apart[0], a, tc.apart[1], b)
				}
			}
		})
	}
}

// TestResolveBareWordSurname: a one-word name that is also a common word,
// a place or a celestial body joins a person named in full in another
// article only with more evidence.
func TestResolveBareWordSurname(t *testing.T) {
	cases := []struct {
		name     string
		texts    []string
		person   string
		articles int // articles of the person's node
	}{
		{
			name:     "planet is not the singer",
			texts:    []string{"The singer Rowan Saturn released a new album on Friday, his label said.", "A probe will fly past Saturn in 2031 and photograph its rings."},
			person:   "Rowan Saturn",
			articles: 1,
		},
		{
			name:     "common word is not a person named in one other article",
			texts:    []string{"The analyst Tobias Ward said sales were weak, his firm said.", "Ward said the console would sell well."},
			person:   "Tobias Ward",
			articles: 1,
		},
		{
			name: "a person named in full in two articles is known by surname",
			texts: []string{
				"Senator Delia Swift said the bill would pass.",
				"Delia Swift told reporters the vote was close.",
				"Senator Swift said the vote would come on Friday.",
			},
			person:   "Delia Swift",
			articles: 3,
		},
		{
			name:     "a rare surname joins across articles",
			texts:    []string{"The analyst Tobias Quenneville said sales were weak.", "Quenneville said the console would sell well."},
			person:   "Tobias Quenneville",
			articles: 2,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := resolveTexts(tc.texts...)
			for _, n := range g.Nodes {
				if n.Name == tc.person {
					if n.Type != "Person" || len(n.Articles) != tc.articles {
						t.Errorf("%s: %s in articles %v, want a Person in %d", tc.person, n.Type, n.Articles, tc.articles)
					}
					return
				}
			}
			t.Errorf("%q not found", tc.person)
		})
	}
}
