// Package schema loads and checks the YAML schema that declares what kg
// extracts: the entity types with the general-language cues that mark them,
// the words that make a statement negated, hypothetical or planned, and the
// relation types with their trigger phrases, role nouns, argument types,
// direction and symmetry.
//
// The default news schema is embedded (Default, DefaultYAML), so the kg
// binary needs no files beside it. A user adds a relation type by editing a
// copy (kg schema print > my.yaml) and passing it with --schema: no
// recompilation. Check reports each problem of a file with its line.
package schema
