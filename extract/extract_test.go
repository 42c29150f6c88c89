package extract_test

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

// checkResult checks the invariants of an extraction of text: mentions
// point back to the text, every index is in range, and each entity's
// mentions point back to it.
func checkResult(t testing.TB, text string, res *extract.Result) {
	t.Helper()
	for i, m := range res.Mentions {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("mention %d %q: bad offsets [%d,%d)", i, m.Text, m.Start, m.End)
		}
		if got := text[m.Start:m.End]; got != m.Text {
			t.Fatalf("mention %d: text[%d:%d] = %q, Text = %q", i, m.Start, m.End, got, m.Text)
		}
		if m.Sentence < 0 || m.Sentence >= len(res.Sentences) {
			t.Fatalf("mention %d %q: sentence %d of %d", i, m.Text, m.Sentence, len(res.Sentences))
		}
		if s := res.Sentences[m.Sentence]; m.Start < s.Start || m.End > s.End {
			t.Fatalf("mention %d %q [%d,%d) is outside its sentence [%d,%d)", i, m.Text, m.Start, m.End, s.Start, s.End)
		}
	}
	for ei, e := range res.Entities {
		if e.Name == "" || len(e.Mentions) == 0 {
			t.Fatalf("entity %d %+v: no name or no mention", ei, e)
		}
		for _, mi := range e.Mentions {
			if mi < 0 || mi >= len(res.Mentions) || res.Mentions[mi].Entity != ei {
				t.Fatalf("entity %d %q: mention %d does not point back to it", ei, e.Name, mi)
			}
		}
	}
	for i, r := range res.Relations {
		if r.Source < 0 || r.Source >= len(res.Entities) || r.Target < 0 || r.Target >= len(res.Entities) {
			t.Fatalf("relation %d %s: entity index out of range (%d, %d of %d)", i, r.Type, r.Source, r.Target, len(res.Entities))
		}
		if r.Sentence < 0 || r.Sentence >= len(res.Sentences) {
			t.Fatalf("relation %d %s: sentence %d of %d", i, r.Type, r.Sentence, len(res.Sentences))
		}
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Fatalf("relation %d %s: confidence %v outside (0, 1]", i, r.Type, r.Confidence)
		}
		if r.Status != "" && r.Status != "planned" {
			t.Fatalf("relation %d %s: status %q", i, r.Type, r.Status)
		}
	}
}

// verdict collects the failures of a case, so that a case marked as a
// known gap can be skipped with its failures, or flagged when it passes.
type verdict struct{ msgs []string }

func (v *verdict) errorf(format string, args ...any) {
	v.msgs = append(v.msgs, fmt.Sprintf(format, args...))
}

// report fails t with the failures, or for a known gap (skip != "") skips
// it, saying so when the gap seems fixed.
func (v *verdict) report(t testing.TB, skip string) {
	t.Helper()
	if skip != "" {
		if len(v.msgs) == 0 {
			t.Skipf("known gap seems fixed, remove the skip: %s", skip)
		}
		t.Skipf("%s\n%s", skip, strings.Join(v.msgs, "\n"))
	}
	for _, m := range v.msgs {
		t.Error(m)
	}
}

// entityStrings returns "Name/Type" for each entity ("Name/" when untyped).
func entityStrings(res *extract.Result) []string {
	out := make([]string, len(res.Entities))
	for i, e := range res.Entities {
		out[i] = e.Name + "/" + e.Type
	}
	return out
}

// relationStrings returns "TYPE Source -> Target" for each relation, with
// " (planned)" for a planned event; the two ends of a symmetric relation
// are sorted.
func relationStrings(s *schema.Schema, res *extract.Result) []string {
	out := make([]string, len(res.Relations))
	for i, r := range res.Relations {
		src, dst := res.Entities[r.Source].Name, res.Entities[r.Target].Name
		if rel, ok := s.Relation(r.Type); ok && rel.Symmetric && dst < src {
			src, dst = dst, src
		}
		out[i] = fmt.Sprintf("%s %s -> %s", r.Type, src, dst)
		if r.Status != "" {
			out[i] += " (" + r.Status + ")"
		}
	}
	return out
}

