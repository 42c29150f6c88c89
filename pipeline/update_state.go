package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/kgraph/kg/extract/ingest"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// StateFormat is written into every state file and checked on read.
const StateFormat = 1

// StateSuffix is appended to a graph file's name to name its state file.
const StateSuffix = ".kgx"

// StatePath returns the state file that goes with the graph file graphPath.
func StatePath(graphPath string) string { return graphPath + StateSuffix }

// State is what kg keeps beside a graph file so that the graph can later be
// updated or have articles retracted: every article as ingested (its text
// and the fields of its graph record), and the schema when it is not the
// embedded default. It is stored as gzip-compressed JSON.
//
// The state holds texts, not extraction results. Rebuilding re-extracts
// every article, which makes an updated graph equal to a fresh build by
// construction: it does not depend on which parts of an extraction the
// resolver reads, and a state written by an older kg (or with another
// schema) rebuilds with the current extractor. Extraction runs at several
// megabytes of text a second per core, and gzip keeps the state at about
// half the size of the texts.
type State struct {
	Format int `json:"format"`
	// Schema is the YAML of the schema the graph was built with; empty
	// for the embedded default.
	Schema string `json:"schema,omitempty"`
	// Planned records Options.Planned of the build that wrote the state.
	Planned  bool            `json:"planned,omitempty"`
	Articles []StoredArticle `json:"articles"` // sorted by ID, IDs unique
}

// StoredArticle is one article of a State.
//
// The text of an article that Update read may be kept in a temporary file
// instead of memory (Text is then empty; Encode and rebuilding read it from
// there), so that a build's memory does not grow with its text. Setting
// Text overrides the kept text.
type StoredArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Hash      string `json:"hash"` // hex SHA-256 of Text
	Text      string `json:"text"` // as ingested: evidence offsets refer to it

	spilled *spillRef // where the text is kept when Text is empty
}

// storedFrom makes the stored form of a: its text kept in sp (nil: in
// memory).
func storedFrom(a ingest.Article, sp *spill) (StoredArticle, error) {
	sa := StoredArticle{ID: strings.Clone(a.ID), Title: strings.Clone(a.Title), URL: strings.Clone(a.URL),
		Published: strings.Clone(a.Published), Hash: a.Hash}
	if sp == nil || a.Text == "" {
		sa.Text = a.Text
		return sa, nil
	}
	ref, err := sp.put(a.Text)
	if err != nil {
		return sa, err
	}
	sa.spilled = ref
	return sa, nil
}

// text returns the article's text, from memory or from the file it is
// kept in.
func (sa *StoredArticle) text() (string, error) {
	if sa.Text != "" || sa.spilled == nil {
		return sa.Text, nil
	}
	return sa.spilled.get()
}

// ingested returns the article as read, with its text.
func (sa *StoredArticle) ingested() (ingest.Article, error) {
	text, err := sa.text()
	if err != nil {
		return ingest.Article{}, err
	}
	return ingest.Article{ID: sa.ID, Title: sa.Title, URL: sa.URL, Published: sa.Published, Hash: sa.Hash, Text: text}, nil
}

// Records returns the articles' graph records, in ID order: the Articles of
// a graph built from the state.
func (s *State) Records() ([]graph.Article, error) {
	out := make([]graph.Article, len(s.Articles))
	for i := range s.Articles {
		a, err := s.Articles[i].ingested()
		if err != nil {
			return nil, err
		}
		out[i] = a.Record()
	}
	return out, nil
}

// spill is an unnamed temporary file that keeps the texts of a state's
// articles out of memory. It is removed from the directory when created;
// the space goes when the last State using it is garbage (the file is
// closed by os.File's finalizer) or the process ends.
type spill struct {
	mu  sync.Mutex
	f   *os.File
	w   *bufio.Writer
	off int64 // bytes written (through w)
}

// spillRef locates one text in a spill.
type spillRef struct {
	sp  *spill
	off int64
	n   int
}

// newSpill creates a spill in the temporary directory; nil when that is
// not possible (the texts then stay in memory).
func newSpill() *spill {
	f, err := os.CreateTemp("", "kg-texts-*")
	if err != nil {
		return nil
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil
	}
	return &spill{f: f, w: bufio.NewWriterSize(f, 1<<16)}
}

