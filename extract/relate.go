package extract

import (
	"sort"
	"strings"

	"github.com/kgraph/kg/extract/lexicon"

	"github.com/kgraph/kg/schema"
)

// Argument forms of a trigger (see the schema's comments).
const (
	formActive = iota
	formPassive
	formBetween
	formSubject
	formRole
)

var formBase = [...]float64{formActive: 0.75, formPassive: 0.75, formBetween: 0.8, formSubject: 0.65, formRole: 0.85}

type trigger struct {
	words []string
	form  int
	rel   int // index into relater.rels
}

type relDef struct {
	notBefore map[string]bool
	name      string
	symmetric bool
	source    map[string]bool
	target    map[string]bool
	roles     *phraseSet
}

// relater finds relations from the triggers and roles of a schema.
type relater struct {
	allRoles *phraseSet // the role nouns of every relation
	offices  *phraseSet // the Person titles that name an office ("the president")
	docHeads map[string]bool
	rels     []relDef
	triggers map[string][]trigger // first word -> triggers, longest first
	neg      *phraseSet
	hyp      *phraseSet
	planned  *phraseSet
	// the relation of a player to a team ("… points for the Thunder"), -1
	// when the schema has no MEMBER_OF
	memberRel int
}

func newRelater(s *schema.Schema) *relater {
	rl := &relater{triggers: map[string][]trigger{}, docHeads: map[string]bool{}}
	if d, ok := s.Entity(tDocument); ok {
		rl.docHeads = wordSetExact(d.Cues.Heads)
	}
	var offices []string
	if d, ok := s.Entity(tPerson); ok {
		for _, t := range d.Cues.Titles {
			if officeTitles[t] {
				offices = append(offices, t)
			}
		}
	}
	rl.offices = newPhraseSet(offices)
	for ri, r := range s.Relations {
		rl.rels = append(rl.rels, relDef{notBefore: wordSetExact(r.NotBefore), name: r.Name, symmetric: r.Symmetric, source: wordSetExact(r.Source), target: wordSetExact(r.Target), roles: newPhraseSet(r.Roles)})
		for form, list := range [][]string{formActive: r.Triggers.Active, formPassive: r.Triggers.Passive, formBetween: r.Triggers.Between, formSubject: r.Triggers.Subject} {
			for _, p := range list {
				w := phraseWords(p)
				rl.triggers[w[0]] = append(rl.triggers[w[0]], trigger{words: w, form: form, rel: ri})
			}
		}
	}
	for k, list := range rl.triggers {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
		rl.triggers[k] = list
	}
	var roles [][]string
	for _, r := range s.Relations {
		roles = append(roles, r.Roles)
	}
	rl.allRoles = newPhraseSet(roles...)
	rl.memberRel = -1
	for ri, r := range s.Relations {
		if r.Name == "MEMBER_OF" {
			rl.memberRel = ri
		}
	}
	rl.neg = newPhraseSet(s.Modality.Negation)
	rl.hyp = newPhraseSet(s.Modality.Hypothetical)
	rl.planned = newPhraseSet(s.Modality.Planned)
	return rl
}

func wordSetExact(l []string) map[string]bool {
	m := map[string]bool{}
	for _, w := range l {
		m[w] = true
	}
	return m
}

// roleLink is a person tied to another entity through a role noun, whatever
// the relation types allow: used to find the target of "… resigned".
type roleLink struct {
	person, other int // mention indexes
	role          string
}

var gapPreps = map[string]bool{"with": true, "by": true, "to": true, "between": true, "from": true, "as": true, "over": true}

// matchTrigger matches t at token i of sentence s; the last word may come
// after a short gap when it is a preposition ("met for four hours with").
func (rl *relater) matchTrigger(x *articleState, t *trigger, i int, s Sentence, mentionAt []int) int {
	toks := x.toks
	j := i
	for k, w := range t.words {
		if j >= s.Tok1 {
			return -1
		}
		if toks[j].Lower == w {
			j++
			continue
		}
		if k == len(t.words)-1 && k > 0 && gapPreps[w] {
			for g := j; g < s.Tok1 && g < j+6; g++ {
				if mi := mentionAt[g]; mi >= 0 && x.locativePlace(mi, j) {
					// "met in Geneva with …", "a meeting in the Oval
					// Office with …": a place after "in" or "at"
					g = x.mentions[mi].Tok1 - 1
					continue
				}
				if mentionAt[g] >= 0 || (!toks[g].Word && toks[g].Text != "-") {
					return -1
				}
				if toks[g].Lower == w {
					return g + 1
				}
			}
		}
		return -1
	}
	return j
}

// relate finds the relations of every sentence of x.
func (rl *relater) relate(x *articleState) {
	ms := x.mentions
	toks := x.toks
	mentionAt := make([]int, len(toks)) // token -> mention index, -1
	for i := range mentionAt {
		mentionAt[i] = -1
	}
	x.bySent = make([][]int, len(x.sents))
	for mi, m := range ms {
		for k := m.Tok0; k < m.Tok1; k++ {
			mentionAt[k] = mi
		}
		x.bySent[m.Sentence] = append(x.bySent[m.Sentence], mi)
	}
	seen := map[[4]int]bool{}
	emit := func(rel int, src, dst, si int, trig string, status string, conf float64) {
		if src < 0 || dst < 0 {
			return
		}
		es, et := x.mentions[src].Entity, x.mentions[dst].Entity
		if es < 0 || et < 0 || es == et {
			return
		}
		d := rl.rels[rel]
		ts, tt := x.res.Entities[es].Type, x.res.Entities[et].Type
		okS := func(t string) bool { return t == "" || d.source[t] }
		okT := func(t string) bool { return t == "" || d.target[t] }
		if !okS(ts) || !okT(tt) {
			if d.symmetric && okS(tt) && okT(ts) {
				es, et = et, es
			} else {
				return
			}
		}
		if d.symmetric && es > et && okS(tt) && okT(ts) {
			es, et = et, es
		}
		key := [4]int{rel, es, et, si}
		if seen[key] {
			return
		}
		seen[key] = true
		x.res.Relations = append(x.res.Relations, Relation{Type: d.name, Source: es, Target: et, Sentence: si, Trigger: trig, Status: status, Confidence: conf})
	}
	for si, s := range x.sents {
		rl.roles(x, si, s, mentionAt, emit)
		rl.playedFor(x, si, s, mentionAt, emit)
		rl.ownPlans(x, si, s, mentionAt, emit)
		rl.leftPost(x, si, s, mentionAt, emit)
		rl.bareRoles(x, si, s, mentionAt, emit)
		for i := s.Tok0; i < s.Tok1; i++ {
			if mentionAt[i] >= 0 {
				continue
			}
			list := rl.triggers[toks[i].Lower]
			if len(list) == 0 {
				continue
			}
			matched := map[int]int{} // relation -> end of the longest trigger matched here
			for ti := range list {
				t := &list[ti]
				e := rl.matchTrigger(x, t, i, s, mentionAt)
				if e < 0 || e < matched[t.rel] {
					continue
				}
				// a longer trigger that finds no arguments lets a shorter one
				// try: "stepped down as CEO" names no organisation after "as",
				// "stepped down" still takes its subject
				if rl.applyTrigger(x, t, i, e, si, s, mentionAt, emit) {
					matched[t.rel] = e
				}
			}
		}
	}
}

type emitFunc func(rel int, src, dst, si int, trig string, status string, conf float64)

func (rl *relater) typeOK(x *articleState, mi int, types map[string]bool) bool {
	e := x.mentions[mi].Entity
	if e < 0 {
		return false
	}
	t := x.res.Entities[e].Type
	if t == "" && x.untypedArgs {
		// a name no cue typed ("Volker said meeting with Giuliani"): taken
		// when no typed name fits; resolution across articles types it or
		// drops the relation
		return x.nameLike(mi)
	}
	return types[t]
}

// nameLike: a mention that looks like a proper name, not a capitalised
// ordinary word.
func (x *articleState) nameLike(mi int) bool {
	m := x.mentions[mi]
	for k := m.Tok0; k < m.Tok1; k++ {
		t := x.toks[k]
		if !t.Cap || t.Upper || strings.ContainsAny(t.Text, "0123456789") {
			return false
		}
		if _, common := lexCommonRank(t.Lower); common {
			return false
		}
	}
	return true
}

// left finds the nearest mention before token i in the sentence whose type
// is allowed, resolving "he"/"she" to the last person named before.
func (rl *relater) left(x *articleState, i int, s Sentence, mentionAt []int, types map[string]bool) (int, int) {
	if mi, d := rl.left1(x, i, s, mentionAt, types); mi >= 0 || x.untypedArgs {
		return mi, d
	}
	x.untypedArgs = true
	defer func() { x.untypedArgs = false }()
	return rl.left1(x, i, s, mentionAt, types)
}

