package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hard-wrapped text has its longest line between minWrapWidth and
// maxWrapWidth runes. Text with wider lines is read as one paragraph per
// line; text with only narrower ones has too few lines to tell.
const (
	minWrapWidth = 40
	maxWrapWidth = 100
)

// doc is the result of reading one document before it becomes an Article.
type doc struct {
	title, url, published string
	text                  string
}

// fromText reads plain text (.txt) or Markdown (.md, when md is true) that
// normalise has already cleaned. See the package documentation for the rules.
func fromText(s string, md bool) doc {
	var d doc
	lines := strings.Split(s, "\n")
	if md {
		lines = frontMatter(lines, &d)
	}
	width, blank := layout(lines)
	wrapped := blank && width >= minWrapWidth && width <= maxWrapWidth

	var paras []string
	var cur []string // the lines of the paragraph being assembled
	prev := ""       // the previous line as written, for the wrap test
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for i, line := range lines {
		if line == "" {
			flush()
			prev = ""
			continue
		}
		kind, body := mdPlain, line
		if md {
			kind, body = mdLine(line, lines, i)
		}
		switch kind {
		case mdSkip:
			flush()
			prev = ""
			continue
		case mdSetext: // the lines before are a heading
			if len(paras) == 0 && len(cur) > 0 && (d.title == "" || d.title == strings.Join(cur, " ")) {
				d.title = strings.Join(cur, " ")
				cur = cur[:0]
			}
			flush()
			prev = ""
			continue
		case mdHeading:
			flush()
			body = mdInline(body)
			if len(paras) == 0 && (d.title == "" || d.title == body) {
				d.title = body
			} else if body != "" {
				paras = append(paras, body)
			}
			prev = ""
			continue
		case mdItem:
			flush()
		}
		if md {
			if body = mdInline(body); body == "" {
				continue
			}
		}
		if len(cur) > 0 && !(wrapped && softWrap(prev, line, width)) {
			flush()
		}
		cur = append(cur, body)
		prev = line
	}
	flush()
	d.text = strings.Join(paras, "\n")
	return d
}

// layout returns the width in runes of the longest line and whether a blank
// line separates two non-blank ones.
func layout(lines []string) (width int, blank bool) {
	seen, gap := false, false
	for _, l := range lines {
		if l == "" {
			gap = seen
			continue
		}
		if gap {
			blank = true
		}
		seen = true
		if n := len(l); n > width { // bytes bound runes from above
			if n = utf8.RuneCountInString(l); n > width {
				width = n
			}
		}
	}
	return width, blank
}

// softWrap reports whether the break between prev and next is a soft wrap:
// the first word of next would not have fitted on prev within width, so a
// greedy wrapper had to break there.
func softWrap(prev, next string, width int) bool {
	if prev == "" {
		return false
	}
	word := next
	if i := strings.IndexByte(next, ' '); i >= 0 {
		word = next[:i]
	}
	return utf8.RuneCountInString(prev)+1+utf8.RuneCountInString(word) > width
}

// Markdown line kinds.
const (
	mdPlain   = iota
	mdSkip    // thematic break, code fence, link definition, HTML comment line
	mdSetext  // === or --- under a paragraph
	mdHeading // # heading
	mdItem    // list item or block quote: starts a paragraph
)

// mdLine classifies one Markdown line and returns its content without the
// block marker.
func mdLine(line string, lines []string, i int) (int, string) {
	switch {
	case strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~"):
		return mdSkip, ""
	case strings.HasPrefix(line, "<!--") && strings.HasSuffix(line, "-->"):
		return mdSkip, ""
	case isRule(line, '='):
		if i > 0 && lines[i-1] != "" {
			return mdSetext, ""
		}
		return mdSkip, ""
	case isRule(line, '-'):
		if i > 0 && lines[i-1] != "" && !strings.Contains(line, " ") && !isList(lines[i-1]) {
			return mdSetext, ""
		}
		return mdSkip, ""
	case isRule(line, '*'), isRule(line, '_'):
		return mdSkip, ""
	case line[0] == '[' && strings.Contains(line, "]: "):
		if j := strings.Index(line, "]: "); j > 1 && !strings.Contains(line[j+3:], " ") {
			return mdSkip, ""
		}
	case line[0] == '#':
		j := 0
		for j < len(line) && line[j] == '#' {
			j++
		}
		if j <= 6 && (j == len(line) || line[j] == ' ') {
			body := strings.TrimSpace(line[j:])
			body = strings.TrimSpace(strings.TrimRight(body, "#"))
			return mdHeading, body
		}
	case line[0] == '>':
		return mdItem, strings.TrimSpace(strings.TrimLeft(line, "> "))
	}
	if isList(line) {
		return mdItem, listBody(line)
	}
	return mdPlain, line
}

