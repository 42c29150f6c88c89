package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// data holds the files scripts/lexicon/generate writes.
//
//go:embed data/*.tsv data/*.tsv.gz
var data embed.FS

// Each table is parsed on first use, once, and never changed after.
var (
	gazetteer     = sync.OnceValue(loadGazetteer)
	countries     = sync.OnceValue(loadCountries)
	givenNames    = sync.OnceValue(loadGivenNames)
	commonWords   = sync.OnceValue(loadCommonWords)
	titles        = sync.OnceValue(loadTitles)
	particles     = sync.OnceValue(loadParticles)
	legalSuffixes = sync.OnceValue(loadLegalSuffixes)
)

// readRows calls fn with the tab-separated fields of each data line of the
// embedded file name ('#' lines are comments). The embedded files are built by
// the generator and checked by the tests, so a malformed one is a programmer
// error and panics.
func readRows(name string, fields int, fn func(f []string)) {
	raw, err := data.ReadFile("data/" + name)
	if err != nil {
		panic("lexicon: " + err.Error())
	}
	var r io.Reader = bytes.NewReader(raw)
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(r)
		if err != nil {
			panic("lexicon: " + name + ": " + err.Error())
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	f := make([]string, 0, fields)
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || t[0] == '#' {
			continue
		}
		f = f[:0]
		for part := range strings.SplitSeq(t, "\t") {
			f = append(f, part)
		}
		if len(f) != fields {
			panic(fmt.Sprintf("lexicon: %s: line %d: %d fields, want %d", name, line, len(f), fields))
		}
		fn(f)
	}
	if err := sc.Err(); err != nil {
		panic("lexicon: " + name + ": " + err.Error())
	}
}

func atoi(name, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic("lexicon: " + name + ": " + err.Error())
	}
	return n
}

type gaz struct {
	// exact maps all-capital abbreviations as written; fold maps every other
	// surface with ASCII upper case folded. Each slice is sorted best first.
	exact, fold map[string][]Place
}

var kindByName = map[string]PlaceKind{
	"country": Country, "continent": Continent, "city": City, "region": Region,
}

func loadGazetteer() gaz {
	const file = "places.tsv.gz"
	g := gaz{exact: map[string][]Place{}, fold: make(map[string][]Place, 1<<17)}
	readRows(file, 5, func(f []string) {
		kind, ok := kindByName[f[0]]
		if !ok {
			panic("lexicon: " + file + ": unknown kind " + f[0])
		}
		p := Place{Name: f[1], Kind: kind, Country: f[2], Population: atoi(file, f[3])}
		for s := range strings.SplitSeq(f[4], "|") {
			if e, ok := strings.CutPrefix(s, "="); ok {
				g.exact[e] = addPlace(g.exact[e], p)
				continue
			}
			k := asciiLower(s)
			g.fold[k] = addPlace(g.fold[k], p)
		}
	})
	for _, m := range []map[string][]Place{g.exact, g.fold} {
		for k, ps := range m {
			if len(ps) > 1 {
				slices.SortFunc(ps, comparePlaces)
				m[k] = slices.Clip(ps)
			}
		}
	}
	return g
}

// addPlace appends p unless the same place is already there (a surface and its
// accent-free form can coincide after folding).
func addPlace(ps []Place, p Place) []Place {
	if slices.Contains(ps, p) {
		return ps
	}
	return append(ps, p)
}

// comparePlaces orders by kind (Country first), then larger population, then
// name and country so that the order is stable.
func comparePlaces(a, b Place) int {
	if a.Kind != b.Kind {
		return int(a.Kind) - int(b.Kind)
	}
	if a.Population != b.Population {
		if a.Population > b.Population {
			return -1
		}
		return 1
	}
	if c := strings.Compare(a.Name, b.Name); c != 0 {
		return c
	}
	return strings.Compare(a.Country, b.Country)
}

type countryTable struct {
	list      []CountryInfo
	byCode    map[string]int // lower-case ISO2 and ISO3
	byDemonym map[string]int // ASCII-folded demonym
}

func loadCountries() countryTable {
	const file = "countries.tsv"
	t := countryTable{byCode: map[string]int{}, byDemonym: map[string]int{}}
	readRows(file, 10, func(f []string) {
		c := CountryInfo{
			ISO2: f[0], ISO3: f[1], Name: f[2], Official: f[3], Capital: f[4],
			Region: f[5], Subregion: f[6], Population: atoi(file, f[7]), Independent: f[8] == "1",
		}
		if f[9] != "" {
			c.Demonyms = strings.Split(f[9], "|")
		}
		t.byCode[asciiLower(c.ISO2)] = len(t.list)
		t.byCode[asciiLower(c.ISO3)] = len(t.list)
		t.list = append(t.list, c)
	})
	// A demonym shared by several countries goes to the most populous.
	order := make([]int, len(t.list))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return t.list[b].Population - t.list[a].Population })
	for _, i := range order {
		for _, d := range t.list[i].Demonyms {
			k := asciiLower(d)
			if _, taken := t.byDemonym[k]; !taken {
				t.byDemonym[k] = i
			}
		}
	}
	return t
}

type givenName struct {
	rank   int32
	gender Gender
}

func loadGivenNames() map[string]givenName {
	const file = "given_names.tsv.gz"
	m := make(map[string]givenName, 1<<16)
	readRows(file, 3, func(f []string) {
		if len(f[2]) != 1 {
			panic("lexicon: " + file + ": bad gender " + f[2])
		}
		m[asciiLower(f[0])] = givenName{rank: int32(atoi(file, f[1])), gender: Gender(f[2][0])}
	})
	return m
}

func loadCommonWords() map[string]int32 {
	const file = "words.tsv.gz"
	m := make(map[string]int32, 1<<16)
	readRows(file, 2, func(f []string) { m[asciiLower(f[0])] = int32(atoi(file, f[1])) })
	return m
}

func loadTitles() map[string]string {
	m := map[string]string{}
	readRows("titles.tsv", 2, func(f []string) { m[asciiLower(f[0])] = f[1] })
	return m
}

func loadParticles() map[string]struct{} {
	m := map[string]struct{}{}
	readRows("particles.tsv", 1, func(f []string) { m[asciiLower(f[0])] = struct{}{} })
	return m
}

func loadLegalSuffixes() map[string]struct{} {
	m := map[string]struct{}{}
	readRows("legal_suffixes.tsv", 2, func(f []string) { m[legalKey(f[0])] = struct{}{} })
	return m
}
