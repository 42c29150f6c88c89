package main

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"unicode"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/extract/lexicon"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// genSource is one news-dev article with its extraction, the material of
// generated articles.
type genSource struct {
	text string
	res  *extract.Result
}

// genInfo describes the generated corpus.
type genInfo struct {
	corpusInfo
	PeoplePool       int `json:"people_pool"`       // distinct people names available
	SurnamePool      int `json:"surname_pool"`      // distinct surnames among them
	InstitutionPool  int `json:"institution_pool"`  // distinct institution names available
	PeopleUsed       int `json:"people_used"`       // distinct people written
	InstitutionsUsed int `json:"institutions_used"` // distinct institutions written
	VariantMentions  int `json:"variant_mentions"`  // person mentions written with a spelling variant
}

// namePools gathers given names, surnames and institution head words from
// the entities kg extracts from news-dev.
func namePools(srcs []genSource) (given, surnames, heads []string) {
	gs, ss, hs := map[string]bool{}, map[string]bool{}, map[string]int{}
	for _, s := range srcs {
		for _, e := range s.res.Entities {
			words := strings.Fields(e.Name)
			if len(words) < 2 || !allCapWords(words) {
				continue
			}
			switch e.Type {
			case graph.Person:
				first, last := words[0], words[len(words)-1]
				if _, ok := lexicon.GivenName(first); ok && len(first) > 2 {
					gs[first] = true
				}
				if surnameLike(last) {
					ss[last] = true
				}
			case graph.Institution:
				hs[words[len(words)-1]]++
			}
		}
	}
	for w := range gs {
		given = append(given, w)
	}
	for w := range ss {
		surnames = append(surnames, w)
	}
	for w, n := range hs {
		if n >= 2 && len(w) > 3 {
			heads = append(heads, w)
		}
	}
	sort.Strings(given)
	sort.Strings(surnames)
	sort.Strings(heads)
	return given, surnames, heads
}

// surnameLike: not a given name, a common word or a place, so that a
// generated name reads as a person's.
func surnameLike(w string) bool {
	if len(w) <= 2 {
		return false
	}
	if _, ok := lexicon.GivenName(w); ok {
		return false
	}
	if _, ok := lexicon.CommonWordRank(strings.ToLower(w)); ok {
		return false
	}
	_, ok := lexicon.LookupPlace(w)
	return !ok
}

// allCapWords: every word is letters only and starts with a capital.
func allCapWords(words []string) bool {
	for _, w := range words {
		for i, r := range w {
			if !unicode.IsLetter(r) || (i == 0 && !unicode.IsUpper(r)) {
				return false
			}
		}
	}
	return true
}

// surnamePool is how many distinct surnames the generated people share:
// the surnames of news-dev, then blends of two of them (the first half of
// one and the second half of another, "Hass" + "ward"), so that the corpus
// has as many distinct surnames as a large news archive has.
const surnamePool = 3000

