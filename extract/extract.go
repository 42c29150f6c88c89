package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kgraph/kg/schema"
	"golang.org/x/text/unicode/norm"
)

// Entity is an entity of one article: its mentions resolved within the article.
type Entity struct {
	Name     string   // the fullest name written in the article
	Type     string   // "" when no cue typed it
	Aliases  []string // every name it was written as, sorted
	Mentions []int    // indexes into Result.Mentions
	Strong   bool     // typed by a strong cue at least once
	Acronym  string   // an acronym given for it in the article ("RDIF")
}

// Relation is a relation stated in one sentence of an article.
type Relation struct {
	Type       string
	Source     int // index into Result.Entities
	Target     int
	Sentence   int // index into Result.Sentences
	Trigger    string
	Status     string // "" or "planned"
	Confidence float64
}

// Result is what the extractor found in one article.
type Result struct {
	Sentences []Sentence
	Mentions  []Mention
	Entities  []Entity
	Relations []Relation
	Words     int
}

// Extractor extracts mentions and relations from article texts with the
// cues and triggers of a schema. It is safe for concurrent use.
type Extractor struct {
	schema *schema.Schema
	rec    *recogniser
	rel    *relater
}

// New compiles a schema into an Extractor.
func New(s *schema.Schema) *Extractor {
	return &Extractor{schema: s, rec: newRecogniser(s), rel: newRelater(s)}
}

// articleState is the working state of one extraction.
type articleState struct {
	text         string
	toks         []Token
	sents        []Sentence
	mentions     []Mention
	capMid       map[string]bool
	known        map[string]string
	acronymType  map[string]string
	acronymOf    map[string]string // acronym -> expansion name
	roleLinks    []roleLink
	untypedArgs  bool // relation arguments may be untyped names (second pass)
	initial      bool // the chunk being classified opened its sentence
	capMidCount  map[string]int
	capPairMid   map[string]bool // "blue origin": two capitalised words seen together inside a sentence
	placeCued    map[string]bool // capitalised words used as a place: after "in", "at", … or before ", PLACE"
	bySent       [][]int         // mention indexes of each sentence
	nameKeys     map[string]string
	orgHeads     map[string]bool // the schema's organisation head words
	res          *Result
	mainInst     int  // first mention of the institution the article is about, -1
	mainInstDone bool // mainInst is computed
}

// Extract finds the entities and relations of one article text.
func (e *Extractor) Extract(text string) *Result {
	toks, sents := Tokenize(text)
	x := &articleState{text: text, toks: toks, sents: sents, capMid: map[string]bool{}, capMidCount: map[string]int{}, known: map[string]string{},
		acronymType: map[string]string{}, acronymOf: map[string]string{}, orgHeads: e.rec.orgHeads}
	res := &Result{Sentences: sents}
	x.res = res
	for _, t := range toks {
		if t.Word {
			res.Words++
		}
	}
	x.scanCapitals()
	// two passes: the first learns what the article types with strong cues
	for si := range sents {
		e.rec.recognise(x, si)
	}
	for _, m := range x.mentions {
		if m.Strong && m.Type != "" && !(m.Type == tPerson && x.known[strings.ToLower(m.Name)] == tInstitution) {
			x.known[strings.ToLower(m.Name)] = m.Type
			if m.Type == tPerson {
				x.known[strings.ToLower(m.Text)] = m.Type
			}
		}
	}
	x.acronyms()
	x.mentions = x.mentions[:0]
	for si := range sents {
		e.rec.recognise(x, si)
	}
	sort.SliceStable(x.mentions, func(i, j int) bool { return x.mentions[i].Start < x.mentions[j].Start })
	x.resolve()
	x.typeRecurring()
	x.typeLists()
	x.typeByContext()
	x.untypeProducts()
	e.rel.relate(x)
	res.Mentions = x.mentions
	return res
}

