// Package eval scores a knowledge graph against a hand-annotated gold file,
// with exactly the matching rules and output of shared/eval/score.py.
//
// Data flow: LoadGold reads the gold YAML (entities with every surface form,
// relations with acceptable source and target ids), Score maps each graph
// node to a gold entity by its normalised name, then by its aliases, and
// counts entity and relation matches; Result.WriteText and Result.WriteJSON
// print the figures in score.py's formats (same rounding, same Python-style
// lists with --verbose), so that `kg eval` and score.py can be compared
// byte for byte.
//
// The rules, in brief: names are normalised by Norm (NFKC, case, quotes,
// possessive 's, punctuation, a leading article, runs of spaces and
// hyphens). Optional gold entities count neither for recall nor for
// precision; a node whose type is not one of the gold type or its alt_types
// is a wrong type; a second node mapped to an already found entity is a
// duplicate. An edge matches a gold relation when its type (after the
// REL_ALIASES table, LED_BY reversed into LED) is the relation's type or one
// of its alias_types, its source is one of the relation's sources and its
// target one of its targets (any target with target_optional); MET_WITH
// also matches reversed. Optional gold relations are not needed for recall
// but an edge matching them is not a false positive.
package eval