func (rl *relater) left1(x *articleState, i int, s Sentence, mentionAt []int, types map[string]bool) (int, int) {
	toks := x.toks
	for j := i - 1; j >= s.Tok0 && j >= i-25; j-- {
		if mi := mentionAt[j]; mi >= 0 {
			m := x.mentions[mi]
			// a possessor is no subject ("Zelenskiy's chief of staff …"), except
			// of a noun trigger right after it ("Trump's meeting with …")
			poss := x.possessor(mi) && m.Tok1+1 != i
			if rl.typeOK(x, mi, types) && !x.adjunct(mi, -1) && !(types[tPerson] && poss) {
				return mi, i - j
			}
			j = m.Tok0
			continue
		}
		switch toks[j].Lower {
		case ";", "it", "they", "we", "i", "you":
			return -1, 0 // the subject is a pronoun naming no one we know
		case "he", "she":
			if types[tPerson] {
				return x.pronounRef(j, -1), i - j
			}
			return -1, 0
		}
		if types[tPerson] {
			for k := j - 1; k >= s.Tok0 && k >= j-5; k-- {
				if title, e := rl.officeAt(x, k, s, mentionAt); e == j+1 {
					// "the president met …": the one person given that title
					return x.officeRef(title, k), i - k
				}
			}
		}
	}
	return -1, 0
}

// right finds the nearest allowed mention after token e.
func (rl *relater) right(x *articleState, e int, s Sentence, mentionAt []int, types map[string]bool, limit int) (int, int) {
	if mi, d := rl.right1(x, e, s, mentionAt, types, limit); mi >= 0 || x.untypedArgs {
		return mi, d
	}
	x.untypedArgs = true
	defer func() { x.untypedArgs = false }()
	return rl.right1(x, e, s, mentionAt, types, limit)
}

func (rl *relater) right1(x *articleState, e int, s Sentence, mentionAt []int, types map[string]bool, limit int) (int, int) {
	toks := x.toks
	steps := 0
	for j := e; j < s.Tok1 && steps < limit; j++ {
		if mi := mentionAt[j]; mi >= 0 {
			if rl.typeOK(x, mi, types) && !x.adjunct(mi, e) {
				return mi, steps
			}
			j = x.mentions[mi].Tok1 - 1
			continue
		}
		if types[tPerson] {
			if title, e2 := rl.officeAt(x, j, s, mentionAt); e2 > 0 {
				// "… met the president": the one person given that title
				return x.officeRef(title, j), steps
			}
		}
		steps++
		switch toks[j].Lower {
		case ";", "said", "says", "told", "tells", "according", "including", "include", "includes", "such":
			return -1, 0
		}
	}
	return -1, 0
}

// coordinated returns mi and the mentions joined to it by "and" or commas
// in a list ("Witkoff and Kushner met …"), looking left (dir -1) or right.
func (rl *relater) coordinated(x *articleState, mi int, dir int, s Sentence, mentionAt []int, types map[string]bool) []int {
	out := []int{mi}
	for cur := mi; ; {
		next := rl.coordinate(x, cur, dir, s, mentionAt, types)
		if next < 0 || containsInt(out, next) {
			return out
		}
		out = append(out, next)
		cur = next
	}
}

// coordinate finds the name joined to mention cur by "and", "or" or a comma
// in a list, looking left (dir -1) or right, across titles and the names in
// them: "Jared Kushner, and U.S. special envoy Steve Witkoff", "Boris Johnson
// and opposition Labour Party leader Jeremy Corbyn".
func (rl *relater) coordinate(x *articleState, cur int, dir int, s Sentence, mentionAt []int, types map[string]bool) int {
	toks := x.toks
	m := x.mentions[cur]
	j := m.Tok1
	if dir < 0 {
		j = m.Tok0 - 1
		if m.TitleTok >= 0 && m.TitleTok < m.Tok0 {
			j = m.TitleTok - 1 // "U.S. special envoy Steve Witkoff": start before the title
		}
	}
	conn := false
	for steps := 0; steps < 10 && j >= s.Tok0 && j < s.Tok1; steps++ {
		t := toks[j]
		if mi := mentionAt[j]; mi >= 0 {
			o := x.mentions[mi]
			if conn && rl.typeOK(x, mi, types) {
				if dir < 0 || o.Tok0 == j || o.TitleTok >= 0 {
					return mi
				}
			}
			// another kind of name inside a title: "U.S." in "U.S. special envoy",
			// "Labour Party" in "Labour Party leader"
			if rl.typeOK(x, mi, types) {
				return -1
			}
			if dir < 0 {
				j = o.Tok0 - 1
			} else {
				j = o.Tok1
			}
			continue
		}
		switch {
		case t.Text == "," || t.Lower == "and" || t.Lower == "or":
			conn = true
		case t.Word && (roleMods[t.Lower] || rl.anyRole(x, j, s) >= 0 || lexicon.TitleWord(t.Lower) || t.Lower == "opposition" || t.Cap && !conn):
			// title words of the next name, or of this one before the connector
		case dir > 0 && conn && inTitleOfNext(x, j, s, mentionAt):
			// any title the recogniser read before the next name ("vice-premier")
		default:
			return -1
		}
		j += dir
	}
	return -1
}

// timeUnits are nouns of "within weeks of …", "days after …".
var timeUnits = map[string]bool{"minutes": true, "hours": true, "days": true, "weeks": true, "months": true,
	"years": true, "day": true, "week": true, "month": true, "year": true}

// pastFrame returns the token after a preposition that frames the noun
// phrase of a trigger at token i as a time or place of something else ("at
// a news conference between …", "within weeks of an October summit between
// …"), so that the modality of the main verb does not reach the trigger; or
// s.Tok0 when there is none.
func pastFrame(toks []Token, s Sentence, i int) int {
	j := i - 1
	for j > s.Tok0 && (toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Lower == "the" || toks[j].Cap || isModifier(toks[j]) && !timeUnits[toks[j].Lower]) && i-j <= 4 {
		j--
	}
	if j <= s.Tok0 {
		return s.Tok0
	}
	switch toks[j].Lower {
	case "at", "during", "after", "since", "following":
		return j + 1
	case "of":
		if timeUnits[toks[j-1].Lower] {
			return j + 1
		}
	}
	return s.Tok0
}

// objectAdjacent reports whether mention r follows token e with only its
// title words, or other names inside that title, between them ("received
// Chinese Vice Premier Liu He").
func (rl *relater) objectAdjacent(x *articleState, e, r int, s Sentence, mentionAt []int) bool {
	m := x.mentions[r]
	for j := e; j < m.Tok0; j++ {
		if m.TitleTok >= 0 && j >= m.TitleTok {
			return true
		}
		t := x.toks[j]
		if mentionAt[j] >= 0 || roleMods[t.Lower] || lexicon.TitleWord(t.Lower) || rl.anyRole(x, j, s) >= 0 || t.Lower == "the" || t.Lower == "his" || t.Lower == "her" || t.Lower == "their" || t.Lower == "its" {
			continue
		}
		return false
	}
	return true
}

// inTitleOfNext reports whether token j lies in the title written before the
// next name of the sentence.
func inTitleOfNext(x *articleState, j int, s Sentence, mentionAt []int) bool {
	for k := j + 1; k < s.Tok1 && k <= j+4; k++ {
		if mi := mentionAt[k]; mi >= 0 {
			tt := x.mentions[mi].TitleTok
			return tt >= 0 && tt <= j
		}
	}
	return false
}

// modality classifies the words of [from, to) plus a few after the trigger:
// "" for a fact, "planned", or "drop" for negated and hypothetical statements.
func (rl *relater) modality(x *articleState, from, trigStart, trigEnd int, s Sentence) string {
	toks := x.toks
	status := ""
	check := func(a, b int) string {
		for j := a; j < b; j++ {
			w := toks[j].Lower
			if strings.HasSuffix(w, "n't") {
				return "drop"
			}
			// (a modal capitalised in mid-sentence is a month or a name:
			// "in May she visited …")
			if rl.neg.match(toks, j, b) > 0 || rl.hyp.match(toks, j, b) > 0 && !(toks[j].Cap && j > s.Tok0 && toks[j-1].Word) {
				return "drop"
			}
			if w == "to" {
				if j == trigStart-1 {
					status = "planned"
				}
				continue
			}
			if rl.planned.match(toks, j, b) > 0 {
				status = "planned"
			}
		}
		return status
	}
	if st := check(max(from, s.Tok0), trigStart); st == "drop" {
		return st
	}
	// "talks … are planned", "was cancelled"
	after := min(s.Tok1, trigEnd+8)
	for j := trigEnd; j < after; j++ {
		w := toks[j].Lower
		if w == "planned" || w == "scheduled" || w == "expected" {
			status = "planned"
		}
		if w == "cancelled" || w == "canceled" || w == "postponed" {
			return "drop"
		}
		if w == "," || w == ";" {
			break
		}
	}
	return status
}

// clauseStart returns the first token of the clause holding token i.
func clauseStart(toks []Token, s Sentence, i int) int {
	for j := i - 1; j > s.Tok0; j-- {
		switch toks[j].Text {
		case ";", ":", "—", "–", "“", "”", "\"":
			return j + 1
		}
		if toks[j].Lower == "but" || toks[j].Lower == "while" || toks[j].Lower == "although" {
			return j + 1
		}
	}
	return s.Tok0
}

