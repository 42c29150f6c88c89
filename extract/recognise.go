package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/schema"
)

// Entity type names of the news schema the recogniser assigns.
const (
	tPerson      = "Person"
	tInstitution = "Institution"
	tPlace       = "Place"
	tDocument    = "Document"
)

// Mention is one occurrence of an entity in an article.
type Mention struct {
	Start, End int    // byte offsets of the name in the article text
	Text       string // text[Start:End]
	Name       string // the name without titles, possessives or "the"
	Type       string // entity type, "" when unknown
	Sentence   int    // index into Result.Sentences
	Tok0, Tok1 int    // tokens of the name
	Entity     int    // index into Result.Entities after in-article resolution
	Title      string // lower-case title or role written before the name
	TitleTok   int    // first token of that title, -1 if none
	Strong     bool   // typed by a strong cue (title, head word, lexicon)
	Acronym    bool
}

// recogniser holds the compiled cues of a schema.
type recogniser struct {
	titles      *phraseSet
	personAfter map[string]bool
	orgHeads    map[string]bool
	placeSuffix map[string]bool
	placeHeads  map[string]bool
	placeBefore map[string]bool
	orgAfter    map[string]bool
	docHeads    map[string]bool
	docMods     map[string]bool
	orgBefore   map[string]bool
}

func newRecogniser(s *schema.Schema) *recogniser {
	r := &recogniser{}
	var titles []string
	cue := func(name string) schema.Cues {
		if e, ok := s.Entity(name); ok {
			return e.Cues
		}
		return schema.Cues{}
	}
	p, in, pl, d := cue(tPerson), cue(tInstitution), cue(tPlace), cue(tDocument)
	titles = append(titles, p.Titles...)
	for _, rel := range s.Relations {
		titles = append(titles, rel.Roles...)
	}
	r.titles = newPhraseSet(titles)
	r.personAfter = wordSet(p.VerbsAfter)
	r.orgHeads = wordSet(in.Heads)
	r.orgAfter = wordSet(in.VerbsAfter)
	r.orgBefore = wordSet(in.WordsBefore)
	r.placeSuffix = wordSet(pl.Suffixes)
	r.placeHeads = wordSet(pl.Heads)
	r.placeBefore = wordSet(pl.WordsBefore)
	r.docHeads = wordSet(d.Heads)
	r.docMods = wordSet(d.Modifiers)
	return r
}

// Words that are never entity names on their own, whatever their case.
var notNames = map[string]bool{
	"i": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "january": true, "february": true, "march": true, "april": true,
	"may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"he": true, "she": true, "it": true, "they": true, "we": true, "you": true, "his": true, "her": true,
	"their": true, "our": true, "its": true, "mr": true, "mrs": true, "ms": true, "dr": true, "am": true,
	"pm": true, "a.m.": true, "p.m.": true, "ok": true, "okay": true, "oh": true, "yes": true, "no": true,
	"lt": true, "col": true, "gen": true, "sgt": true, "capt": true, "maj": true, "cmdr": true, "adm": true,
	"sen": true, "rep": true, "gov": true, "sens": true, "reps": true, "rt": true, "hon": true, "jr": true, "sr": true,
	"god": true, "christmas": true, "easter": true, "diwali": true, "hanukkah": true, "ramadan": true,
	"thanksgiving": true, "halloween": true, "passover": true, "kwanzaa": true, "today": true, "tomorrow": true, "yesterday": true,
	"advertisement": true, "read": true, "more": true, "click": true, "photo": true, "video": true,
	"image": true, "getty": true, "images": true, "share": true, "subscribe": true, "min": true,
}

// inner particles allowed inside a name between capitalised words.
var nameParticles = map[string]bool{"de": true, "da": true, "di": true, "du": true, "van": true, "von": true,
	"der": true, "den": true, "bin": true, "ibn": true, "al": true, "el": true, "la": true, "le": true,
	"dos": true, "das": true, "del": true, "della": true, "ter": true, "bint": true, "abu": true, "ten": true,
	"zu": true, "af": true, "op": true}

// connectors joining two capitalised runs into one organisation or place name.
var nameConnectors = map[string]bool{"of": true, "for": true, "and": true, "&": true, "on": true}

func isCapWord(t *Token) bool {
	if !t.Word || !t.Cap && !t.Upper || t.Lower == "'s" {
		return false
	}
	if i := strings.LastIndexByte(t.Lower, '-'); i > 0 && adjSuffix[t.Lower[i+1:]] {
		return false // "London-based", "Kremlin-backed"
	}
	if lowerCompound(t.Text) {
		return false // "Day-by-day", "Face-to-face": a phrase, no name
	}
	if len(t.Text) >= 3 && len(t.Text) <= 8 && t.Text[1] == '-' && (t.Text[0] == 'R' || t.Text[0] == 'D' || t.Text[0] == 'I') && t.Cap {
		return false // party and state of a US lawmaker: "(R-Texas)", "D-NY"
	}
	return true
}

// lowerCompound reports a hyphenated word whose later parts are all lower
// case and one of them a function word ("Day-by-day", "Up-to-date"), unlike
// names ("Ocasio-Cortez", "Stoke-on-Trent").
func lowerCompound(w string) bool {
	if strings.Count(w, "-") < 2 {
		return false
	}
	parts := strings.Split(w, "-")
	fn := false
	for _, p := range parts[1:] {
		if p == "" || strings.ToLower(p) != p {
			return false
		}
		fn = fn || functionWords[p] || p == "by"
	}
	return fn
}

// adjSuffix: second parts of hyphenated adjectives made from names.
var adjSuffix = map[string]bool{"based": true, "backed": true, "led": true, "owned": true, "run": true,
	"born": true, "speaking": true, "era": true, "style": true, "linked": true, "controlled": true,
	"funded": true, "made": true, "bound": true, "related": true, "focused": true, "friendly": true,
	"allied": true, "held": true, "occupied": true, "annexed": true, "aligned": true, "sponsored": true,
	"dominated": true, "majority": true, "leaning": true, "inspired": true, "themed": true, "bred": true,
	"educated": true, "affiliated": true, "minded": true, "centric": true, "wide": true, "like": true,
	"raked": true, "winning": true, "leading": true, "nominated": true, "listed": true, "headquartered": true}

// eventHeads end names of events, which are not entities of the schema.
var eventHeads = map[string]bool{"thanksgiving": true, "christmas": true, "easter": true, "ramadan": true,
	"holiday": true, "holidays": true, "festival": true, "cup": true, "finals": true, "final": true, "championship": true,
	"championships": true, "games": true, "olympics": true, "tournament": true, "open": true, "series": true,
	"prix": true, "award": true, "awards": true, "war": true, "wars": true, "election": true, "summit": true,
	"conference": true, "show": true, "week": true, "day": true, "marathon": true, "derby": true}

// chunk is a run of capitalised tokens [a, b) within a sentence.
type chunk struct{ a, b int }

// recognise finds the mentions of sentence si; x.known holds what the
// article's first pass typed with strong cues, for consistency.
func (r *recogniser) recognise(x *articleState, si int) {
	s := x.sents[si]
	toks := x.toks
	if x.headline(si) {
		return
	}
	chunks := r.chunks(toks, s.Tok0, s.Tok1)
	for _, c := range chunks {
		r.classifyChunk(x, si, c)
	}
	r.demonymInstitutions(x, si)
	r.documents(x, si)
}