func TestRecognise(t *testing.T) {
	ex := extract.New(schema.Default())
	// Every text is a sentence written for this test (names invented).
	cases := []struct {
		name string
		text string
		want []string // "Name/Type" entities that must be found
		not  []string // names that must not be an entity of any type
		skip string   // a known gap, documented
	}{
		{
			name: "company, role, title, city",
			text: "Acme Corp chief executive Jane Doe met with Prime Minister John Smith in Paris.",
			want: []string{"Acme Corp/Institution", "Jane Doe/Person", "John Smith/Person", "Paris/Place"},
		},
		{
			name: "title before a name",
			text: "Foreign Minister Anna Berg said on Monday that the talks would continue.",
			want: []string{"Anna Berg/Person"},
			not:  []string{"Foreign Minister Anna Berg", "Monday"},
		},
		{
			name: "ministry of",
			text: "The Ministry of Defence said the exercise was over.",
			want: []string{"Ministry of Defence/Institution"},
		},
		{
			name: "cities from the gazetteer",
			text: "Protesters gathered in Madrid and Lisbon on Saturday.",
			want: []string{"Madrid/Place", "Lisbon/Place"},
			not:  []string{"Saturday", "Protesters"},
		},
		{
			name: "countries",
			text: "Officials from Brazil and Kenya signed the agreement.",
			want: []string{"Brazil/Place", "Kenya/Place"},
		},
		{
			name: "numbered plan with a modifier",
			text: "Negotiators discussed the revised 19-point plan in detail.",
			want: []string{"revised 19-point plan/Document"},
		},
		{
			name: "named document",
			text: "Both sides signed the Harbour Fisheries Agreement last year.",
			want: []string{"Harbour Fisheries Agreement/Document"},
		},
		{
			name: "legal suffix",
			text: "Northwind Logistics Ltd reported higher profits this year.",
			want: []string{"Northwind Logistics Ltd/Institution"},
		},
		{
			name: "said marks a person",
			text: "Rafael Ortega said the deal was fair.",
			want: []string{"Rafael Ortega/Person"},
		},
		{
			name: "the month May is no entity",
			text: "May was a difficult month for the company, the report said.",
			not:  []string{"May"},
		},
		{
			name: "acronym tied to its expansion",
			text: "The European Central Bank (ECB) raised rates, and the ECB said more rises were likely.",
			want: []string{"European Central Bank/Institution"},
			not:  []string{"ECB"},
		},
		{
			name: "surname resolves to the full name",
			text: "Finance Minister Laura Keller spoke first. Keller said the budget was balanced.",
			want: []string{"Laura Keller/Person"},
			not:  []string{"Keller"},
		},
		{
			name: "demonym and government",
			text: "The talks were welcomed by the French government on Friday.",
			want: []string{"French government/Institution"},
		},
		{
			name: "name-heavy sentence",
			text: "Prime Minister Maria Lopez met Peter Brown in Paris.",
			want: []string{"Maria Lopez/Person", "Peter Brown/Person", "Paris/Place"},
		},
		{
			name: "sentence-initial given name that is also a common word",
			text: "Jane Doe said she would resign.",
			want: []string{"Jane Doe/Person"},
			skip: `known gap: "Jane" opening a sentence is taken for an ordinary word, leaving an untyped "Doe"`,
		},
		{
			name: "surname that is a month",
			text: "Theresa May met the delegation in the morning.",
			want: []string{"Theresa May/Person"},
		},
		{
			name: "date after an institution",
			text: "David Miller resigned as chairman of the Harbour Authority on Tuesday.",
			want: []string{"David Miller/Person", "Harbour Authority/Institution"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := ex.Extract(tc.text)
			checkResult(t, tc.text, res)
			var v verdict
			got := entityStrings(res)
			for _, w := range tc.want {
				if !slices.Contains(got, w) {
					v.errorf("missing entity %s; got %q", w, got)
				}
			}
			for _, n := range tc.not {
				for _, e := range res.Entities {
					if e.Name == n {
						v.errorf("unwanted entity %s/%s; got %q", n, e.Type, got)
					}
				}
			}
			v.report(t, tc.skip)
		})
	}
}

