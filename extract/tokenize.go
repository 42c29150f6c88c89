package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation mark of an article, with its byte offsets.
type Token struct {
	Start, End int
	Text       string // Text == article[Start:End]
	Lower      string // lower case of Text, with ’ as '
	Word       bool   // letters or digits (not punctuation)
	Cap        bool   // the first letter is upper case
	Upper      bool   // two or more letters, all upper case ("NATO", "U.S.")
	Digit      bool   // starts with a digit
	Para       int    // paragraph (line) index, 0-based
}

// Sentence is a span of tokens; Start and End are byte offsets into the text.
type Sentence struct {
	Start, End int
	Tok0, Tok1 int // tokens [Tok0, Tok1)
	Para       int
}

// Tokenize splits text into tokens and sentences. Paragraphs are lines; a
// sentence never crosses a line. The returned offsets satisfy
// text[s.Start:s.End] == the sentence, trimmed of surrounding space.
func Tokenize(text string) ([]Token, []Sentence) {
	toks := make([]Token, 0, len(text)/4+16)
	para := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			para++
			i += size
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\ufeff' || r == '\u200b':
			i += size
			continue
		case isWordRune(r):
			j := scanWord(text, i)
			toks = appendWord(toks, text, i, j, para)
			i = toks[len(toks)-1].End
			continue
		}
		// Punctuation: one rune, but keep "..." together.
		j := i + size
		if r == '.' {
			for j < len(text) && text[j] == '.' {
				j++
			}
		}
		toks = append(toks, Token{Start: i, End: j, Text: text[i:j], Lower: text[i:j], Para: para})
		i = j
	}
	return toks, splitSentences(text, toks)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApos(r rune) bool { return r == '\'' || r == '\u2019' }

// scanWord returns the end of the word starting at i. Words keep inner
// hyphens ("son-in-law", "28-point"), inner apostrophes ("O'Brien",
// "wasn't") and the dots of dotted abbreviations ("U.S.", "D.C.").
func scanWord(text string, i int) int {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += size
			continue
		}
		if r == '-' || isApos(r) || r == '&' {
			// joiner only between word runes
			if j+size < len(text) {
				r2, _ := utf8.DecodeRuneInString(text[j+size:])
				if isWordRune(r2) {
					if isApos(r) && possessiveAt(text, j+size) {
						return j
					}
					if r == '&' && !(unicode.IsUpper(firstRune(text[i:j])) && j-i <= 2) {
						return j // only "AT&T", "S&P" style
					}
					j += size
					continue
				}
			}
			return j
		}
		if (r == '.' || r == ',') && j > i && isDigitByte(text[j-1]) && j+1 < len(text) && isDigitByte(text[j+1]) {
			j++ // "4.5", "1,200"
			continue
		}
		if r == '.' && dottedAbbrev(text, i, j) {
			// U.S. / D.C. / U.K.: single letters separated by dots
			j += size
			continue
		}
		return j
	}
	return j
}

// possessiveAt reports whether text at i (just after an apostrophe) is "s"
// ending a word: a possessive "'s" to split off.
func possessiveAt(text string, i int) bool {
	if i >= len(text) || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	if i+1 >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[i+1:])
	return !isWordRune(r)
}

// dottedAbbrev: the word text[i:j] so far is like "U" or "U.S" and the dot at
// j is followed by a single letter and another dot, or closes such a form.
func dottedAbbrev(text string, i, j int) bool {
	w := text[i:j]
	// the segment after the last dot must be one letter
	last := w
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		last = w[k+1:]
	}
	if utf8.RuneCountInString(last) != 1 {
		return false
	}
	// next: a letter then '.' (continue) or end of an already dotted word
	if j+1 < len(text) {
		r, size := utf8.DecodeRuneInString(text[j+1:])
		if unicode.IsLetter(r) && j+1+size < len(text) && text[j+1+size] == '.' {
			return true
		}
	}
	return strings.IndexByte(w, '.') >= 0 // "U.S" + "." closes "U.S."
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func appendWord(toks []Token, text string, i, j, para int) []Token {
	w := text[i:j]
	t := Token{Start: i, End: j, Text: w, Word: true, Para: para}
	t.Lower = lowerWord(w)
	r := firstRune(w)
	t.Cap = unicode.IsUpper(r)
	t.Digit = unicode.IsDigit(r)
	letters, upper := 0, 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	t.Upper = letters >= 2 && upper == letters
	toks = append(toks, t)
	// split a following possessive 's
	if j+1 < len(text) {
		r2, size := utf8.DecodeRuneInString(text[j:])
		if isApos(r2) && possessiveAt(text, j+size) {
			e := j + size + 1
			toks = append(toks, Token{Start: j, End: e, Text: text[j:e], Lower: "'s", Word: true, Para: para})
		}
	}
	return toks
}

