package ingest_test

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkText fails t unless text keeps the promises of Article.Text.
func checkText(t testing.TB, name, text string) {
	t.Helper()
	switch {
	case !utf8.ValidString(text):
		t.Errorf("%s: text is not valid UTF-8", name)
	case strings.ContainsRune(text, '\uFEFF'):
		t.Errorf("%s: text holds a byte-order mark", name)
	case strings.ContainsRune(text, '\r'):
		t.Errorf("%s: text holds a CR", name)
	case strings.Contains(text, "\n\n") || strings.HasPrefix(text, "\n") || strings.HasSuffix(text, "\n"):
		t.Errorf("%s: text has a blank line", name)
	case strings.ContainsRune(text, 0):
		t.Errorf("%s: text holds a NUL", name)
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) != line {
			t.Errorf("%s: line not trimmed: %q", name, line)
			break
		}
	}
}