func TestRelate(t *testing.T) {
	s := schema.Default()
	ex := extract.New(s)
	// Every text is a sentence written for this test (names invented).
	// Relations are "TYPE Source -> Target", symmetric ends sorted.
	cases := []struct {
		name string
		text string
		ents []string // "Name/Type" entities that must be found (so that "none" means something)
		want []string // relations that must be found ("… -> *": any target)
		none []string // relation types that must not be found
		skip string
	}{
		{
			name: "met with, and a role before the name",
			text: "Acme Corp chief executive Jane Doe met with Prime Minister John Smith in Paris.",
			want: []string{"MET_WITH Jane Doe -> John Smith", "LED Jane Doe -> Acme Corp"},
		},
		{
			name: "held talks with",
			text: "Laura Keller held talks with Rafael Ortega in Berlin on Monday.",
			want: []string{"MET_WITH Laura Keller -> Rafael Ortega"},
			none: []string{"LED"},
		},
		{
			name: "a meeting between",
			text: "A meeting between Laura Keller and Rafael Ortega took place in Berlin.",
			want: []string{"MET_WITH Laura Keller -> Rafael Ortega"},
		},
		{
			name: "coordinated subjects met",
			text: "Maria Lopez and Peter Brown met in Berlin on Monday.",
			want: []string{"MET_WITH Maria Lopez -> Peter Brown"},
		},
		{
			name: "negated: did not meet",
			text: "Maria Lopez did not meet Peter Brown during the visit to Paris.",
			ents: []string{"Maria Lopez/Person", "Peter Brown/Person"},
			none: []string{"MET_WITH"},
		},
		{
			name: "denied meeting",
			text: "Laura Keller denied that she had met Rafael Ortega.",
			ents: []string{"Laura Keller/Person", "Rafael Ortega/Person"},
			none: []string{"MET_WITH"},
		},
		{
			name: "hypothetical: could meet",
			text: "Maria Lopez could meet Peter Brown in Paris next week.",
			ents: []string{"Maria Lopez/Person", "Peter Brown/Person"},
			none: []string{"MET_WITH"},
		},
		{
			name: "hypothetical: would meet in reported speech",
			text: "Maria Lopez said she would meet Peter Brown.",
			ents: []string{"Maria Lopez/Person", "Peter Brown/Person"},
			none: []string{"MET_WITH"},
		},
		{
			name: "planned: will meet",
			text: "Maria Lopez will meet Peter Brown in Paris on Friday.",
			want: []string{"MET_WITH Maria Lopez -> Peter Brown (planned)"},
		},
		{
			name: "resigned, with the post given before",
			text: "David Miller, the chairman of the Harbour Authority, resigned on Tuesday.",
			want: []string{"RESIGNED David Miller -> Harbour Authority", "LED David Miller -> Harbour Authority"},
		},
		{
			name: "stepped down from",
			text: "Laura Keller stepped down from the board of Northwind Logistics last week.",
			want: []string{"RESIGNED Laura Keller -> Northwind Logistics"},
		},
		{
			name: "resigned with no post named",
			text: "David Miller resigned on Tuesday after a long dispute.",
			ents: []string{"David Miller/Person"},
			want: []string{"RESIGNED David Miller -> *"},
			skip: "known gap: RESIGNED needs a target; a resignation with no post or institution in the sentence yields no relation",
		},
		{
			name: "resigned from, then a date",
			text: "Maria Lopez resigned from Acme Corp on Tuesday.",
			want: []string{"RESIGNED Maria Lopez -> Acme Corp"},
		},
		{
			name: "X, the chief executive of Y",
			text: "Laura Keller, the chief executive of Northwind Logistics, said the results were strong.",
			want: []string{"LED Laura Keller -> Northwind Logistics"},
		},
		{
			name: "X, CEO of Y",
			text: "Laura Keller, CEO of Northwind Logistics, said the results were strong.",
			want: []string{"LED Laura Keller -> Northwind Logistics"},
		},
		{
			name: "X, head of Y",
			text: "The talks were led by Mark Lee, the head of the Northern Fishing Council.",
			want: []string{"LED Mark Lee -> Northern Fishing Council"},
		},
		{
			name: "Y's spokesman X",
			text: "Acme Corp’s spokesman Peter Brown said the company would appeal.",
			want: []string{"MEMBER_OF Peter Brown -> Acme Corp"},
			none: []string{"LED"},
		},
		{
			name: "X's son-in-law Z",
			text: "Senator Mary Jones’s son-in-law Tom Green joined the campaign.",
			want: []string{"RELATIVE_OF Tom Green -> Mary Jones"},
		},
		{
			name: "the 12-point plan proposed by Y",
			text: "The 12-point plan proposed by Foreign Minister Anna Berg was rejected.",
			want: []string{"PROPOSED Anna Berg -> 12-point plan"},
		},
		{
			name: "Y proposed a plan",
			text: "Foreign Minister Anna Berg proposed a 12-point plan on Monday.",
			want: []string{"PROPOSED Anna Berg -> 12-point plan"},
		},
		{
			name: "put forward by an institution",
			text: "The 5-point proposal was put forward by the European Commission in March.",
			want: []string{"PROPOSED European Commission -> 5-point proposal"},
		},
		{
			name: "X is the mayor of a city",
			text: "Martin Novak is the mayor of Szeged, the city council said.",
			want: []string{"LED Martin Novak -> Szeged"},
		},
		{
			name: "the ROLE of ORG, X,",
			text: "The chief executive of Northwind Logistics, David Miller, resigned on Monday after the company reported losses.",
			want: []string{"RESIGNED David Miller -> Northwind Logistics", "LED David Miller -> Northwind Logistics"},
		},
		{
			name: "a spokeswoman for ORG, X,",
			text: "A spokeswoman for Harbour Freight Group, Emma Lind, said no decision had been taken.",
			want: []string{"MEMBER_OF Emma Lind -> Harbour Freight Group"},
		},
		{
			name: "X's brother, Z,",
			text: "Officials said Daniel Novak’s brother, Martin Novak, is the mayor of Szeged.",
			want: []string{"RELATIVE_OF Martin Novak -> Daniel Novak"},
		},
		{
			name: "X of COUNTRY and Y met",
			text: "President Tomas Varga of Hungary and Prime Minister Maria Lopez met in Vienna on Friday to discuss the river.",
			want: []string{"MET_WITH Maria Lopez -> Tomas Varga", "LED Tomas Varga -> Hungary"},
			skip: `known gap: "PERSON of COUNTRY and PERSON met": the coordination across "of Hungary" is not seen, nor "President … of Hungary" as LED`,
		},
		{
			name: "number written as a word",
			text: "The five-point proposal was put forward by the European Commission in March.",
			want: []string{"PROPOSED European Commission -> five-point proposal"},
		},
		{
			name: "fired",
			text: "Officials said Maria Lopez fired Peter Brown last week.",
			want: []string{"DISMISSED Maria Lopez -> Peter Brown"},
		},
		{
			name: "replaced by",
			text: "Peter Brown was replaced by Anna Berg.",
			want: []string{"REPLACED Anna Berg -> Peter Brown"},
		},
		{
			name: "will replace is planned",
			text: "The board said Laura Keller will replace David Miller as chairman.",
			want: []string{"REPLACED Laura Keller -> David Miller (planned)"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := ex.Extract(tc.text)
			checkResult(t, tc.text, res)
			var v verdict
			ents := entityStrings(res)
			for _, w := range tc.ents {
				if !slices.Contains(ents, w) {
					v.errorf("missing entity %s; got %q", w, ents)
				}
			}
			got := relationStrings(s, res)
			for _, w := range tc.want {
				match := func(g string) bool { return g == w }
				if p, ok := strings.CutSuffix(w, "*"); ok {
					match = func(g string) bool { return strings.HasPrefix(g, p) }
				}
				if !slices.ContainsFunc(got, match) {
					v.errorf("missing relation %s; got %q", w, got)
				}
			}
			for _, typ := range tc.none {
				for _, g := range got {
					if strings.HasPrefix(g, typ+" ") {
						v.errorf("unwanted relation %s", g)
					}
				}
			}
			if len(tc.want) == 0 && len(tc.none) == 0 {
				t.Fatal("case asserts no relation")
			}
			v.report(t, tc.skip)
		})
	}
}