func (rl *relater) applyTrigger(x *articleState, t *trigger, i, e, si int, s Sentence, mentionAt []int, emit emitFunc) bool {
	d := rl.rels[t.rel]
	toks := x.toks
	trig := strings.ToLower(x.text[toks[i].Start:toks[e-1].End])
	status := func(from int) (string, bool) {
		st := rl.modality(x, from, i, e, s)
		return st, st != "drop"
	}
	cs := clauseStart(toks, s, i)
	switch t.form {
	case formActive, formPassive:
		srcTypes, dstTypes := d.source, d.target
		if t.form == formPassive {
			srcTypes, dstTypes = d.target, d.source
		}
		l, dl := rl.left(x, i, s, mentionAt, srcTypes)
		if e < s.Tok1 && (d.notBefore[toks[e].Lower] || t.form == formActive && toks[e].Lower == "by") {
			return true // "led to", "heads into"; "published by" is passive
		}
		r, dr := rl.right(x, e, s, mentionAt, dstTypes, 10)
		if l < 0 && r >= 0 && t.form == formActive {
			// "After meeting Putin, Trump said …": the subject of the main clause
			l, dl = rl.frontedSubject(x, r, s, mentionAt, srcTypes, i)
		}
		if r >= 0 && t.form == formActive && d.symmetric && len(t.words) == 1 && !rl.objectAdjacent(x, e, r, s, mentionAt) {
			// "Trump hosted Putin", "Xi received Macron": a bare verb takes the
			// name right after it, not one further in the clause ("hosted a
			// dinner … with Putin", "received a call from …")
			r = -1
		}
		if l >= 0 && r >= 0 && d.symmetric && x.mentions[l].Entity >= 0 && x.mentions[l].Entity == x.mentions[r].Entity {
			// "he visited Epstein", the last person named before being
			// Epstein: the pronoun is someone else, named before him
			l = rl.otherThanObject(x, i, s, mentionAt, x.mentions[r].Entity)
		}
		if r >= 0 && t.form == formActive && d.symmetric && topicBefore(toks, e, x.mentions[r].Tok0) {
			// "spoke with reporters about Okafor": the name after "about"
			// is the topic, not the one met
			r = -1
		}
		if r < 0 && l >= 0 && t.form == formActive && dstTypes[tDocument] {
			// "proposed a wealth tax", "unveiled a plan": the object names a document
			r = rl.documentObject(x, e, si, s, mentionAt)
		}
		if l < 0 && r >= 0 && t.form == formPassive && srcTypes[tDocument] && t.words[0] != "backed" {
			// "the boxy concept proposed by Acme": the noun before names a document
			l = rl.documentBefore(x, i, si, s, mentionAt)
		}
		if l < 0 || r < 0 {
			return false
		}
		from := x.mentions[l].Tok1
		if from > i {
			from = cs
		}
		st, ok := status(min(from, i))
		if !ok {
			return true
		}
		conf := formBase[t.form] * (1 - 0.015*float64(dl+dr))
		for _, a := range rl.coordinated(x, l, -1, s, mentionAt, srcTypes) {
			for _, b := range rl.coordinated(x, r, 1, s, mentionAt, dstTypes) {
				if t.form == formPassive {
					emit(t.rel, b, a, si, trig, st, conf)
				} else {
					emit(t.rel, a, b, si, trig, st, conf)
				}
			}
		}
		return true
	case formBetween:
		a, da := rl.right(x, e, s, mentionAt, d.source, 6)
		if a < 0 {
			return false
		}
		list := rl.coordinated(x, a, 1, s, mentionAt, d.target)
		if len(list) < 2 {
			return false
		}
		st, ok := status(max(cs, pastFrame(toks, s, i)))
		if !ok {
			return true
		}
		conf := formBase[formBetween] * (1 - 0.015*float64(da))
		for p := 0; p < len(list); p++ {
			for q := p + 1; q < len(list); q++ {
				emit(t.rel, list[p], list[q], si, trig, st, conf)
			}
		}
		return true
	case formSubject:
		l, dl := rl.left(x, i, s, mentionAt, d.source)
		if l < 0 {
			return false
		}
		st, ok := status(x.mentions[l].Tok1)
		if x.mentions[l].Tok1 > i {
			st, ok = status(cs)
		}
		if !ok {
			return true
		}
		subj := rl.coordinated(x, l, -1, s, mentionAt, d.source)
		conf := formBase[formSubject] * (1 - 0.015*float64(dl))
		if d.symmetric {
			for p := 0; p < len(subj); p++ {
				for q := p + 1; q < len(subj); q++ {
					emit(t.rel, subj[p], subj[q], si, trig, st, conf)
				}
			}
			return len(subj) > 1
		}
		// the target: "resigned from X" is an active trigger; here take the
		// entity the subject holds a role in, else the next allowed entity
		for _, a := range subj {
			dst := -1
			// a role the subject holds, stated anywhere before in the article
			for _, rlk := range x.roleLinks {
				if x.mentions[rlk.person].Entity == x.mentions[a].Entity && rl.typeOK(x, rlk.other, d.target) {
					dst = rlk.other
				}
			}
			if dst < 0 {
				// "resigned as head of X", "stepped down from the board of X"
				for j := e; j < s.Tok1 && j < e+6; j++ {
					if mi := mentionAt[j]; mi >= 0 {
						if rl.typeOK(x, mi, d.target) && x.res.Entities[x.mentions[mi].Entity].Type != tPerson {
							dst = mi
						}
						break
					}
					w := toks[j].Lower
					if w == "and" || w == "," || w == "but" || w == ";" || w == "after" || w == "when" {
						break
					}
				}
			}
			if dst < 0 {
				// the organisation named nearest before the subject
				for j := x.mentions[a].Tok0 - 1; j >= s.Tok0; j-- {
					if mi := mentionAt[j]; mi >= 0 && rl.typeOK(x, mi, d.target) && x.res.Entities[x.mentions[mi].Entity].Type == tInstitution {
						dst = mi
						break
					}
				}
			}
			c := conf * 0.8
			if dst < 0 {
				// "Morales resigned": the country or organisation the article is
				// most about, a guess marked by a low confidence
				dst = x.mainPlaceOrOrg(d.target, x.mentions[a].Entity)
				c = conf * 0.4
			}
			emit(t.rel, a, dst, si, trig, st, c)
		}
		return true
	}
	return false
}

// roleMods are words allowed between an organisation and a role noun
// ("the Kremlin's top spokesman", "US special envoy").
var roleMods = map[string]bool{"top": true, "senior": true, "special": true, "chief": true, "deputy": true,
	"long-time": true, "longtime": true, "acting": true, "new": true, "presidential": true, "press": true,
	"foreign": true, "policy": true, "former": true, "interim": true, "then": true, "current": true,
	"first": true, "vice": true, "executive": true, "general": true, "outgoing": true, "incoming": true,
	"second": true, "third": true, "fourth": true, "fifth": true, "eldest": true, "oldest": true, "youngest": true,
	"elder": true, "older": true, "younger": true, "late": true, "estranged": true, "only": true}