// chunks returns the capitalised runs of tokens [lo, hi), joined across
// particles and connectors where that makes an organisation or place name.
func (r *recogniser) chunks(toks []Token, lo, hi int) []chunk {
	var runs []chunk
	for i := lo; i < hi; i++ {
		if !isCapWord(&toks[i]) {
			continue
		}
		j := i + 1
		for j < hi {
			if isCapWord(&toks[j]) && toks[j].Para == toks[i].Para {
				j++
				continue
			}
			// a middle initial: "John M. Ford"; an abbreviated first word of a
			// place: "St. Croix", "Mt. Everest"
			if toks[j].Text == "." && j+1 < hi && toks[j-1].End == toks[j].Start && (len(toks[j-1].Text) == 1 || j-1 == i && placeAbbrevs[toks[j-1].Text]) && toks[j-1].Cap && isCapWord(&toks[j+1]) {
				j++
				continue
			}
			// name particles: "Ursula von der Leyen", "al-Sudani"
			if toks[j].Word && nameParticles[toks[j].Lower] && !toks[j].Cap {
				k := j
				for k < hi && toks[k].Word && nameParticles[toks[k].Lower] && !toks[k].Cap {
					k++
				}
				if k < hi && isCapWord(&toks[k]) && k-j <= 2 {
					j = k
					continue
				}
			}
			break
		}
		runs = append(runs, chunk{i, j})
		i = j - 1
	}
	// join runs across connectors: "Ministry of Defence", "Secretary of State",
	// "National Security and Defense Council", "Gulf of Mexico".
	var out []chunk
	for k := 0; k < len(runs); k++ {
		c := runs[k]
		for k+1 < len(runs) && c.b-c.a <= 12 {
			n := runs[k+1]
			gap := n.a - c.b
			conn := toks[c.b]
			ok := false
			if gap == 1 && conn.Lower == "'s" && n.b-n.a <= 2 && r.orgHeads[toks[n.b-1].Lower] && !r.orgHeads[toks[c.b-1].Lower] && commonWord(toks[c.b-1]) && !givenNameAny(toks[c.b-1]) && len(toks[c.b-1].Text) > 3 {
				// "Magistrate's Court", "Children's Hospital"
				c = chunk{c.a, n.b}
				k++
				continue
			}
			if gap == 1 && conn.Text == "," && k+2 < len(runs) && r.orgHeads[toks[c.a].Lower] && strings.Contains(joinLower(toks[c.a:c.b]), " of ") {
				// "Ministry of Trade, Industry and Energy": the whole list
				n2 := runs[k+2]
				if n2.a-n.b == 1 && toks[n.b].Lower == "and" && n2.b-n2.a <= 2 && n.b-n.a <= 2 {
					c = chunk{c.a, n2.b}
					k += 2
					continue
				}
				break
			} else if gap == 1 && nameConnectors[conn.Lower] {
				ok = r.joinAcross(toks, c, n, conn.Lower)
			} else if gap == 2 && conn.Lower == "of" && toks[c.b+1].Lower == "the" {
				ok = r.joinAcross(toks, c, n, "of")
			}
			if !ok {
				break
			}
			c = chunk{c.a, n.b}
			k++
		}
		out = append(out, c)
	}
	return joinAcronymSpans(toks, out, hi)
}

// acronymConnectors are the lower-case words a name spelt out before its
// acronym may hold without a letter of their own.
var acronymConnectors = map[string]bool{"of": true, "for": true, "the": true, "to": true, "and": true, "on": true, "in": true, "&": true}

// joinAcronymSpans merges the chunks of a long name that its bracketed
// acronym spells out in full: "Society for the Prevention of Cruelty to
// Children (SPCC)" is one name, not four.
func joinAcronymSpans(toks []Token, cs []chunk, hi int) []chunk {
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		if c.b+2 >= hi || toks[c.b].Text != "(" || !toks[c.b+1].Upper || toks[c.b+2].Text != ")" {
			continue
		}
		acr := strings.ReplaceAll(toks[c.b+1].Text, ".", "")
		if len(acr) < 3 {
			continue
		}
		// walk back over capitalised words and connectors, matching initials
		n, p, start := len(acr), c.b-1, -1
		for p >= 0 && n > 0 {
			t := toks[p]
			if t.Word && t.Cap && t.Text[0] == acr[n-1] {
				n--
				if n == 0 {
					start = p
				}
			} else if !acronymConnectors[t.Lower] {
				break
			}
			p--
		}
		if start < 0 || start >= c.a {
			continue
		}
		j := i
		for j > 0 && cs[j-1].a >= start {
			j--
		}
		if cs[j].a != start {
			continue // the spelt-out name must open a chunk
		}
		merged := append(append([]chunk{}, cs[:j]...), chunk{start, c.b})
		cs = append(merged, cs[i+1:]...)
		i = j
	}
	return cs
}

func (r *recogniser) joinAcross(toks []Token, left, right chunk, conn string) bool {
	// a title phrase running across the connector: "Secretary of State …"
	for p := max(left.a, left.b-4); p < left.b; p++ {
		if e := r.titles.match(toks, p, min(right.b, p+8)); e > left.b+1 {
			return true
		}
	}
	lastL := toks[left.b-1].Lower
	lastR := toks[right.b-1].Lower
	switch conn {
	case "of", "for", "on":
		// "Ministry of …", "Bank of …", "Secretary of State", "Gulf of …", "University of …"
		if r.orgHeads[lastL] || r.placeHeads[lastL] || r.docHeads[lastL] {
			return true
		}
		if r.titles.has(lastL) && (lastR == "state" || right.b-right.a == 1 && commonWord(toks[right.a])) {
			// "Secretary of State", "Minister of Defence", "Chief of Staff"
			return right.b-right.a <= 3
		}
		return false
	default: // and, &
		// "National Security and Defense Council", "Procter & Gamble"
		if conn == "&" {
			return true
		}
		// a plural field word that is also an organisation head, before a
		// two-word head: "Securities and Exchange Commission"
		fieldPair := strings.HasSuffix(lastL, "s") && commonWord(toks[left.b-1]) && right.b-right.a == 2 &&
			commonWord(toks[right.a]) && r.orgHeads[lastR]
		if r.orgHeads[lastL] && !fieldPair || left.b-left.a > 3 || right.b-right.a < 2 {
			return false // "McClatchy and Tribune", "Miami Herald and Kansas City Star" are two names
		}
		if toks[right.a].Lower == "the" || right.b-right.a >= 3 && givenNameAny(toks[right.a]) && !r.orgHeads[toks[right.a+1].Lower] {
			return false // "Acme and The Summit Group", "Acme and Jane Doe Productions": two names
		}
		for k := left.a; k < left.b; k++ {
			_, place := lexPlace(toks[k].Text)
			_, country := lexCountry(toks[k].Text)
			if !commonWord(toks[k]) && !place && !country {
				return false // "SpaceX and Tyvak Systems": two names
			}
		}
		for k := right.a; k < right.b && k < right.a+3; k++ {
			if r.orgHeads[toks[k].Lower] && toks[k].Lower != "house" {
				return true
			}
		}
		return false
	}
}

