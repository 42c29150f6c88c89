package graph

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/schema"
)

// Extracted is what extraction found in one article, ready for resolution.
type Extracted struct {
	Article Article
	Text    string // the article text as ingested (evidence offsets refer to it)
	Result  *extract.Result
	// Sentences, when set, holds the text of each of Result.Sentences, and
	// Text may then be empty: a compact form that does not keep the whole
	// article text (only the sentences that relations cite need be kept).
	Sentences []string
}

// Sentence returns the text of the article's sentence i (an index into
// Result.Sentences).
func (e Extracted) Sentence(i int) string {
	if e.Sentences != nil {
		return e.Sentences[i]
	}
	s := e.Result.Sentences[i]
	return e.Text[s.Start:s.End]
}

// item is one article's entity during resolution.
type item struct {
	art, ent int
	typ      string
	name     string
	key      string // folded full name
	aliases  []string
	mentions int
	strong   bool
	multi    bool // a person named with two or more words
	given    string
	surname  string
	cluster  int
}

// Resolve merges the entities of all articles into one node per real-world
// entity and gathers the relations between them as evidence-backed edges.
// The result is sorted; it does not depend on the order of arts' workers,
// only on the order of arts (which callers sort by article id).
func Resolve(s *schema.Schema, arts []Extracted) *Graph {
	var items []*item
	for ai, a := range arts {
		for ei, e := range a.Result.Entities {
			it := &item{art: ai, ent: ei, typ: e.Type, name: e.Name, aliases: e.Aliases, mentions: len(e.Mentions), strong: e.Strong, cluster: -1}
			it.key = resolveKey(it.typ, e.Name)
			if it.typ == Document && strings.ToLower(e.Name) == e.Name && extractDocKey(e.Name) == "" {
				// "a plan", "a wealth tax": a generic document is only the same
				// document within one article
				it.key += "|" + a.Article.ID
			}
			if it.typ != Person && !strings.Contains(e.Name, " ") {
				it.surname = translit(extract.NameKey(e.Name))
			}
			if it.typ == Person {
				words := strings.Fields(extract.NameKey(e.Name))
				if len(words) > 0 {
					it.surname = translit(words[len(words)-1])
					if len(words) > 1 {
						it.multi = true
						it.given = translit(words[0])
					}
				}
			}
			items = append(items, it)
		}
	}
	cl := &clusters{}
	// 1. people with full names, by surname and compatible given name
	bySurname := map[string][]int{}
	for _, it := range items {
		if it.typ != Person || !it.multi {
			continue
		}
		found := -1
		for _, c := range bySurname[it.surname] {
			if cl.given[c] == it.given || similar(cl.given[c], it.given) {
				found = c
				break
			}
		}
		if found < 0 {
			found = cl.newCluster(Person)
			cl.given = append(cl.given[:found], it.given)
			bySurname[it.surname] = append(bySurname[it.surname], found)
		}
		cl.add(found, it)
	}
	// 2. everything else by key; short person names attach to a full name
	byKey := map[string]int{}
	for c := range cl.items {
		for _, it := range cl.items[c] {
			byKey[it.typ+"|"+it.key] = c
		}
	}
	acronyms := map[string]string{} // acronym -> key of its expansion
	for _, a := range arts {
		for _, e := range a.Result.Entities {
			if e.Acronym != "" {
				acronyms[e.Acronym] = resolveKey(e.Type, e.Name)
			}
		}
	}
	for _, it := range items {
		if it.cluster >= 0 || it.typ == "" {
			continue
		}
		if it.typ == Person || (!it.strong && it.surname != "") {
			// a surname alone, or a one-word name typed only by a weak cue,
			// joins the person named in full with that surname
			if c := cl.personFor(bySurname, it, arts); c >= 0 && (it.typ == Person || cl.given[c] != "") && !cl.bareWord(c, it) {
				it.typ = Person
				cl.add(c, it)
				continue
			}
		}
		key := it.typ + "|" + it.key
		if exp, ok := acronyms[it.name]; ok {
			if c, ok := byKey[it.typ+"|"+exp]; ok {
				cl.add(c, it)
				continue
			}
			key = it.typ + "|" + exp
		}
		c, ok := byKey[key]
		if !ok {
			c = cl.newCluster(it.typ)
			cl.given = append(cl.given[:c], "")
			byKey[key] = c
			if it.typ == Person {
				bySurname[it.surname] = append(bySurname[it.surname], c)
			}
		}
		cl.add(c, it)
	}
	// 3. slight misspellings of people's surnames ("Yermark"): a rare form
	// one edit away from a much more frequent one, with compatible given names
	cl.mergeMisspellings(bySurname)
	cl.mergeAcronyms()
	cl.mergeShortInstitutions()
	cl.mergeInstitutionForms()
	// 4. untyped names join a typed entity of the same name, else are dropped
	aliasKey := map[string][]int{}
	for c := range cl.items {
		if cl.dead[c] {
			continue
		}
		seen := map[string]bool{}
		for _, it := range cl.items[c] {
			for _, al := range it.aliases {
				k := extract.NameKey(al)
				if !seen[k] {
					seen[k] = true
					aliasKey[k] = append(aliasKey[k], c)
				}
			}
		}
	}
	for _, it := range items {
		if it.typ != "" || it.cluster >= 0 {
			continue
		}
		if it.surname != "" {
			if c := cl.personFor(bySurname, it, arts); c >= 0 && cl.given[c] != "" && !cl.bareWord(c, it) {
				it.typ = Person
				cl.add(c, it)
				continue
			}
			// "Yermark": one edit from the surname of a much more frequent person
			if c := cl.misspeltPerson(bySurname, it); c >= 0 && !cl.bareWord(c, it) {
				it.typ = Person
				cl.add(c, it)
				continue
			}
		}
		cands := aliasKey[extract.NameKey(it.name)]
		if len(cands) == 1 {
			cl.add(cands[0], it)
		}
	}
	// 5. the same name typed differently in different articles: the type
	// with more mentions wins, unless both were typed by strong cues
	cl.mergeTypeConflicts()
	return cl.build(s, arts, items)
}

