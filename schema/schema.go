package schema

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

//go:embed default.yaml
var defaultYAML []byte

// DefaultYAML returns the text of the embedded default news schema.
func DefaultYAML() []byte { return append([]byte(nil), defaultYAML...) }

var defaultSchema = sync.OnceValues(func() (*Schema, error) { return Parse("default.yaml", defaultYAML) })

// Default returns the embedded default news schema. It is shared and must not be modified.
func Default() *Schema {
	s, err := defaultSchema()
	if err != nil {
		panic("schema: the embedded default schema is invalid: " + err.Error())
	}
	return s
}

// Schema declares the entity types, the modality words and the relations kg extracts.
type Schema struct {
	Name      string       `yaml:"name"`
	Version   int          `yaml:"version"`
	Entities  []EntityType `yaml:"entities"`
	Modality  Modality     `yaml:"modality"`
	Relations []Relation   `yaml:"relations"`
}

// EntityType is one node type with the general-language cues that mark it.
type EntityType struct {
	Name string `yaml:"name"`
	Cues Cues   `yaml:"cues"`
}

// Cues are words and phrases around or inside a mention that mark its type.
type Cues struct {
	Titles      []string `yaml:"titles"`
	VerbsAfter  []string `yaml:"verbs_after"`
	Heads       []string `yaml:"heads"`
	Suffixes    []string `yaml:"suffixes"`
	WordsBefore []string `yaml:"words_before"`
	Modifiers   []string `yaml:"modifiers"`
}

// Modality lists the words that make a statement negated, hypothetical or planned.
type Modality struct {
	Negation     []string `yaml:"negation"`
	Hypothetical []string `yaml:"hypothetical"`
	Planned      []string `yaml:"planned"`
}

// Relation is one relation type.
type Relation struct {
	Name      string   `yaml:"name"`
	Symmetric bool     `yaml:"symmetric"`
	Source    []string `yaml:"source"`
	Target    []string `yaml:"target"`
	Triggers  Triggers `yaml:"triggers"`
	Roles     []string `yaml:"roles"`
	// NotBefore lists words that, right after an active trigger, show it
	// means something else ("led to", "heads into").
	NotBefore []string `yaml:"not_before"`
}

// Triggers are the phrases that state a relation, by where its arguments stand.
type Triggers struct {
	Active  []string `yaml:"active"`
	Passive []string `yaml:"passive"`
	Between []string `yaml:"between"`
	Subject []string `yaml:"subject"`
}

// Entity returns the entity type called name.
func (s *Schema) Entity(name string) (*EntityType, bool) {
	for i := range s.Entities {
		if s.Entities[i].Name == name {
			return &s.Entities[i], true
		}
	}
	return nil, false
}

// Relation returns the relation type called name.
func (s *Schema) Relation(name string) (*Relation, bool) {
	for i := range s.Relations {
		if s.Relations[i].Name == name {
			return &s.Relations[i], true
		}
	}
	return nil, false
}

// Problem is one thing wrong in a schema file, at a line.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Error is returned by Parse for an invalid schema; it lists every problem.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	msgs := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		msgs[i] = p.String()
	}
	return "schema: " + strings.Join(msgs, "; ")
}

// Load reads and validates a schema file.
func Load(path string) (*Schema, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return Parse(path, data)
}

// Parse decodes and validates a schema; name is used in messages.
func Parse(name string, data []byte) (*Schema, error) {
	probs := Check(name, data)
	if len(probs) > 0 {
		return nil, &Error{Problems: probs}
	}
	var s Schema
	if err := yaml.Unmarshal(data, &s); err != nil {
		return nil, &Error{Problems: []Problem{{File: name, Msg: err.Error()}}}
	}
	s.normalise()
	return &s, nil
}