// scanCapitals records the words written with a capital in mid-sentence.
func (x *articleState) scanCapitals() {
	for _, s := range x.sents {
		for i := s.Tok0 + 1; i < s.Tok1; i++ {
			t := x.toks[i]
			p := x.toks[i-1]
			if t.Word && t.Cap && p.Word && !(utf8.RuneCountInString(t.Text) == 1 && i+1 < s.Tok1 && x.toks[i+1].Text == ".") {
				// (a middle initial, "Jane A. Doe", is no capitalised word)
				x.capMid[t.Lower] = true
				x.capMidCount[t.Lower]++
			}
			if t.Word && t.Cap && (x.locativeBefore(i) && p.Lower != "to" && p.Lower != "from" || i+2 < s.Tok1 && x.toks[i+1].Text == "," && x.toks[i+2].Cap && placeWord(x.toks[i+2].Text)) {
				if x.placeCued == nil {
					x.placeCued = map[string]bool{}
				}
				x.placeCued[t.Lower] = true
			}
			if i+1 < s.Tok1 && t.Word && t.Cap && !t.Upper && x.toks[i+1].Word && x.toks[i+1].Cap && len(t.Text) > 1 && (p.Word && !p.Cap && p.Lower != "the" || p.Text == ",") {
				if x.capPairMid == nil {
					x.capPairMid = map[string]bool{}
				}
				x.capPairMid[t.Lower+" "+x.toks[i+1].Lower] = true
			}
		}
	}
}

// placeWord reports a known place name of one word.
func placeWord(w string) bool {
	_, ok := lexPlace(w)
	return ok
}

// acronyms ties "Full Name (ACR)" and "ACR (Full Name)" together.
func (x *articleState) acronyms() {
	ms := x.mentions
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.Sentence != b.Sentence || b.Tok0 != a.Tok1+1 || x.toks[a.Tok1].Text != "(" {
			continue
		}
		if b.Tok1 < len(x.toks) && x.toks[b.Tok1].Text != ")" {
			continue
		}
		full, acr := a, b
		if a.Acronym && !b.Acronym {
			full, acr = b, a
		}
		if !acr.Acronym || !acronymFits(acr.Name, full.Name) {
			continue
		}
		x.acronymOf[acr.Name] = full.Name
		if full.Type != "" {
			x.acronymType[acr.Name] = full.Type
		}
	}
}

// acronymFits: the acronym's letters are initials of the name's words.
// AcronymFits reports whether acr ("MOTIE", "PG&E") can be the acronym of
// name: its letters are initials of name's words, in order, words may be
// skipped.
func AcronymFits(acr, name string) bool { return acronymFits(acr, name) }

func acronymFits(acr, name string) bool {
	// initials of every word, "of" and "and" too ("Ministry of Trade,
	// Industry and Energy" gives MOTIE), matched as a subsequence
	var initials []rune
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsLetter(r[0]) {
			initials = append(initials, unicode.ToUpper(r[0]))
		}
	}
	ar := []rune(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) {
			return r
		}
		return -1
	}, acr))
	// every acronym letter in order among the initials (allowing skipped words)
	j := 0
	for _, c := range initials {
		if j < len(ar) && c == ar[j] {
			j++
		}
	}
	return j == len(ar) && len(ar) >= 2
}

// NameKey folds a name for comparison: lower case, no diacritics, no
// punctuation, no leading "the", single spaces.
func NameKey(s string) string {
	s = norm.NFKD.String(s)
	var sb strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(unicode.ToLower(r))
		case r == '.' || r == '\'' || r == '\u2019':
		default:
			space = true
		}
	}
	k := sb.String()
	k = strings.TrimPrefix(k, "the ")
	return k
}

func lastWord(k string) string {
	if i := strings.LastIndexByte(k, ' '); i >= 0 {
		return k[i+1:]
	}
	return k
}

func firstWord(k string) string {
	if i := strings.IndexByte(k, ' '); i >= 0 {
		return k[:i]
	}
	return k
}

