package extract

import "strings"

// phraseSet matches lower-case word phrases (from the schema) against tokens.
type phraseSet struct {
	byFirst map[string][][]string // first word -> phrases, longest first
}

func newPhraseSet(lists ...[]string) *phraseSet {
	ps := &phraseSet{byFirst: map[string][][]string{}}
	for _, list := range lists {
		for _, p := range list {
			ps.add(p)
		}
	}
	return ps
}

// phraseWords splits a schema phrase into token-like words ("son-in-law"
// stays one word; "n't" and "'s" are their own words).
func phraseWords(p string) []string {
	var out []string
	for _, w := range strings.Fields(p) {
		switch {
		case strings.HasSuffix(w, "'s") && len(w) > 2:
			out = append(out, w[:len(w)-2], "'s")
		default:
			out = append(out, w)
		}
	}
	return out
}

func (ps *phraseSet) add(p string) {
	ws := phraseWords(p)
	if len(ws) == 0 {
		return
	}
	list := ps.byFirst[ws[0]]
	for _, q := range list {
		if strings.Join(q, " ") == strings.Join(ws, " ") {
			return
		}
	}
	list = append(list, ws)
	// longest first
	for i := len(list) - 1; i > 0 && len(list[i]) > len(list[i-1]); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	ps.byFirst[ws[0]] = list
}

// match returns the end (exclusive) of the longest phrase starting at token i
// and before limit, or -1.
func (ps *phraseSet) match(toks []Token, i, limit int) int {
	if i >= limit {
		return -1
	}
	for _, p := range ps.byFirst[toks[i].Lower] {
		if i+len(p) > limit {
			continue
		}
		ok := true
		for k := 1; k < len(p); k++ {
			if toks[i+k].Lower != p[k] {
				ok = false
				break
			}
		}
		if ok {
			return i + len(p)
		}
	}
	return -1
}

// has reports whether the single word w is a one-word phrase of the set.
func (ps *phraseSet) has(w string) bool {
	for _, p := range ps.byFirst[w] {
		if len(p) == 1 {
			return true
		}
	}
	return false
}

// matchEndingAt returns the start of the longest phrase that ends at token
// end (exclusive) and starts at or after floor, or -1.
func (ps *phraseSet) matchEndingAt(toks []Token, floor, end int) int {
	best := -1
	for a := end - 1; a >= floor && a >= end-6; a-- {
		if e := ps.match(toks, a, end); e == end {
			best = a
		}
	}
	return best
}

func wordSet(lists ...[]string) map[string]bool {
	m := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			m[w] = true
		}
	}
	return m
}
