package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/extract"
)

// checkTokens checks the offset invariants of Tokenize on text: every token
// is text[Start:End], tokens are in order and do not overlap, every
// sentence is text[Start:End] with no surrounding space, starts at its first
// token and ends at its last, stays on one line, and the sentences cover
// the tokens in order.
func checkTokens(t testing.TB, text string, toks []extract.Token, sents []extract.Sentence) {
	t.Helper()
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) {
			t.Fatalf("token %d %q: bad offsets [%d,%d) after %d", i, tk.Text, tk.Start, tk.End, prev)
		}
		if got := text[tk.Start:tk.End]; got != tk.Text {
			t.Fatalf("token %d: text[%d:%d] = %q, Text = %q", i, tk.Start, tk.End, got, tk.Text)
		}
		prev = tk.End
	}
	next := 0
	for i, s := range sents {
		if s.Tok0 != next || s.Tok1 <= s.Tok0 || s.Tok1 > len(toks) {
			t.Fatalf("sentence %d: tokens [%d,%d), want to start at %d (of %d)", i, s.Tok0, s.Tok1, next, len(toks))
		}
		next = s.Tok1
		if s.Start != toks[s.Tok0].Start || s.End != toks[s.Tok1-1].End {
			t.Fatalf("sentence %d: bytes [%d,%d) but tokens span [%d,%d)", i, s.Start, s.End, toks[s.Tok0].Start, toks[s.Tok1-1].End)
		}
		got := text[s.Start:s.End]
		if strings.TrimSpace(got) != got {
			t.Fatalf("sentence %d %q has surrounding space", i, got)
		}
		if strings.Contains(got, "\n") {
			t.Fatalf("sentence %d %q crosses a line", i, got)
		}
	}
	if next != len(toks) {
		t.Fatalf("sentences cover %d of %d tokens", next, len(toks))
	}
}

func TestTokenize(t *testing.T) {
	// Each case is a short text written for this test.
	cases := []struct {
		name  string
		text  string
		toks  []string // token texts, in order; nil: not checked
		sents []string // sentence texts, in order
		skip  string   // a known gap, documented
	}{
		{
			name:  "curly possessive splits off",
			text:  "Trump’s envoy arrived.",
			toks:  []string{"Trump", "’s", "envoy", "arrived", "."},
			sents: []string{"Trump’s envoy arrived."},
		},
		{
			name:  "straight possessive splits off",
			text:  "The firm's chief left.",
			toks:  []string{"The", "firm", "'s", "chief", "left", "."},
			sents: []string{"The firm's chief left."},
		},
		{
			name:  "plural possessive keeps the apostrophe apart",
			text:  "The bosses’ plan failed.",
			toks:  []string{"The", "bosses", "’", "plan", "failed", "."},
			sents: []string{"The bosses’ plan failed."},
		},
		{
			name:  "contractions stay whole",
			text:  "He wasn’t there and didn't call.",
			toks:  []string{"He", "wasn’t", "there", "and", "didn't", "call", "."},
			sents: []string{"He wasn’t there and didn't call."},
		},
		{
			name:  "inner apostrophe of a name",
			text:  "O’Brien spoke.",
			toks:  []string{"O’Brien", "spoke", "."},
			sents: []string{"O’Brien spoke."},
		},
		{
			name:  "dotted abbreviation is one word",
			text:  "The U.S. envoy and the U.K. minister met.",
			toks:  []string{"The", "U.S.", "envoy", "and", "the", "U.K.", "minister", "met", "."},
			sents: []string{"The U.S. envoy and the U.K. minister met."},
		},
		{
			name:  "dotted abbreviation ends a sentence before an opener",
			text:  "Growth slowed in the U.S. The rate fell.",
			sents: []string{"Growth slowed in the U.S.", "The rate fell."},
		},
		{
			name:  "dotted abbreviation at the end of the text",
			text:  "It ended in the U.S.",
			toks:  []string{"It", "ended", "in", "the", "U.S."},
			sents: []string{"It ended in the U.S."},
		},
		{
			name:  "hyphenated words stay whole",
			text:  "His son-in-law backed the 28-point plan.",
			toks:  []string{"His", "son-in-law", "backed", "the", "28-point", "plan", "."},
			sents: []string{"His son-in-law backed the 28-point plan."},
		},
		{
			name:  "ampersand inside a short capitalised name",
			text:  "AT&T and S&P gained.",
			toks:  []string{"AT&T", "and", "S&P", "gained", "."},
			sents: []string{"AT&T and S&P gained."},
		},
		{
			name:  "honorific and month abbreviations do not end sentences",
			text:  "Mr. Smith arrived on Nov. 27 in Lyon. He left.",
			sents: []string{"Mr. Smith arrived on Nov. 27 in Lyon.", "He left."},
		},
		{
			name:  "military title abbreviation",
			text:  "He met Gen. Jones at 3 p.m. Friday.",
			sents: []string{"He met Gen. Jones at 3 p.m. Friday."},
		},
		{
			name:  "single initial does not end a sentence",
			text:  "John F. Kennedy was president. He was young.",
			sents: []string{"John F. Kennedy was president.", "He was young."},
		},
		{
			name:  "closing curly quote stays with its sentence",
			text:  "She said: “It is over.” Then she left.",
			sents: []string{"She said: “It is over.”", "Then she left."},
		},
		{
			name:  "quoted sentence on its own",
			text:  "“We are done.” He left.",
			sents: []string{"“We are done.”", "He left."},
		},
		{
			name:  "closing parenthesis stays with its sentence",
			text:  "Ten people left (as expected.) Others stayed.",
			sents: []string{"Ten people left (as expected.)", "Others stayed."},
		},
		{
			name:  "exclamation, question and ellipsis",
			text:  "Stop! Did he go? Yes... Later, they met.",
			sents: []string{"Stop!", "Did he go?", "Yes...", "Later, they met."},
		},
		{
			name:  "lower-case word after a full stop does not split",
			text:  "He paid 5 dollars. and left",
			sents: []string{"He paid 5 dollars. and left"},
		},
		{
			name:  "multi-line paragraphs: a sentence never crosses a line",
			text:  "First paragraph without a stop\nSecond paragraph. It has two sentences.\n\nThird after a blank line.",
			sents: []string{"First paragraph without a stop", "Second paragraph.", "It has two sentences.", "Third after a blank line."},
		},
		{
			name:  "surrounding and non-breaking spaces are trimmed",
			text:  "  \u00a0Leading space.   Trailing space.  \n",
			sents: []string{"Leading space.", "Trailing space."},
		},
		{
			name:  "non-ASCII letters and combining marks",
			text:  "Zoë Müller met José Nuñez in Kraków.",
			toks:  []string{"Zoë", "Müller", "met", "José", "Nuñez", "in", "Kraków", "."},
			sents: []string{"Zoë Müller met José Nuñez in Kraków."},
		},
		{
			name:  "empty text",
			text:  "",
			toks:  []string{},
			sents: []string{},
		},
		{
			name:  "decimal number stays whole",
			text:  "Growth hit 4.5 percent in May.",
			toks:  []string{"Growth", "hit", "4.5", "percent", "in", "May", "."},
			sents: []string{"Growth hit 4.5 percent in May."},
			skip:  `known gap: "4.5" is split into "4" "." "5" and the sentence is cut after "4."`,
		},
		{
			name:  "quoted word no. ends a sentence",
			text:  `He said "no." She agreed.`,
			sents: []string{`He said "no."`, "She agreed."},
			skip:  `known gap: "no" is in the abbreviation list ("No. 5"), so "no." never ends a sentence`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks, sents := extract.Tokenize(tc.text)
			checkTokens(t, tc.text, toks, sents)
			var v verdict
			if tc.toks != nil {
				got := make([]string, len(toks))
				for i, tk := range toks {
					got[i] = tk.Text
				}
				if strings.Join(got, "|") != strings.Join(tc.toks, "|") {
					v.errorf("tokens:\n got %q\nwant %q", got, tc.toks)
				}
			}
			got := make([]string, len(sents))
			for i, s := range sents {
				got[i] = tc.text[s.Start:s.End]
			}
			if strings.Join(got, "|") != strings.Join(tc.sents, "|") {
				v.errorf("sentences:\n got %q\nwant %q", got, tc.sents)
			}
			v.report(t, tc.skip)
		})
	}
}

