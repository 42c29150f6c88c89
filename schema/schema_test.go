package schema

import (
	"strings"
	"testing"
)

func TestDefaultIsValid(t *testing.T) {
	if probs := Check("default.yaml", defaultYAML); len(probs) > 0 {
		t.Fatalf("default schema has problems: %v", probs)
	}
	s := Default()
	for _, want := range []string{"MET_WITH", "LED", "RESIGNED", "PROPOSED", "DISMISSED", "REPLACED", "MEMBER_OF", "RELATIVE_OF"} {
		if _, ok := s.Relation(want); !ok {
			t.Errorf("default schema lacks relation %s", want)
		}
	}
	if r, _ := s.Relation("MET_WITH"); !r.Symmetric {
		t.Error("MET_WITH must be symmetric")
	}
}

func TestCheck(t *testing.T) {
	// Each case is a schema written for this test with one mistake.
	cases := []struct {
		name, yaml string
		want       []string // substrings of the problems, in order, with "line:" prefixes
	}{
		{"valid", "entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Person]\n    triggers:\n      active: [met]\n", nil},
		{"unknown type", "entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Persn]\n    triggers:\n      active: [met]\n", []string{`x.yaml:6: relation MET: unknown target type "Persn"`}},
		{"duplicate relation", "entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Person]\n    triggers: {active: [met]}\n  - name: MET\n    source: [Person]\n    target: [Person]\n    triggers: {active: [saw]}\n", []string{`x.yaml:8: duplicate relation "MET"`}},
		{"empty trigger", "entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Person]\n    triggers:\n      active: [met, \"\"]\n", []string{`x.yaml:8: relation MET: empty trigger in active`}},
		{"no triggers", "entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Person]\n", []string{`x.yaml:4: relation MET: no triggers and no roles`}},
		{"duplicate type", "entities:\n  - name: Person\n  - name: Person\n", []string{`x.yaml:3: duplicate entity type "Person"`}},
		{"unknown field", "entities:\n  - name: Person\n    colour: red\n", []string{`x.yaml:3: field colour not found`}},
		{"bad yaml", "entities: [\n", []string{`x.yaml:`}},
		{"bad name", "entities:\n  - name: Per son\n", []string{`x.yaml:2: entity type name "Per son" is not an identifier`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			probs := Check("x.yaml", []byte(tc.yaml))
			if len(probs) != len(tc.want) {
				t.Fatalf("got %d problems %v, want %d %v", len(probs), probs, len(tc.want), tc.want)
			}
			for i, p := range probs {
				if !strings.Contains(p.String(), tc.want[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, p.String(), tc.want[i])
				}
			}
			_, err := Parse("x.yaml", []byte(tc.yaml))
			if (err == nil) != (len(tc.want) == 0) {
				t.Errorf("Parse error = %v, want error %v", err, len(tc.want) > 0)
			}
		})
	}
}

func TestNormalise(t *testing.T) {
	s, err := Parse("x.yaml", []byte("entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Person]\n    triggers:\n      active: [\"Held  Talks WITH\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Relations[0].Triggers.Active[0]; got != "held talks with" {
		t.Errorf("trigger = %q, want lower case with single spaces", got)
	}
}
