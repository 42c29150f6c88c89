package graph

import "testing"

// TestLongForm: the fuller forms of an institution's name that
// mergeInstitutionForms accepts, and those it must not.
func TestLongForm(t *testing.T) {
	cases := []struct {
		name        string
		short, tail []string
		want        bool
	}{
		{"generic trailing word", []string{"quorvex"}, []string{"interactive"}, true},
		{"federation", []string{"northern", "farm", "bureau"}, []string{"federation"}, true},
		{"head word and for complement", []string{"halvard", "institute"}, []string{"for", "maritime", "studies"}, true},
		{"trailing word that names a different body", []string{"quorvex"}, []string{"networks"}, false},
		{"foundation is a different body", []string{"halvard"}, []string{"foundation"}, false},
		{"for complement without a head word", []string{"halvard", "partners"}, []string{"for", "growth"}, false},
		{"one-word short form before a complement", []string{"institute"}, []string{"for", "peace"}, false},
		{"two trailing words", []string{"quorvex"}, []string{"investment", "group"}, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := longForm(tc.short, tc.tail); got != tc.want {
				t.Errorf("longForm(%q, %q) = %v, want %v", tc.short, tc.tail, got, tc.want)
			}
		})
	}
}

// TestCamelInitials: capitals inside a word count after three letters.
func TestCamelInitials(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"camel-case word", "NovaTrade Bulletin", "NTB"},
		{"plain words", "Halvard Maritime Institute", "HMI"},
		{"short prefix is not a word", "McTavish Group", "MG"},
		{"lower-case words skipped", "Bank of Orlov", "BO"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := camelInitials(tc.in); got != tc.want {
				t.Errorf("camelInitials(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}