// resolve groups the article's mentions into entities.
func (x *articleState) resolve() {
	ms := x.mentions
	byKey := map[string]int{}
	var ents []Entity
	// people with full names first, so that short forms can find them
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	words := func(m *Mention) int { return m.Tok1 - m.Tok0 }
	sort.SliceStable(order, func(i, j int) bool {
		mi, mj := &ms[order[i]], &ms[order[j]]
		pi, pj := mi.Type == tPerson && words(mi) > 1, mj.Type == tPerson && words(mj) > 1
		if pi != pj {
			return pi
		}
		return false
	})
	persons := map[string][]int{} // last or first word key -> person entities
	add := func(mi int, ei int) {
		m := &ms[mi]
		m.Entity = ei
		e := &ents[ei]
		e.Mentions = append(e.Mentions, mi)
		e.Strong = e.Strong || m.Strong
		if !containsStr(e.Aliases, m.Name) {
			e.Aliases = append(e.Aliases, m.Name)
		}
		// "Mr Witkoff", "President Trump", "Queen Elizabeth": a capitalised
		// title written with the name is a surface form of its own
		if m.Title != "" && m.TitleTok >= 0 && x.toks[m.TitleTok].Cap && (m.Tok1-m.Tok0 == 1 || honorific[m.Title]) {
			form := m.Title
			form = strings.ToUpper(form[:1]) + form[1:]
			if t := x.toks[m.TitleTok]; t.End <= m.Start {
				form = x.text[t.Start:m.End]
			}
			if !containsStr(e.Aliases, form) && strings.Count(form, " ") <= 3 {
				e.Aliases = append(e.Aliases, strings.ReplaceAll(form, "\u2019", "'"))
			}
		}
		if len(m.Name) > len(e.Name) && (e.Type != tPerson || m.Type == tPerson) {
			e.Name = m.Name
		}
	}
	for _, mi := range order {
		m := &ms[mi]
		key := x.nameKey(m.Name)
		if key == "" {
			continue
		}
		if exp, ok := x.acronymOf[m.Name]; ok {
			key = x.nameKey(exp)
		}
		nw := m.Tok1 - m.Tok0
		if m.Type == tPerson && nw > 1 {
			if ei, ok := byKey[tPerson+"|"+key]; ok {
				add(mi, ei)
				continue
			}
			// a longer form of a known person ("Donald John Trump") is left apart
			ents = append(ents, Entity{Type: tPerson})
			ei := len(ents) - 1
			byKey[tPerson+"|"+key] = ei
			persons[lastWord(key)] = append(persons[lastWord(key)], ei)
			if lt := x.nameKey(x.toks[m.Tok1-1].Text); lt != lastWord(key) {
				persons[lt] = append(persons[lt], ei) // "Murray-Bruce" for "Ben Murray-Bruce"
			}
			if fw := firstWord(key); fw != lastWord(key) {
				persons["^"+fw] = append(persons["^"+fw], ei)
			}
			add(mi, ei)
			continue
		}
		if m.Type == tDocument {
			if dk := docKey(m.Name); dk != "" {
				key = dk
			}
		}
		// a short form of a person named in full: "Umerov", "Mr Witkoff"
		if nw == 1 && (m.Type == "" || m.Type == tPerson || !m.Strong || x.weakPlace(m)) {
			cands := persons[key]
			if len(cands) == 0 && (m.Type == tPerson || m.Type == "" && givenNameAny(x.toks[m.Tok0])) && m.TitleTok < 0 {
				cands = persons["^"+key]
			}
			if c := persons["^"+key]; len(cands) == 0 && m.Type == "" && m.TitleTok < 0 && !commonWord(x.toks[m.Tok0]) && len(c) == 1 && x.namedInFullFirst(ms[ents[c[0]].Mentions[0]], m.Name) {
				cands = c // "LeBron" after the only "LeBron James"
			}
			if ei := nearestEntity(ms, ents, cands, m.Start); ei >= 0 {
				m.Type = tPerson
				add(mi, ei)
				continue
			}
		}
		// "the Times" after "the New York Times": an outlet by its head word
		if (m.Type == "" || m.Type == tInstitution) && nw == 1 && outletHeads[key] && m.Tok0 > 0 && x.toks[m.Tok0-1].Lower == "the" {
			if ei := x.institutionEndingIn(ents, key); ei >= 0 {
				m.Type = tInstitution
				add(mi, ei)
				continue
			}
		}
		if (m.Type == "" || m.Type == tInstitution) && nw == 1 {
			if ei := x.institutionWith(ents, key); ei >= 0 {
				m.Type = tInstitution
				add(mi, ei)
				continue
			}
		}
		// "Intelligence Committee" after "House Intelligence Committee"
		if m.Type == tInstitution && nw >= 2 {
			if ei := x.institutionEndingWith(ents, key); ei >= 0 {
				add(mi, ei)
				continue
			}
		}
		k := m.Type + "|" + key
		if m.Type == "" {
			// untyped: join a typed entity of the same name if there is one
			for _, t := range []string{tPerson, tInstitution, tPlace, tDocument} {
				if ei, ok := byKey[t+"|"+key]; ok {
					m.Type = t
					add(mi, ei)
					k = ""
					break
				}
			}
			if k == "" {
				continue
			}
		}
		if ei, ok := byKey[k]; ok {
			add(mi, ei)
			continue
		}
		ents = append(ents, Entity{Type: m.Type})
		byKey[k] = len(ents) - 1
		add(mi, len(ents)-1)
	}
	// "Security Council" written before "UN Security Council": the short
	// form joins the only longer name it ends
	for i := range ents {
		e := &ents[i]
		if e.Type != tInstitution && e.Type != "" || len(e.Mentions) == 0 {
			continue
		}
		k := x.nameKey(e.Name)
		j := -1
		if !strings.Contains(k, " ") {
			// "Lakers" after "Los Angeles Lakers": a place and the name
			j = x.placeQualified(ents, k)
		} else if e.Type == tInstitution {
			j = x.institutionEndingWith(ents, k)
		}
		if j >= 0 && j != i && len(ents[j].Mentions) > 0 {
			for _, mi := range e.Mentions {
				ms[mi].Entity = j
				ms[mi].Type = ents[j].Type
			}
			ents[j].Mentions = append(ents[j].Mentions, e.Mentions...)
			for _, al := range e.Aliases {
				if !containsStr(ents[j].Aliases, al) {
					ents[j].Aliases = append(ents[j].Aliases, al)
				}
			}
			ents[j].Strong = ents[j].Strong || e.Strong
			e.Mentions = nil
			e.Type = ""
		}
	}
	// drop the entities merged into others, renumbering the mentions
	kept, newIndex := ents[:0], make([]int, len(ents))
	for i := range ents {
		newIndex[i] = -1
		if len(ents[i].Mentions) > 0 {
			newIndex[i] = len(kept)
			kept = append(kept, ents[i])
		}
	}
	ents = kept
	for mi := range ms {
		if ms[mi].Entity >= 0 {
			ms[mi].Entity = newIndex[ms[mi].Entity]
		}
	}
	for i := range ents {
		e := &ents[i]
		sort.Strings(e.Aliases)
		sort.Ints(e.Mentions)
	}
	for acr, exp := range x.acronymOf {
		for i := range ents {
			if x.nameKey(ents[i].Name) == x.nameKey(exp) {
				ents[i].Acronym = acr
				if !containsStr(ents[i].Aliases, acr) {
					ents[i].Aliases = append(ents[i].Aliases, acr)
					sort.Strings(ents[i].Aliases)
				}
			}
		}
	}
	x.res.Entities = ents
}

