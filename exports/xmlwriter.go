package exports

import (
	"bufio"
	"context"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// Stats tell what an export wrote.
type Stats struct {
	Nodes int
	Edges int
	// RemovedChars counts the characters (and invalid UTF-8 bytes) removed
	// from names, sentences and other text because XML 1.0 forbids them.
	RemovedChars int
}

// checkEvery is how many nodes or edges are written between two checks of
// the context.
const checkEvery = 1024

// xmlWriter streams tokens to an xml.Encoder with a sticky error, so that
// the callers can write a whole element without checking each token.
type xmlWriter struct {
	ctx     context.Context
	bw      *bufio.Writer
	enc     *xml.Encoder
	err     error
	removed int
	buf     []byte     // reused for character data
	attrs   []xml.Attr // reused for attributes: the encoder does not keep them
	count   int
}

func newXMLWriter(ctx context.Context, w io.Writer, indent bool) *xmlWriter {
	bw := bufio.NewWriterSize(w, 1<<16)
	enc := xml.NewEncoder(bw)
	if indent {
		enc.Indent("", " ")
	}
	x := &xmlWriter{ctx: ctx, bw: bw, enc: enc, buf: make([]byte, 0, 256)}
	x.token(xml.ProcInst{Target: "xml", Inst: []byte(`version="1.0" encoding="UTF-8"`)})
	x.raw([]byte("\n"))
	return x
}

func (x *xmlWriter) token(t xml.Token) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(t)
	}
}

// tick is called once per node or edge; it checks the context now and then.
func (x *xmlWriter) tick() {
	x.count++
	if x.count%checkEvery == 0 && x.err == nil {
		x.err = x.ctx.Err()
	}
}

// start writes a start tag with the given attributes, without allocating
// a slice for them.
func (x *xmlWriter) start(name string, attrs ...xml.Attr) {
	if x.err != nil {
		return
	}
	x.attrs = append(x.attrs[:0], attrs...)
	x.err = x.enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: name}, Attr: x.attrs})
}

// text writes s as character data, without the characters XML forbids.
func (x *xmlWriter) text(s string) {
	if x.err != nil {
		return
	}
	x.buf = appendCleanXML(x.buf[:0], s, &x.removed)
	x.err = x.enc.EncodeToken(xml.CharData(x.buf))
}

// raw writes b, which the caller guarantees to be clean, as character data.
func (x *xmlWriter) raw(b []byte) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(xml.CharData(b))
	}
}

// cleanXML returns s without the characters XML forbids, counting them.
func (x *xmlWriter) cleanXML(s string) string {
	return cleanXML(s, &x.removed)
}

func (x *xmlWriter) close() error {
	if x.err == nil {
		x.err = x.ctx.Err()
	}
	if x.err == nil {
		x.err = x.enc.Close()
	}
	if x.err == nil {
		x.err = x.bw.Flush()
	}
	return x.err
}

// xmlChar reports whether XML 1.0 allows r (production [2] Char).
func xmlChar(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// cleanPrefix returns the length of the longest prefix of s that XML allows.
func cleanPrefix(s string) int {
	for i := 0; i < len(s); {
		b := s[i]
		if b >= 0x20 && b < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// appendCleanXML appends s to dst without the runes XML 1.0 forbids and without
// invalid UTF-8 bytes, adding the number removed to *removed.
func appendCleanXML(dst []byte, s string, removed *int) []byte {
	n := cleanPrefix(s)
	dst = append(dst, s[:n]...)
	for i := n; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || !xmlChar(r) {
			*removed++
		} else {
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}

// cleanXML returns s without the characters XML forbids; it allocates only
// when something is removed.
func cleanXML(s string, removed *int) string {
	if cleanPrefix(s) == len(s) {
		return s
	}
	return string(appendCleanXML(make([]byte, 0, len(s)), s, removed))
}

// appendXMLFloat formats v so that Python, igraph and Java all parse it back.
func appendXMLFloat(dst []byte, v float64) []byte {
	switch {
	case math.IsNaN(v):
		return append(dst, "NaN"...)
	case math.IsInf(v, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(v, -1):
		return append(dst, "-Infinity"...)
	}
	return strconv.AppendFloat(dst, v, 'g', -1, 64)
}

func xmlFloat(v float64) string { return string(appendXMLFloat(nil, v)) }