func (r *recogniser) classifyChunk(x *articleState, si int, c chunk) {
	toks := x.toks
	s := x.sents[si]
	a, b := c.a, c.b
	// sentence-initial ordinary words are not names: "The", "But", "Sunday's";
	// but "Pacific Gas & Electric Co." keeps its first word
	orgName := b-a >= 3 && (r.orgHeads[toks[b-1].Lower] || lexLegalSuffix(toks[b-1].Text))
	for a < b && r.ordinaryAt(x, a, s) && !(a+1 < b && capitalPronounName(toks, s, a)) {
		if toks[a].Lower == "former" && a+1 < b {
			a++ // "Former National Security Council official": an adjective, not part of the name
			continue
		}
		if rank, _ := lexCommonRank(toks[a].Lower); orgName && rank > 300 && !r.titles.has(toks[a].Lower) {
			break
		}
		a++
	}
	x.initial = a > c.a && c.a == s.Tok0 // "Latest News": what is left opened the sentence
	defer func() { x.initial = false }()
	// drop words that are never names, at either end
	for a < b && notNames[toks[a].Lower] && !(r.titles.has(toks[a].Lower) && a+1 < b) && !(a+1 < b && capitalPronounName(toks, s, a)) {
		a++ // but "Mr Rubio" keeps its honorific for the title logic below
	}
	for b > a && notNames[toks[b-1].Lower] {
		if b-a == 2 && givenNameAny(toks[a]) && !commonWord(toks[a]) && toks[b-1].Lower == "may" {
			break // "Theresa May"
		}
		if b-a >= 2 && capitalPronounName(toks, s, b-1) && allNameLike(toks[a:b-1]) {
			break // "vice-premier Liu He": a pronoun is never capitalised in mid-sentence
		}
		b--
	}
	// a connector left at the end: "Acme Corp on (Tuesday)"
	for b > a && (nameConnectors[toks[b-1].Lower] || nameParticles[toks[b-1].Lower] || toks[b-1].Lower == "the") {
		b--
	}
	// a country between an organisation and a role is the role's field:
	// "White House Russia adviser …", "National Security Council Ukraine expert"
	if b-a >= 3 && b < s.Tok1 && !toks[b].Cap && r.titles.has(toks[b].Lower) && (r.orgHeads[toks[b-2].Lower] || toks[b-2].Lower == "house") {
		if _, country := lexCountry(toks[b-1].Text); country {
			b--
		}
	}
	// a run too long to be one name ("Ministry of Alpha Ministry of Alpha …")
	if b-a > 12 {
		return
	}
	if a >= b {
		return
	}
	// a party before a name: "Republican Jane Doe won"
	if b-a >= 3 && b-a <= 4 && partyWords[toks[a].Lower] && givenNameAny(toks[a+1]) && allNameLike(toks[a+1:b]) && !r.orgHeads[toks[b-1].Lower] {
		a++
	}
	// a sports position before a name: "DL Sheldon Richardson"
	if b-a >= 3 && toks[a].Upper && len(toks[a].Text) <= 3 && givenNameAny(toks[a+1]) && !commonWord(toks[a]) && !r.titles.has(toks[a].Lower) {
		if _, country := lexCountry(toks[a].Text); !country {
			a++
		}
	}
	// A chunk can hold an organisation or place, a title and a name:
	// "National Security and Defense Council Secretary Rustem Umerov",
	// "Russian President Vladimir Putin", "Secretary of State Marco Rubio".
	ta, te := r.findTitle(toks, a, b)
	if ta >= 0 {
		if ta > a {
			r.prefixMention(x, si, a, ta)
		}
		r.addName(x, si, te, b, ta, joinLower(toks[ta:te]))
		return
	}
	// a title at the end: "U.S. Ambassador to …", "Disney Chairman" (but
	// not "Masayoshi Son": kinship words and given names)
	if tb := r.titles.matchEndingAt(toks, a+1, b); tb > a && !r.orgHeads[toks[b-1].Lower] && lexicon.TitleWord(toks[b-1].Lower) && !startsWithGiven(toks, a, tb) && !nameConnectors[toks[tb-1].Lower] && toks[tb-1].Lower != "the" {
		r.prefixMention(x, si, a, tb)
		return
	}
	// a place then a person: "special envoy to Ukraine Kurt Volker"
	for k := a + 1; k < b-1; k++ {
		if p, ok := lexPlace(spanText(toks, a, k)); ok && (isCountry(p) || p.Population >= 100000) {
			if _, longer := lexPlace(spanText(toks, a, k+1)); longer {
				continue // "San Jose …"
			}
			q := k
			if q+1 < b && toks[q].Upper && len(toks[q].Text) <= 3 {
				q++ // "Cleveland DL Larry Ogunjobi": a position between team and name
			}
			if _, given := givenName(toks[q]); given && b-q <= 3 && allNameLike(toks[q:b]) && !r.orgHeads[toks[b-1].Lower] {
				r.addName(x, si, a, k, -1, "")
				a = q
			}
			break
		}
	}
	// a lower-case title right before the chunk: "envoy Steve Witkoff"
	title, titleTok := "", -1
	if p := r.titles.matchEndingAt(toks, max(s.Tok0, a-4), a); p >= 0 && !toks[a-1].Cap && !(a-p == 1 && adjTitles[toks[p].Lower]) {
		title, titleTok = joinLower(toks[p:a]), p
		q := p - 1
		for q > s.Tok0 && roleMods[toks[q].Lower] {
			q--
		}
		if q >= s.Tok0 && toks[q].Cap {
			if _, ok := lexDemonym(toks[q].Text); ok && (q == s.Tok0 || !isCapWord(&toks[q-1])) {
				x.demonymMention(si, q) // "Russian special envoy Kirill Dmitriev"
			}
		}
	}
	// an abbreviated academic honorific: "Dr. Jane Doe" ("Mr." and "Ms."
	// are left to the resolution of surnames)
	if titleTok < 0 && a-2 >= s.Tok0 && toks[a-1].Text == "." && (toks[a-2].Text == "Dr" || toks[a-2].Text == "Prof") {
		title, titleTok = toks[a-2].Lower, a-2
	}
	// a given name in brackets between the title and the surname: "Coach
	// (Frank) Vogel"
	if titleTok < 0 && a-4 >= s.Tok0 && toks[a-1].Text == ")" && toks[a-3].Text == "(" && givenNameAny(toks[a-2]) && toks[a-2].Cap && r.titles.has(toks[a-4].Lower) {
		title, titleTok = toks[a-4].Lower, a-4
	}
	// a place's police force: "Hong Kong police said …"
	if titleTok < 0 && b < s.Tok1 && toks[b].Lower == "police" && !toks[b].Cap {
		if p, ok := lexPlace(spanText(toks, a, b)); ok && (b-a >= 2 || isCountry(p) || p.Population >= 100000) {
			b++
		}
	}
	r.addName(x, si, a, b, titleTok, title)
}

// capitalPronounName reports whether token i is "He" written with a capital
// in mid-sentence, not after an opening quote or a dash: a name ("Liu He",
// "He Lifeng"), since the pronoun is capitalised only where a sentence or a
// quote opens.
func capitalPronounName(toks []Token, s Sentence, i int) bool {
	t := toks[i]
	if t.Text != "He" {
		return false
	}
	if i == s.Tok0 || closers[toks[i-1].Text] || toks[i-1].Text == "“" {
		// opening a sentence: "He Jianxiong, the former director …", a
		// name of two words set off by a comma before its description
		if i+3 >= s.Tok1 || !isCapWord(&toks[i+1]) || toks[i+1].Upper || commonWord(toks[i+1]) || toks[i+2].Text != "," {
			return false
		}
		w := toks[i+3].Lower
		return w == "the" || w == "a" || w == "an" || w == "who"
	}
	p := toks[i-1]
	return p.Word || p.Text == ","
}

// ordinaryAt reports whether token i opens the sentence (or a quote) and is
// an ordinary English word rather than a name.
func (r *recogniser) ordinaryAt(x *articleState, i int, s Sentence) bool {
	toks := x.toks
	first := i == s.Tok0
	if !first {
		// after an opening quote or a dash at the start of a clause
		p := toks[i-1]
		first = !p.Word && (p.Text == "“" || p.Text == "\"" || p.Text == "‘" || p.Text == ":" || p.Text == "—" || p.Text == "(" || p.Text == "-" || p.Text == "–") && (i-1 == s.Tok0 || p.Text != "(")
	}
	if !first {
		return false
	}
	t := toks[i]
	if t.Upper && len(t.Text) > 1 {
		return false
	}
	if isContraction(t.Lower) {
		return true
	}
	if e := r.titles.match(toks, i, s.Tok1); e > 0 && e < s.Tok1 && isCapWord(&toks[e]) {
		return false // "President Donald Trump said …"
	}
	// "To LeBron James, …": a function word is no place ("Tô") nor name
	if rank, ok := lexCommonRank(t.Lower); ok && rank <= 100 && !x.capMid[t.Lower] {
		if _, given := givenName(t); !given || functionWords[t.Lower] {
			return true
		}
	}
	if _, ok := lexPlace(t.Text); ok {
		return false
	}
	if x.capMid[t.Lower] {
		return false // written with a capital in mid-sentence elsewhere: a name
	}
	if i+1 < s.Tok1 && x.capPairMid[t.Lower+" "+toks[i+1].Lower] {
		return false // "Blue Origin's …" after "SpaceX, Blue Origin and …"
	}
	if rank, ok := lexCommonRank(t.Lower); ok && rank <= 30000 {
		if _, given := givenName(t); given && i+1 < s.Tok1 && isCapWord(&toks[i+1]) {
			return false
		}
		return true
	}
	return false
}

// namedAfterHeads are lower-case nouns after a name that make it an
// institution named after a person ("Walter Reed hospital").
var namedAfterHeads = map[string]bool{"hospital": true, "clinic": true, "university": true, "college": true,
	"institute": true, "medical": true}