// namedInFullFirst reports whether the full name of mention full comes
// before every mention written as the single word name alone.
func (x *articleState) namedInFullFirst(full Mention, name string) bool {
	for _, m := range x.mentions {
		if m.Name == name && m.Start < full.Start {
			return false
		}
	}
	return true
}

// nearestEntity picks, among candidate entities, the one mentioned last before pos.
func nearestEntity(ms []Mention, ents []Entity, cands []int, pos int) int {
	best, bestPos := -1, -1
	for _, ei := range cands {
		for _, mi := range ents[ei].Mentions {
			if ms[mi].Start < pos && ms[mi].Start > bestPos {
				best, bestPos = ei, ms[mi].Start
			}
		}
		if best < 0 && len(cands) == 1 {
			best = ei // named in full only later in the article
		}
	}
	return best
}

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// weakPlace reports whether a one-word place mention may be a person's
// surname instead: not a country, and not after a locative preposition
// when the place is a large one.
func (x *articleState) weakPlace(m *Mention) bool {
	if m.Type != tPlace {
		return false
	}
	p, ok := lexPlace(m.Name)
	if !ok || isCountry(p) {
		return false
	}
	if m.Tok0 > 0 && locative[x.toks[m.Tok0-1].Lower] && p.Population > 100000 {
		return false
	}
	return true
}

// locative prepositions mark a place adjunct ("talks in Geneva").
var locative = map[string]bool{"in": true, "at": true, "near": true, "from": true, "to": true, "across": true,
	"outside": true, "inside": true, "into": true, "toward": true, "towards": true, "around": true}

// institutionWith returns the only institution of the article whose name
// has the word key, not as its last (head) word ("Disney" in "Walt Disney
// Co."), or -1.
// outletHeads end the names of newspapers, which the article may then
// call by that word alone ("the Times", "the Post").
var outletHeads = map[string]bool{"times": true, "post": true, "journal": true, "herald": true, "tribune": true,
	"gazette": true, "telegraph": true, "chronicle": true, "guardian": true, "observer": true, "examiner": true,
	"inquirer": true, "courier": true, "independent": true}

// institutionEndingIn returns the only institution of two or more words
// whose last word is key, or -1.
func (x *articleState) institutionEndingIn(ents []Entity, key string) int {
	found := -1
	for ei, e := range ents {
		if e.Type != tInstitution || len(e.Mentions) == 0 {
			continue
		}
		words := strings.Fields(x.nameKey(e.Name))
		if len(words) > 1 && words[len(words)-1] == key {
			if found >= 0 && found != ei {
				return -1
			}
			found = ei
		}
	}
	return found
}

