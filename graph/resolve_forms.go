package graph

import (
	"sort"
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract/lexicon"
)

// orgTailWords are generic words that end a company's or body's full name
// and are often left out ("Pixar Animation" and "Pixar", "Take-Two
// Interactive" and "Take-Two", "… Farm Bureau Federation" and "… Farm
// Bureau").
var orgTailWords = map[string]bool{
	"federation": true, "confederation": true, "animation": true, "interactive": true,
	"group": true, "studios": true, "entertainment": true, "games": true,
	"technologies": true, "labs": true, "holdings": true, "industries": true,
	"enterprises": true,
}

// orgHeadWords head an institution's name that may go on with "for …", "of
// …" or "on …" ("Peterson Institute for International Economics" and
// "Peterson Institute").
var orgHeadWords = map[string]bool{
	"institute": true, "center": true, "foundation": true, "association": true,
	"society": true, "academy": true, "fund": true, "forum": true, "bureau": true,
}

// celestial names are also surnames ("Bruno Mars"); alone they are more
// often the planet.
var celestial = map[string]bool{
	"sun": true, "moon": true, "mercury": true, "venus": true, "earth": true, "mars": true,
	"jupiter": true, "saturn": true, "uranus": true, "neptune": true, "pluto": true,
}

// bareWord reports whether it, a one-word name with no full name of person
// c in its own article and no strong person cue, is too weak a cue to join
// c: a celestial body, or a common English word or a place when c is named
// in full in fewer than two articles ("Mars" is not "Bruno Mars" without a
// given name or a title).
func (cl *clusters) bareWord(c int, it *item) bool {
	if it.multi {
		return false
	}
	for _, o := range cl.items[c] {
		if o.art == it.art && o.multi {
			return false
		}
	}
	w := strings.ToLower(it.name)
	if strings.Contains(w, " ") || (it.typ == Person && it.strong) {
		return false // typed by a title or another strong cue
	}
	if celestial[w] {
		return true
	}
	_, place := lexicon.LookupPlace(it.name)
	_, common := lexicon.CommonWordRank(w)
	if !place && !common {
		return false
	}
	// a person named in full in several articles ("Trump") is known well
	// enough to be named by surname alone
	full := map[int]bool{}
	for _, o := range cl.items[c] {
		if o.multi {
			full[o.art] = true
		}
	}
	return len(full) < 2
}

// keys returns the distinct keys of cluster c's items, sorted.
func (cl *clusters) keys(c int) []string {
	var ks []string
	for _, it := range cl.items[c] {
		if !has(ks, it.key) {
			ks = append(ks, it.key)
		}
	}
	sort.Strings(ks)
	return ks
}

// mergeInstitutionForms joins the written forms of one institution that
// the keys keep apart: spacing and hyphen variants ("OrbitBeyond", "Orbit
// Beyond"); a name and the same name with a generic trailing word or a
// "for …" complement, when that short form begins no other institution's
// name ("Pixar", "Pixar Animation"); a party and its members' plural
// ("Democratic Party", "Democrats").
func (cl *clusters) mergeInstitutionForms() {
	live := func(c int) bool {
		return !cl.dead[c] && cl.types[c] == Institution && len(cl.items[c]) > 0
	}
	// spacing: the same letters
	compact := map[string]int{}
	for c := range cl.items {
		if !live(c) {
			continue
		}
		for _, k := range cl.keys(c) {
			ck := strings.ReplaceAll(k, " ", "")
			if len(ck) < 4 {
				continue
			}
			if o, ok := compact[ck]; ok && o != c && live(o) {
				cl.merge(o, c)
				break
			}
			compact[ck] = c
		}
	}
	// long forms
	var all []string // every key of a live institution, with its cluster
	var owner []int
	for c := range cl.items {
		if !live(c) {
			continue
		}
		for _, k := range cl.keys(c) {
			all = append(all, k)
			owner = append(owner, c)
		}
	}
	for c := range cl.items {
		if !live(c) {
			continue
		}
		target := -1
		for _, k := range cl.keys(c) {
			words := strings.Fields(k)
			cands, others := map[int]bool{}, false
			for i, a := range all {
				o := owner[i]
				if o == c || !live(o) || !strings.HasPrefix(a, k+" ") {
					continue
				}
				if longForm(words, strings.Fields(a[len(k)+1:])) {
					cands[o] = true
				} else {
					others = true
				}
			}
			if len(cands) == 1 && !others {
				for o := range cands {
					target = o
				}
				break
			}
		}
		if target >= 0 {
			cl.merge(target, c)
		}
	}
	// parties and their members: "Democratic Party" and "Democrats",
	// "Conservative Party" and "Conservatives"
	parties := map[string][]int{}
	for c := range cl.items {
		if !live(c) {
			continue
		}
		for _, k := range cl.keys(c) {
			if w := strings.Fields(k); len(w) == 2 && w[1] == "party" {
				parties[w[0]] = append(parties[w[0]], c)
			}
		}
	}
	for c := range cl.items {
		if !live(c) {
			continue
		}
		for _, k := range cl.keys(c) {
			if strings.Contains(k, " ") || !strings.HasSuffix(k, "s") || len(k) < 5 {
				continue
			}
			stem := strings.TrimSuffix(k, "s")
			var ps []int
			for _, adj := range []string{stem, stem + "ic"} {
				for _, p := range parties[adj] {
					if p != c && live(p) && !has2(ps, p) {
						ps = append(ps, p)
					}
				}
			}
			if len(ps) == 1 {
				cl.merge(ps[0], c)
				break
			}
		}
	}
}

func has2(list []int, x int) bool {
	for _, y := range list {
		if y == x {
			return true
		}
	}
	return false
}

// longForm reports whether short followed by tail is a fuller form of the
// same institution: tail is one generic trailing word, or "for …", "of …",
// "on …" after a head word such as "Institute".
func longForm(short, tail []string) bool {
	if len(tail) == 0 {
		return false
	}
	if len(tail) == 1 {
		return orgTailWords[tail[0]]
	}
	switch tail[0] {
	case "for", "of", "on":
		return len(short) >= 2 && orgHeadWords[short[len(short)-1]]
	}
	return false
}

// camelInitials is initials counting the capitals inside a word after three
// or more letters ("SportsBusiness Journal" → "SBJ").
func camelInitials(name string) string {
	var sb strings.Builder
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			continue
		}
		sb.WriteRune(r[0])
		run := 1
		for i := 1; i < len(r); i++ {
			if unicode.IsUpper(r[i]) && unicode.IsLower(r[i-1]) && run >= 3 {
				sb.WriteRune(r[i])
				run = 0
			}
			if unicode.IsLetter(r[i]) {
				run++
			} else {
				run = 0
			}
		}
	}
	return sb.String()
}