// statePlaceAfter reports whether tokens from b hold ", PLACE" naming a
// country, a state or a large city that closes the phrase: not followed by
// another ", PLACE" (in "Acme, Kent, Washington" only Kent is a town).
func statePlaceAfter(toks []Token, s Sentence, b int) bool {
	if b+1 >= s.Tok1 || toks[b].Text != "," || !isCapWord(&toks[b+1]) {
		return false
	}
	e := b + 1
	for e < s.Tok1 && e < b+4 && isCapWord(&toks[e]) {
		e++
	}
	p, ok := lexPlace(spanText(toks, b+1, e))
	if !ok || !(p.Kind == lexicon.Country || p.Kind == lexicon.Region || p.Kind == lexicon.City && p.Population >= 500000) {
		return false
	}
	if e < s.Tok1 {
		switch toks[e].Text {
		case ",":
			if e+1 < s.Tok1 && isCapWord(&toks[e+1]) {
				if _, more := lexPlace(toks[e+1].Text); more {
					return false
				}
			}
		case "and", ".", ";", ")", "(", "–", "—", "-", ":":
		default:
			if toks[e].Word && toks[e].Lower != "and" && toks[e].Lower != "or" {
				return false
			}
		}
	}
	return true
}

// placeAbbrevs open place names ("St. Croix", "Mt. Kenya", "Ft. Worth").
var placeAbbrevs = map[string]bool{"St": true, "Mt": true, "Ft": true, "Pt": true}

// partyWords name a party's member before a name ("Republican Jane Doe").
var partyWords = map[string]bool{"republican": true, "democrat": true, "democratic": true, "conservative": true,
	"labour": true, "liberal": true, "socialist": true, "tory": true}

// functionWords are prepositions, articles and conjunctions that open a
// sentence ("In Kentucky, …"): never a given name there, whatever the
// lexicon of names holds ("In", "An", "So").
var functionWords = map[string]bool{"in": true, "on": true, "at": true, "by": true, "for": true, "from": true,
	"with": true, "of": true, "to": true, "as": true, "an": true, "a": true, "the": true, "and": true, "but": true,
	"or": true, "so": true, "if": true, "after": true, "before": true, "since": true, "while": true, "when": true}

// findTitle finds a title phrase inside [a, b) followed by at least one
// name word; it returns the title's tokens [ta, te) or -1.
func (r *recogniser) findTitle(toks []Token, a, b int) (int, int) {
	bestA, bestE := -1, -1
	for i := a; i < b-1; i++ {
		e := r.titles.match(toks, i, b)
		if e < 0 || e >= b {
			continue
		}
		if i > a && nameConnectors[toks[i-1].Lower] || i > a && toks[i-1].Lower == "the" {
			continue // "Office of Inspector General": part of a name
		}
		// "General Motors", "Secretary of State" alone: the rest must look like a name
		rest := toks[e:b]
		if !rest[0].Cap {
			continue // "Vice President of Sales"
		}
		if e == i+1 && nounTitles[toks[i].Lower] && toks[i].Cap && !startsWithGiven(toks, e, b) {
			continue // "Star Wars", "Head Start": a noun opening a name, no title
		}
		if r.titles.matchEndingAt(toks, e, b) >= 0 && lexicon.TitleWord(toks[b-1].Lower) && !startsWithGiven(toks, e, b) {
			continue // "Chief Strategy Officer": a title, no name
		}
		if r.orgHeads[rest[len(rest)-1].Lower] || r.docHeads[rest[len(rest)-1].Lower] {
			continue
		}
		if p, ok := lexPlace(spanText(toks, e, b)); ok && b-e == 1 && isCountry(p) {
			continue // "President of Ukraine" handled elsewhere
		}
		// keep the last title: "Council Secretary Rustem Umerov"
		bestA, bestE = i, e
		// a title phrase followed directly by another title word: extend
		for bestE < b-1 {
			if e2 := r.titles.match(toks, bestE, b); e2 > 0 && e2 < b {
				bestE = e2
			} else {
				break
			}
		}
		i = bestE - 1
	}
	return bestA, bestE
}

// prefixMention records the part of a chunk before a title: an organisation,
// a place or a demonym ("Russian President …").
func (r *recogniser) prefixMention(x *articleState, si, a, b int) {
	toks := x.toks
	plain := true // "Russian Presidential …": demonyms and ordinary words only
	for k := a; k < b; k++ {
		_, dem := lexDemonym(toks[k].Text)
		if !dem && !roleMods[toks[k].Lower] && !commonWord(toks[k]) || r.orgHeads[toks[k].Lower] {
			plain = false
		}
	}
	if plain && b-a > 1 {
		return
	}
	for b > a && (nameConnectors[toks[b-1].Lower] || toks[b-1].Lower == "the") {
		b--
	}
	if a >= b {
		return
	}
	if b-a == 1 {
		if _, ok := lexDemonym(toks[a].Text); ok {
			// "Russian President Vladimir Putin": the country the title is of
			x.demonymMention(si, a)
			return
		}
		if toks[a].Lower == "former" || toks[a].Lower == "then" || roleMods[toks[a].Lower] {
			return
		}
		if rank, common := lexCommonRank(toks[a].Lower); common && rank < 20000 && !r.standaloneName(x, toks[a].Lower) {
			return // "Energy Secretary …", "Senior Vice President …"
		}
	}
	n := len(x.mentions)
	r.addName(x, si, a, b, -1, "")
	if len(x.mentions) > n && x.mentions[n].Type == "" {
		// "Disney Chief Executive …": what stands before a title is an organisation
		x.mentions[n].Type = tInstitution
	}
}

// standaloneName reports whether the word w (lower case) stands as a name of
// its own twice in the article: capitalised in mid-sentence, after a
// lower-case word, and before a lower-case word that is not a title ("which
// Emirates is …", "the Emirates fleet"). Such a word before a title is the
// organisation of the title ("Emirates President …"), not a modifier of it
// ("Energy Secretary …").
func (r *recogniser) standaloneName(x *articleState, w string) bool {
	if x.capMidCount[w] < 2 {
		return false
	}
	n := 0
	toks := x.toks
	for _, s := range x.sents {
		for i := s.Tok0 + 1; i+1 < s.Tok1; i++ {
			t, p, q := toks[i], toks[i-1], toks[i+1]
			if t.Lower != w || !t.Cap || t.Upper || !p.Word || p.Cap || !q.Word || q.Cap || r.titles.has(q.Lower) {
				continue
			}
			n++
		}
	}
	return n >= 2
}

func joinLower(ts []Token) string {
	var sb strings.Builder
	for i, t := range ts {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.Lower)
	}
	return sb.String()
}

func spanText(toks []Token, a, b int) string {
	if a >= b {
		return ""
	}
	// the text between the first and last token as written
	return toks[a].Text + spanTail(toks, a, b)
}

func spanTail(toks []Token, a, b int) string {
	var sb strings.Builder
	for i := a + 1; i < b; i++ {
		if toks[i].Start > toks[i-1].End {
			sb.WriteByte(' ')
		}
		sb.WriteString(toks[i].Text)
	}
	return sb.String()
}