// nounModifier reports whether mention mi stands before a lower-case word
// that is no verb, as a name modifying a noun does ("NASA's Galileo probe
// found …"); a person's name is followed by punctuation or a verb ("the
// BBC's Jane Doe asked …", "… did", "… won").
func (x *articleState) nounModifier(mi int, s Sentence) bool {
	k := x.mentions[mi].Tok1
	if k >= s.Tok1 {
		return false
	}
	t := x.toks[k]
	if !t.Word || t.Cap || t.Lower == "'s" {
		return false
	}
	w := t.Lower
	return !(strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") || pastVerbs[w])
}

// pastVerbs are irregular verbs that follow a subject's name.
var pastVerbs = map[string]bool{"did": true, "had": true, "won": true, "took": true, "made": true, "got": true,
	"gave": true, "went": true, "came": true, "saw": true, "ran": true, "led": true, "left": true, "wrote": true,
	"began": true, "kept": true, "put": true, "set": true, "met": true, "spoke": true, "broke": true, "who": true,
	"told": true, "said": true, "will": true, "would": true, "can": true, "could": true, "may": true, "might": true,
	"should": true, "must": true, "and": true, "on": true, "in": true, "at": true, "also": true, "then": true}

// exMembers are nouns for a (former) member written between an organisation
// and a name: "Lakers great Magic Johnson", "club legend …".
var exMembers = map[string]bool{"great": true, "legend": true, "alum": true, "alumnus": true, "alumna": true}

// statNouns count what a player makes in a game: "31 points for the Thunder".
var statNouns = map[string]bool{"points": true, "rebounds": true, "rebound": true, "assists": true, "assist": true,
	"goals": true, "goal": true, "saves": true, "touchdowns": true, "touchdown": true, "yards": true, "runs": true,
	"wickets": true, "tries": true, "strikeouts": true, "steals": true, "blocks": true, "hat-trick": true,
	"triple-double": true, "double-double": true, "homer": true, "homers": true, "interceptions": true,
	"sacks": true, "3-pointers": true, "3-pointer": true, "three-pointers": true, "birdies": true}

// playedFor finds the team of a player from a game statistic credited to
// them: "PERSON scored 31 points … for the TEAM", "PERSON had 10 assists for
// TEAM", "PERSON got a key rebound for the TEAM".
func (rl *relater) playedFor(x *articleState, si int, s Sentence, mentionAt []int, emit emitFunc) {
	if rl.memberRel < 0 {
		return
	}
	toks := x.toks
	ms := x.mentions
	for k := s.Tok0 + 2; k+1 < s.Tok1; k++ {
		if toks[k].Lower != "for" || mentionAt[k] >= 0 {
			continue
		}
		j := k + 1
		if toks[j].Lower == "the" {
			j++
		}
		// "for the NBA-leading Lakers", "for the surging Lakers"
		for g := 0; g < 2 && j < s.Tok1 && mentionAt[j] < 0 && toks[j].Word && (isModifier(toks[j]) || strings.Contains(toks[j].Text, "-") && !isCapWord(&toks[j])); g++ {
			j++
		}
		if j >= s.Tok1 || mentionAt[j] < 0 || ms[mentionAt[j]].Tok0 != j {
			continue
		}
		team := mentionAt[j]
		if ms[team].Entity < 0 {
			continue
		}
		if tt := x.res.Entities[ms[team].Entity].Type; !(tt == tInstitution || tt == tPlace || tt == "" && (x.nameLike(team) || x.recurringWord(team))) {
			continue
		}
		// back to the player: a statistic first, then the nearest name
		stat := false
		for q := k - 1; q >= s.Tok0 && q >= k-25; q-- {
			if mi := mentionAt[q]; mi >= 0 {
				m := ms[mi]
				if m.Entity >= 0 && x.res.Entities[m.Entity].Type == tPerson && !x.possessor(mi) {
					if stat {
						rl.typeOrg(x, team)
						emit(rl.memberRel, mi, team, si, "for", "", formBase[formRole]-0.15)
					}
					break
				}
				q = m.Tok0
				continue
			}
			w := toks[q].Lower
			if statNouns[w] {
				stat = true
			}
			if w == ";" || w == "but" || w == "while" || w == "although" || w == "whereas" {
				break
			}
		}
	}
}

// recurringWord: mention mi is one capitalised word that the article writes
// with a capital in mid-sentence at least twice ("the Thunder").
func (x *articleState) recurringWord(mi int) bool {
	m := x.mentions[mi]
	return m.Tok1-m.Tok0 == 1 && x.toks[m.Tok0].Cap && !x.toks[m.Tok0].Upper && x.capMidCount[x.toks[m.Tok0].Lower] >= 2
}

// companyNouns refer back to a firm named before ("the company's founder").
var companyNouns = map[string]bool{"company": true, "firm": true, "startup": true, "group": true, "bank": true,
	"agency": true}

// onlyInstitutionBefore returns the one institution mentioned in sentence s
// before token end, or -1 when there is none or more than one.
func (x *articleState) onlyInstitutionBefore(end int, s Sentence, mentionAt []int) int {
	found, ent := -1, -1
	for k := s.Tok0; k < end; k++ {
		mi := mentionAt[k]
		if mi < 0 || x.mentions[mi].Tok0 != k || x.mentions[mi].Entity < 0 {
			continue
		}
		e := x.mentions[mi].Entity
		if x.res.Entities[e].Type != tInstitution {
			continue
		}
		if ent >= 0 && ent != e {
			return -1
		}
		found, ent = mi, e
	}
	return found
}

// honorifics stand before a name after the role that states a relation.
var honorifics = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "miss": true, "prof": true, "sir": true, "dame": true}

// subordinate words make a role a rank below the one they modify ("associate
// administrator"): the person does not lead the organisation.
var subordinate = map[string]bool{"associate": true, "assistant": true, "deputy": true, "vice": true,
	"under": true, "adjunct": true, "sub": true}