// isRule reports whether line is three or more c, spaces allowed between.
func isRule(line string, c byte) bool {
	n := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case c:
			n++
		case ' ':
		default:
			return false
		}
	}
	return n >= 3
}

// isList reports whether line starts with a list marker: "-", "*", "+" or a
// number followed by "." or ")", then a space.
func isList(line string) bool { return listBody(line) != line }

func listBody(line string) string {
	if len(line) >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ' {
		return strings.TrimSpace(line[2:])
	}
	j := 0
	for j < len(line) && j < 9 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j > 0 && j+1 < len(line) && (line[j] == '.' || line[j] == ')') && line[j+1] == ' ' {
		return strings.TrimSpace(line[j+2:])
	}
	return line
}

// mdInline removes inline Markdown: images, link targets (the link text
// stays), code backticks, and emphasis markers (* and _ runs that open or
// close a word; snake_case and "2 * 3" are left alone), and backslash
// escapes.
func mdInline(s string) string {
	if !strings.ContainsAny(s, "*_`[]!\\<") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && strings.IndexByte("\\`*_{}[]()#+-.!|>~", s[i+1]) >= 0 {
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if end := linkEnd(s, i+1); end > 0 {
					i = end // images are dropped
					continue
				}
			}
		case '[':
			if end := linkEnd(s, i); end > 0 {
				text := s[i+1 : strings.IndexByte(s[i:], ']')+i]
				b.WriteString(mdInline(text))
				i = end
				continue
			}
		case '`':
			i++
			continue
		case '*', '_':
			j := i
			for j < len(s) && s[j] == c {
				j++
			}
			before, _ := utf8.DecodeLastRuneInString(s[:i])
			after, _ := utf8.DecodeRuneInString(s[j:])
			if i == 0 {
				before = ' '
			}
			if j == len(s) {
				after = ' '
			}
			if emphasis(c, before, after, j-i) {
				i = j
				continue
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		b.WriteByte(c)
		i++
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// emphasis reports whether a run of n markers c between before and after
// opens or closes emphasis, following CommonMark's flanking rules, except
// that a single * between two letters or digits ("5*3") stays.
func emphasis(c byte, before, after rune, n int) bool {
	bs, as := unicode.IsSpace(before), unicode.IsSpace(after)
	bp, ap := isPunct(before), isPunct(after)
	left := !as && (!ap || bs || bp)
	right := !bs && (!bp || as || ap)
	if c == '_' {
		return left && (!right || bp) || right && (!left || ap)
	}
	if n == 1 && isAlnum(before) && isAlnum(after) {
		return false
	}
	return left || right
}

func isPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// linkEnd returns the index just after a Markdown link starting with the
// '[' at i: "[text](target)" or "[text][ref]", or 0 when there is none.
func linkEnd(s string, i int) int {
	close := strings.IndexByte(s[i:], ']')
	if close < 0 {
		return 0
	}
	j := i + close + 1
	if j >= len(s) {
		return 0
	}
	var end byte
	switch s[j] {
	case '(':
		end = ')'
	case '[':
		end = ']'
	default:
		return 0
	}
	k := strings.IndexByte(s[j+1:], end)
	if k < 0 {
		return 0
	}
	return j + 1 + k + 1
}

// frontMatter reads a YAML front matter block ("---" lines around
// "key: value" lines) at the start of a Markdown file: title, url (or link)
// and published (or date) fill d; the block is removed.
func frontMatter(lines []string, d *doc) []string {
	if len(lines) == 0 || lines[0] != "---" {
		return lines
	}
	for i := 1; i < len(lines) && i < 200; i++ {
		if lines[i] == "---" || lines[i] == "..." {
			for _, l := range lines[1:i] {
				k, v, ok := strings.Cut(l, ":")
				if !ok {
					continue
				}
				v = strings.Trim(strings.TrimSpace(v), `"'`)
				switch strings.ToLower(strings.TrimSpace(k)) {
				case "title":
					d.title = v
				case "url", "link":
					d.url = v
				case "published", "date":
					d.published = v
				}
			}
			return lines[i+1:]
		}
	}
	return lines
}