// addName classifies the name tokens [a, b) and records a mention.
func (r *recogniser) addName(x *articleState, si, a, b int, titleTok int, title string) {
	toks := x.toks
	for a < b && (nameConnectors[toks[a].Lower] || toks[a].Lower == "the") {
		a++ // "(President) of the Senate"
	}
	for b > a && (toks[b-1].Lower == "'s") {
		b--
	}
	if a >= b {
		return
	}
	// demonyms alone are not entities ("Russian", "Ukrainians", "Hungarian-American")
	if b-a == 1 {
		if notSingleName(x, toks[a]) {
			return
		}
		// a party adjective before a noun: "Republican districts"
		if partyWords[toks[a].Lower] && b < len(toks) && toks[b].Word && !toks[b].Cap && toks[b].Para == toks[a].Para {
			return
		}
		if _, ok := lexDemonym(toks[a].Text); ok {
			return
		}
		if regionAdjectives[strings.TrimSuffix(toks[a].Lower, "s")] {
			return // "European", "Asian", "Arabs"
		}
		if i := strings.IndexByte(toks[a].Text, '-'); i > 0 {
			_, d1 := lexDemonym(toks[a].Text[:i])
			_, d2 := lexDemonym(toks[a].Text[i+1:])
			if d1 && d2 {
				return
			}
		}
		if strings.HasSuffix(toks[a].Lower, "ans") || strings.HasSuffix(toks[a].Lower, "ians") {
			if _, ok := lexDemonym(strings.TrimSuffix(toks[a].Text, "s")); ok {
				return
			}
		}
	}
	// "U.S. Defense Secretary Jane Doe": a portfolio between a country and
	// the title belongs to the title, not to a name "U.S. Defense"
	if b-a >= 2 && b < len(toks) && portfolios[toks[b-1].Lower] && (toks[b].Lower == "secretary" || toks[b].Lower == "minister") {
		if p, ok := lexPlace(spanText(toks, a, b-1)); ok && isCountry(p) {
			b--
		}
	}
	if e := r.titles.match(toks, a, b); e == b {
		return // a title alone ("CEO", "Secretary of State") names no one
	}
	if b-a == 1 && lexLegalSuffix(toks[a].Text) && a > 0 && toks[a-1].Text == "," {
		return // "Acme Systems, Inc.": the suffix after a comma is no name
	}
	m := Mention{Start: toks[a].Start, End: toks[b-1].End, Sentence: si, Tok0: a, Tok1: b, TitleTok: titleTok, Title: title, Entity: -1}
	m.Text = x.text[m.Start:m.End]
	m.Name = cleanName(m.Text)
	if m.Name == "" {
		return
	}
	m.Acronym = b-a == 1 && toks[a].Upper
	m.Type, m.Strong = r.classify(x, si, a, b, title)
	x.mentions = append(x.mentions, m)
}

// cleanName trims quotes and surrounding punctuation of a name.
func cleanName(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' })
	s = strings.ReplaceAll(s, "\u2019", "'")
	if strings.HasPrefix(s, "the ") || strings.HasPrefix(s, "The ") {
		s = s[4:]
	}
	return s
}