// roles finds relations stated by role nouns in sentence si:
//
//	ORG [mods] ROLE PERSON           "Kremlin spokesman Dmitry Peskov"
//	ORG's [mods] ROLE PERSON         "Trump's son-in-law Jared Kushner"
//	ORG ROLE and ROLE PERSON         "WeWork founder and former CEO Adam Neumann"
//	PERSON, [det] [mods] ROLE [and ROLE] of|at|for [the] [mods] ORG
//	                                 "Kirill Dmitriev, CEO of the Russian Direct Investment Fund"
//	PERSON, [det] [mods] ORG [mods] ROLE
//	                                 "Tim Morrison, a former National Security Council official"
//	PERSON, [title] ORG's [mods] ROLE "Andriy Yermak, President Zelenskiy's chief of staff"
//	PERSON is|was|as|became [the] ROLE of ORG
//	ORG ROLE [and …], PERSON         "Ukraine's Security Council Secretary and leader of …, Rustem Umerov"
//
// An untyped name in the person's place becomes a person, one in the
// organisation's place an institution.
func (rl *relater) roles(x *articleState, si int, s Sentence, mentionAt []int, emit emitFunc) {
	toks := x.toks
	ms := x.mentions
	for _, pi := range x.bySent[si] {
		p := &ms[pi]
		if p.Entity < 0 {
			continue
		}
		pt := x.res.Entities[p.Entity].Type
		if pt != tPerson && pt != "" {
			continue
		}
		// ORG's PERSON ("the BBC's Jane Doe"), ORG great PERSON ("Lakers great
		// John Doe"): a member named by the organisation alone
		if p.TitleTok < 0 && p.Tok0-2 >= s.Tok0 {
			q := p.Tok0 - 1
			poss := toks[q].Lower == "'s"
			if (poss || exMembers[toks[q].Lower]) && !toks[q].Cap {
				if oi := mentionAt[q-1]; oi >= 0 && ms[oi].Entity >= 0 {
					ot := x.res.Entities[ms[oi].Entity].Type
					if (pt == tPerson || !poss) && (ot == tInstitution || ot == "" && !poss && (x.nameLike(oi) || x.recurringWord(oi))) && !x.nounModifier(pi, s) {
						rl.typeOrg(x, oi)
						rl.typePerson(x, pi)
						rl.emitRole(x, pi, oi, "member", si, emit, 0.1)
					}
				}
			}
		}
		// ORG [mods] ROLE PERSON, ORG's [mods] ROLE PERSON
		if p.TitleTok >= 0 && pt == tPerson {
			j := p.TitleTok - 1
			title := p.Title
			// a role before an honorific: "the network's chief medical
			// correspondent Dr. Jane Doe"
			if honorifics[strings.TrimSuffix(p.Title, ".")] {
				if a := rl.anyRoleEndingAt(x, s, j+1); a >= 0 {
					title = strings.ToLower(spanText(toks, a, j+1))
					j = a - 1
					for g := 0; g < 3 && j > s.Tok0 && mentionAt[j] < 0 && isModifier(toks[j]) && !roleMods[toks[j].Lower]; g++ {
						j--
					}
				}
			}
			for {
				for j >= s.Tok0 && roleMods[toks[j].Lower] && mentionAt[j] < 0 {
					j--
				}
				// "founder and former CEO": another role before "and"
				if j > s.Tok0 && toks[j].Lower == "and" {
					if a := rl.anyRoleEndingAt(x, s, j); a >= 0 {
						j = a - 1
						continue
					}
				}
				break
			}
			// "the company's billionaire founder": modifiers after a possessive
			for k, g := j, 0; g < 2 && k > s.Tok0 && mentionAt[k] < 0 && isModifier(toks[k]); g++ {
				k--
				if toks[k].Lower == "'s" {
					j = k
					break
				}
			}
			if j >= s.Tok0 && toks[j].Lower == "'s" {
				j--
				// "the company's founder Jane Doe": the company named before in
				// the sentence, when only one is
				if j > s.Tok0 && mentionAt[j] < 0 && companyNouns[toks[j].Lower] && toks[j-1].Lower == "the" {
					if oi := x.onlyInstitutionBefore(j-1, s, mentionAt); oi >= 0 {
						rl.emitRole(x, pi, oi, title, si, emit, 0.1)
					}
				}
			}
			// ", company CEO Jane Doe said", "the company chairman Jane Doe":
			// the company named before in the sentence, when only one is
			if j >= s.Tok0 && mentionAt[j] < 0 && companyNouns[toks[j].Lower] && (j == s.Tok0 || toks[j-1].Lower == "," || toks[j-1].Lower == "the" || j-2 >= s.Tok0 && closers[toks[j-1].Text] && toks[j-2].Text == ",") {
				if oi := x.onlyInstitutionBefore(j, s, mentionAt); oi >= 0 {
					rl.emitRole(x, pi, oi, title, si, emit, 0.1)
				}
			}
			// "White House Russia adviser …": a country between the organisation
			// and the role is the field of the role (the recogniser left it out
			// of the organisation's name)
			if j > s.Tok0 && mentionAt[j] < 0 && toks[j].Cap && mentionAt[j-1] >= 0 {
				if _, country := lexCountry(toks[j].Text); country {
					j--
				}
			}
			if j >= s.Tok0 && mentionAt[j] >= 0 {
				other := mentionAt[j]
				rl.typeOrg(x, other)
				rl.emitRole(x, pi, other, title, si, emit, 0)
			}
		}
		j := p.Tok1
		if j+1 < s.Tok1 && (toks[j].Lower == "served" || toks[j].Lower == "serves" || toks[j].Lower == "worked" || toks[j].Lower == "works") && toks[j+1].Lower == "as" {
			j++ // "Ivan served as the CEO of …"
		}
		if j+2 < s.Tok1 && (toks[j].Lower == "has" || toks[j].Lower == "had" || toks[j].Lower == "have") && toks[j+1].Lower == "been" && appointed[toks[j+2].Lower] {
			j++ // "has been named …": "been" stands where "was" would
		}
		if j >= s.Tok1 || !(toks[j].Text == "," || toks[j].Lower == "is" || toks[j].Lower == "was" || toks[j].Lower == "as" || toks[j].Lower == "became" || toks[j].Lower == "been") {
			continue
		}
		j++
		// "was named CEO of", "was appointed head of", "has been elected chairman of"
		if j < s.Tok1 && toks[j-1].Lower != "," && appointed[toks[j].Lower] {
			j++
			if j < s.Tok1 && toks[j].Lower == "as" {
				j++
			}
		}
		// ", who is the acting director of …"
		if j+1 < s.Tok1 && toks[j].Lower == "who" && (toks[j+1].Lower == "is" || toks[j+1].Lower == "was" || toks[j+1].Lower == "serves" || toks[j+1].Lower == "served" || toks[j+1].Lower == "became") {
			j += 2
			if j < s.Tok1 && toks[j].Lower == "as" {
				j++
			}
		}
		if j < s.Tok1 && (toks[j].Lower == "the" || toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Lower == "its") {
			j++
		}
		// a title before a possessor: ", President Volodymyr Zelenskiy's chief of staff"
		for q := j; q < s.Tok1 && q < j+4; q++ {
			if mi := mentionAt[q]; mi >= 0 {
				if ms[mi].TitleTok == j {
					j = q
				}
				break
			}
		}
		// up to two modifiers: "a senior military analyst", "a former … official"
		// (a rank before an organisation: "the principal deputy White House
		// press secretary")
		for g := 0; g < 3 && j+1 < s.Tok1 && mentionAt[j] < 0 && (isModifier(toks[j]) || roleMods[toks[j].Lower]); g++ {
			if e := rl.anyRole(x, j, s); e > 0 && !(g < 2 && e == j+1 && (subordinate[toks[j+1].Lower] || roleMods[toks[j+1].Lower] || mentionAt[j+1] >= 0 && ms[mentionAt[j+1]].Tok0 == j+1 && !x.untyped(mentionAt[j+1]) && !(rl.anyRole(x, j+1, s) > 0))) {
				break
			}
			if g == 2 && rl.anyRole(x, j, s) > 0 {
				break
			}
			j++
		}
		// (an untyped name that opens with a role is the role and its field:
		// ", Head of Research at …")
		if j < s.Tok1 && mentionAt[j] >= 0 && ms[mentionAt[j]].Tok0 == j && !(rl.anyRole(x, j, s) > 0 && x.untyped(mentionAt[j])) {
			// ", ORG's [mods] ROLE" or ", [a former] ORG [mods] ROLE"
			other := mentionAt[j]
			k := ms[other].Tok1
			if k < s.Tok1 && toks[k].Lower == "'s" {
				k++
			}
			for k < s.Tok1 && roleMods[toks[k].Lower] && rl.anyRole(x, k, s) < 0 {
				k++
			}
			// a noun naming the field of the role: ", Hong Kong's new police
			// commissioner", ", the city's health minister"
			if k+1 < s.Tok1 && rl.anyRole(x, k, s) < 0 && mentionAt[k] < 0 && isModifier(toks[k]) && !subordinate[toks[k].Lower] && rl.anyRole(x, k+1, s) > 0 {
				k++
			}
			if e := rl.anyRole(x, k, s); e > 0 {
				if rl.roleOf(x, pi, k, si, s, mentionAt, emit) {
					continue // ", PR director of Tmall": the organisation after "of"
				}
				if q := mentionAt[min(e, s.Tok1-1)]; e < s.Tok1 && q >= 0 && ms[q].TitleTok == k {
					// ", U.S. President Donald Trump's son-in-law": the role is a title
					// of the possessor that follows
					other, k = q, ms[q].Tok1
					if k >= s.Tok1 || toks[k].Lower != "'s" {
						continue
					}
					k++
					for k < s.Tok1 && roleMods[toks[k].Lower] && rl.anyRole(x, k, s) < 0 {
						k++
					}
					if e = rl.anyRole(x, k, s); e < 0 {
						continue
					}
				}
				rl.typeOrg(x, other)
				rl.typePerson(x, pi)
				rl.emitRole(x, pi, other, strings.ToLower(spanText(toks, k, e)), si, emit, 0.05)
			}
			continue
		}
		// the role may start after modifiers that are roles themselves:
		// "the chief economist at Flexport"
		for j0 := j; j0 < s.Tok1 && j0 <= j+2; j0++ {
			if rl.roleOf(x, pi, j0, si, s, mentionAt, emit) {
				break
			}
			if mentionAt[j0] >= 0 || !(isModifier(toks[j0]) || roleMods[toks[j0].Lower] || rl.anyRole(x, j0, s) > 0) {
				break
			}
		}
	}
	// ORG … PERSON[, …,] as our|its [new] ROLE: "Acme is thrilled to have
	// Jane Doe, a long-time engineer, as our new President and CEO": the
	// organisation that opens the sentence speaks of itself
	if subj := mentionAt[s.Tok0]; subj >= 0 && ms[subj].Entity >= 0 && !x.possessor(subj) {
		st := x.res.Entities[ms[subj].Entity].Type
		for _, pi := range x.bySent[si] {
			p := ms[pi]
			if pi == subj || p.Entity < 0 || p.Entity == ms[subj].Entity || p.Tok0 <= ms[subj].Tok1 {
				continue
			}
			if pt := x.res.Entities[p.Entity].Type; pt != tPerson && pt != "" || !(st == tInstitution || st == "" && x.capMidCount[toks[ms[subj].Tok0].Lower] >= 2) {
				continue
			}
			k := p.Tok1
			if k < s.Tok1 && toks[k].Text == "," {
				// an apposition closed by a comma
				q := k + 1
				for q < s.Tok1 && q < k+8 && toks[q].Text != "," {
					q++
				}
				if q >= s.Tok1 || toks[q].Text != "," {
					continue
				}
				k = q + 1
			}
			if k+2 >= s.Tok1 || toks[k].Lower != "as" || !(toks[k+1].Lower == "our" || toks[k+1].Lower == "its") {
				continue
			}
			j := k + 2
			for j < s.Tok1 && roleMods[toks[j].Lower] && rl.anyRole(x, j, s) < 0 {
				j++
			}
			if e := rl.anyRole(x, j, s); e > 0 {
				rl.typeOrg(x, subj)
				rl.typePerson(x, pi)
				rl.emitRole(x, pi, subj, strings.ToLower(spanText(toks, j, e)), si, emit, 0.1)
			}
			break
		}
	}
	// (the|a) ROLE of|for|at [the] ORG, PERSON: "The chief executive of Acme, Jane Doe,"
	for j := s.Tok0; j < s.Tok1; j++ {
		if mentionAt[j] >= 0 {
			continue
		}
		e := rl.anyRole(x, j, s)
		if e < 0 {
			continue
		}
		j0 := j
		j = e - 1 // one role phrase, not its tail again ("chief executive", not "executive")
		if e+1 >= s.Tok1 || !(toks[e].Lower == "of" || toks[e].Lower == "for" || toks[e].Lower == "at") {
			continue
		}
		k := e + 1
		if toks[k].Lower == "the" {
			k++
		}
		if k >= s.Tok1 || mentionAt[k] < 0 || x.possessor(mentionAt[k]) {
			continue
		}
		org := mentionAt[k]
		c := ms[org].Tok1
		if c+1 < s.Tok1 && toks[c].Text == "," {
			if pi := mentionAt[c+1]; pi >= 0 && ms[pi].Tok0 == c+1 && ms[pi].Entity >= 0 && x.res.Entities[ms[pi].Entity].Type == tPerson {
				rl.typeOrgStrong(x, org)
				rl.emitRole(x, pi, org, strings.ToLower(spanText(toks, j0, e)), si, emit, 0.1)
			}
		}
	}
	// TITLE PERSON of ORG|PLACE: "President Anna Berg of Norway"
	for _, pi := range x.bySent[si] {
		p := ms[pi]
		if p.TitleTok < 0 || p.Entity < 0 || x.res.Entities[p.Entity].Type != tPerson || p.Tok1+1 >= s.Tok1 || toks[p.Tok1].Lower != "of" {
			continue
		}
		k := p.Tok1 + 1
		if toks[k].Lower == "the" && k+1 < s.Tok1 {
			k++
		}
		if oi := mentionAt[k]; oi >= 0 && ms[oi].Tok0 == k && !x.possessor(oi) {
			rl.emitRole(x, pi, oi, p.Title, si, emit, 0.1)
		}
	}
	// PERSON of [the] ORG, a staff member named by the employer alone:
	// "according to Jane Doe of the Daily Planet", "Doe of the Planet reports"
	for _, pi := range x.bySent[si] {
		p := ms[pi]
		if p.TitleTok >= 0 || p.Entity < 0 || x.res.Entities[p.Entity].Type != tPerson || p.Tok1+1 >= s.Tok1 || toks[p.Tok1].Lower != "of" {
			continue
		}
		if p.Tok0 > s.Tok0 && (toks[p.Tok0-1].Lower == "of" || toks[p.Tok0-1].Lower == "'s") {
			continue // "the wife of Jane Doe of …"
		}
		k := p.Tok1 + 1
		if toks[k].Lower == "the" && k+1 < s.Tok1 {
			k++
		}
		oi := mentionAt[k]
		if oi < 0 || ms[oi].Tok0 != k || x.possessor(oi) || ms[oi].Entity < 0 || x.res.Entities[ms[oi].Entity].Type != tInstitution {
			continue
		}
		if c := ms[oi].Tok1; c < s.Tok1 && toks[c].Word && !toks[c].Cap && !rl.personVerb(toks[c].Lower) {
			continue // "Doe of the Acme board": the organisation modifies a noun
		}
		rl.emitRole(x, pi, oi, "member", si, emit, 0.15)
	}
	// ORG ROLE [and …], PERSON: "Ukraine's National Security Council Secretary and
	// leader of the delegation, Rustem Umerov"; ORG's [mods] ROLE, PERSON:
	// "Tribune's former chairman, Michael Ferro"
	for _, oi := range x.bySent[si] {
		o := &ms[oi]
		if o.Entity < 0 {
			continue
		}
		j := o.Tok1
		if j < s.Tok1 && toks[j].Lower == "'s" {
			j++
		}
		for j < s.Tok1 && roleMods[toks[j].Lower] && rl.anyRole(x, j, s) < 0 {
			j++
		}
		e := rl.anyRole(x, j, s)
		if e < 0 {
			continue
		}
		role := strings.ToLower(spanText(toks, j, e))
		for k := e; k < s.Tok1 && k < e+12; k++ {
			if mi := mentionAt[k]; mi >= 0 {
				if toks[k-1].Text == "," && x.res.Entities[ms[mi].Entity].Type == tPerson && ms[mi].TitleTok < 0 {
					rl.emitRole(x, mi, oi, role, si, emit, 0.1)
				}
				break
			}
			if toks[k].Lower == "said" || toks[k].Text == ";" {
				break
			}
		}
	}
}