func (sp *spill) put(text string) (*spillRef, error) {
	sp.mu.Lock()
	defer sp.mu.Unlock()
	if _, err := sp.w.WriteString(text); err != nil {
		return nil, fmt.Errorf("pipeline: keeping article texts in a temporary file: %w", err)
	}
	ref := &spillRef{sp: sp, off: sp.off, n: len(text)}
	sp.off += int64(len(text))
	return ref, nil
}

func (r *spillRef) get() (string, error) {
	sp := r.sp
	sp.mu.Lock()
	err := sp.w.Flush()
	sp.mu.Unlock()
	if err != nil {
		return "", fmt.Errorf("pipeline: keeping article texts in a temporary file: %w", err)
	}
	b := make([]byte, r.n)
	if _, err := sp.f.ReadAt(b, r.off); err != nil {
		return "", fmt.Errorf("pipeline: reading an article text back from a temporary file: %w", err)
	}
	return string(b), nil
}

// Matches reports whether g was built from exactly the articles of s (same
// ids and hashes); when not, it returns one id that differs.
func (s *State) Matches(g *graph.Graph) (string, bool) {
	have := map[string]string{}
	for _, a := range s.Articles {
		have[a.ID] = a.Hash
	}
	for _, a := range g.Articles {
		h, ok := have[a.ID]
		if !ok || h != a.Hash {
			return a.ID, false
		}
		delete(have, a.ID)
	}
	for id := range have {
		return id, false
	}
	return "", true
}

// derive returns a copy of s (nil: empty) to change, and the schema to
// build with: override when set (recorded with its YAML), else the one s
// records, else the default.
func (s *State) derive(override *schema.Schema, overrideYAML []byte) (*State, *schema.Schema, error) {
	st := &State{Format: StateFormat}
	if s != nil {
		st.Schema = s.Schema
		st.Articles = append([]StoredArticle(nil), s.Articles...)
	}
	if override != nil {
		st.Schema = string(overrideYAML)
		return st, override, nil
	}
	if st.Schema == "" {
		return st, schema.Default(), nil
	}
	sc, err := schema.Parse("the schema stored in the graph's state", []byte(st.Schema))
	if err != nil {
		return nil, nil, err
	}
	return st, sc, nil
}

func (s *State) index() map[string]int {
	m := make(map[string]int, len(s.Articles))
	for i, a := range s.Articles {
		m[a.ID] = i
	}
	return m
}

func (s *State) sort() {
	sort.Slice(s.Articles, func(i, j int) bool { return s.Articles[i].ID < s.Articles[j].ID })
}

// StateError is returned for a file that is not a readable kg state.
type StateError struct {
	File string
	Err  error
}

func (e *StateError) Error() string { return fmt.Sprintf("pipeline: %s: %v", e.File, e.Err) }
func (e *StateError) Unwrap() error { return e.Err }

// ReadState reads a state file written by WriteState. A missing file is an
// error that wraps fs.ErrNotExist.
func ReadState(ctx context.Context, path string) (*State, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &StateError{File: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	st, err := DecodeState(bufio.NewReader(f))
	if err != nil {
		return nil, &StateError{File: path, Err: err}
	}
	return st, nil
}

// DecodeState reads a state from r (gzip-compressed JSON) and checks it:
// the format, ids sorted and unique, and each text's hash. The texts are
// read one article at a time and kept in a temporary file rather than in
// memory (see StoredArticle).
func DecodeState(r io.Reader) (*State, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a kg state file (%v)", err)
	}
	st, artErr, err := decodeState(json.NewDecoder(zr))
	if err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, errors.New("truncated state file")
		}
		return nil, fmt.Errorf("damaged state file: %v", err)
	}
	if st.Format == 0 || st.Format > StateFormat {
		return nil, fmt.Errorf("state format %d: this kg reads format %d", st.Format, StateFormat)
	}
	if artErr != nil {
		return nil, artErr
	}
	return st, nil
}