func (x *articleState) institutionWith(ents []Entity, key string) int {
	found := -1
	for ei, e := range ents {
		if e.Type != tInstitution {
			continue
		}
		words := strings.Fields(x.nameKey(e.Name))
		for i, w := range words {
			if w == key && i < len(words)-1 && len(words) > 1 {
				if found >= 0 && found != ei {
					return -1
				}
				found = ei
			}
		}
	}
	return found
}

// typeRecurring types an untyped name written two or more times with a
// capital in mid-sentence, that is no common word nor given name, as an
// institution: companies and outlets ("WeWork", "Netflix") rarely carry cues.
func (x *articleState) typeRecurring() {
	for ei := range x.res.Entities {
		e := &x.res.Entities[ei]
		if e.Type != "" || len(e.Mentions) < 2 {
			continue
		}
		mid := 0
		for _, mi := range e.Mentions {
			m := x.mentions[mi]
			if m.Tok0 > x.sents[m.Sentence].Tok0 {
				mid++
			}
		}
		words := strings.Fields(e.Name)
		if mid < 2 || len(words) > 3 {
			continue
		}
		// a model or a quantity ("TNG50", "IL-25"): no name of a body
		if strings.ContainsAny(e.Name, "0123456789") {
			continue
		}
		// a social-media handle ("@JaneDoe"): a person's or an organisation's
		if m := x.mentions[e.Mentions[0]]; m.Tok0 > 0 && x.toks[m.Tok0-1].Text == "@" {
			continue
		}
		// "the Bidens": a family named by a person's surname
		if x.personSurname(strings.TrimSuffix(strings.ToLower(e.Name), "s")) {
			continue
		}
		// used only as a modifier ("European allies", "European officials")
		modifier := true
		for _, mi := range e.Mentions {
			m := x.mentions[mi]
			if m.Tok1 >= len(x.toks) || !x.toks[m.Tok1].Word || x.toks[m.Tok1].Cap || x.toks[m.Tok1].Lower == "'s" || stopModifiers[x.toks[m.Tok1].Lower] || x.toks[m.Tok1].Para != x.toks[m.Tok0].Para {
				modifier = false
			}
		}
		if modifier {
			continue
		}
		ok := true
		for _, w := range words {
			lw := strings.ToLower(w)
			if _, common := lexCommonRank(lw); common {
				ok = false
			}
			if _, given := lexGivenName(w); given && len(words) == 1 {
				ok = false
			}
		}
		if ok {
			x.typeUntyped(ei, tInstitution)
		}
	}
}

// DropPlanned removes the relations stated as planned.
func (r *Result) DropPlanned() {
	kept := r.Relations[:0]
	for _, rel := range r.Relations {
		if rel.Status == "" {
			kept = append(kept, rel)
		}
	}
	r.Relations = kept
}

// listSep reports whether the tokens between mentions a and b of one
// sentence separate items of a list: ",", "and", "or" or ", and". With
// repeatedThe, a "the" before b is skipped when a also follows "the" ("the
// Clippers and the Lakers").
func (x *articleState) listSep(a, b int, repeatedThe bool) bool {
	ms := x.mentions
	if ms[a].Sentence != ms[b].Sentence || ms[b].Tok0 < ms[a].Tok1 {
		return false
	}
	gap := x.toks[ms[a].Tok1:ms[b].Tok0]
	if repeatedThe && len(gap) >= 2 && gap[len(gap)-1].Lower == "the" && (ms[a].Tok0 == 0 || x.toks[ms[a].Tok0-1].Lower == "the") {
		gap = gap[:len(gap)-1]
	}
	switch len(gap) {
	case 1:
		return gap[0].Text == "," || gap[0].Lower == "and" || gap[0].Lower == "or"
	case 2:
		return gap[0].Text == "," && (gap[1].Lower == "and" || gap[1].Lower == "or")
	}
	return false
}