// classify decides the type of the name [a, b) from cues inside and around it.
func (r *recogniser) classify(x *articleState, si, a, b int, title string) (string, bool) {
	toks := x.toks
	s := x.sents[si]
	first, last := toks[a], toks[b-1]
	text := spanText(toks, a, b)
	n := b - a
	if n >= 2 && eventHeads[last.Lower] {
		return "", false
	}
	// members of a party or a people in the plural are a group, not a
	// person nor a body: "Virginia Democrats won", "House Republicans",
	// "African Americans"
	if groupWord(last) {
		if n == 1 && partyWords[strings.TrimSuffix(last.Lower, "s")] {
			return tInstitution, false // "Democrats" alone: the party
		}
		return "", false
	}
	if _, demonym := lexDemonym(last.Text); demonym && n >= 2 && !r.orgHeads[first.Lower] {
		return "", false // "African American voters": an adjective
	}
	// a social-media handle ("@JaneDoe") may name a person or an
	// organisation: no cue types it
	if strings.HasPrefix(first.Text, "@") || a > 0 && toks[a-1].Text == "@" && toks[a-1].End == first.Start {
		return "", false
	}
	if title != "" && !r.orgHeads[last.Lower] {
		if p, ok := lexPlace(text); !(ok && isCountry(p)) {
			return tPerson, true
		}
	}
	// "St. Croix", "Mt. Kenya": an abbreviation before a known place
	if n >= 3 && placeAbbrevs[first.Text] && toks[a+1].Text == "." && (b >= s.Tok1 || toks[b].Lower != "'s") {
		if _, ok := lexPlace(spanText(toks, a+2, b)); ok {
			return tPlace, true
		}
	}
	// a known place written in full ("New York City") before head words
	if p, ok := lexPlace(text); ok && n >= 2 && (p.Kind != lexicon.City || p.Population >= 100000) {
		return tPlace, true
	}
	// "Kent, Washington", "Istanbul, Turkey": a town before its state or
	// country, the last place of the phrase
	if n <= 3 && !r.orgHeads[last.Lower] && allNameLike(toks[a:b]) && !(n >= 2 && startsWithGiven(toks, a, b)) && statePlaceAfter(toks, s, b) {
		return tPlace, true
	}
	// Institution: head words ("… Council", "Ministry of …"), legal suffixes
	if r.orgHeads[last.Lower] || lexLegalSuffix(last.Text) || (n >= 3 && r.orgHeads[first.Lower] && !(nounTitles[first.Lower] && !nameConnectors[toks[a+1].Lower])) {
		if n == 1 && !first.Upper {
			// a single head word ("Parliament", "Congress", "Kremlin") is an
			// institution only when capitalised mid-sentence, and an ordinary
			// word ("News", "Council") only after "the" or a possessive
			if a == s.Tok0 || x.initial {
				return "", false
			}
			if _, common := lexCommonRank(first.Lower); common && a > s.Tok0 && toks[a-1].Lower != "the" && toks[a-1].Lower != "'s" {
				// (but "want Congress to act": a body's name in running prose,
				// between lower-case words)
				prose := toks[a-1].Word && !toks[a-1].Cap && b < s.Tok1 && toks[b].Word && !toks[b].Cap && (toks[b].Lower == "to" || toks[b].Lower == "has" || toks[b].Lower == "is" || toks[b].Lower == "was" || toks[b].Lower == "will" || toks[b].Lower == "passed" || toks[b].Lower == "voted")
				if x.capMidCount[first.Lower] < 2 && !prose {
					return "", false
				}
			}
		}
		if r.docHeads[last.Lower] && !r.orgHeads[first.Lower] {
			return tDocument, true
		}
		return tInstitution, true
	}
	if n >= 2 && r.orgHeads[first.Lower] && toks[a+1].Lower == "of" {
		return tInstitution, true
	}
	// "Stern School of Business", "London School of Economics"
	for k := a + 1; k+1 < b; k++ {
		if r.orgHeads[toks[k].Lower] && toks[k+1].Lower == "of" {
			return tInstitution, true
		}
	}
	// Document: capitalised names ending in a document head ("Paris Agreement")
	if n >= 2 && r.docHeads[last.Lower] {
		return tDocument, true
	}
	// Place: gazetteer, place suffixes and heads ("Cincinnati beat Anaheim
	// 3-2": a city that wins or loses a game by a score is its team)
	if p, ok := lexPlace(text); ok && !isCountry(p) && gameSide(toks, s, a, b) {
		return tInstitution, false
	}
	if p, ok := lexPlace(text); ok {
		// ("Louisville, Colorado": a state after its town is no common word)
		stateOfTown := false
		if n == 1 && a-2 >= s.Tok0 && toks[a-1].Text == "," && isCapWord(&toks[a-2]) && (b >= s.Tok1 || !toks[b].Word || toks[b].Lower == "and") {
			k := a - 2
			for k > s.Tok0 && isCapWord(&toks[k-1]) && k > a-4 {
				k--
			}
			_, stateOfTown = lexPlace(spanText(toks, k, a-1))
		}
		if n == 1 && !isCountry(p) && !x.locativeBefore(a) && !stateOfTown {
			// "Much", "Central", "Teresa": a common word or a given name
			// that is also a small town is a place only after "in", "at", …
			if rank, common := lexCommonRank(first.Lower); common && rank < 20000 {
				return "", false
			}
			if _, given := givenName(first); given && p.Population < 500000 {
				return "", false
			}
			// "Audi says", "the Obama administration": a small town's name
			// the article never uses as a place ("in Elkton", "Elkton,
			// Maryland") is some other name
			inList := listItem(toks, s, a, b)
			if lexSmallTownOnly(first.Text) && !x.placeCued[first.Lower] && !inList {
				return "", false
			}
		}
		return tPlace, true
	}
	if n >= 2 && r.placeHeads[last.Lower] || n >= 2 && r.placeHeads[first.Lower] && toks[a+1].Lower == "of" {
		return tPlace, true
	}
	if b < s.Tok1 && r.placeSuffix[toks[b].Lower] && !toks[b].Cap && !(n == 1 && partyWords[first.Lower]) && !(n == 1 && compoundAfter(toks, s, b+1)) {
		if _, ok := lexDemonym(text); !ok {
			return tPlace, true
		}
	}
	// Acronyms: countries ("US", "UK", "UAE") or organisations ("NATO", "FBI")
	if n == 1 && first.Upper && a > s.Tok0 && x.acronymType[first.Text] == "" {
		// "an IPO", "a TV debate", "100 GW": a thing or a unit, not a name
		if p := toks[a-1]; p.Lower == "a" || p.Lower == "an" || p.Digit {
			return "", false
		}
	}
	if n == 1 && first.Upper {
		if _, ok := lexCountry(first.Text); ok {
			return tPlace, true
		}
		if x.acronymType[first.Text] != "" {
			return x.acronymType[first.Text], true
		}
		if rank, common := lexCommonRank(first.Lower); common || lexicon.TitleWord(first.Lower) {
			// "per the WHO": a function word in capitals after "the" is an acronym
			if common && rank <= 200 && !lexicon.TitleWord(first.Lower) && len(first.Text) >= 3 && a > s.Tok0 && toks[a-1].Lower == "the" && (b >= s.Tok1 || !toks[b].Word) {
				return tInstitution, false
			}
			return "", false // "PLAN", "FIRE": a shouted word; "CEO": a title
		}
		if strings.ContainsAny(first.Text, "0123456789") || utf8.RuneCountInString(first.Text) > 6 {
			return "", false
		}
		return tInstitution, false
	}
	// a place followed by more words: "Los Angeles Lakers", "New York Times"
	if n >= 2 {
		for k := b - 1; k > a; k-- {
			if p, ok := lexPlace(spanText(toks, a, k)); ok && (k-a >= 2 || isCountry(p) || p.Population >= 100000) {
				if _, given := givenName(first); !given || k-a >= 2 {
					return tInstitution, false
				}
			}
		}
	}
	// an institution named after a person, its head noun written in lower
	// case: "Walter Reed hospital", "the John Doe clinic"
	if n >= 2 && a > s.Tok0 && b < s.Tok1 && !toks[b].Cap && namedAfterHeads[toks[b].Lower] && (toks[a-1].Lower == "the" || locative[toks[a-1].Lower]) {
		return tInstitution, true
	}
	if n >= 2 && x.known[strings.ToLower(text)] == tInstitution {
		return tInstitution, false // the same name seen before such a head noun
	}
	// a name of a few words, a given name first, is a firm when the words
	// around it say so: "Ohio-based Acme Dynamics", "Acme Dynamics shares
	// fell", "Acme Dynamics' stock"
	if n >= 2 && n <= 4 && allNameLike(toks[a:b]) && companyCue(toks, s, a, b) {
		return tInstitution, false
	}
	// two surnames joined by "&" are a firm, never a person: "Smith &
	// Wesson", "Procter & Gamble"; two common words are a product or a
	// title ("Door & Window", "War & Peace")
	if n == 3 && toks[a+1].Text == "&" && isCapWord(&first) && isCapWord(&last) && (!commonWord(first) || !commonWord(last)) && !(a > s.Tok0 && (toks[a-1].Text == "“" || toks[a-1].Text == "\"")) {
		return tInstitution, false
	}
	// Person: a given name followed by a surname ("Jane Doe", "Mark Esper":
	// a given name that is also a word counts before a surname-like word)
	if n >= 2 && n <= 4 && !first.Upper {
		if _, ok := givenName(first); ok {
			return tPerson, true
		}
		if givenNameAny(first) && !commonWord(toks[a+1]) && toks[a+1].Cap && !r.orgHeads[last.Lower] {
			return tPerson, true
		}
	}
	// The words around the name
	before, det := "", ""
	if a > s.Tok0 {
		before = toks[a-1].Lower
		det = before
		// "the NBA-leading Lakers, who …", "the surging Lakers, who …": a
		// determiner before the modifiers marks no person either
		for k := a - 1; k > s.Tok0 && k >= a-3 && toks[k].Word && (isModifier(toks[k]) || !isCapWord(&toks[k]) && strings.Contains(toks[k].Text, "-")); k-- {
			if toks[k-1].Lower == "the" {
				det = "the"
			}
		}
	}
	after := ""
	if b < s.Tok1 {
		after = toks[b].Lower
		if after == "," && b+1 < s.Tok1 && det != "the" && before != "'s" {
			// "Jane Doe, 45, said" / "Jane Doe, a spokeswoman"
			nxt := toks[b+1].Lower
			if e := r.titles.match(toks, b+1, s.Tok1); e > 0 && e < s.Tok1 && (toks[e].Lower == "of" || toks[e].Lower == "at" || toks[e].Lower == "for") && !toks[b+1].Cap {
				return tPerson, false // "Jane Doe, chief executive of …"
			}
			if nxt == "a" || nxt == "the" || nxt == "who" {
				if b+2 < s.Tok1 && (r.titles.has(toks[b+2].Lower) || nxt == "who") {
					return tPerson, false
				}
			}
		}
	}
	if known := x.known[strings.ToLower(text)]; known != "" {
		return known, false
	}
	// "shares of Tesla", "stock in Acme"
	if a >= 2 && (before == "of" || before == "in") && (toks[a-2].Lower == "shares" || toks[a-2].Lower == "stock" || toks[a-2].Lower == "stake") && allNameLike(toks[a:b]) {
		return tInstitution, false
	}
	// "tech giant Alibaba", "streaming service Spotify", "told Reuters"
	if r.orgBefore[before] && (allNameLike(toks[a:b]) || n >= 2 && capsOrAcronyms(toks[a:b])) {
		if _, given := givenName(first); !given || n == 1 {
			return tInstitution, false
		}
	}
	if before == "told" && n <= 3 && allNameLike(toks[a:b]) {
		if _, given := givenName(first); !given {
			return tInstitution, false
		}
	}
	// "Flexport, a logistics startup", "Valve, the company behind …"
	if after == "," && b+2 < s.Tok1 && (toks[b+1].Lower == "a" || toks[b+1].Lower == "the" || toks[b+1].Lower == "an") {
		for k := b + 2; k < s.Tok1 && k < b+6; k++ {
			if r.orgBefore[toks[k].Lower] {
				return tInstitution, false
			}
			if !toks[k].Word || toks[k].Cap || stopModifiers[toks[k].Lower] {
				break
			}
		}
	}
	// "Inner Mongolia, an autonomous and sparsely populated region"
	if after == "," && b+2 < s.Tok1 && (toks[b+1].Lower == "a" || toks[b+1].Lower == "an" || toks[b+1].Lower == "the") {
		for k := b + 2; k < s.Tok1 && k < b+7; k++ {
			if r.placeSuffix[toks[k].Lower] && (k+1 >= s.Tok1 || !toks[k+1].Word || toks[k+1].Lower == "in" || toks[k+1].Lower == "of" || toks[k+1].Lower == "on") {
				return tPlace, false
			}
			if !toks[k].Word || toks[k].Cap || stopModifiers[toks[k].Lower] && toks[k].Lower != "and" {
				break
			}
		}
	}
	if r.orgAfter[after] && n <= 3 {
		return tInstitution, false
	}
	if before == "according" || (a >= 2 && toks[a-2].Lower == "according") {
		if n == 1 {
			return tInstitution, false
		}
	}
	// "the Gush Etzion settlement", "the city's Hoa Lo prison": a name after
	// "the" or a possessive is no person without a stronger cue
	if before == "the" || before == "'s" {
		return "", false
	}
	if r.personAfter[after] && n >= 2 && n <= 3 && allNameLike(toks[a:b]) {
		return tPerson, false
	}
	if n >= 2 && n <= 3 && allNameLike(toks[a:b]) && rareWords(toks[a:b]) {
		return tPerson, false
	}
	if r.placeBefore[before] && n == 1 && before != "to" {
		return "", false
	}
	return "", false
}

// allNameLike: every token is a capitalised word without digits, not all upper.
func allNameLike(ts []Token) bool {
	for _, t := range ts {
		if !t.Cap || t.Upper && utf8.RuneCountInString(t.Text) > 1 || strings.ContainsAny(t.Text, "0123456789") {
			return false
		}
	}
	return true
}

// capsOrAcronyms: every token is a capitalised word or an acronym, without
// digits ("JAMA Psychiatry").
func capsOrAcronyms(ts []Token) bool {
	for _, t := range ts {
		if !t.Cap && !t.Upper || strings.ContainsAny(t.Text, "0123456789") {
			return false
		}
	}
	return true
}

// rareWords: none of the tokens is a common English word.
func rareWords(ts []Token) bool {
	for _, t := range ts {
		if rank, ok := lexCommonRank(t.Lower); ok && rank < 8000 {
			if _, given := givenName(t); !given {
				return false
			}
		}
	}
	return true
}

