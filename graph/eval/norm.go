package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Norm normalises a surface form the way score.py's norm does: NFKC, curly
// single quotes made straight, lower case, trimmed, a possessive 's dropped,
// every character that is not a word character, white space or '-'
// removed, a leading "the", "a" or "an" dropped, and runs of white space and
// hyphens made one space.
func Norm(s string) string {
	s = norm.NFKC.String(s)
	s = strings.NewReplacer("\u2019", "'", "\u2018", "'").Replace(s)
	s = pyLower(s)
	s = strings.TrimFunc(s, isSpace)
	s = dropPossessive(s)
	s = strings.Map(func(r rune) rune {
		if isWord(r) || isSpace(r) || r == '-' {
			return r
		}
		return -1
	}, s)
	s = dropArticle(s)
	var b strings.Builder
	run := false
	for _, r := range s {
		if isSpace(r) || r == '-' {
			run = true
			continue
		}
		if run {
			b.WriteByte(' ')
			run = false
		}
		b.WriteRune(r)
	}
	if run {
		b.WriteByte(' ')
	}
	return strings.TrimFunc(b.String(), isSpace)
}

// isWord is Python's \w for str patterns: alphanumeric (letters and
// numbers of every script) or '_'. Combining marks are not word characters.
func isWord(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// isSpace is Python's str.isspace and \s: Go's white space plus the ASCII
// information separators U+001C..U+001F.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f
}

// pyLower is Python's str.lower for the cases that differ from Go's simple
// mapping: U+0130 lowers to "i" with a combining dot above, and a capital
// sigma at the end of a word lowers to the final sigma.
func pyLower(s string) string {
	if !strings.ContainsAny(s, "\u0130\u03a3") {
		return strings.ToLower(s)
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		switch {
		case r == '\u0130':
			b.WriteString("i\u0307")
		case r == '\u03a3' && finalSigma(rs, i):
			b.WriteRune('\u03c2')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// finalSigma is Unicode's Final_Sigma condition: a cased letter before
// (skipping case-ignorable characters) and none after.
func finalSigma(rs []rune, i int) bool {
	j := i - 1
	for j >= 0 && caseIgnorable(rs[j]) {
		j--
	}
	if j < 0 || !cased(rs[j]) {
		return false
	}
	j = i + 1
	for j < len(rs) && caseIgnorable(rs[j]) {
		j++
	}
	return j == len(rs) || !cased(rs[j])
}

func cased(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsLower(r) || unicode.IsTitle(r) ||
		unicode.Is(unicode.Other_Lowercase, r) || unicode.Is(unicode.Other_Uppercase, r)
}

func caseIgnorable(r rune) bool {
	switch r {
	case '\'', '.', ':', '^', '`', '\u00b7', '\u2018', '\u2019', '\u2024', '\ufe52', '\uff07', '\uff0e':
		return true
	}
	return unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Lm, unicode.Sk)
}

// dropPossessive removes every "'s" that ends a word (Python's r"'s\b").
func dropPossessive(s string) string {
	if !strings.Contains(s, "'s") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "'s") {
			next, _ := utf8.DecodeRuneInString(s[i+2:])
			if i+2 == len(s) || !isWord(next) {
				i += 2
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// dropArticle removes a leading "the", "a" or "an" and the white space
// after it (Python's r"^(the|a|an)\s+").
func dropArticle(s string) string {
	for _, art := range []string{"the", "a", "an"} {
		if !strings.HasPrefix(s, art) {
			continue
		}
		rest := s[len(art):]
		trimmed := strings.TrimLeftFunc(rest, isSpace)
		if len(trimmed) < len(rest) {
			return trimmed
		}
	}
	return s
}

// pyRepr writes s as Python's repr of a str.
func pyRepr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		switch {
		case r == quote || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < ' ' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case unicode.IsPrint(r):
			b.WriteRune(r)
		case r <= 0xff:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			fmt.Fprintf(&b, `\U%08x`, r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

// pyList writes a list of strings as Python prints it.
func pyList(xs []string) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = pyRepr(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
