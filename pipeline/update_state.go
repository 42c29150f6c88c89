package pipeline

import (
	"bufio"
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
type StoredArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Hash      string `json:"hash"` // hex SHA-256 of Text
	Text      string `json:"text"` // as ingested: evidence offsets refer to it
}

func storedFrom(a ingest.Article) StoredArticle {
	return StoredArticle{ID: a.ID, Title: a.Title, URL: a.URL, Published: a.Published, Hash: a.Hash, Text: a.Text}
}

func (sa StoredArticle) ingested() ingest.Article {
	return ingest.Article{ID: sa.ID, Title: sa.Title, URL: sa.URL, Published: sa.Published, Hash: sa.Hash, Text: sa.Text}
}

// Records returns the articles' graph records, in ID order: the Articles of
// a graph built from the state.
func (s *State) Records() []graph.Article {
	out := make([]graph.Article, len(s.Articles))
	for i, sa := range s.Articles {
		a := sa.ingested()
		out[i] = a.Record()
	}
	return out
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
// the format, ids sorted and unique, and each text's hash.
func DecodeState(r io.Reader) (*State, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a kg state file (%v)", err)
	}
	var st State
	dec := json.NewDecoder(zr)
	if err := dec.Decode(&st); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, errors.New("truncated state file")
		}
		return nil, fmt.Errorf("damaged state file: %v", err)
	}
	if st.Format == 0 || st.Format > StateFormat {
		return nil, fmt.Errorf("state format %d: this kg reads format %d", st.Format, StateFormat)
	}
	for i, a := range st.Articles {
		if a.ID == "" {
			return nil, fmt.Errorf("article %d has no id", i)
		}
		if i > 0 && st.Articles[i-1].ID >= a.ID {
			return nil, fmt.Errorf("articles not sorted or not unique at %q", a.ID)
		}
		if sum := sha256.Sum256([]byte(a.Text)); hex.EncodeToString(sum[:]) != a.Hash {
			return nil, fmt.Errorf("article %q: text does not match its hash (damaged file?)", a.ID)
		}
	}
	return &st, nil
}

// Encode writes s as gzip-compressed JSON. The output is byte-stable.
func (s *State) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return err
	}
	return zw.Close()
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
