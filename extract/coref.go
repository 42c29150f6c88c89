package extract

import (
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
)

// One small coreference step for the relation rules: "he"/"she" and "the
// president" resolve to a person named before only when exactly one person
// is a plausible antecedent. A wrong edge is worse than a missed one, so
// every doubt resolves to nothing (-1).

// officeTitles are the titles of the schema's Person cues that name one
// holder in a story when written "the TITLE" with no name after them.
var officeTitles = map[string]bool{
	"president": true, "vice president": true, "prime minister": true, "premier": true, "vice premier": true,
	"chancellor": true, "minister": true, "foreign minister": true, "finance minister": true,
	"defence minister": true, "defense minister": true, "interior minister": true, "secretary of state": true,
	"senator": true, "governor": true, "mayor": true, "king": true, "queen": true, "pope": true,
	"ambassador": true, "attorney general": true, "chief executive": true, "chief executive officer": true,
	"ceo": true, "chairman": true, "chairwoman": true, "president-elect": true,
}

// officeKey folds the spellings of one office together.
func officeKey(t string) string {
	switch t {
	case "chief executive", "chief executive officer":
		return "ceo"
	case "defence minister":
		return "defense minister"
	}
	return t
}

// sentOfTok returns the index of the sentence holding token j.
func (x *articleState) sentOfTok(j int) int {
	return sort.Search(len(x.sents), func(k int) bool { return x.sents[k].Tok1 > j })
}

// inQuote reports whether token j of sentence s may be inside a quotation:
// an opening mark before it not closed, a closing mark after it not opened
// (a quotation of several sentences), or an odd count of straight quotes.
func (x *articleState) inQuote(j int, s Sentence) bool {
	open, straight := false, 0
	for k := s.Tok0; k < s.Tok1; k++ {
		switch x.toks[k].Text {
		case "“":
			if k < j {
				open = true
			}
		case "”":
			if k < j {
				open = false
			} else if !open {
				return true
			}
		case "\"":
			straight++
			if k < j {
				open = !open
			}
		}
	}
	return open || straight%2 == 1
}

// personsIn lists the distinct person entities named in sentence si before
// token end (other than entity exclude), with the last mention of each.
// A person whose given name is usually of the other sex than the pronoun's
// is no antecedent ("Elizabeth Warren" for "he").
func (x *articleState) personsIn(si, end, exclude int, g lexicon.Gender) (ents, last []int) {
	for _, mi := range x.bySent[si] {
		m := x.mentions[mi]
		if m.Tok1 > end || m.Entity < 0 || m.Entity == exclude || x.res.Entities[m.Entity].Type != tPerson {
			continue
		}
		if g != lexicon.Unisex && otherSex(x.res.Entities[m.Entity].Name, g) {
			continue
		}
		if k := indexInt(ents, m.Entity); k >= 0 {
			last[k] = mi
			continue
		}
		ents = append(ents, m.Entity)
		last = append(last, mi)
	}
	return ents, last
}

// possPreps join a name to a possessive pronoun that is the name's own.
var possPreps = map[string]bool{"on": true, "over": true, "about": true, "for": true, "with": true}

// otherSex reports whether the given name opening name is usually borne by
// the other sex than g (a unisex or unknown name is of neither).
func otherSex(name string, g lexicon.Gender) bool {
	first, _, _ := strings.Cut(name, " ")
	ng, ok := lexicon.GivenNameGender(first)
	return ok && g != lexicon.Unisex && ng != lexicon.Unisex && ng != g
}

func indexInt(list []int, v int) int {
	for i, w := range list {
		if w == v {
			return i
		}
	}
	return -1
}

