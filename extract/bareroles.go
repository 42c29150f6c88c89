package extract

import "strings"

// bareTitles are leadership titles of a firm written with no organisation:
// "chairman Jane Doe said", "Jane Doe, the chief executive, said". Titles of
// public office (president, minister, senator) are not among them.
var bareTitles = map[string]bool{"ceo": true, "chief executive": true, "chief executive officer": true,
	"chairman": true, "chairwoman": true, "executive chairman": true, "founder": true, "co-founder": true,
	"cofounder": true}

// bareBefore are the words that may stand before a bare title: none of
// them can be an organisation or a field modifying the title.
var bareBefore = map[string]bool{",": true, "and": true, "said": true, "says": true, "by": true, "with": true,
	"to": true, "from": true, "that": true, "as": true, "when": true, "its": true, "\"": true, "“": true,
	"(": true, ":": true, "—": true, "–": true, "while": true, "but": true}

// mainInstitution returns the first mention of the institution an article
// is about, or -1: it is named at least three times, once in the first three
// sentences, and at least twice as often as any other institution.
func (x *articleState) mainInstitution() int {
	if x.mainInstDone {
		return x.mainInst
	}
	x.mainInstDone, x.mainInst = true, -1
	// counted by name: an untyped entity of the same name as an institution
	// is the same firm (a name the recogniser left untyped in a headline)
	inst := map[string]int{} // name -> institution entity
	for e, ent := range x.res.Entities {
		if ent.Type == tInstitution {
			inst[strings.ToLower(ent.Name)] = e
		}
	}
	count := map[int]int{}
	firstOf := map[int]int{}
	for mi, m := range x.mentions {
		if m.Entity < 0 {
			continue
		}
		ent := x.res.Entities[m.Entity]
		e, ok := inst[strings.ToLower(ent.Name)]
		if !ok || ent.Type != tInstitution && ent.Type != "" {
			continue
		}
		if _, seen := firstOf[e]; !seen {
			firstOf[e] = mi
		}
		count[e]++
	}
	best, second, bestE := 0, 0, -1
	for e, n := range count {
		if n > best {
			best, second, bestE = n, best, e
		} else if n > second {
			second = n
		}
	}
	if bestE < 0 || best < 3 || second*2 > best {
		return -1
	}
	first := firstOf[bestE]
	if m := x.mentions[first]; m.Sentence >= 3 || m.Tok1-m.Tok0 == 1 && !x.nameLike(first) && !x.toks[m.Tok0].Upper {
		return -1
	}
	for mi := first; x.mentions[first].Entity != bestE; mi++ {
		if x.mentions[mi].Entity == bestE {
			first = mi
		}
	}
	x.mainInst = first
	return first
}

// bareTitleAt returns the end of a bare title starting at token j, or -1.
func bareTitleAt(toks []Token, j, end int) int {
	for n := 3; n >= 1; n-- {
		if j+n > end {
			continue
		}
		if bareTitles[strings.ToLower(spanText(toks, j, j+n))] {
			return j + n
		}
	}
	return -1
}

// bareRoles links a person given a bare leadership title to the institution
// the article is about (see mainInstitution), when no institution is named
// in the sentence:
//
//	[and] TITLE PERSON          "… said chairman Jane Doe"
//	PERSON, the|its TITLE,|said "Jane Doe, the chief executive, said"
func (rl *relater) bareRoles(x *articleState, si int, s Sentence, mentionAt []int, emit emitFunc) {
	toks, ms := x.toks, x.mentions
	main := -1 // the institution the article is about, when needed
	for _, pi := range x.bySent[si] {
		if e := ms[pi].Entity; e >= 0 && x.res.Entities[e].Type == tInstitution {
			// an institution named in the sentence: the ordinary rules
			// decide, unless it is the one the article is about
			if main < 0 {
				if main = x.mainInstitution(); main < 0 {
					return
				}
			}
			if e != ms[main].Entity {
				return
			}
		}
	}
	org := -1
	for _, pi := range x.bySent[si] {
		p := &ms[pi]
		if p.Entity < 0 || x.res.Entities[p.Entity].Type != tPerson {
			continue
		}
		title := ""
		if p.TitleTok >= 0 {
			// TITLE PERSON, after modifiers, and "TITLE[,] and TITLE PERSON"
			k := p.TitleTok
			for k < p.Tok0 && roleMods[toks[k].Lower] && bareTitleAt(toks, k, p.Tok0) != p.Tok0 {
				k++
			}
			title = strings.ToLower(spanText(toks, k, p.Tok0))
			bare := bareTitleAt(toks, k, p.Tok0) == p.Tok0
			if !bare && title != "president" {
				continue
			}
			j := p.TitleTok - 1
			for j >= s.Tok0 && roleMods[toks[j].Lower] && mentionAt[j] < 0 {
				j--
			}
			// "chairman, CEO and president": a list of titles
			for j-1 >= s.Tok0 && (toks[j].Lower == "and" || toks[j].Text == ",") {
				found := false
				for a := j - 1; a >= s.Tok0 && a >= j-3; a-- {
					if bareTitleAt(toks, a, j) == j {
						j, found, bare = a-1, true, true
						break
					}
				}
				if !found {
					break
				}
			}
			if !bare || j >= s.Tok0 && (mentionAt[j] >= 0 || !bareBefore[toks[j].Lower]) {
				continue
			}
		} else if k := p.Tok1; k+2 < s.Tok1 && toks[k].Text == "," && (toks[k+1].Lower == "the" || toks[k+1].Lower == "its") {
			// PERSON, the [mods] TITLE, said
			k += 2
			for k < s.Tok1 && roleMods[toks[k].Lower] && bareTitleAt(toks, k, s.Tok1) < 0 {
				k++
			}
			e := bareTitleAt(toks, k, s.Tok1)
			if e < 0 || e >= s.Tok1 || !(toks[e].Text == "," || toks[e].Lower == "said" || toks[e].Lower == "says") {
				continue
			}
			title = strings.ToLower(spanText(toks, k, e))
		} else {
			continue
		}
		if org < 0 {
			if org = x.mainInstitution(); org < 0 {
				return
			}
		}
		rl.emitRole(x, pi, org, title, si, emit, 0.15)
	}
}