// anyRoleEndingAt returns the start of a role phrase that ends right before
// token end, or -1.
func (rl *relater) anyRoleEndingAt(x *articleState, s Sentence, end int) int {
	for a := end - 1; a >= s.Tok0 && a >= end-4; a-- {
		if rl.anyRole(x, a, s) == end {
			return a
		}
	}
	return -1
}

// typeOrg types an untyped name in an organisation's place ("Taliban
// spokesman …", "CEO of Take-Two") as an institution, unless it is a
// common word or a given name.
func (rl *relater) typeOrg(x *articleState, mi int) {
	m := x.mentions[mi]
	if m.Tok1-m.Tok0 == 1 {
		t := x.toks[m.Tok0]
		if _, common := lexCommonRank(t.Lower); common && x.capMidCount[t.Lower] < 2 {
			return // "Energy Secretary …" (but "Wild goalie …" when the team recurs)
		}
		if _, given := givenName(t); given {
			return
		}
	}
	rl.typeAsInstitution(x, mi)
}

// typePerson types an untyped name in a person's place ("Hege, the CEO of …").
func (rl *relater) typePerson(x *articleState, mi int) {
	x.typeUntyped(x.mentions[mi].Entity, tPerson)
}

// anyRole matches a role noun of any relation at token j.
func (rl *relater) anyRole(x *articleState, j int, s Sentence) int {
	return rl.allRoles.match(x.toks, j, s.Tok1)
}

// emitRole records a role link and the relations whose roles include role.
func (rl *relater) emitRole(x *articleState, person, other int, role string, si int, emit emitFunc, penalty float64) {
	x.roleLinks = append(x.roleLinks, roleLink{person: person, other: other, role: role})
	words := phraseWords(role)
	// the role's last words must be a role of the relation ("special envoy" →
	// "envoy"); the longest match wins, so "chief executive" is LED only
	for k := 0; k < len(words); k++ {
		// a role listed by two relations counts for the first in the schema
		tail := strings.Join(words[k:], " ")
		for ri, d := range rl.rels {
			for _, p := range d.roles.byFirst[words[k]] {
				if strings.Join(p, " ") == tail {
					emit(ri, person, other, si, role, "", formBase[formRole]-penalty)
					return
				}
			}
		}
	}
}

// adjunct reports whether mention mi is a place after a locative
// preposition ("in Geneva"), unless that preposition belongs to the trigger
// (its token is before floor).
func (x *articleState) adjunct(mi int, floor int) bool {
	m := x.mentions[mi]
	if m.Entity < 0 || x.res.Entities[m.Entity].Type != tPlace || m.Tok0 == 0 {
		return false
	}
	p := m.Tok0 - 1
	if p < floor {
		return false
	}
	return locative[x.toks[p].Lower] || (x.toks[p].Lower == "the" && p > 0 && locative[x.toks[p-1].Lower])
}

// possessor reports whether mention mi is followed by "'s": the possessor
// inside a noun phrase ("Zelenskiy's chief of staff"), rarely a subject.
func (x *articleState) possessor(mi int) bool {
	m := x.mentions[mi]
	return m.Tok1 < len(x.toks) && x.toks[m.Tok1].Lower == "'s"
}

// stopModifiers are lower-case words that end a noun phrase's modifiers.
var stopModifiers = map[string]bool{"of": true, "at": true, "for": true, "and": true, "or": true, "who": true,
	"which": true, "that": true, "said": true, "says": true, "told": true, "is": true, "was": true, "the": true,
	"a": true, "an": true, "in": true, "on": true, "to": true, "by": true, "with": true, "from": true, "but": true}

// isModifier: a lower-case word that can stand inside a noun phrase before its head.
func isModifier(t Token) bool {
	return t.Word && !t.Cap && !t.Digit && !stopModifiers[t.Lower] && !strings.HasSuffix(t.Lower, "ed") || t.Lower == "-based" || strings.HasSuffix(t.Lower, "-based")
}

