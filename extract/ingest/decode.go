package ingest

import (
	"bytes"
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/unicode/norm"
)

// Encodings reported in Article.Encoding.
const (
	encUTF8    = "utf-8"
	encUTF16LE = "utf-16le"
	encUTF16BE = "utf-16be"
	encCP1252  = "windows-1252"
)

var (
	errBinary = errors.New("binary file")
	errEmpty  = errors.New("empty")
)

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decoded is raw input turned into valid UTF-8.
type decoded struct {
	b        []byte
	enc      string // the input's encoding: utf-8, utf-16le, windows-1252, ...
	repaired int    // invalid UTF-8 sequences replaced by U+FFFD
}

// decode detects the encoding of raw input and converts it to UTF-8.
//
// The rule, in order: a UTF-8 byte-order mark is dropped and the rest is
// UTF-8; a UTF-16 mark (either byte order) decodes the rest as UTF-16; input
// containing a NUL byte, or with more than 1% C0 control bytes other than
// tab, line feed, vertical tab, form feed, carriage return and escape, is
// binary; valid UTF-8 is UTF-8; otherwise the input is Windows-1252 (a
// superset of the printable Latin-1) when its invalid UTF-8 sequences
// outnumber its valid multi-byte ones, and damaged UTF-8 when not (each
// invalid sequence replaced by U+FFFD and counted). htmlCharset, when true,
// lets a <meta charset> declaration choose the encoding of input that is
// not valid UTF-8.
func decode(b []byte, htmlCharset bool) (decoded, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
		if isBinary(b) {
			return decoded{}, errBinary
		}
		return repair(b), nil
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeUTF16(b[2:], xunicode.LittleEndian, encUTF16LE)
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeUTF16(b[2:], xunicode.BigEndian, encUTF16BE)
	}
	if isBinary(b) {
		return decoded{}, errBinary
	}
	if utf8.Valid(b) {
		return decoded{b: b, enc: encUTF8}, nil
	}
	if htmlCharset {
		if e, name, _ := charset.DetermineEncoding(b, ""); name != "utf-8" && name != encCP1252 && e != nil {
			if out, err := e.NewDecoder().Bytes(b); err == nil {
				return repair(out).withEnc(name), nil
			}
		}
	}
	invalid, multi := utf8Counts(b)
	if invalid > multi {
		out, err := charmap.Windows1252.NewDecoder().Bytes(b)
		if err == nil { // every byte maps, so it cannot fail
			return decoded{b: out, enc: encCP1252}, nil
		}
	}
	return repair(b), nil
}

// repair replaces each invalid UTF-8 sequence of b by U+FFFD and counts them.
func repair(b []byte) decoded {
	if utf8.Valid(b) {
		return decoded{b: b, enc: encUTF8}
	}
	out := make([]byte, 0, len(b)+len(b)/8)
	n := 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			out = append(out, b[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			n++
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return decoded{b: out, enc: encUTF8, repaired: n}
}

func decodeUTF16(b []byte, order xunicode.Endianness, name string) (decoded, error) {
	var e encoding.Encoding = xunicode.UTF16(order, xunicode.IgnoreBOM)
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return decoded{}, errBinary
	}
	if isBinary(out) {
		return decoded{}, errBinary
	}
	return repair(out).withEnc(name), nil
}

func (d decoded) withEnc(name string) decoded { d.enc = name; return d }

// isBinary reports whether b holds a NUL byte or more than 1% other control
// bytes (tab, LF, VT, FF, CR and ESC excepted).
func isBinary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1B {
			ctl++
		}
	}
	return ctl > 0 && ctl*100 > len(b)
}

// utf8Counts returns the number of invalid UTF-8 sequences in b and the
// number of valid multi-byte runes.
func utf8Counts(b []byte) (invalid, multi int) {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			multi++
		}
		i += n
	}
	return invalid, multi
}

// normalise turns decoded UTF-8 into clean lines: invalid sequences (there
// are none after decode) become U+FFFD, CRLF, CR, VT, FF, U+0085, U+2028 and U+2029
// end lines, other white space (tab, no-break space, ...) becomes one space,
// runs of spaces collapse, each line is trimmed, control and invisible
// format characters (C0, C1, U+00AD soft hyphen, U+200B zero-width space,
// U+2060 word joiner, U+FEFF byte-order mark, noncharacters) are dropped,
// and the result is in Unicode normal form C. Blank lines are kept empty, so
// the caller still sees paragraph breaks.
func normalise(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	space := false // a space is pending
	lineStart := true
	for i := 0; i < len(b); {
		c := b[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, n = utf8.DecodeRune(b[i:])
		}
		i += n
		switch {
		case r == '\r':
			if i < len(b) && b[i] == '\n' {
				i++
			}
			fallthrough
		case r == '\n', r == '\v', r == '\f', r == 0x85, r == 0x2028, r == 0x2029:
			sb.WriteByte('\n')
			space, lineStart = false, true
		case r == ' ' || r == '\t' || (r > utf8.RuneSelf && unicode.IsSpace(r)):
			space = !lineStart
		case r < 0x20 || (r >= 0x7F && r <= 0x9F) || dropped(r):
		default:
			if space {
				sb.WriteByte(' ')
				space = false
			}
			lineStart = false
			if r < utf8.RuneSelf {
				sb.WriteByte(byte(r))
			} else {
				sb.WriteRune(r)
			}
		}
	}
	s := sb.String()
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// dropped reports the invisible format characters normalise removes.
func dropped(r rune) bool {
	switch r {
	case 0xAD, 0x200B, 0x2060, 0xFEFF, 0xFFFE, 0xFFFF:
		return true
	}
	return r >= 0xFDD0 && r <= 0xFDEF
}

// cleanInline normalises a one-line field (title, url, date): all white
// space, line breaks included, becomes single spaces.
func cleanInline(s string) string {
	t := normalise([]byte(s))
	if strings.IndexByte(t, '\n') >= 0 {
		t = strings.Join(strings.Fields(t), " ")
	}
	return t
}
