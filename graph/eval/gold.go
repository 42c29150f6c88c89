package eval

import (
	"context"
	"errors"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// Gold is a hand annotation of a corpus as a whole, after entity resolution
// (the format of shared/eval/seeds-gold.yaml).
type Gold struct {
	Entities  []Entity   `yaml:"entities"`
	Relations []Relation `yaml:"relations"`
}

// Entity is one real-world entity of the gold annotation.
type Entity struct {
	ID       string   `yaml:"id"`
	Type     string   `yaml:"type"`
	AltTypes []string `yaml:"alt_types"`
	Names    []string `yaml:"names"` // every surface form; Names[0] names it in reports
	Optional bool     `yaml:"optional"`
	Line     int      `yaml:"-"` // line of the entry in the gold file
}

// Relation is one gold relation. Source and Target list acceptable entity ids.
type Relation struct {
	Type           string   `yaml:"type"`
	Source         []string `yaml:"source"`
	Target         []string `yaml:"target"`
	AliasTypes     []string `yaml:"alias_types"`
	Optional       bool     `yaml:"optional"`
	TargetOptional bool     `yaml:"target_optional"`
	Evidence       string   `yaml:"evidence"`
	Line           int      `yaml:"-"`
}

// GoldError is a problem in a gold file that its author can fix.
type GoldError struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *GoldError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("eval: %s: line %d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("eval: %s: %s", e.File, e.Msg)
}

// LoadGold reads and checks a gold YAML file.
func LoadGold(ctx context.Context, path string) (*Gold, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return ParseGold(path, data)
}

// ParseGold parses and checks gold YAML; name is used in error messages.
// Every entity needs an id, a type and a list of names; every relation a
// type and lists of source and target ids, as score.py requires.
func ParseGold(name string, data []byte) (*Gold, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, &GoldError{File: name, Msg: err.Error()}
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, &GoldError{File: name, Msg: "not a gold file (want a mapping with \"entities\" and \"relations\")"}
	}
	root := doc.Content[0]
	var g Gold
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		switch key.Value {
		case "entities":
			if err := seqOf(val, func(n *yaml.Node) error {
				e, err := decodeEntity(n)
				if err == nil {
					g.Entities = append(g.Entities, e)
				}
				return err
			}); err != nil {
				return nil, withFile(name, err)
			}
		case "relations":
			if val.Tag == "!!null" {
				continue
			}
			if err := seqOf(val, func(n *yaml.Node) error {
				r, err := decodeRelation(n)
				if err == nil {
					g.Relations = append(g.Relations, r)
				}
				return err
			}); err != nil {
				return nil, withFile(name, err)
			}
		}
	}
	if g.Entities == nil {
		return nil, &GoldError{File: name, Msg: "no \"entities\" list"}
	}
	return &g, nil
}

func withFile(name string, err error) error {
	var ge *GoldError
	if errors.As(err, &ge) {
		ge.File = name
		return ge
	}
	return &GoldError{File: name, Msg: err.Error()}
}

func seqOf(n *yaml.Node, each func(*yaml.Node) error) error {
	if n.Kind != yaml.SequenceNode {
		return &GoldError{Line: n.Line, Msg: "want a list"}
	}
	for _, c := range n.Content {
		if err := each(c); err != nil {
			return err
		}
	}
	return nil
}

// field returns the value of key in mapping n, or nil.
func field(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func need(n *yaml.Node, what string, keys ...string) error {
	if n.Kind != yaml.MappingNode {
		return &GoldError{Line: n.Line, Msg: what + " is not a mapping"}
	}
	for _, k := range keys {
		v := field(n, k)
		if v == nil || v.Tag == "!!null" {
			return &GoldError{Line: n.Line, Msg: fmt.Sprintf("%s has no %q", what, k)}
		}
	}
	return nil
}

func needList(n *yaml.Node, what string, keys ...string) error {
	for _, k := range keys {
		if v := field(n, k); v != nil && v.Kind != yaml.SequenceNode && v.Tag != "!!null" {
			return &GoldError{Line: v.Line, Msg: fmt.Sprintf("%s: %q must be a list", what, k)}
		}
	}
	return nil
}

func decodeEntity(n *yaml.Node) (Entity, error) {
	var e Entity
	if err := need(n, "entity", "id", "type", "names"); err != nil {
		return e, err
	}
	if err := needList(n, "entity", "names", "alt_types"); err != nil {
		return e, err
	}
	if err := n.Decode(&e); err != nil {
		return e, &GoldError{Line: n.Line, Msg: err.Error()}
	}
	if len(e.Names) == 0 {
		return e, &GoldError{Line: n.Line, Msg: fmt.Sprintf("entity %q has no names", e.ID)}
	}
	e.Line = n.Line
	return e, nil
}

func decodeRelation(n *yaml.Node) (Relation, error) {
	var r Relation
	if err := need(n, "relation", "type", "source", "target"); err != nil {
		return r, err
	}
	if err := needList(n, "relation", "source", "target", "alias_types"); err != nil {
		return r, err
	}
	if err := n.Decode(&r); err != nil {
		return r, &GoldError{Line: n.Line, Msg: err.Error()}
	}
	r.Line = n.Line
	return r, nil
}
