package extract

import "github.com/kgraph/kg/extract/lexicon"

// The lexicon lookups the recogniser uses, in one place.

func lexPlace(name string) (lexicon.Place, bool) { return lexicon.LookupPlace(name) }

func lexDemonym(word string) (string, bool) { return lexicon.Demonym(word) }

func lexGivenName(word string) (int, bool) { return lexicon.GivenName(word) }

func lexCommonRank(lower string) (int, bool) { return lexicon.CommonWordRank(lower) }

func lexLegalSuffix(word string) bool { return lexicon.LegalSuffix(word) }

func lexCountry(name string) (string, bool) { return lexicon.CountryCanonical(name) }

func isCountry(p lexicon.Place) bool { return p.Kind == lexicon.Country }

// lexSmallTownOnly reports a name the gazetteer knows only as towns of
// fewer than 100,000 people (no country, region or large city).
func lexSmallTownOnly(name string) bool {
	ps := lexicon.Places(name)
	for _, p := range ps {
		if p.Kind != lexicon.City || p.Population >= 100000 {
			return false
		}
	}
	return len(ps) > 0
}