func (s *Schema) normalise() {
	low := func(list []string) []string {
		out := make([]string, 0, len(list))
		for _, w := range list {
			w = strings.ToLower(strings.Join(strings.Fields(w), " "))
			w = strings.ReplaceAll(w, "\u2019", "'")
			if w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	for i := range s.Entities {
		c := &s.Entities[i].Cues
		c.Titles, c.VerbsAfter, c.Heads = low(c.Titles), low(c.VerbsAfter), low(c.Heads)
		c.Suffixes, c.WordsBefore, c.Modifiers = low(c.Suffixes), low(c.WordsBefore), low(c.Modifiers)
	}
	m := &s.Modality
	m.Negation, m.Hypothetical, m.Planned = low(m.Negation), low(m.Hypothetical), low(m.Planned)
	for i := range s.Relations {
		r := &s.Relations[i]
		t := &r.Triggers
		t.Active, t.Passive, t.Between, t.Subject = low(t.Active), low(t.Passive), low(t.Between), low(t.Subject)
		r.Roles = low(r.Roles)
		r.NotBefore = low(r.NotBefore)
	}
}

var identRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// Check reports every problem of a schema file with its line: YAML errors,
// unknown fields, unknown entity types in a relation, duplicate names, names
// that are not identifiers, relations without triggers or roles, empty
// trigger phrases.
func Check(name string, data []byte) []Problem {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return []Problem{{File: name, Line: yamlErrLine(err), Msg: cleanYAMLErr(err)}}
	}
	if len(doc.Content) == 0 {
		return []Problem{{File: name, Msg: "empty schema"}}
	}
	var probs []Problem
	add := func(n *yaml.Node, format string, args ...any) {
		line := 0
		if n != nil {
			line = n.Line
		}
		probs = append(probs, Problem{File: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	// Strict decode catches unknown fields and wrong kinds.
	var s Schema
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		var te *yaml.TypeError
		if errors.As(err, &te) {
			for _, e := range te.Errors {
				probs = append(probs, Problem{File: name, Line: lineOf(e), Msg: strings.TrimPrefix(stripLine(e), "yaml: ")})
			}
		} else {
			add(nil, "%s", cleanYAMLErr(err))
		}
		return probs
	}
	root := doc.Content[0]
	ents := child(root, "entities")
	rels := child(root, "relations")
	types := map[string]bool{}
	if ents == nil || len(ents.Content) == 0 {
		add(root, "no entity types declared")
	} else {
		for _, e := range ents.Content {
			n := child(e, "name")
			if n == nil || n.Value == "" {
				add(e, "entity type without a name")
				continue
			}
			if !identRE.MatchString(n.Value) {
				add(n, "entity type name %q is not an identifier (letters, digits, _)", n.Value)
			}
			if types[n.Value] {
				add(n, "duplicate entity type %q", n.Value)
			}
			types[n.Value] = true
		}
	}
	seen := map[string]bool{}
	if rels != nil {
		for _, r := range rels.Content {
			n := child(r, "name")
			if n == nil || n.Value == "" {
				add(r, "relation without a name")
				continue
			}
			rn := n.Value
			if !identRE.MatchString(rn) {
				add(n, "relation name %q is not an identifier (letters, digits, _)", rn)
			}
			if seen[rn] {
				add(n, "duplicate relation %q", rn)
			}
			seen[rn] = true
			for _, end := range []string{"source", "target"} {
				list := child(r, end)
				if list == nil || len(list.Content) == 0 {
					add(n, "relation %s: no %s types", rn, end)
					continue
				}
				for _, t := range list.Content {
					if !types[t.Value] {
						add(t, "relation %s: unknown %s type %q (declared: %s)", rn, end, t.Value, strings.Join(sortedKeys(types), ", "))
					}
				}
			}
			phrases := 0
			if tr := child(r, "triggers"); tr != nil {
				for i := 0; i+1 < len(tr.Content); i += 2 {
					for _, p := range tr.Content[i+1].Content {
						if strings.TrimSpace(p.Value) == "" {
							add(p, "relation %s: empty trigger in %s", rn, tr.Content[i].Value)
						}
						phrases++
					}
				}
			}
			if ro := child(r, "roles"); ro != nil {
				for _, p := range ro.Content {
					if strings.TrimSpace(p.Value) == "" {
						add(p, "relation %s: empty role", rn)
					}
					phrases++
				}
			}
			if phrases == 0 {
				add(n, "relation %s: no triggers and no roles: it can never be extracted", rn)
			}
		}
	}
	return probs
}

func child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

var lineRE = regexp.MustCompile(`line (\d+)`)

func yamlErrLine(err error) int { return lineOf(err.Error()) }

func lineOf(msg string) int {
	m := lineRE.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	n := 0
	fmt.Sscanf(m[1], "%d", &n)
	return n
}

func stripLine(msg string) string {
	return strings.TrimSpace(regexp.MustCompile(`line \d+: ?`).ReplaceAllString(msg, ""))
}

func cleanYAMLErr(err error) string { return strings.TrimPrefix(stripLine(err.Error()), "yaml: ") }
