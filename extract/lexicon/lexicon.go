package lexicon

import "strings"

// PlaceKind tells what a Place is.
type PlaceKind uint8

// The kinds of place, in the order LookupPlace prefers them when one surface
// names several places.
const (
	// Country is a country or territory with an ISO 3166-1 code.
	Country PlaceKind = iota + 1
	// Continent is a continent or a world region ("Europe", "Middle East",
	// "Eastern Europe").
	Continent
	// City is a populated place of at least 15,000 people (GeoNames).
	City
	// Region is a first-level subdivision of a country (state, province,
	// oblast...) or a well-known area inside one ("Gaza Strip", "Crimea").
	Region
)

// String returns the kind's lower-case name ("country", "city"...).
func (k PlaceKind) String() string {
	switch k {
	case Country:
		return "country"
	case Continent:
		return "continent"
	case City:
		return "city"
	case Region:
		return "region"
	}
	return "unknown"
}

// Place is one geographic entity of the gazetteer.
type Place struct {
	// Name is the canonical name: the common English name of a country,
	// GeoNames' name of a city, the ISO 3166-2 name of a region.
	Name string
	Kind PlaceKind
	// Country is the ISO 3166-1 alpha-2 code of the country the place is (in);
	// empty for continents and regions spanning countries.
	Country string
	// Population is the GeoNames population of a city or country, 0 where
	// unknown (regions, most world regions). A small town whose name is also
	// an English word ("Of", "Deal") is best weighed with it.
	Population int
}

// LookupPlace returns the best place written as name. The match ignores ASCII
// case, except for all-capital abbreviations ("US", "U.K.", "UAE"), which match
// only as written so that "us" is not the United States. Accents may be left
// out ("Sao Paulo"); common alternate spellings of cities of at least 50,000
// people are known ("Kiev" is Kyiv). When several places share the surface, a
// country wins over a world region, a world region over a city, a city over a
// region, and among cities the most populous. Places gives all of them.
func LookupPlace(name string) (Place, bool) {
	ps := Places(name)
	if len(ps) == 0 {
		return Place{}, false
	}
	return ps[0], true
}

// Places returns every place written as name, best first (see LookupPlace).
// The slice is shared: callers must not modify it.
func Places(name string) []Place {
	g := gazetteer()
	if ps, ok := g.exact[name]; ok {
		return ps
	}
	ps, _ := lookupFold(g.fold, name)
	return ps
}

// CountryCanonical returns the canonical name of the country written as name:
// its common or official name, an alternate spelling or a short form
// ("U.S.", "USA", "America" and "United States of America" all give
// "United States"). Matching is as in LookupPlace.
func CountryCanonical(name string) (string, bool) {
	for _, p := range Places(name) {
		if p.Kind == Country {
			return p.Name, true
		}
	}
	return "", false
}

// CountryInfo is what the lexicon knows of a country.
type CountryInfo struct {
	ISO2, ISO3 string
	// Name is the common English name (the canonical name of its Place),
	// Official the official one ("United Kingdom of Great Britain and
	// Northern Ireland").
	Name, Official string
	Capital        string
	// Region and Subregion are the UN geoscheme names ("Europe",
	// "Eastern Europe").
	Region, Subregion string
	Population        int
	Independent       bool
	// Demonyms are the English adjectives and nouns, singular and plural
	// ("Ukrainian", "Ukrainians").
	Demonyms []string
}

// CountryByCode returns the country with the ISO 3166-1 alpha-2 or alpha-3
// code (upper or lower case). Its Demonyms slice is shared: do not modify it.
func CountryByCode(code string) (CountryInfo, bool) {
	c := countries()
	i, ok := lookupFold(c.byCode, code)
	if !ok {
		return CountryInfo{}, false
	}
	return c.list[i], true
}

// CountryByName returns the country written as name (see CountryCanonical).
func CountryByName(name string) (CountryInfo, bool) {
	for _, p := range Places(name) {
		if p.Kind == Country {
			return CountryByCode(p.Country)
		}
	}
	return CountryInfo{}, false
}

