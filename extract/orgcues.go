package extract

import (
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/lexicon"
)

// apposNouns are the organisation nouns that call the names around them
// companies whatever they look like ("the company X", "X, a startup").
var apposNouns = map[string]bool{"company": true, "firm": true, "startup": true, "start-up": true,
	"carrier": true, "retailer": true, "lender": true, "insurer": true, "automaker": true, "carmaker": true,
	"conglomerate": true, "airline": true, "manufacturer": true, "maker": true, "bank": true,
	"contractor": true, "supplier": true, "broadcaster": true, "publisher": true, "developer": true}

// companyPlurals: "the companies", "the firms", "the carriers".
var companyPlurals = map[string]bool{"companies": true, "firms": true, "startups": true, "carriers": true,
	"retailers": true, "lenders": true, "insurers": true, "automakers": true, "carmakers": true,
	"airlines": true, "manufacturers": true, "makers": true, "banks": true, "contractors": true,
	"suppliers": true, "broadcasters": true, "publishers": true}

// apposFollow may follow the noun of an apposition that names a company
// ("…, a startup that builds …", "…, a firm based in …").
var apposFollow = map[string]bool{"that": true, "which": true, "whose": true, "based": true, "behind": true,
	"in": true, "with": true, "from": true, "owned": true, "backed": true, "founded": true, "known": true,
	"specializing": true, "specialising": true, "making": true, "selling": true, "run": true, "led": true}

// peoplePlurals name people, not the companies after them.
var peoplePlurals = map[string]bool{"executives": true, "officials": true, "leaders": true, "chiefs": true,
	"founders": true, "people": true, "employees": true, "workers": true, "analysts": true, "investors": true,
	"bosses": true, "heads": true, "directors": true, "spokesmen": true, "spokespeople": true, "owners": true}

// countWords may stand between a determiner and a plural ("the three companies").
var countWords = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true,
	"seven": true, "eight": true, "nine": true, "ten": true}

// typeByContext retypes names typed Person (or untyped) as Institutions
// where the text calls them companies: a list followed by "the companies",
// an apposition ("X, a Texas-based maker of …"), an organisation noun
// before the name ("the company X", "investor X"). A name with a person's
// cue (a title, "Mr", "he"/"she" right after it) is never retyped.
func (x *articleState) typeByContext() {
	ents := x.res.Entities
	retype := map[int]bool{}
	for mi := range x.mentions {
		m := &x.mentions[mi]
		if m.Entity < 0 || ents[m.Entity].Type == tPlace || ents[m.Entity].Type == tDocument || ents[m.Entity].Type == tInstitution {
			continue
		}
		person := ents[m.Entity].Type == tPerson
		if !person && !x.nameLike(mi) {
			continue
		}
		if x.apposedCompany(m) || x.companyBefore(m) || person && x.itsAfter(m) {
			retype[m.Entity] = true
		}
	}
	for _, list := range x.mentionLists() {
		if !x.calledCompanies(list) {
			continue
		}
		for _, mi := range list {
			m := &x.mentions[mi]
			if m.Entity < 0 {
				continue
			}
			// a person's name, or an untyped name that looks like one
			if t := ents[m.Entity].Type; t == tPerson || t == "" && x.nameLike(mi) {
				retype[m.Entity] = true
			}
		}
	}
	for ei := range retype {
		if x.personCue(ei) {
			continue
		}
		e := &ents[ei]
		e.Type = tInstitution
		for _, mi := range e.Mentions {
			x.mentions[mi].Type = tInstitution
		}
	}
}

// personCue: some mention of entity ei has a title (other than "investor"
// for a name that starts with no given name) or is followed by "he", "she",
// "his" or "her" within three words ("X said he …").
func (x *articleState) personCue(ei int) bool {
	for _, mi := range x.res.Entities[ei].Mentions {
		m := x.mentions[mi]
		if m.Title != "" && !(m.Title == "investor" && !startsWithGiven(x.toks, m.Tok0, m.Tok1)) {
			return true
		}
		// "he"/"she" later in the sentence with no other person named
		// between: "X, a firm believer in tariffs, said he …"
		s := x.sents[m.Sentence]
		for k := m.Tok1; k < s.Tok1; k++ {
			if other := x.mentionStarting(k); other >= 0 && x.mentions[other].Type == tPerson {
				break
			}
			switch x.toks[k].Lower {
			case "he", "she", "his", "her", "himself", "herself":
				return true
			}
		}
	}
	return false
}

// apposedCompany: "X, a company …", "X, a Texas-based maker of …", "X, the
// firm behind …": an article, up to four lower-case modifiers, a company
// noun.
func (x *articleState) apposedCompany(m *Mention) bool {
	s := x.sents[m.Sentence]
	b := m.Tok1
	if b+2 >= s.Tok1 || x.toks[b].Text != "," {
		return false
	}
	switch x.toks[b+1].Lower {
	case "a", "an", "the":
	default:
		return false
	}
	for k := b + 2; k < s.Tok1 && k < b+7; k++ {
		t := x.toks[k]
		if apposNouns[t.Lower] {
			if k+1 >= s.Tok1 {
				return true
			}
			nx := x.toks[k+1]
			// "the company's founder", "a firm believer", "a bank clerk": the
			// noun modifies another
			if nx.Lower == "'s" || nx.Lower == "’s" || nx.Word && !nx.Cap && !stopModifiers[nx.Lower] && !apposFollow[nx.Lower] {
				return false
			}
			return true
		}
		if !t.Word || stopModifiers[t.Lower] || t.Cap && !strings.HasSuffix(t.Lower, "-based") {
			return false
		}
	}
	return false
}