// notSingleName reports a token that names nothing on its own: a
// contraction ("I'm", "I’d"), a single letter ("A", opening a sentence), an
// acronym in the plural ("ICUs", "SUVs") or a generic acronym ("GDP", "USB",
// "VIP": a thing, unit or condition), unless the article spells it out
// ("Full Name (ACR)").
func notSingleName(x *articleState, t Token) bool {
	if isContraction(t.Lower) || utf8.RuneCountInString(t.Text) == 1 {
		return true // "I'm", "A"
	}
	if t.Digit {
		// a quantity ("512GB", "100GW") or a code ("50OFF699"), not "3M"
		rest := strings.TrimLeft(t.Lower, "0123456789.,")
		return genericAcronyms[rest] || strings.ContainsAny(rest, "0123456789")
	}
	if head, _, ok := strings.Cut(t.Lower, "-"); ok && genericAcronyms[head] {
		return true // "USB-C"
	}
	if x.acronymType[t.Text] != "" || x.acronymOf[t.Text] != "" {
		return false
	}
	if n := len(t.Text); n >= 3 && t.Text[n-1] == 's' && upperLetters(t.Text[:n-1]) {
		return true
	}
	return t.Upper && genericAcronyms[strings.ToLower(t.Text)]
}

// upperLetters: two or more letters, all upper case, and nothing else.
func upperLetters(s string) bool {
	n := 0
	for _, c := range s {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2
}

// genericAcronyms are abbreviations of common nouns, units and conditions,
// written in capitals but naming no person, institution or place.
var genericAcronyms = wordSet([]string{
	"gdp", "gnp", "ebitda", "ipo", "eps", "etf", "roi", "cagr", "yoy", "msrp", "rrp", "apr", "vip", "asap", "wtf", "lol", "diy",
	"faq", "pdf", "url", "api", "usb", "hdmi", "dvi", "dvd", "cpu", "gpu", "ssd", "hdd", "ram", "rom", "lcd", "oled", "hdr", "rgb",
	"gps", "fps", "rpg", "dlc", "vpn", "vr", "nfc", "lte", "sms", "tv", "pc", "suv", "ev", "awd", "rwd", "fwd", "mpg", "mph",
	"kph", "gb", "mb", "tb", "kb", "ghz", "mhz", "kw", "kwh", "mw", "mwh", "gw", "gwh", "ecg", "ekg", "mri", "hpv", "hiv", "sars",
	"dna", "rna", "icu", "ptsd", "adhd", "hvac", "iq", "atm", "lng", "ppe", "bpm",
})

// nounTitles are roles that are also common nouns: written with a capital
// before a name they are a title only before a given name ("Star Jane Doe"
// is rare, "Star Trek" a name).
var nounTitles = wordSet([]string{"star", "head", "leader", "player", "rookie", "keeper", "center", "centre",
	"forward", "guard", "winger", "officer", "official", "chief", "executive", "founder", "driver", "pitcher", "receiver"})

// listItem reports a name [a, b) inside a list of names: after "," or
// "and" that follow a capitalised word in mid-sentence ("Oklahoma and
// Arizona", "Alaska, and Oregon"), or before "," or "and" and another
// capitalised word.
func listItem(toks []Token, s Sentence, a, b int) bool {
	k := a - 1
	for k > s.Tok0 && (toks[k].Text == "," || toks[k].Lower == "and" || toks[k].Lower == "or") {
		k--
	}
	if k > s.Tok0 && k < a-1 && isCapWord(&toks[k]) {
		return true
	}
	k = b
	for k < s.Tok1 && (toks[k].Text == "," || toks[k].Lower == "and" || toks[k].Lower == "or") {
		k++
	}
	return k > b && k < s.Tok1 && isCapWord(&toks[k])
}

// compoundAfter reports a lower-case noun at token i continuing a compound
// ("Acme park assist", "the Acme base model"): the word before it modifies
// it and is no place suffix. Function words and verb forms ("camp is",
// "camp remains", "camp housed") end the phrase.
func compoundAfter(toks []Token, s Sentence, i int) bool {
	if i >= s.Tok1 || !toks[i].Word || toks[i].Cap || stopModifiers[toks[i].Lower] {
		return false
	}
	w := toks[i].Lower
	if _, rank := lexCommonRank(w); !rank || strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ed") || auxiliaries[w] {
		return false
	}
	return true
}

// auxiliaries and modal verbs that may follow a subject.
var auxiliaries = wordSet([]string{"has", "had", "have", "will", "would", "can", "could", "may", "might", "must",
	"should", "shall", "did", "does", "do", "be", "been", "were", "are", "where", "when", "as", "near", "after", "before",
	"since", "until", "under", "over", "into", "than", "so", "if", "about", "because", "while"})

// groupWord reports a plural word for members of a party or a people
// ("Democrats", "Republicans", "Americans").
func groupWord(t Token) bool {
	w, ok := strings.CutSuffix(t.Lower, "s")
	if !ok || !t.Cap || t.Upper {
		return false
	}
	if partyWords[w] {
		return true
	}
	_, demonym := lexDemonym(t.Text[:len(t.Text)-1])
	return demonym
}

