package extract

import "strings"

// documents finds numbered plans ("the revised 19-point plan", "a 28-point
// peace proposal") in sentence si. Capitalised document names ("Paris
// Agreement") are found by classify.
func (r *recogniser) documents(x *articleState, si int) {
	toks := x.toks
	s := x.sents[si]
	for i := s.Tok0; i < s.Tok1; i++ {
		t := toks[i]
		if !strings.HasSuffix(t.Lower, "-point") || !(t.Digit || numberWords[strings.TrimSuffix(t.Lower, "-point")]) {
			continue
		}
		// head: up to two modifiers then a document head
		e := i + 1
		for e < s.Tok1 && e < i+3 && r.docMods[toks[e].Lower] && !r.docHeads[toks[e].Lower] {
			e++
		}
		if e >= s.Tok1 || !r.docHeads[toks[e].Lower] {
			continue
		}
		// compound heads: "peace deal" — take the last head word of a run
		for e+1 < s.Tok1 && r.docHeads[toks[e+1].Lower] && toks[e+1].Lower != "statement" {
			e++
		}
		a := i
		for a-1 >= s.Tok0 && r.docMods[toks[a-1].Lower] && !toks[a-1].Cap {
			a--
		}
		m := Mention{Start: toks[a].Start, End: toks[e].End, Sentence: si, Tok0: a, Tok1: e + 1, Type: tDocument, Strong: true, TitleTok: -1, Entity: -1}
		m.Text = x.text[m.Start:m.End]
		m.Name = m.Text
		x.mentions = append(x.mentions, m)
		i = e
	}
}

// docKey gives numbered plans one key per number ("28-point plan",
// "original 28-point peace proposal" → "28-point plan").
func docKey(name string) string {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if strings.HasSuffix(w, "-point") && len(w) > 6 {
			return w + " plan"
		}
	}
	return ""
}

// numberWords spell the numbers of "five-point plan".
var numberWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true,
	"fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true,
	"twenty": true}