func TestTokenFlags(t *testing.T) {
	// Written for this test.
	text := "NATO’s chief met 12 envoys in Rome."
	toks, _ := extract.Tokenize(text)
	cases := []struct {
		name  string
		tok   int
		lower string
		word  bool
		cap   bool
		upper bool
		digit bool
	}{
		{"acronym", 0, "nato", true, true, true, false},
		{"possessive", 1, "'s", true, false, false, false},
		{"lower word", 2, "chief", true, false, false, false},
		{"number", 4, "12", true, false, false, true},
		{"capitalised", 7, "rome", true, true, false, false},
		{"full stop", 8, ".", false, false, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tk := toks[tc.tok]
			if tk.Lower != tc.lower || tk.Word != tc.word || tk.Cap != tc.cap || tk.Upper != tc.upper || tk.Digit != tc.digit {
				t.Errorf("token %q = {Lower %q Word %v Cap %v Upper %v Digit %v}, want {%q %v %v %v %v}",
					tk.Text, tk.Lower, tk.Word, tk.Cap, tk.Upper, tk.Digit, tc.lower, tc.word, tc.cap, tc.upper, tc.digit)
			}
		})
	}
}

func TestTokenParagraphs(t *testing.T) {
	// Written for this test: three lines, the second empty.
	text := "One line.\n\nTwo words."
	toks, sents := extract.Tokenize(text)
	wantPara := []int{0, 0, 0, 2, 2, 2}
	if len(toks) != len(wantPara) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(wantPara))
	}
	for i, tk := range toks {
		if tk.Para != wantPara[i] {
			t.Errorf("token %q: Para = %d, want %d", tk.Text, tk.Para, wantPara[i])
		}
	}
	if len(sents) != 2 || sents[0].Para != 0 || sents[1].Para != 2 {
		t.Errorf("sentences = %+v, want paragraphs 0 and 2", sents)
	}
}

// FuzzTokenize checks the offset invariants on any input.
func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Trump’s envoy met U.S. officials on Nov. 27.",
		"“Quoted.” Then (aside.) More... Yes!",
		"son-in-law 28-point AT&T O'Brien x's '",
		"a\nb\r\n\u00a0c\ufeff",
		"U.S", "U.", ".", "...", "’s", "-", "&",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // ingest guarantees valid UTF-8
		}
		toks, sents := extract.Tokenize(text)
		checkTokens(t, text, toks, sents)
	})
}