// typeLists gives an untyped name the type of the names it is listed with:
// "acquisitions including Marvel Entertainment, Lucasfilm and BamTech".
func (x *articleState) typeLists() {
	ms := x.mentions
	sep := func(a, b int) bool { return x.listSep(a, b, true) }
	for i := 0; i < len(ms); {
		j := i
		for j+1 < len(ms) && sep(j, j+1) {
			j++
		}
		if j > i {
			typ := ""
			agree := true
			for k := i; k <= j; k++ {
				if e := ms[k].Entity; e >= 0 {
					if t := x.res.Entities[e].Type; t != "" {
						if typ != "" && typ != t {
							agree = false
						}
						typ = t
					}
				}
			}
			if agree && (typ == tInstitution || typ == tPerson) {
				for k := i; k <= j; k++ {
					// "the Steelers and Browns": a team named by a common word
					theList := ms[i].Tok0 > 0 && x.toks[ms[i].Tok0-1].Lower == "the"
					if x.nameLike(k) || typ == tInstitution && (theList && x.recurringWord(k) || x.recurringPhrase(k)) {
						x.typeUntyped(ms[k].Entity, typ)
					}
				}
			}
		}
		i = j + 1
	}
}

// recurringPhrase: mention mi is a name of two or three capitalised words
// that the article writes at least twice, once in mid-sentence ("Blue
// Origin"): a name even when its words are common.
func (x *articleState) recurringPhrase(mi int) bool {
	m := x.mentions[mi]
	if m.Tok1-m.Tok0 < 2 || m.Tok1-m.Tok0 > 3 || m.Entity < 0 || len(x.res.Entities[m.Entity].Mentions) < 2 {
		return false
	}
	for k := m.Tok0; k < m.Tok1; k++ {
		if t := x.toks[k]; !t.Cap || t.Upper || !t.Word {
			return false
		}
	}
	mid := false
	for _, o := range x.res.Entities[m.Entity].Mentions {
		om := x.mentions[o]
		s := x.sents[om.Sentence]
		if om.Tok0 > s.Tok0 {
			mid = true
			// a product: "an Apple Watch", "its Singles Day sales", "the
			// Falcon Heavy", "Apple Watch charging"
			switch x.toks[om.Tok0-1].Lower {
			case "a", "an", "the", "its", "his", "her", "their", "our", "any":
				return false
			}
		}
		if x.nounModifier(o, s) {
			return false
		}
	}
	return mid
}

// honorific titles make a surface form with a full name too ("Mr Donald Trump").
var honorific = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "president": true}

// typeUntyped gives entity ei, and its mentions, type typ if it has none.
func (x *articleState) typeUntyped(ei int, typ string) {
	if ei < 0 || x.res.Entities[ei].Type != "" {
		return
	}
	e := &x.res.Entities[ei]
	e.Type = typ
	for _, mi := range e.Mentions {
		x.mentions[mi].Type = typ
	}
}

// institutionEndingWith returns the only institution of the article whose
// name ends with the words of key and is longer ("House Intelligence
// Committee" for "Intelligence Committee"), or -1.
func (x *articleState) institutionEndingWith(ents []Entity, key string) int {
	found := -1
	for ei, e := range ents {
		k := x.nameKey(e.Name)
		if e.Type == tInstitution && len(k) > len(key) && strings.HasSuffix(k, " "+key) {
			if found >= 0 && found != ei {
				return -1
			}
			found = ei
		}
	}
	return found
}

// placeQualified returns the only institution of the article named by a
// place and the word key ("Los Angeles Lakers" for "Lakers"), or -1. A head
// word is no name of its own ("Tribune" may be another company than the
// "Chicago Tribune").
func (x *articleState) placeQualified(ents []Entity, key string) int {
	if x.orgHeads[key] {
		return -1
	}
	found := -1
	for ei, e := range ents {
		k := x.nameKey(e.Name)
		if e.Type != tInstitution || len(e.Mentions) == 0 {
			continue
		}
		prefix, ok := strings.CutSuffix(k, " "+key)
		if !ok {
			continue
		}
		if _, place := lexPlace(prefix); !place {
			continue
		}
		if found >= 0 && found != ei {
			return -1
		}
		found = ei
	}
	return found
}

// personSurname reports whether some person of the article has the surname w (lower case).
func (x *articleState) personSurname(w string) bool {
	for _, e := range x.res.Entities {
		if e.Type == tPerson && lastWord(x.nameKey(e.Name)) == w {
			return true
		}
	}
	return false
}

// nameKey is NameKey, remembered for the article.
func (x *articleState) nameKey(s string) string {
	k, ok := x.nameKeys[s]
	if !ok {
		if x.nameKeys == nil {
			x.nameKeys = map[string]string{}
		}
		k = NameKey(s)
		x.nameKeys[s] = k
	}
	return k
}