func blendSurnames(rng *rand.Rand, real []string, n int) []string {
	seen := map[string]bool{}
	for _, s := range real {
		seen[s] = true
	}
	out := append([]string(nil), real...)
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		a, b := []rune(real[rng.Intn(len(real))]), []rune(real[rng.Intn(len(real))])
		s := string(a[:(len(a)+1)/2]) + string(b[len(b)/2:])
		if !seen[s] && surnameLike(s) {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// variant spells a surname differently, as transliterations and typos do:
// a doubled letter single, -son as -sen, or the last vowel doubled.
func variant(s string) string {
	r := []rune(s)
	for i := 1; i < len(r); i++ {
		if r[i] == r[i-1] {
			return string(append(r[:i:i], r[i+1:]...))
		}
	}
	if strings.HasSuffix(s, "son") {
		return strings.TrimSuffix(s, "son") + "sen"
	}
	for i := len(r) - 1; i > 0; i-- {
		if strings.ContainsRune("aeiou", r[i]) {
			return string(r[:i+1]) + string(r[i:])
		}
	}
	return s + "e"
}

type person struct{ given, surname, variant string }

// generate writes n articles built from windows of 4 to 10 consecutive
// news-dev sentences, with every person and institution kg recognised
// there replaced by one drawn from a Zipf distribution over a large pool
// (the same source entity keeps its replacement within an article; 3% of
// full-name mentions use a spelling variant of the surname).
func generate(ctx context.Context, arts []article, n int, seed int64, path string) (genInfo, error) {
	ex := extract.New(schema.Default())
	srcs := make([]genSource, 0, len(arts))
	for _, a := range arts {
		res := ex.Extract(a.Text)
		if len(res.Sentences) > 0 {
			srcs = append(srcs, genSource{a.Text, res})
		}
	}
	given, surnames, heads := namePools(srcs)
	if len(given) == 0 || len(surnames) == 0 || len(heads) == 0 {
		return genInfo{}, fmt.Errorf("kgbench: too few names in the corpus to generate from (%d given names, %d surnames, %d institution heads)", len(given), len(surnames), len(heads))
	}
	rng := rand.New(rand.NewSource(seed))
	surnames = blendSurnames(rng, surnames, surnamePool)
	// pools: distinct combinations in a random order, so that the Zipf
	// ranks do not follow the alphabet
	var people []person
	for _, i := range rng.Perm(len(given) * len(surnames)) {
		g, s := given[i/len(surnames)], surnames[i%len(surnames)]
		people = append(people, person{g, s, variant(s)})
		if len(people) == 50000 {
			break
		}
	}
	var orgs []string
	for _, i := range rng.Perm(len(surnames) * len(heads)) {
		orgs = append(orgs, surnames[i/len(heads)]+" "+heads[i%len(heads)])
		if len(orgs) == 20000 {
			break
		}
	}
	zp := rand.NewZipf(rng, 1.1, 2, uint64(len(people)-1))
	zo := rand.NewZipf(rng, 1.1, 2, uint64(len(orgs)-1))

	info := genInfo{PeoplePool: len(people), SurnamePool: len(surnames), InstitutionPool: len(orgs)}
	usedP, usedO := map[int]bool{}, map[int]bool{}
	j, err := newJSONL(path)
	if err != nil {
		return info, err
	}
	var sb strings.Builder
	for a := 0; a < n; a++ {
		if a%1000 == 0 {
			if err := ctx.Err(); err != nil {
				j.close()
				return info, err
			}
		}
		src := srcs[rng.Intn(len(srcs))]
		sents := src.res.Sentences
		k := 4 + rng.Intn(7)
		s0 := 0
		if len(sents) > k {
			s0 = rng.Intn(len(sents) - k + 1)
		}
		s1 := min(s0+k, len(sents))
		pmap, omap := map[int]int{}, map[int]int{}
		sb.Reset()
		mi := 0
		ms := src.res.Mentions
		for si := s0; si < s1; si++ {
			s := sents[si]
			if si > s0 {
				if (si-s0)%3 == 0 {
					sb.WriteByte('\n')
				} else {
					sb.WriteByte(' ')
				}
			}
			pos := s.Start
			for mi < len(ms) && ms[mi].Start < s.Start {
				mi++
			}
			for ; mi < len(ms) && ms[mi].End <= s.End; mi++ {
				m := ms[mi]
				if m.Start < pos || m.Acronym || m.Entity < 0 || m.Entity >= len(src.res.Entities) {
					continue
				}
				off := strings.Index(m.Text, m.Name)
				if off < 0 || !allCapWords(strings.Fields(m.Name)) {
					continue
				}
				var repl string
				switch src.res.Entities[m.Entity].Type {
				case graph.Person:
					pi, ok := pmap[m.Entity]
					if !ok {
						pi = int(zp.Uint64())
						pmap[m.Entity] = pi
						usedP[pi] = true
					}
					p := people[pi]
					sur := p.surname
					if rng.Intn(100) < 3 {
						sur = p.variant
						info.VariantMentions++
					}
					if strings.Contains(m.Name, " ") {
						repl = p.given + " " + sur
					} else {
						repl = sur
					}
				case graph.Institution:
					oi, ok := omap[m.Entity]
					if !ok {
						oi = int(zo.Uint64())
						omap[m.Entity] = oi
						usedO[oi] = true
					}
					repl = orgs[oi]
				default:
					continue
				}
				start := m.Start + off
				sb.WriteString(src.text[pos:start])
				sb.WriteString(repl)
				pos = start + len(m.Name)
			}
			sb.WriteString(src.text[pos:s.End])
		}
		if err := j.write(fmt.Sprintf("gen-%06d", a), sb.String()); err != nil {
			j.close()
			return info, err
		}
	}
	info.corpusInfo, err = j.close()
	info.PeopleUsed, info.InstitutionsUsed = len(usedP), len(usedO)
	return info, err
}
