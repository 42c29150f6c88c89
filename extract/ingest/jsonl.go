package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// jsonLine is one line of a jsonl file. The fields are decoded one by one
// so that a title that is not a string does not cost the article.
type jsonLine struct {
	ID        json.RawMessage `json:"id"`
	Title     json.RawMessage `json:"title"`
	URL       json.RawMessage `json:"url"`
	Published json.RawMessage `json:"published"`
	Text      json.RawMessage `json:"text"`
}

// jsonl streams a jsonl file: one article a line, each line at most
// MaxFileBytes long. fileID is the id the file would have; it names lines
// without an "id" (fileID:line) and colliding ids (fileID#id).
func (w *walker) jsonl(ctx context.Context, r io.Reader, src, fileID string) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		br = bufio.NewReaderSize(transform.NewReader(br, dec), 64<<10)
	}
	read := false // at least one non-blank line
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, w.opt.MaxFileBytes)
		if tooLong {
			w.skip(src, n, "line longer than the limit of "+strconv.FormatInt(w.opt.MaxFileBytes, 10)+" bytes")
			read = true
		} else if line = bytes.TrimSpace(line); len(line) > 0 {
			read = true
			if ferr := w.jsonLine(src, fileID, n, line); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			w.skip(src, n, "read error: "+reason(err))
			break
		}
	}
	if !read {
		w.skip(src, 0, errEmpty.Error())
	}
	return nil
}

// readLine reads one line of any length; past max bytes it reads on to the
// end of the line without keeping it and reports tooLong.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		frag, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(frag)) > max+1 { // +1: the newline
				tooLong, line = true, nil
			} else {
				line = append(line, frag...)
			}
		}
		if err != bufio.ErrBufferFull {
			return line, tooLong, err
		}
	}
}

// jsonLine ingests one non-blank line; it returns only the callback's error.
func (w *walker) jsonLine(src, fileID string, n int, line []byte) error {
	if line[0] != '{' {
		w.skip(src, n, "not a JSON object")
		return nil
	}
	dec, err := decode(line, false)
	if err != nil {
		w.skip(src, n, err.Error())
		return nil
	}
	w.st.RepairedUTF8 += dec.repaired
	var jl jsonLine
	if err := json.Unmarshal(dec.b, &jl); err != nil {
		w.skip(src, n, "invalid JSON: "+jsonReason(err))
		return nil
	}
	if len(jl.Text) == 0 || string(jl.Text) == "null" {
		w.skip(src, n, `no "text"`)
		return nil
	}
	text, ok := jsonString(jl.Text, false)
	if !ok {
		w.skip(src, n, `"text" is not a string`)
		return nil
	}
	d := fromText(normalise([]byte(text)), false)
	if d.text == "" {
		w.skip(src, n, "empty text")
		return nil
	}
	id, _ := jsonString(jl.ID, true)
	if id = cleanInline(id); id == "" {
		id = fileID + ":" + strconv.Itoa(n)
	}
	title, _ := jsonString(jl.Title, false)
	url, _ := jsonString(jl.URL, false)
	published, _ := jsonString(jl.Published, false)
	a := Article{
		ID: id, Title: cleanInline(title), URL: cleanInline(url), Published: normDate(published),
		Text: d.text, Source: src, Format: fmtJSONL, Line: n, Encoding: dec.enc,
	}
	return w.emit(a, fileID+"#"+id)
}

// jsonString returns a JSON string's value, a number's literal when number
// is true, and "" for null or a missing field; ok is false for other values.
func jsonString(raw json.RawMessage, number bool) (string, bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", false
		}
		return s, true
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return string(raw), number
	}
	return "", false
}

// jsonReason shortens a JSON syntax error to one line.
func jsonReason(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return se.Error() + " at byte " + strconv.FormatInt(se.Offset, 10)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// sniff chooses the format of content without a known extension: jsonl
// when the first non-blank line is a JSON object and more than half of the
// non-blank lines start with '{' (so broken lines among good ones stay
// jsonl), HTML when the first non-blank character is '<', else text. A
// UTF-16 input is decoded to UTF-8 first (and returned so).
func sniff(b []byte) (string, []byte) {
	if bytes.HasPrefix(b, bomUTF16LE) || bytes.HasPrefix(b, bomUTF16BE) {
		if d, err := decode(b, false); err == nil {
			b = d.b
		}
	}
	body := bytes.TrimPrefix(b, bomUTF8)
	trimmed := bytes.TrimLeft(body, " \t\r\n\f\v")
	if len(trimmed) == 0 {
		return fmtText, b
	}
	if trimmed[0] == '<' {
		return fmtHTML, b
	}
	if trimmed[0] != '{' {
		return fmtText, b
	}
	first := trimmed
	if i := bytes.IndexByte(first, '\n'); i >= 0 {
		first = first[:i]
	}
	if !json.Valid(bytes.TrimSpace(first)) {
		return fmtText, b
	}
	objects, lines := 0, 0
	for rest := trimmed; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if line = bytes.TrimSpace(line); len(line) > 0 {
			lines++
			if line[0] == '{' {
				objects++
			}
		}
	}
	if objects*2 > lines {
		return fmtJSONL, b
	}
	return fmtText, b
}