// pronounRef resolves the "he"/"she" (or "his"/"her") at token j to a
// person mention, or -1. The antecedent is the one person (other than entity
// exclude) named before it in its sentence; with none there, the one person
// named in the sentence before, or, for a pronoun opening its sentence in
// the same paragraph, that sentence's subject. A pronoun inside a quotation
// names someone other than the speaker, so it resolves to nothing.
func (x *articleState) pronounRef(j, exclude int) int {
	si := x.sentOfTok(j)
	if si >= len(x.sents) {
		return -1
	}
	s := x.sents[si]
	if x.inQuote(j, s) {
		return -1
	}
	g := lexicon.Unisex
	switch x.toks[j].Lower {
	case "he", "his":
		g = lexicon.Male
	case "she", "her":
		g = lexicon.Female
	}
	if w := x.toks[j].Lower; (w == "his" || w == "her") && j-2 >= s.Tok0 && possPreps[x.toks[j-1].Lower] {
		// "hammered Bevin on his plan": the person right before the
		// preposition owns what follows (whatever the given name says: the
		// construction is stronger than the lexicon's usual sex of a name)
		for _, mi := range x.bySent[si] {
			if m := x.mentions[mi]; m.Tok1 == j-1 && m.Entity >= 0 && m.Entity != exclude && x.res.Entities[m.Entity].Type == tPerson {
				return mi
			}
		}
	}
	ents, last := x.personsIn(si, j, exclude, g)
	switch {
	case len(ents) == 1:
		return last[0]
	case len(ents) > 1 || si == 0:
		return -1
	}
	p := x.sents[si-1]
	ents, last = x.personsIn(si-1, p.Tok1, exclude, g)
	switch {
	case len(ents) == 1:
		return last[0]
	case len(ents) > 1 && j == s.Tok0 && p.Para == s.Para:
		// "Smith met Jones on Monday. He said …": the subject of the
		// sentence before, a name opening it
		if l := x.bySent[si-1]; len(l) > 0 {
			m := x.mentions[l[0]]
			if (m.Tok0 == p.Tok0 || m.TitleTok == p.Tok0) && m.Entity >= 0 && m.Entity != exclude &&
				x.res.Entities[m.Entity].Type == tPerson && !x.possessor(l[0]) && !otherSex(x.res.Entities[m.Entity].Name, g) {
				return l[0]
			}
		}
	}
	return -1
}

// officeAt matches "the TITLE" or "the company's TITLE" at token j ("the
// president", "the chief executive") with no name after it, returning the
// title and its end, or -1.
func (rl *relater) officeAt(x *articleState, j int, s Sentence, mentionAt []int) (string, int) {
	if x.toks[j].Lower != "the" || j+1 >= s.Tok1 || mentionAt[j+1] >= 0 {
		return "", -1
	}
	t0 := j + 1
	if t0+2 < s.Tok1 && companyNouns[x.toks[t0].Lower] && (x.toks[t0+1].Lower == "'s" || x.toks[t0+1].Lower == "’s") {
		t0 += 2 // "the company's chief executive"
	}
	e := rl.offices.match(x.toks, t0, s.Tok1)
	if e < 0 {
		return "", -1
	}
	if e < s.Tok1 {
		n := x.toks[e]
		if mentionAt[e] >= 0 || n.Cap || n.Lower == "of" || n.Lower == "'s" || n.Lower == "’s" || n.Lower == "-" || strings.HasPrefix(n.Lower, "-") {
			return "", -1 // "the president of Acme", "the president's …", a name after
		}
	}
	var words []string
	for k := t0; k < e; k++ {
		words = append(words, x.toks[k].Lower)
	}
	return officeKey(strings.Join(words, " ")), e
}

// officeRef resolves "the TITLE" at token j to the one person the article
// gives that title ("President X", "X, the company's chief executive")
// before it, or -1 when no one or several people hold it.
func (x *articleState) officeRef(title string, j int) int {
	pos := x.toks[j].Start
	ent, ref := -1, -1
	take := func(mi int) bool {
		m := x.mentions[mi]
		if m.Entity < 0 || x.res.Entities[m.Entity].Type != tPerson {
			return true
		}
		if ent >= 0 && m.Entity != ent {
			return false // two holders: no way to tell
		}
		ent = m.Entity
		if m.Start < pos {
			ref = mi
		}
		return true
	}
	for mi, m := range x.mentions {
		if m.Title != "" && officeKey(m.Title) == title && !take(mi) {
			return -1
		}
	}
	for _, rl := range x.roleLinks {
		if officeKey(rl.role) == title && !take(rl.person) {
			return -1
		}
	}
	return ref
}