// TestUserRelation shows that a relation added to the schema YAML is
// extracted with no change to the code.
func TestUserRelation(t *testing.T) {
	yaml := string(schema.DefaultYAML()) + `
  - name: ACQUIRED
    source: [Institution]
    target: [Institution]
    triggers:
      active: [acquired, bought, took over]
`
	s, err := schema.Parse("user.yaml", []byte(yaml))
	if err != nil {
		t.Fatal(err)
	}
	ex := extract.New(s)
	// Written for this test.
	cases := []struct {
		name, text string
		want       string
		skip       string
	}{
		{name: "acquired", text: "Acme Corp acquired Beta Industries in March, the companies said.", want: "ACQUIRED Acme Corp -> Beta Industries"},
		{name: "bought", text: "Earlier this year Northwind Logistics Ltd bought Harbour Freight Group for an undisclosed sum.", want: "ACQUIRED Northwind Logistics Ltd -> Harbour Freight Group"},
		{
			name: "short sentence", text: "Acme Corp acquired Beta Industries in March.", want: "ACQUIRED Acme Corp -> Beta Industries",
			skip: "known gap: five capitalised words of seven: the sentence is taken for a headline and yields nothing",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := ex.Extract(tc.text)
			checkResult(t, tc.text, res)
			var v verdict
			if got := relationStrings(s, res); !slices.Contains(got, tc.want) {
				v.errorf("missing %s; got %q (entities %q)", tc.want, got, entityStrings(res))
			}
			if got := relationStrings(schema.Default(), extract.New(schema.Default()).Extract(tc.text)); slices.ContainsFunc(got, func(r string) bool { return strings.HasPrefix(r, "ACQUIRED") }) {
				v.errorf("the default schema extracts ACQUIRED: %q", got)
			}
			v.report(t, tc.skip)
		})
	}
}