// companyBefore: "the company X", "carrier X", "investor X" (a title the
// recogniser read as a person's): a company noun right before the name,
// not itself a possessive's owner ("the company's founder X").
func (x *articleState) companyBefore(m *Mention) bool {
	s := x.sents[m.Sentence]
	a := m.Tok0
	if a <= s.Tok0 {
		return false
	}
	p := x.toks[a-1]
	if p.Cap {
		return false
	}
	if m.Title == "investor" && m.TitleTok == a-1 && !startsWithGiven(x.toks, m.Tok0, m.Tok1) {
		return true
	}
	return apposNouns[p.Lower]
}

// mentionLists returns the runs of two or more mentions of one sentence
// joined by commas and "and" / "or".
func (x *articleState) mentionLists() [][]int {
	ms := x.mentions
	sep := func(a, b int) bool { return x.listSep(a, b, false) }
	var out [][]int
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && sep(j, j+1) {
			j++
		}
		if j > i {
			l := make([]int, 0, j-i+1)
			for k := i; k <= j; k++ {
				l = append(l, k)
			}
			out = append(out, l)
		}
		i = j + 1
	}
	return out
}

// calledCompanies: the list is followed, in its sentence or in the first
// words of the next, by "the companies", "both firms", "the three
// carriers" …, or preceded in its sentence by "the (five) companies —".
func (x *articleState) calledCompanies(list []int) bool {
	first, last := x.mentions[list[0]], x.mentions[list[len(list)-1]]
	si := last.Sentence
	plural := func(k, lim int) bool { // a determiner at k, a plural company noun after it
		if k >= lim {
			return false
		}
		switch x.toks[k].Lower {
		case "the", "both", "these", "those", "all":
		default:
			return false
		}
		k++
		if k < lim && countWords[x.toks[k].Lower] {
			k++
		}
		// (not "the companies' chief executives")
		return k < lim && companyPlurals[x.toks[k].Lower] && !(k+1 < len(x.toks) && (x.toks[k+1].Text == "'" || x.toks[k+1].Text == "’" || x.toks[k+1].Lower == "'s"))
	}
	s := x.sents[si]
	for k := last.Tok1; k < s.Tok1; k++ {
		if w := x.toks[k].Lower; peoplePlurals[w] || w == "who" || w == "whom" || lexicon.TitleWord(w) {
			break // "A and B, executives of the companies, said", "A and B, who run the companies"
		}
		if plural(k, s.Tok1) {
			return true
		}
	}
	if si+1 < len(x.sents) {
		n := x.sents[si+1]
		for k := n.Tok0; k < n.Tok1 && k < n.Tok0+3; k++ {
			if plural(k, n.Tok1) {
				return true
			}
		}
	}
	// "the nine companies selected a year ago: A, B and C", "the five
	// companies — A and B", "companies including A and B": a plural company
	// noun earlier in the sentence, a colon, a dash or "including" right
	// before the list, and no people named by a plural ("executives of the
	// companies: A and B")
	if k := first.Tok0 - 1; k > s.Tok0 {
		switch x.toks[k].Text {
		case ":", "—", "–", "including":
			found := false
			for j := k - 1; j >= s.Tok0 && j >= k-12; j-- {
				t := x.toks[j]
				if t.Text == "." || t.Text == ";" {
					break
				}
				if peoplePlurals[t.Lower] {
					return false
				}
				if companyPlurals[t.Lower] && !(j+1 < len(x.toks) && (x.toks[j+1].Text == "'" || x.toks[j+1].Text == "’")) {
					found = true
				}
			}
			return found
		}
	}
	return false
}

// itsAfter: a name that starts with no given name and is taken up by "its"
// or "it" right after it: "X and its partners", "X said it would cut …"
// (not "X said it would be a mistake", where "it" may be anything).
func (x *articleState) itsAfter(m *Mention) bool {
	if startsWithGiven(x.toks, m.Tok0, m.Tok1) || givenNameAny(x.toks[m.Tok0]) && m.Tok1-m.Tok0 == 1 {
		return false
	}
	s := x.sents[m.Sentence]
	w := func(k int) string {
		if k < s.Tok1 {
			return x.toks[k].Lower
		}
		return ""
	}
	b := m.Tok1
	if w(b) == "and" && w(b+1) == "its" {
		return true
	}
	if (w(b) == "said" || w(b) == "says") && w(b+1) == "it" {
		switch w(b + 2) {
		case "would", "will", "plans", "planned", "intends", "expects", "had", "has":
			nxt := w(b + 3)
			return nxt != "be" && nxt != "been" && nxt != "not" && nxt != "no" && nxt != ""
		}
	}
	return false
}

// mentionStarting returns the mention that starts at token k, or -1.
func (x *articleState) mentionStarting(k int) int {
	i := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].Tok0 >= k })
	if i < len(x.mentions) && x.mentions[i].Tok0 == k {
		return i
	}
	return -1
}