// Demonym returns the canonical name of the country whose people or adjective
// word is ("Ukrainian" and "Ukrainians" give "Ukraine", "American" gives
// "United States"), ignoring ASCII case. A demonym of several countries
// ("Congolese") gives the most populous.
func Demonym(word string) (country string, ok bool) {
	c := countries()
	i, ok := lookupFold(c.byDemonym, word)
	if !ok {
		return "", false
	}
	return c.list[i].Name, true
}

// Gender is the usual sex of a given name's bearers: 'M', 'F' or '?' (both).
type Gender byte

// The genders of given names.
const (
	Male   Gender = 'M'
	Female Gender = 'F'
	Unisex Gender = '?'
)

// GivenName reports whether word is a known given (first) name, ignoring ASCII
// case, with its popularity rank: 1 is the most popular across the 55 countries
// and regions of the source (a name very common in one country ranks high).
// Many given names are also English words or places ("Will", "Georgia").
func GivenName(word string) (rank int, ok bool) {
	e, ok := lookupFold(givenNames(), word)
	return int(e.rank), ok
}

// GivenNameGender returns the usual gender of the given name word.
func GivenNameGender(word string) (Gender, bool) {
	e, ok := lookupFold(givenNames(), word)
	return e.gender, ok
}

// CommonWordRank returns the frequency rank of an ordinary English word
// (1 = "the") from wordfreq's English list, keeping only words that an English
// spelling dictionary lists in lower case: "nice" and "reading" have a rank,
// "london" and other names seen only capitalised have none. The lookup ignores
// ASCII case.
func CommonWordRank(lower string) (rank int, ok bool) {
	r, ok := lookupFold(commonWords(), lower)
	return int(r), ok
}

// TitleWord reports whether lower is a title, honorific, rank, office or
// occupation word that can stand before or beside a person's name
// ("president", "minister", "mr", "dr", "general", "spokesperson"), ignoring
// ASCII case. Title tells which.
func TitleWord(lower string) bool {
	_, ok := lookupFold(titles(), lower)
	return ok
}

// Title returns the kind of the title word lower: "office", "salutation",
// "military", "nobility", "religious", "academic", "occupation", "style",
// "courtesy", "kinship" or "rank" (nameparser's categories).
func Title(lower string) (kind string, ok bool) {
	return lookupFold(titles(), lower)
}

// NameParticle reports whether lower is a particle of personal names ("de",
// "van", "von", "al", "bin", "ibn", "abu", "mac"), ignoring ASCII case.
func NameParticle(lower string) bool {
	_, ok := lookupFold(particles(), lower)
	return ok
}

// LegalSuffix reports whether word is a company legal-form suffix ("Inc",
// "Inc.", "LLC", "L.L.C.", "GmbH", "PLC", "S.A.", "SA", "Pty Ltd"), ignoring
// ASCII case and repeated spaces. Forms are known with and without their dots,
// except where the dotless form is a short common English word: "A.S." is a
// suffix, "As" is not.
func LegalSuffix(word string) bool {
	var buf [32]byte
	if len(word) > len(buf) {
		_, ok := legalSuffixes()[legalKey(word)]
		return ok
	}
	n := 0
	space := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case c == ' ' || c == '\t':
			if n == 0 || space {
				continue
			}
			space = true
			c = ' '
		default:
			space = false
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
		}
		buf[n] = c
		n++
	}
	if space && n > 0 {
		n--
	}
	_, ok := legalSuffixes()[string(buf[:n])]
	return ok
}

// legalKey is LegalSuffix's normalisation, allocating: ASCII lower case,
// single spaces.
func legalKey(s string) string {
	return strings.Join(strings.Fields(asciiLower(s)), " ")
}

// lookupFold looks s up in m after folding ASCII upper case, without
// allocating for keys up to 64 bytes. Keys of m are folded the same way.
func lookupFold[V any](m map[string]V, s string) (V, bool) {
	i := 0
	for i < len(s) && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		v, ok := m[s]
		return v, ok
	}
	var buf [64]byte
	if len(s) > len(buf) {
		v, ok := m[asciiLower(s)]
		return v, ok
	}
	b := buf[:len(s)]
	copy(b, s)
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	v, ok := m[string(b)]
	return v, ok
}

// asciiLower folds ASCII upper case only, leaving other bytes as they are.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