// TestExtractDeterministic extracts the same text twice, and on two
// extractors used at once, and compares the results.
func TestExtractDeterministic(t *testing.T) {
	// Written for this test: several entities, an acronym, short forms.
	text := "The European Central Bank (ECB) said on Monday that Finance Minister Laura Keller met ECB president Rafael Ortega in Frankfurt.\n" +
		"Keller and Ortega discussed the revised 12-point plan. Acme Corp’s spokesman Peter Brown said Acme Corp would comment later.\n" +
		"Ortega will meet Maria Lopez of the Northern Fishing Council next week."
	ex := extract.New(schema.Default())
	want := ex.Extract(text)
	checkResult(t, text, want)
	results := make(chan *extract.Result, 4)
	for range 4 {
		go func() { results <- ex.Extract(text) }()
	}
	for range 4 {
		if got := <-results; !reflect.DeepEqual(got, want) {
			t.Fatalf("extraction differs between runs:\n got %+v\nwant %+v", got.Relations, want.Relations)
		}
	}
}

// FuzzExtract checks that extraction never panics and keeps its offsets on
// any valid UTF-8 input.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"Acme Corp chief executive Jane Doe met with Prime Minister John Smith in Paris.",
		"The European Central Bank (ECB) said the ECB would act. Keller’s son-in-law left.",
		"A meeting between Laura Keller and Rafael Ortega. The 12-point plan proposed by Anna Berg.",
		"“ ( ) ’s U.S. - & …", "Mr", "(ECB)", "a (B) c",
	} {
		f.Add(s)
	}
	ex := extract.New(schema.Default())
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // ingest guarantees valid UTF-8
		}
		checkResult(t, text, ex.Extract(text))
	})
}