// isContraction: "we've", "they're", "it'll", "don't" are never names.
func isContraction(w string) bool {
	w = strings.ReplaceAll(w, "\u2019", "'")
	for _, suf := range []string{"'ve", "'re", "'ll", "'d", "n't", "'m"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// givenName reports a given name that is not also a common English word
// ("Mark" and "Rose" are both; they count only when very frequent names).
func givenName(t Token) (int, bool) {
	rank, ok := lexGivenName(t.Text)
	if !ok {
		return 0, false
	}
	if cr, common := lexCommonRank(t.Lower); common && cr < 5000 && rank > 300 {
		return 0, false
	}
	return rank, true
}

// locativeBefore reports a locative preposition right before token a.
func (x *articleState) locativeBefore(a int) bool {
	if a == 0 {
		return false
	}
	p := x.toks[a-1].Lower
	if p == "the" && a > 1 {
		p = x.toks[a-2].Lower
	}
	return locative[p]
}

// headline reports whether sentence si is a headline or a heading: the
// whole paragraph, without a final full stop, in Title Case or capitals.
// Names in it are not trusted (they come again in the text).
func (x *articleState) headline(si int) bool {
	s := x.sents[si]
	if si > 0 && x.sents[si-1].Para == s.Para || si+1 < len(x.sents) && x.sents[si+1].Para == s.Para {
		return false
	}
	switch x.toks[s.Tok1-1].Text {
	case ".", "!", "?", "\"", "”", ":":
		return false
	}
	if nameList(x.toks, s.Tok0, s.Tok1) {
		return false
	}
	return titleCase(x.toks, s.Tok0, s.Tok1)
}

// titleCase reports whether most words of [a, b) are capitalised.
// nameList reports whether [a, b) is a list of short items separated by
// at least two commas ("Acme Robotics, Palo Alto, California"): a line of
// names, capitalised because they are names, not a heading.
func nameList(toks []Token, a, b int) bool {
	commas, words := 0, 0
	for i := a; i < b; i++ {
		switch {
		case toks[i].Text == ",":
			if words == 0 {
				return false
			}
			commas++
			words = 0
		case toks[i].Word:
			words++
			if words > 4 {
				return false
			}
		}
	}
	return commas >= 2
}

func titleCase(toks []Token, a, b int) bool {
	words, caps := 0, 0
	for i := a; i < b; i++ {
		if toks[i].Word && !toks[i].Digit {
			words++
			if toks[i].Cap {
				caps++
			}
		}
	}
	if words >= 4 && caps*10 >= words*7 {
		return true
	}
	// SHOUTED HEADINGS: most words in capitals
	upper := 0
	for i := a; i < b; i++ {
		if toks[i].Word && toks[i].Upper {
			upper++
		}
	}
	return words >= 2 && upper*10 >= words*7
}

// demonymHeads are the lower-case heads that make "Chinese government",
// "Russian army" an institution.
var demonymHeads = map[string]bool{"government": true, "military": true, "army": true, "navy": true,
	"parliament": true, "police": true, "administration": true, "embassy": true, "authorities": true,
	"cabinet": true, "forces": true, "air force": true, "central bank": true, "foreign ministry": true,
	"defense ministry": true, "defence ministry": true, "ministry": true}

// demonymInstitutions finds "DEMONYM government" and the like.
func (r *recogniser) demonymInstitutions(x *articleState, si int) {
	toks := x.toks
	s := x.sents[si]
	for i := s.Tok0; i+1 < s.Tok1; i++ {
		t := toks[i]
		if !t.Cap || !t.Word {
			continue
		}
		if _, ok := lexDemonym(t.Text); !ok {
			continue
		}
		e := i + 1
		if e+1 < s.Tok1 && demonymHeads[toks[e].Lower+" "+toks[e+1].Lower] {
			e += 2
		} else if demonymHeads[toks[e].Lower] && !toks[e].Cap {
			e++
		} else {
			continue
		}
		if e < s.Tok1 && toks[e].Word && !toks[e].Cap && (toks[e].Lower == "official" || toks[e].Lower == "officials" || toks[e].Lower == "spokesman" || toks[e].Lower == "source" || toks[e].Lower == "sources") {
			continue
		}
		m := Mention{Start: t.Start, End: toks[e-1].End, Sentence: si, Tok0: i, Tok1: e, Type: tInstitution, Strong: true, TitleTok: -1, Entity: -1}
		m.Text = x.text[m.Start:m.End]
		m.Name = m.Text
		x.mentions = append(x.mentions, m)
	}
}

// commonWord: the token's lower case is an English word ("State", "Defence").
func commonWord(t Token) bool {
	_, ok := lexCommonRank(t.Lower)
	return ok
}

// startsWithGiven: the tokens [a, b) start with a given name.
func startsWithGiven(toks []Token, a, b int) bool {
	if a >= b {
		return false
	}
	_, ok := givenName(toks[a])
	return ok
}

// givenNameAny: the token is in the given-name lexicon, common word or not.
func givenNameAny(t Token) bool {
	_, ok := lexGivenName(t.Text)
	return ok
}

// adjTitles are titles that are mostly adjectives in lower case ("major
// markets", "official adapter", "general manager"): alone before a name
// they mark no person.
var adjTitles = map[string]bool{"major": true, "official": true, "general": true, "chief": true, "head": true,
	"principal": true, "senior": true, "lead": true, "junior": true,
	"acting": true, "interim": true, "former": true}

// demonymMention records the demonym at token k ("Russian" in "Russian
// President …") as a mention of its country, named by the country's name,
// so that the title can relate the person to the country.
func (x *articleState) demonymMention(si, k int) {
	t := x.toks[k]
	country, ok := lexDemonym(t.Text)
	if !ok {
		return
	}
	x.mentions = append(x.mentions, Mention{Start: t.Start, End: t.End, Text: t.Text, Name: country, Type: tPlace,
		Strong: true, Sentence: si, Tok0: k, Tok1: k + 1, TitleTok: -1, Entity: -1})
}

// regionAdjectives name the people or things of a continent or a region
// rather than a country: like demonyms, they are no entities alone.
var regionAdjectives = map[string]bool{"european": true, "african": true, "asian": true, "arab": true,
	"latin": true, "western": true, "eastern": true, "northern": true, "southern": true, "nordic": true,
	"baltic": true, "balkan": true, "caribbean": true, "scandinavian": true, "pacific": true,
	"atlantic": true, "mideast": true, "oriental": true, "slavic": true, "anglo": true, "hispanic": true,
	"jewish": true, "muslim": true, "christian": true, "catholic": true, "sunni": true, "shia": true,
	"shiite": true, "hindu": true, "buddhist": true, "kurdish": true, "kurd": true}

// marketVerbs follow "shares" or "stock" of a listed company.
var marketVerbs = map[string]bool{"rose": true, "fell": true, "jumped": true, "climbed": true, "dropped": true,
	"slid": true, "gained": true, "plunged": true, "soared": true, "tumbled": true, "surged": true, "sank": true,
	"slumped": true, "rallied": true, "closed": true, "traded": true, "rise": true, "fall": true, "rises": true, "falls": true}

// companyCue reports words around the name [a, b) that only a company takes:
// "-based" before it ("Ohio-based Acme Dynamics"), its shares or stock moving
// after it ("Acme Dynamics shares fell"), or its stock or share price
// ("Acme Dynamics's stock", "… 's share price"). A person's shares "in"
// something are no cue.
func companyCue(toks []Token, s Sentence, a, b int) bool {
	if a > s.Tok0 && strings.HasSuffix(toks[a-1].Lower, "-based") {
		return true
	}
	if b+1 >= s.Tok1 {
		return false
	}
	w, nxt := toks[b].Lower, toks[b+1].Lower
	if (w == "shares" || w == "stock") && marketVerbs[nxt] {
		return true
	}
	if w != "'s" && w != "'" {
		return false
	}
	switch nxt {
	case "stock":
		return true
	case "share", "shares":
		if b+2 >= s.Tok1 {
			return nxt == "shares"
		}
		after := toks[b+2].Lower
		return nxt == "share" && after == "price" || nxt == "shares" && (marketVerbs[after] || after == "have" || after == "were" || after == "are")
	}
	return false
}

// gameVerbs join two sides of a game before its score: "A beat B 3-2".
var gameVerbs = map[string]bool{"beat": true, "beats": true, "defeated": true, "defeats": true, "edged": true,
	"edges": true, "topped": true, "tops": true, "downed": true, "blanked": true, "routed": true, "outlasted": true,
	"stunned": true, "upset": true, "shut": true, "thrashed": true, "crushed": true, "trounced": true}

// gameSide reports whether the name [a, b) is a side of a game stated with
// its score: "Cincinnati beat Anaheim 3-2", "… lost to Anaheim 2-3". A
// country on the other side is a national team written as its country
// ("Wales beat Hungary 2-0"): both stay places.
func gameSide(toks []Token, s Sentence, a, b int) bool {
	country := func(i, j int) bool {
		p, ok := lexPlace(spanText(toks, i, j))
		return ok && isCountry(p)
	}
	// the first side: the verb right after the name, the score after the
	// other side's one to three words
	v := b
	if v+1 < s.Tok1 && (toks[v].Lower == "lost" || toks[v].Lower == "fell") && toks[v+1].Lower == "to" {
		v++
	} else if v < s.Tok1 && !gameVerbs[toks[v].Lower] {
		v = -1
	}
	if v >= 0 && v < s.Tok1 {
		for k := v + 2; k < s.Tok1 && k <= v+4; k++ {
			if score(toks, s, k) {
				return !country(v+1, k)
			}
			if !isCapWord(&toks[k]) {
				break
			}
		}
	}
	// the second side: the verb (or "lost to", "fell to") before the name,
	// the score right after it
	if b < s.Tok1 && score(toks, s, b) && a-2 >= s.Tok0 {
		w := a - 1
		if toks[w].Lower == "to" && (toks[w-1].Lower == "lost" || toks[w-1].Lower == "fell") {
			w--
		} else if !gameVerbs[toks[w].Lower] {
			return false
		}
		k := w
		for k > s.Tok0 && k > w-4 && isCapWord(&toks[k-1]) {
			k--
		}
		return k < w && !country(k, w)
	}
	return false
}

// score reports a game's score at token k: "3-2" or "3 - 2".
func score(toks []Token, s Sentence, k int) bool {
	t := toks[k]
	if !t.Digit {
		return false
	}
	if i := strings.IndexByte(t.Text, '-'); i > 0 && i+1 < len(t.Text) && t.Text[i+1] >= '0' && t.Text[i+1] <= '9' {
		return true
	}
	return k+2 < s.Tok1 && (toks[k+1].Text == "-" || toks[k+1].Text == "–") && toks[k+2].Digit
}

// portfolios are the fields of a minister or secretary written between a
// country and the title ("U.S. Defense Secretary", "French Foreign Minister").
var portfolios = map[string]bool{"defense": true, "defence": true, "foreign": true, "interior": true,
	"finance": true, "trade": true, "health": true, "energy": true, "commerce": true, "justice": true,
	"labor": true, "labour": true, "education": true, "agriculture": true, "transport": true,
	"transportation": true, "environment": true, "economy": true, "home": true}
