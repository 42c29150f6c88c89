// Package extract finds the entities and relations of one article, with
// byte offsets into its text, from general cues and the schema's triggers.
//
// The steps of Extractor.Extract:
//
//  1. Tokenize splits the text into tokens and sentences (a sentence never
//     crosses a paragraph line); text[t.Start:t.End] is every token's text.
//  2. The recogniser finds runs of capitalised words, joins them across
//     "of", "and" and name particles where that makes one name ("Ministry of
//     Defence", "Ursula von der Leyen"), separates titles ("Secretary of
//     State …", "Kremlin spokesman …") and types each name from cues: titles
//     and roles, organisation, place and document head words and the words
//     around a name (all in the schema YAML), and the lexicons of package
//     lexicon (places, demonyms, given names, common English words). A
//     sentence-initial ordinary word is no name; headlines are skipped.
//     Numbered plans ("the revised 19-point plan") are documents.
//  3. The article's mentions are resolved into entities: short forms join the
//     full name ("Umerov", "Mr Witkoff"), acronyms their expansion, and names
//     that recur, are listed with typed names or stand where a role pattern
//     needs an organisation get a type.
//  4. The relater matches the schema's triggers (active, passive, between and
//     subject forms) and role nouns ("X, CEO of Y", "Y spokesman X", "Y's
//     son-in-law X") and emits relations between entities whose types the
//     schema allows. Negated and hypothetical statements are dropped; planned
//     ones are marked.
//
// Nothing here names a particular person or organisation: every list is
// general language or comes from package lexicon's registry data.
//
// # Concurrency
//
// An Extractor is immutable after New and safe for concurrent use; each
// Extract call keeps its state in its own articleState.
package extract