// lowerWord lower-cases w and writes ’ as '; it allocates only when needed.
func lowerWord(w string) string {
	clean := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 || (c >= 'A' && c <= 'Z') {
			clean = false
			break
		}
	}
	if clean {
		return w
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii { // one allocation for the usual "Trump" → "trump"
		b := make([]byte, len(w))
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return string(b)
	}
	return strings.ReplaceAll(strings.ToLower(w), "\u2019", "'")
}

// abbreviations that end with a dot without ending the sentence.
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "gen": true,
	"sen": true, "rep": true, "gov": true, "sens": true, "reps": true, "govs": true, "lt": true, "col": true, "capt": true, "sgt": true, "prof": true,
	"rev": true, "vs": true, "no": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true,
	"ft": true, "approx": true, "dept": true, "est": true, "fig": true, "maj": true, "adm": true, "cmdr": true,
	"pres": true, "supt": true, "hon": true, "messrs": true, "e.g": true, "i.e": true, "etc": true, "al": true,
}

var closers = map[string]bool{"\"": true, "”": true, "’": true, "'": true, ")": true, "]": true, "»": true}

func splitSentences(text string, toks []Token) []Sentence {
	var out []Sentence
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, Sentence{Start: toks[start].Start, End: toks[end-1].End, Tok0: start, Tok1: end, Para: toks[start].Para})
		}
		start = end
	}
	for i := 0; i < len(toks); i++ {
		if i > start && toks[i].Para != toks[i-1].Para {
			flush(i)
		}
		t := toks[i]
		if t.Word {
			continue
		}
		if t.Text != "." && t.Text != "!" && t.Text != "?" && t.Text != "…" && !strings.HasPrefix(t.Text, "...") {
			continue
		}
		if t.Text == "." && i > 0 && toks[i-1].End == t.Start && toks[i-1].Word {
			prev := toks[i-1]
			if abbrev[prev.Lower] || (utf8.RuneCountInString(prev.Text) == 1 && prev.Cap) {
				// "No. 1" but not "no." ending a sentence
				if prev.Lower != "no" || i+1 < len(toks) && toks[i+1].Digit {
					continue
				}
			}
		}
		end := i + 1
		for end < len(toks) && closers[toks[end].Text] && toks[end].Para == t.Para {
			end++
		}
		if end < len(toks) && toks[end].Para == t.Para {
			n := toks[end]
			r := firstRune(n.Text)
			if !(unicode.IsUpper(r) || unicode.IsDigit(r) || n.Text == "“" || n.Text == "\"" || n.Text == "‘" || n.Text == "(" || n.Text == "[") {
				continue
			}
		}
		flush(end)
		i = end - 1
	}
	// a dotted abbreviation ("U.S.") at a boundary keeps its dot inside the word; split
	// after it only when the next word clearly starts a sentence.
	flush(len(toks))
	return splitAfterDotted(toks, out)
}

var sentenceOpeners = map[string]bool{"the": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"but": true, "in": true, "i": true, "this": true, "that": true, "a": true, "an": true, "on": true, "his": true,
	"her": true, "their": true, "there": true, "and": true, "as": true, "after": true, "for": true, "however": true}

func splitAfterDotted(toks []Token, sents []Sentence) []Sentence {
	var out []Sentence
	for _, s := range sents {
		a := s.Tok0
		for i := s.Tok0; i+1 < s.Tok1; i++ {
			t := toks[i]
			if t.Word && strings.HasSuffix(t.Text, ".") && strings.Count(t.Text, ".") >= 2 && sentenceOpeners[toks[i+1].Lower] && toks[i+1].Cap {
				out = append(out, Sentence{Start: toks[a].Start, End: toks[i].End, Tok0: a, Tok1: i + 1, Para: s.Para})
				a = i + 1
			}
		}
		out = append(out, Sentence{Start: toks[a].Start, End: toks[s.Tok1-1].End, Tok0: a, Tok1: s.Tok1, Para: s.Para})
	}
	return out
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