// decodeState decodes the JSON object of a state as json.Decoder.Decode
// would (keys matched without regard to case, unknown keys ignored, the
// last of a repeated key kept), except that the articles are decoded one
// at a time, checked and their texts put in a spill. artErr is the first
// article that fails a check.
func decodeState(dec *json.Decoder) (st *State, artErr, err error) {
	st = &State{}
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, err
	}
	if tok != json.Delim('{') {
		return nil, nil, fmt.Errorf("not a JSON object")
	}
	var sp *spill
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		key, _ := tok.(string)
		if !strings.EqualFold(key, "articles") {
			// any other field, decoded into the state as json would
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, err
			}
			field, err := json.Marshal(map[string]json.RawMessage{key: raw})
			if err != nil {
				return nil, nil, err
			}
			arts := st.Articles
			if err := json.Unmarshal(field, st); err != nil {
				return nil, nil, err
			}
			st.Articles = arts
			continue
		}
		st.Articles, artErr = nil, nil
		tok, err = dec.Token()
		if err != nil {
			return nil, nil, err
		}
		if tok == nil {
			continue // "articles": null
		}
		if tok != json.Delim('[') {
			return nil, nil, fmt.Errorf("the articles are not a JSON array")
		}
		st.Articles = []StoredArticle{}
		for dec.More() {
			var sa StoredArticle
			if err := dec.Decode(&sa); err != nil {
				return nil, nil, err
			}
			i := len(st.Articles)
			switch {
			case artErr != nil:
			case sa.ID == "":
				artErr = fmt.Errorf("article %d has no id", i)
			case i > 0 && st.Articles[i-1].ID >= sa.ID:
				artErr = fmt.Errorf("articles not sorted or not unique at %q", sa.ID)
			default:
				if sum := sha256.Sum256([]byte(sa.Text)); hex.EncodeToString(sum[:]) != sa.Hash {
					artErr = fmt.Errorf("article %q: text does not match its hash (damaged file?)", sa.ID)
				}
			}
			if sp == nil {
				sp = newSpill()
			}
			if sp != nil && sa.Text != "" {
				ref, err := sp.put(sa.Text)
				if err != nil {
					return nil, nil, err
				}
				sa.Text, sa.spilled = "", ref
			}
			st.Articles = append(st.Articles, sa)
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, nil, err
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, nil, err
	}
	return st, artErr, nil
}

// Encode writes s as gzip-compressed JSON. The output is byte-stable.
func (s *State) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	if err := s.encodeJSON(zw); err != nil {
		return err
	}
	return zw.Close()
}

// encodeJSON writes the JSON of s one article at a time, reading each text
// only when it is written: the bytes of json.Encoder.Encode(s) (HTML not
// escaped) without holding them, or all the texts, at once.
func (s *State) encodeJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	head := *s
	head.Articles = nil
	if err := enc.Encode(&head); err != nil {
		return err
	}
	if s.Articles == nil {
		_, err := w.Write(buf.Bytes())
		return err
	}
	// the head ends with the last field, "articles":null}
	const null = "null}\n"
	b := buf.Bytes()
	if !bytes.HasSuffix(b, []byte(`"articles":`+null)) {
		return errors.New("pipeline: the state's articles are not its last field")
	}
	if _, err := w.Write(append(b[:len(b)-len(null)], '[')); err != nil {
		return err
	}
	for i := range s.Articles {
		sa := s.Articles[i]
		text, err := sa.text()
		if err != nil {
			return err
		}
		sa.Text = text
		buf.Reset()
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := enc.Encode(&sa); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // the newline Encode ends a value with
		if _, err := w.Write(buf.Bytes()); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "]}\n")
	return err
}

// WriteState writes s to path atomically: a temporary file in the same
// directory renamed into place, so an interrupted run leaves the previous
// file intact.
func WriteState(ctx context.Context, path string, s *State) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".kg-*"+StateSuffix)
	if err != nil {
		return fmt.Errorf("pipeline: cannot write %s: %w", path, unwrapPath(err))
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<16)
	err = s.Encode(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("pipeline: writing %s: %w", path, unwrapPath(err))
	}
	return nil
}

// unwrapPath drops the *PathError wrapper whose path the caller already names.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