// clusters is the union of items under construction.
type clusters struct {
	byDeletion map[string][]string // one-letter deletions of surnames, built on first use
	items      [][]*item
	types      []string
	given      []string
	dead       []bool
}

func (cl *clusters) newCluster(typ string) int {
	cl.items = append(cl.items, nil)
	cl.types = append(cl.types, typ)
	cl.dead = append(cl.dead, false)
	return len(cl.items) - 1
}

func (cl *clusters) add(c int, it *item) {
	it.cluster = c
	cl.items[c] = append(cl.items[c], it)
	if it.typ == Person && it.multi && cl.given[c] == "" {
		cl.given[c] = it.given
	}
}

func (cl *clusters) mentions(c int) int {
	n := 0
	for _, it := range cl.items[c] {
		n += it.mentions
	}
	return n
}

func (cl *clusters) merge(into, from int) {
	for _, it := range cl.items[from] {
		it.cluster = into
		if cl.types[into] != it.typ && it.typ != "" {
			it.typ = cl.types[into]
		}
	}
	cl.items[into] = append(cl.items[into], cl.items[from]...)
	cl.items[from] = nil
	cl.dead[from] = true
}

// personFor finds the cluster of a person named by surname only: the full
// name of the same article first, else the only full name with that surname.
func (cl *clusters) personFor(bySurname map[string][]int, it *item, arts []Extracted) int {
	cands := bySurname[it.surname]
	var full []int
	for _, c := range cands {
		if cl.given[c] != "" {
			full = append(full, c)
		}
	}
	if len(full) == 1 {
		return full[0]
	}
	if len(full) > 1 {
		// the one this article also names, else the most mentioned
		best, bestN := -1, -1
		for _, c := range full {
			for _, o := range cl.items[c] {
				if o.art == it.art {
					return c
				}
			}
			if n := cl.mentions(c); n > bestN {
				best, bestN = c, n
			}
		}
		return best
	}
	if len(cands) > 0 {
		return cands[0]
	}
	return -1
}