// typeAsInstitution types an untyped mention that a role points to
// ("chief executive of Full Fact") as an institution.
func (rl *relater) typeAsInstitution(x *articleState, mi int) {
	x.typeUntyped(x.mentions[mi].Entity, tInstitution)
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// roleOf matches "ROLE [and ROLE] of|at|for|with [the] [mods] ORG" at token j
// for the person mention pi ("CEO and founder of …", "chief economist at …").
func (rl *relater) roleOf(x *articleState, pi, j, si int, s Sentence, mentionAt []int, emit emitFunc) bool {
	toks := x.toks
	ms := x.mentions
	e := rl.anyRole(x, j, s)
	if e < 0 {
		return false
	}
	role := strings.ToLower(spanText(toks, j, e))
	if e+1 < s.Tok1 && toks[e].Lower == "and" {
		// "president and chief operating officer of …": the first role
		// counts; the second may be words the schema does not list
		for k := e + 1; k < s.Tok1 && k <= e+5; k++ {
			if w := toks[k].Lower; w == "of" || w == "at" || w == "for" {
				e = k
				break
			}
			if !toks[k].Word || mentionAt[k] >= 0 {
				break
			}
		}
	}
	// a byline: "Jane Doe, Director, Acme Securities" (the role, a comma and
	// the firm closing the phrase); a director of a firm without "of" sits
	// on its board and does not lead it
	if e+1 < s.Tok1 && toks[e].Text == "," && toks[j].Cap {
		if oi := mentionAt[e+1]; oi >= 0 && ms[oi].Tok0 == e+1 && ms[oi].Entity >= 0 && x.res.Entities[ms[oi].Entity].Type == tInstitution && !x.possessor(oi) {
			if c := ms[oi].Tok1; c >= s.Tok1 || !toks[c].Word {
				if role == "director" {
					role = "member"
				}
				rl.typePerson(x, pi)
				rl.emitRole(x, pi, oi, role, si, emit, 0.1)
				return true
			}
		}
	}
	// the head of a unit at a firm: "Head of Equity Research at Acme
	// Securities" is a member of the firm, and the unit no institution
	if e+2 < s.Tok1 && toks[e].Lower == "of" {
		if ui := mentionAt[e+1]; ui >= 0 && ms[ui].Tok0 == e+1 && !x.possessor(ui) && ms[ui].Entity >= 0 && x.res.Entities[ms[ui].Entity].Type == "" {
			if c := ms[ui].Tok1; c+1 < s.Tok1 && toks[c].Lower == "at" {
				k := c + 1
				if toks[k].Lower == "the" && k+1 < s.Tok1 {
					k++
				}
				if oi := mentionAt[k]; oi >= 0 && ms[oi].Tok0 == k && !x.possessor(oi) {
					rl.typeOrgStrong(x, oi)
					rl.typePerson(x, pi)
					if rl.leadRole(role) {
						role = "member"
					}
					rl.emitRole(x, pi, oi, role, si, emit, 0.1)
					return true
				}
			}
		}
	}
	// a role for a country at an organisation: "executive director for
	// Norway at the World Bank" represents the country in the organisation,
	// a member of it, and leads neither
	if e+2 < s.Tok1 && toks[e].Lower == "for" {
		if ui := mentionAt[e+1]; ui >= 0 && ms[ui].Tok0 == e+1 && ms[ui].Entity >= 0 && x.res.Entities[ms[ui].Entity].Type == tPlace {
			if c := ms[ui].Tok1; c+1 < s.Tok1 && toks[c].Lower == "at" {
				k := c + 1
				if toks[k].Lower == "the" && k+1 < s.Tok1 {
					k++
				}
				if oi := mentionAt[k]; oi >= 0 && ms[oi].Tok0 == k && !x.possessor(oi) && ms[oi].Entity >= 0 && x.res.Entities[ms[oi].Entity].Type == tInstitution {
					rl.typePerson(x, pi)
					rl.emitRole(x, pi, oi, "member", si, emit, 0.1)
				}
				return true
			}
		}
	}
	// the field of the role before the organisation: "professor of
	// epidemiology at …", "an expert in drug use and mental health at …"
	// (a title written in capitals may have its field in capitals: "Head of
	// Research at …"); the head of a unit is a member of the firm, not its head
	own := func(k int) bool { return mentionAt[k] >= 0 && mentionAt[k] == mentionAt[j] && x.untyped(mentionAt[j]) }
	if e+1 < s.Tok1 && (toks[e].Lower == "of" || toks[e].Lower == "in" || toks[e].Lower == "on") && (mentionAt[e+1] < 0 || own(e+1)) && toks[e+1].Lower != "the" {
		for k := e + 1; k < s.Tok1 && k <= e+8; k++ {
			if w := toks[k].Lower; k > e+1 && (w == "at" || w == "with") {
				e = k
				if rl.leadRole(role) {
					role = "member"
				}
				break
			}
			if !toks[k].Word || toks[k].Cap && !toks[j].Cap || mentionAt[k] >= 0 && !own(k) || stopModifiers[toks[k].Lower] && toks[k].Lower != "and" {
				break
			}
		}
	}
	if e >= s.Tok1 || !(toks[e].Lower == "of" || toks[e].Lower == "at" || toks[e].Lower == "for" || toks[e].Lower == "with") {
		return false
	}
	// "of the London-based fact-checking website Full Fact"
	for k := e + 1; k < s.Tok1 && k <= e+5; k++ {
		if mi := mentionAt[k]; mi >= 0 {
			if ms[mi].Tok0 == k && !x.possessor(mi) {
				rl.typeOrgStrong(x, mi)
				rl.typePerson(x, pi)
				rl.emitRole(x, pi, mi, role, si, emit, 0.05+0.02*float64(k-e-1))
				return true
			}
			return false
		}
		if !isModifier(toks[k]) && toks[k].Lower != "the" {
			return false
		}
	}
	return false
}

// personVerb: a verb that follows the name of a person speaking or
// writing ("… reports", "… said").
func (rl *relater) personVerb(w string) bool {
	switch w {
	case "said", "says", "reports", "reported", "wrote", "writes", "told", "noted", "added", "and", "who":
		return true
	}
	return false
}

// untyped reports whether mention mi names an entity of no type yet.
func (x *articleState) untyped(mi int) bool {
	m := x.mentions[mi]
	return m.Entity >= 0 && x.res.Entities[m.Entity].Type == ""
}

// relIndex is the index of the relation type named name in rl.rels, or -1
// when the schema has none.
func (rl *relater) relIndex(name string) int {
	for ri, d := range rl.rels {
		if d.name == name {
			return ri
		}
	}
	return -1
}

// leadRole reports whether role is a role of LED, a head of what follows.
func (rl *relater) leadRole(role string) bool {
	for _, d := range rl.rels {
		if d.name == "LED" {
			for _, p := range d.roles.byFirst[phraseWords(role)[0]] {
				if strings.Join(p, " ") == role {
					return true
				}
			}
		}
	}
	return false
}

// typeOrgStrong types an untyped name in the object of "ROLE of|at …" as an
// institution, given names included ("a professor at Cornell").
func (rl *relater) typeOrgStrong(x *articleState, mi int) {
	m := x.mentions[mi]
	if m.Tok1-m.Tok0 == 1 {
		if _, common := lexCommonRank(x.toks[m.Tok0].Lower); common && x.capMidCount[x.toks[m.Tok0].Lower] < 2 {
			return
		}
	}
	rl.typeAsInstitution(x, mi)
}

// documentObject makes a document mention of the noun phrase right after a
// trigger, "(a|the|his…) [modifiers] HEAD" with a document head word, and
// returns it, or -1.
func (rl *relater) documentObject(x *articleState, e, si int, s Sentence, mentionAt []int) int {
	toks := x.toks
	j := e
	bare := false // "revealed lofty plans to …": a plural with no determiner
	if j < s.Tok1 && (toks[j].Lower == "a" || toks[j].Lower == "an" || toks[j].Lower == "the" || toks[j].Lower == "his" || toks[j].Lower == "her" || toks[j].Lower == "its" || toks[j].Lower == "their" || toks[j].Lower == "new") {
		j++
	} else {
		bare = true
	}
	head := func(w string) bool {
		if rl.docHeads[w] && !bare {
			return true
		}
		p, ok := strings.CutSuffix(w, "s")
		return ok && rl.docHeads[p]
	}
	a := j
	for k := j; k < s.Tok1 && k < j+4; k++ {
		t := toks[k]
		if !t.Word || mentionAt[k] >= 0 {
			return -1
		}
		if bare && k == a {
			continue // "announced plans to …" is an intention: a bare plural needs a modifier
		}
		if head(t.Lower) && !(k+1 < s.Tok1 && (rl.docHeads[toks[k+1].Lower] || head(toks[k+1].Lower))) {
			if k+1 < s.Tok1 && toks[k+1].Lower == "'s" {
				return -1
			}
			return x.addDocument(a, k+1, si, mentionAt)
		}
		if t.Cap || stopModifiers[t.Lower] {
			return -1
		}
	}
	return -1
}

// addDocument makes a document mention and entity of the common-noun
// phrase [a, b) of sentence si and returns the mention.
func (x *articleState) addDocument(a, b, si int, mentionAt []int) int {
	toks := x.toks
	name := x.text[toks[a].Start:toks[b-1].End]
	m := Mention{Start: toks[a].Start, End: toks[b-1].End, Text: name, Name: name, Type: tDocument, Sentence: si, Tok0: a, Tok1: b, TitleTok: -1}
	x.res.Entities = append(x.res.Entities, Entity{Name: name, Type: tDocument, Aliases: []string{name}})
	m.Entity = len(x.res.Entities) - 1
	x.mentions = append(x.mentions, m)
	mi := len(x.mentions) - 1
	x.res.Entities[m.Entity].Mentions = []int{mi}
	x.bySent[si] = append(x.bySent[si], mi)
	for q := a; q < b; q++ {
		mentionAt[q] = mi
	}
	return mi
}

// documentBefore makes a document mention of the noun phrase ending right
// before token i, "(the|a|his…) [modifiers] HEAD", as in "the boxy concept
// proposed by …", and returns it, or -1.
func (rl *relater) documentBefore(x *articleState, i, si int, s Sentence, mentionAt []int) int {
	toks := x.toks
	k := i - 1
	head := func(w string) bool { return rl.docHeads[w] || designHeads[w] }
	if k <= s.Tok0 || mentionAt[k] >= 0 || !toks[k].Word || toks[k].Cap || !head(strings.TrimSuffix(toks[k].Lower, "s")) && !head(toks[k].Lower) {
		return -1
	}
	a := k
	for a-1 >= s.Tok0 && a > k-4 && mentionAt[a-1] < 0 && isModifier(toks[a-1]) && !possessives[toks[a-1].Lower] {
		a--
	}
	if a-1 < s.Tok0 || !(toks[a-1].Lower == "the" || toks[a-1].Lower == "a" || toks[a-1].Lower == "an" || possessives[toks[a-1].Lower]) {
		return -1
	}
	return x.addDocument(a, k+1, si, mentionAt)
}

// designHeads are common nouns of a proposed design, a document only as
// the object of a proposal ("the concept proposed by …").
var designHeads = map[string]bool{"concept": true, "design": true, "idea": true}

// possessives are the determiners of "his plan for …".
var possessives = map[string]bool{"his": true, "her": true, "its": true, "their": true}

// ownPlans finds proposals stated by a possessive: "X's plan for …", "on
// his plan for …", "her proposal for a wealth tax": the owner of a plan or
// proposal for something proposed it.
func (rl *relater) ownPlans(x *articleState, si int, s Sentence, mentionAt []int, emit emitFunc) {
	toks := x.toks
	pr := rl.relIndex("PROPOSED")
	if pr < 0 {
		return
	}
	for i := s.Tok0 + 1; i+2 < s.Tok1; i++ {
		w := toks[i].Lower
		if !possessives[w] && w != "'s" || mentionAt[i] >= 0 {
			continue
		}
		k := i + 1
		for k < s.Tok1 && k < i+3 && mentionAt[k] < 0 && isModifier(toks[k]) && !planHeads[toks[k].Lower] {
			k++
		}
		if k+2 >= s.Tok1 || !planHeads[toks[k].Lower] || toks[k+1].Lower != "for" || mentionAt[k+2] >= 0 {
			continue
		}
		// the complement: "for work requirements", "for a wealth tax"
		c := k + 2
		for c < s.Tok1 && c < k+6 && toks[c].Word && !toks[c].Cap && (isModifier(toks[c]) || toks[c].Lower == "a" || toks[c].Lower == "the") && mentionAt[c] < 0 {
			c++
		}
		if c == k+2 {
			continue
		}
		owner := -1
		if w == "'s" {
			owner = mentionAt[i-1]
		} else if w == "his" || w == "her" {
			if pi := x.pronounRef(i, -1); pi >= 0 && x.mentions[pi].Sentence == si {
				owner = pi
			}
		}
		if owner < 0 || x.mentions[owner].Entity < 0 {
			continue
		}
		if t := x.res.Entities[x.mentions[owner].Entity].Type; t != tPerson && t != tInstitution && (w != "'s" || t != tPlace) {
			continue
		}
		doc := x.addDocument(k, c, si, mentionAt)
		st := rl.modality(x, x.mentions[owner].Tok1, i, c, s)
		if st == "drop" {
			continue
		}
		emit(pr, owner, doc, si, toks[k].Lower, st, formBase[formActive]*0.9)
	}
}

// planHeads are nouns of a plan or proposal owned by its author.
var planHeads = map[string]bool{"plan": true, "proposal": true, "blueprint": true}

// frontedSubject finds the subject of a main clause after a fronted clause
// that holds the trigger at token i: "After meeting Putin, Trump said …".
func (rl *relater) frontedSubject(x *articleState, obj int, s Sentence, mentionAt []int, types map[string]bool, i int) (int, int) {
	toks := x.toks
	// "After meeting Putin, …", "In a meeting with Putin, …", "During talks with …"
	fronting := map[string]bool{"after": true, "before": true, "while": true, "when": true, "during": true,
		"since": true, "following": true, "in": true, "at": true}
	front := fronting[toks[i].Lower] && toks[i].Lower != "in" && toks[i].Lower != "at"
	for k := i - 1; k >= s.Tok0 && k >= i-2 && !front; k-- {
		front = fronting[toks[k].Lower] && (k == i-1 || toks[k+1].Lower == "a" || toks[k+1].Lower == "the" || toks[k+1].Lower == "his" || toks[k+1].Lower == "her")
	}
	if !front || i-3 > s.Tok0 && toks[clauseStart(toks, s, i)].Lower != toks[max(s.Tok0, i-2)].Lower && clauseStart(toks, s, i) > s.Tok0 {
		return -1, 0
	}
	for j := x.mentions[obj].Tok1; j < s.Tok1 && j < x.mentions[obj].Tok1+12; j++ {
		if toks[j].Text == "," {
			if j+1 < s.Tok1 {
				if mi := mentionAt[j+1]; mi >= 0 && x.mentions[mi].Tok0 == j+1 && rl.typeOK(x, mi, types) {
					return mi, j + 1 - i
				}
			}
			return -1, 0
		}
	}
	return -1, 0
}

// mainPlaceOrOrg returns a mention of the institution or place of an allowed
// type mentioned most often in the article (not entity skip), or -1.
func (x *articleState) mainPlaceOrOrg(types map[string]bool, skip int) int {
	best, bestN := -1, 0
	for ei, e := range x.res.Entities {
		if ei == skip || (e.Type != tInstitution && e.Type != tPlace) || !types[e.Type] || len(e.Mentions) == 0 {
			continue
		}
		if n := len(e.Mentions); n > bestN {
			best, bestN = e.Mentions[0], n
		}
	}
	if bestN < 2 {
		return -1
	}
	return best
}

// appointed are the verbs of "X was named CEO of Y".
var appointed = map[string]bool{"named": true, "appointed": true, "elected": true, "promoted": true,
	"hired": true, "tapped": true, "installed": true, "confirmed": true, "chosen": true, "selected": true}

// leftVerbs are the forms of "to leave" in "X left the company".
var leftVerbs = map[string]bool{"left": true, "leaves": true, "leaving": true}

// leftAux may stand between a subject and "left": "has left", "abruptly left".
var leftAux = map[string]bool{"has": true, "had": true, "have": true, "abruptly": true, "later": true, "eventually": true, "then": true}

// leftFor are the words after "left the X" of a trip, not a resignation.
var leftFor = map[string]bool{"for": true, "to": true, "on": true, "at": true, "aboard": true, "by": true, "with": true, "through": true, "after": true, "building": true, "grounds": true, "compound": true}

// leftPost finds resignations stated by "to leave": "After Jane Doe left the
// Council, …", "even though he left the company": a person leaving an
// institution named right after "the", or a company named before by "the
// company". Leaving a place, a room or a court states nothing.
func (rl *relater) leftPost(x *articleState, si int, s Sentence, mentionAt []int, emit emitFunc) {
	toks := x.toks
	rel := rl.relIndex("RESIGNED")
	if rel < 0 {
		return
	}
	for i := s.Tok0 + 1; i+2 < s.Tok1; i++ {
		if !leftVerbs[toks[i].Lower] || mentionAt[i] >= 0 || toks[i+1].Lower != "the" {
			continue
		}
		// the subject: a person's name or "he"/"she" right before the verb
		j := i - 1
		for j > s.Tok0 && leftAux[toks[j].Lower] && mentionAt[j] < 0 {
			j--
		}
		src := -1
		if mi := mentionAt[j]; mi >= 0 {
			if e := x.mentions[mi].Entity; e >= 0 && x.res.Entities[e].Type == tPerson && !x.possessor(mi) {
				src = mi
			}
		} else if w := toks[j].Lower; w == "he" || w == "she" {
			src = x.pronounRef(j, -1)
		}
		if src < 0 {
			continue
		}
		dst := -1
		if mi := mentionAt[i+2]; mi >= 0 {
			if e := x.mentions[mi].Entity; e >= 0 && x.res.Entities[e].Type == tInstitution && x.mentions[mi].Tok0 == i+2 {
				dst = mi
			}
		} else if companyNouns[toks[i+2].Lower] && (i+3 >= s.Tok1 || !toks[i+3].Word || !isModifier(toks[i+3]) && toks[i+3].Lower != "'s") {
			// "the company": a role the person holds, else the one
			// institution of the sentence, else the one the article is about
			for _, rlk := range x.roleLinks {
				if x.mentions[rlk.person].Entity == x.mentions[src].Entity && rl.typeOK(x, rlk.other, map[string]bool{tInstitution: true}) {
					dst = rlk.other
				}
			}
			if dst < 0 {
				dst = x.onlyInstitutionBefore(i, s, mentionAt)
			}
			if dst < 0 {
				dst = x.mainPlaceOrOrg(map[string]bool{tInstitution: true}, x.mentions[src].Entity)
			}
		}
		if dst < 0 {
			continue
		}
		if k := x.mentions[dst].Tok1; mentionAt[i+2] >= 0 && k < s.Tok1 && leftFor[toks[k].Lower] {
			continue // "left the White House for Camp David": a departure
		}
		st := rl.modality(x, max(clauseStart(toks, s, i), min(x.mentions[src].Tok0, i)), i, i+1, s)
		if st == "drop" {
			continue
		}
		emit(rel, src, dst, si, toks[i].Lower, st, formBase[formSubject]*0.7)
	}
}

// locativePlace reports whether mention mi is a place or an institution's
// building after "in" or "at" (and "the") at or after token from: "in
// Geneva", "at the White House".
func (x *articleState) locativePlace(mi, from int) bool {
	m := x.mentions[mi]
	if m.Entity < 0 || x.res.Entities[m.Entity].Type == tPerson {
		return false
	}
	k := m.Tok0 - 1
	if k > from && x.toks[k].Lower == "the" {
		k--
	}
	return k >= from && (x.toks[k].Lower == "in" || x.toks[k].Lower == "at")
}

// topicBefore reports a word introducing a topic between tokens from and to.
func topicBefore(toks []Token, from, to int) bool {
	for j := from; j < to; j++ {
		switch toks[j].Lower {
		case "about", "regarding", "concerning":
			return true
		}
	}
	return false
}

// otherThanObject resolves the "he" or "she" before token i, the subject of
// a meeting, to the last person named before it other than entity obj (a
// pronoun is never the one met: "he visited Epstein"), or -1.
func (rl *relater) otherThanObject(x *articleState, i int, s Sentence, mentionAt []int, obj int) int {
	for j := i - 1; j >= s.Tok0 && j >= i-25; j-- {
		if mentionAt[j] >= 0 {
			return -1 // a name nearer than any pronoun
		}
		if w := x.toks[j].Lower; w == "he" || w == "she" {
			return x.pronounRef(j, obj)
		}
	}
	return -1
}