func (cl *clusters) mergeMisspellings(bySurname map[string][]int) {
	keys := make([]string, 0, len(bySurname))
	for k := range bySurname {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	// surnames one edit apart share a form with one letter deleted
	// ("yermak" and "yermark" both give "yermak"); index those forms once
	// instead of comparing every pair
	byDeletion := map[string][]string{}
	for _, k := range keys {
		if len([]rune(k)) < 5 {
			continue
		}
		for _, d := range deletions(k) {
			byDeletion[d] = append(byDeletion[d], k)
		}
	}
	for _, k := range keys {
		if len([]rune(k)) < 5 {
			continue
		}
		near := map[string]bool{}
		for _, d := range deletions(k) {
			for _, k2 := range byDeletion[d] {
				if k2 != k {
					near[k2] = true
				}
			}
		}
		if len(near) == 0 {
			continue
		}
		nearKeys := make([]string, 0, len(near))
		for k2 := range near {
			if editDistance(k, k2) == 1 {
				nearKeys = append(nearKeys, k2)
			}
		}
		sort.Strings(nearKeys)
		for _, c := range bySurname[k] {
			if cl.dead[c] {
				continue
			}
			for _, k2 := range nearKeys {
				for _, c2 := range bySurname[k2] {
					if cl.dead[c2] || c2 == c {
						continue
					}
					g1, g2 := cl.given[c], cl.given[c2]
					if g1 != "" && g2 != "" && !similar(g1, g2) {
						continue
					}
					n1, n2 := cl.mentions(c), cl.mentions(c2)
					if n1 >= 3*n2 && n2 <= 3 {
						cl.merge(c, c2)
						if cl.given[c] == "" {
							cl.given[c] = g2
						}
					}
				}
			}
		}
	}
}

func (cl *clusters) mergeTypeConflicts() {
	byName := map[string][]int{}
	var names []string
	for c := range cl.items {
		if cl.dead[c] || len(cl.items[c]) == 0 {
			continue
		}
		k := extract.NameKey(cl.items[c][0].name)
		if _, ok := byName[k]; !ok {
			names = append(names, k)
		}
		byName[k] = append(byName[k], c)
	}
	sort.Strings(names)
	for _, k := range names {
		cs := byName[k]
		if len(cs) < 2 {
			continue
		}
		sort.SliceStable(cs, func(i, j int) bool { return cl.mentions(cs[i]) > cl.mentions(cs[j]) })
		for _, c := range cs[1:] {
			strongOther := false
			for _, it := range cl.items[c] {
				strongOther = strongOther || it.strong
			}
			strongMain := false
			for _, it := range cl.items[cs[0]] {
				strongMain = strongMain || it.strong
			}
			if !strongOther || !strongMain {
				cl.merge(cs[0], c)
			}
		}
	}
}

// build turns clusters into nodes and relations into edges.
func (cl *clusters) build(s *schema.Schema, arts []Extracted, items []*item) *Graph {
	g := &Graph{Format: FormatVersion, Directed: true, Schema: s.Name, Nodes: []Node{}, Edges: []Edge{}}
	for _, a := range arts {
		g.Articles = append(g.Articles, a.Article)
	}
	nodeOf := map[[2]int]string{} // (article, entity) -> node id
	usedIDs := map[string]int{}
	type built struct {
		node Node
		its  []*item
	}
	var nodes []built
	for c := range cl.items {
		its := cl.items[c]
		if cl.dead[c] || len(its) == 0 || cl.types[c] == "" {
			continue
		}
		n := Node{Type: cl.types[c], ArticleMentions: map[string]int{}}
		aliases := map[string]bool{}
		forms := map[string]int{}
		for _, it := range its {
			for _, al := range it.aliases {
				aliases[al] = true
			}
			forms[it.name] += it.mentions
			n.Mentions += it.mentions
			n.ArticleMentions[arts[it.art].Article.ID] += it.mentions
		}
		n.Name = canonicalName(n.Type, forms)
		for al := range aliases {
			n.Aliases = append(n.Aliases, al)
		}
		for id := range n.ArticleMentions {
			n.Articles = append(n.Articles, id)
		}
		sort.Strings(n.Aliases)
		sort.Strings(n.Articles)
		nodes = append(nodes, built{node: n, its: its})
	}
	// stable ids: type and slug of the name; ties broken by the sorted names
	sort.Slice(nodes, func(i, j int) bool {
		a, b := nodes[i].node, nodes[j].node
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if x, y := strings.Join(a.Aliases, "|"), strings.Join(b.Aliases, "|"); x != y {
			return x < y
		}
		return strings.Join(a.Articles, "|") < strings.Join(b.Articles, "|")
	})
	for i := range nodes {
		n := &nodes[i].node
		id := strings.ToLower(n.Type) + ":" + slug(n.Name)
		if k := usedIDs[id]; k > 0 {
			usedIDs[id] = k + 1
			id = fmt.Sprintf("%s-%d", id, k+1)
		} else {
			usedIDs[id] = 1
		}
		n.ID = id
		for _, it := range nodes[i].its {
			nodeOf[[2]int{it.art, it.ent}] = id
		}
		g.Nodes = append(g.Nodes, *n)
	}
	types := map[string]string{}
	for _, n := range g.Nodes {
		types[n.ID] = n.Type
	}
	edges := map[string]*Edge{}
	for ai, a := range arts {
		for _, r := range a.Result.Relations {
			src, ok1 := nodeOf[[2]int{ai, r.Source}]
			dst, ok2 := nodeOf[[2]int{ai, r.Target}]
			if !ok1 || !ok2 || src == dst {
				continue
			}
			def, ok := s.Relation(r.Type)
			if !ok {
				continue
			}
			if !has(def.Source, types[src]) || !has(def.Target, types[dst]) {
				if def.Symmetric && has(def.Source, types[dst]) && has(def.Target, types[src]) {
					src, dst = dst, src
				} else {
					continue
				}
			}
			if def.Symmetric && dst < src {
				src, dst = dst, src
			}
			id := r.Type + "|" + src + "|" + dst
			if r.Status != "" {
				id += "|" + r.Status
			}
			e := edges[id]
			if e == nil {
				e = &Edge{ID: id, Source: src, Target: dst, Type: r.Type, Symmetric: def.Symmetric, Status: r.Status}
				edges[id] = e
			}
			sent := a.Result.Sentences[r.Sentence]
			ev := Evidence{Article: a.Article.ID, Sentence: a.Sentence(r.Sentence), Start: sent.Start, End: sent.End, Trigger: r.Trigger, Date: a.Article.Published}
			dup := false
			for _, old := range e.Evidence {
				if old.Article == ev.Article && old.Start == ev.Start {
					dup = true
				}
			}
			if dup {
				continue
			}
			e.Evidence = append(e.Evidence, ev)
			// noisy-or of the supporting statements
			e.Confidence = 1 - (1-e.Confidence)*(1-r.Confidence)
		}
	}
	for _, e := range edges {
		e.Weight = len(e.Evidence)
		e.Confidence = math.Round(e.Confidence*1000) / 1000
		for _, ev := range e.Evidence {
			if ev.Date == "" {
				continue
			}
			if e.FirstDate == "" || ev.Date < e.FirstDate {
				e.FirstDate = ev.Date
			}
			if ev.Date > e.LastDate {
				e.LastDate = ev.Date
			}
		}
		g.Edges = append(g.Edges, *e)
	}
	g.Sort()
	return g
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// canonicalName picks a node's name: for people the most frequent name of
// two or more words; otherwise the most frequent form; ties go to the
// longer, then the alphabetically first.
func canonicalName(typ string, forms map[string]int) string {
	best, bestN, bestMulti := "", -1, false
	names := make([]string, 0, len(forms))
	for f := range forms {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		n := forms[f]
		multi := strings.Contains(f, " ")
		better := false
		switch {
		case typ == Person && multi != bestMulti:
			better = multi
		case n != bestN:
			better = n > bestN
		case len(f) != len(best):
			better = len(f) > len(best)
		}
		if better {
			best, bestN, bestMulti = f, n, multi
		}
	}
	return best
}

// resolveKey folds a name into the key entities of one type are merged on.
func resolveKey(typ, name string) string {
	k := joinInitials(extract.NameKey(name))
	switch typ {
	case Place:
		if c, ok := lexicon.CountryCanonical(name); ok {
			return extract.NameKey(c)
		}
		if p, ok := lexicon.LookupPlace(name); ok {
			return extract.NameKey(p.Name)
		}
		words := strings.Fields(k)
		if len(words) > 1 {
			switch words[len(words)-1] {
			case "region", "province", "oblast", "state", "county", "district", "city":
				words = words[:len(words)-1]
				if len(words) > 1 && words[len(words)-1] == "autonomous" {
					words = words[:len(words)-1] // "… Autonomous Region"
				}
			}
		}
		return collapse(strings.Join(words, " "))
	case Institution:
		// "McClatchy Co." and "McClatchy", "Acme Inc" and "Acme"
		words := strings.Fields(k)
		if len(words) > 1 && lexicon.LegalSuffix(words[len(words)-1]) {
			words = words[:len(words)-1]
		}
		// "Department of Homeland Security" and "Homeland Security Department"
		if len(words) > 2 && words[1] == "of" && (words[0] == "department" || words[0] == "ministry" || words[0] == "office") {
			words = append(words[2:], words[0])
		}
		return spellingKey(strings.Join(words, " "))
	case Document:
		if dk := extractDocKey(name); dk != "" {
			return dk
		}
	}
	return k
}

// joinInitials writes a run of initials as one word, so that "W. M. Keck"
// and "W.M. Keck" ("w m keck", "wm keck") share a key.
func joinInitials(k string) string {
	words := strings.Fields(k)
	out := words[:0:0]
	for i, w := range words {
		if i > 0 && len(w) == 1 && len(words[i-1]) == 1 && i < len(words)-1 {
			out[len(out)-1] += w
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func extractDocKey(name string) string {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if strings.HasSuffix(w, "-point") && len(w) > 6 {
			return w + " plan"
		}
	}
	return ""
}

// spellingKey writes British and American spellings alike.
func spellingKey(k string) string {
	r := strings.NewReplacer("defence", "defense", "organisation", "organization", "centre", "center", "programme", "program")
	return r.Replace(k)
}

// translit folds the usual transliteration variants of a name word:
// Zelenskyy, Zelenskiy and Zelensky; Andriy and Andrii; Sergey and Sergei.
func translit(w string) string {
	w = strings.NewReplacer("kh", "h", "ph", "f", "w", "v", "y", "i", "j", "i", "x", "ks").Replace(w)
	return collapse(w)
}

// collapse removes doubled letters ("Donbass" → "donbas", "ii" → "i").
func collapse(w string) string {
	var sb strings.Builder
	var prev rune
	for i, r := range w {
		if i > 0 && r == prev && unicode.IsLetter(r) {
			continue
		}
		sb.WriteRune(r)
		prev = r
	}
	return sb.String()
}

// similar: given names that are the same after folding, or one is an initial of the other.
func similar(a, b string) bool {
	if a == "" || b == "" {
		return true
	}
	if a == b {
		return true
	}
	if len(a) == 1 || len(b) == 1 {
		return a[0] == b[0]
	}
	if len(a) >= 3 && len(b) >= 3 && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) {
		return true // Tim and Timothy
	}
	return len(a) >= 5 && len(b) >= 5 && editDistance(a, b) <= 1
}

// initials returns the capital initials of a name's words ("United
// Nations" → "UN"), skipping "of", "and", "the".
func initials(name string) string {
	var sb strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) > 0 && unicode.IsUpper(r[0]) {
			sb.WriteRune(r[0])
		}
	}
	return sb.String()
}

// mergeAcronyms ties an institution written as an acronym ("NSC", "U.N.")
// to the only institution whose initials it is.
func (cl *clusters) mergeAcronyms() {
	byInit := map[string][]int{}
	for c := range cl.items {
		if cl.dead[c] || cl.types[c] != Institution || len(cl.items[c]) == 0 {
			continue
		}
		name := cl.items[c][0].name
		if len(strings.Fields(name)) < 2 {
			continue
		}
		in := initials(name)
		if len(in) >= 2 {
			byInit[in] = append(byInit[in], c)
		}
		// "SBJ" for "SportsBusiness Journal"
		if ci := camelInitials(name); ci != in && len(ci) >= 3 {
			byInit[ci] = append(byInit[ci], c)
		}
	}
	for c := range cl.items {
		if cl.dead[c] || len(cl.items[c]) == 0 {
			continue
		}
		name := strings.ReplaceAll(cl.items[c][0].name, ".", "")
		if strings.Contains(name, " ") || len(name) < 2 || strings.ToUpper(name) != name {
			continue
		}
		if cl.types[c] != Institution && cl.types[c] != "" {
			continue
		}
		if cands := byInit[name]; len(cands) == 1 && cands[0] != c {
			cl.merge(cands[0], c)
			continue
		}
		// "PG&E" for "Pacific Gas & Electric Co": the only institution of the
		// same articles whose words' initials hold the acronym's letters
		var fits []int
		for _, list := range byInit {
			for _, o := range list {
				if o != c && !cl.dead[o] && cl.shareArticle(c, o) && looseAcronym(name, cl.items[o][0].name) {
					fits = append(fits, o)
				}
			}
		}
		if len(fits) == 1 {
			cl.merge(fits[0], c)
		}
	}
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// slug makes a lower-case ASCII-ish id part of a name.
func slug(name string) string {
	k := extract.NameKey(name)
	var sb strings.Builder
	for _, r := range k {
		switch {
		case r == ' ':
			sb.WriteByte('-')
		default:
			sb.WriteRune(r)
		}
	}
	if sb.Len() == 0 {
		return "x"
	}
	return sb.String()
}

// deletions returns w and every form of w with one letter deleted.
func deletions(w string) []string {
	r := []rune(w)
	out := make([]string, 0, len(r)+1)
	out = append(out, w)
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// mergeShortInstitutions joins a one-word institution ("Disney") to the
// only other institution that has it as an alias and shares an article
// with it ("Walt Disney Co", also written "Disney" there).
func (cl *clusters) mergeShortInstitutions() {
	byAlias := map[string][]int{}
	for c := range cl.items {
		if cl.dead[c] || cl.types[c] != Institution {
			continue
		}
		seen := map[string]bool{}
		for _, it := range cl.items[c] {
			for _, al := range it.aliases {
				k := extract.NameKey(al)
				if !seen[k] && k != it.key {
					seen[k] = true
					byAlias[k] = append(byAlias[k], c)
				}
			}
		}
	}
	for c := range cl.items {
		if cl.dead[c] || cl.types[c] != Institution || len(cl.items[c]) == 0 {
			continue
		}
		name := cl.items[c][0].key
		if strings.Contains(name, " ") {
			continue
		}
		var cands []int
		for _, o := range byAlias[name] {
			if o != c && !cl.dead[o] && cl.shareArticle(c, o) {
				cands = append(cands, o)
			}
		}
		if len(cands) == 1 {
			cl.merge(cands[0], c)
		}
	}
}

func (cl *clusters) shareArticle(a, b int) bool {
	arts := map[int]bool{}
	for _, it := range cl.items[a] {
		arts[it.art] = true
	}
	for _, it := range cl.items[b] {
		if arts[it.art] {
			return true
		}
	}
	return false
}

// looseAcronym: acr fits name (extract.AcronymFits) and covers all its
// capitalised words but one ("PUC" for "California Public Utilities
// Commission", not "DH" for "Washington State Department of Health").
func looseAcronym(acr, name string) bool {
	in := initials(name)
	letters := 0
	for _, r := range acr {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return in != "" && letters >= len([]rune(in))-1 && extract.AcronymFits(acr, name)
}

// misspeltPerson returns the only person named in full whose surname is one
// edit away from the one-word name of it and who is mentioned at least three
// times as often, or -1.
func (cl *clusters) misspeltPerson(bySurname map[string][]int, it *item) int {
	if len([]rune(it.surname)) < 5 {
		return -1
	}
	if cl.byDeletion == nil {
		// surnames one edit apart share a form with one letter deleted
		cl.byDeletion = map[string][]string{}
		for k := range bySurname {
			if len([]rune(k)) >= 5 {
				for _, d := range deletions(k) {
					cl.byDeletion[d] = append(cl.byDeletion[d], k)
				}
			}
		}
	}
	near := map[string]bool{}
	for _, d := range deletions(it.surname) {
		for _, k := range cl.byDeletion[d] {
			if k != it.surname && !near[k] && editDistance(k, it.surname) == 1 {
				near[k] = true
			}
		}
	}
	keys := make([]string, 0, len(near))
	for k := range near {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	found := -1
	for _, k := range keys {
		for _, c := range bySurname[k] {
			if cl.dead[c] || cl.given[c] == "" || cl.mentions(c) < 3*it.mentions {
				continue
			}
			if found >= 0 && found != c {
				return -1
			}
			found = c
		}
	}
	return found
}
