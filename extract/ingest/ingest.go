package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/kgraph/kg/graph"
)

// Article is one ingested document.
type Article struct {
	// ID is unique within a Walk and stable from run to run: the path
	// relative to the argument it came from (slash-separated; a file given
	// as an argument is its base name), the "id" of a jsonl line, or
	// "stdin". See the package documentation for collisions.
	ID        string
	Title     string
	URL       string
	Published string // YYYY-MM-DD when a date could be read, else ""
	// Text is the article text as ingested: valid UTF-8 in normal form C,
	// no byte-order mark, no CR, one paragraph per line, no blank lines,
	// no leading or trailing white space on a line. Evidence byte offsets
	// refer to this text.
	Text   string
	Hash   string // hex SHA-256 of Text
	Source string // the file it came from ("-" for standard input)
	Format string // "txt", "md", "html" or "jsonl"
	Line   int    // for jsonl, the line of Source; else 0
	// Encoding is the input's character encoding: "utf-8", "utf-16le",
	// "utf-16be", "windows-1252", or an HTML page's declared charset.
	Encoding string
}

// Record returns the article's entry for a graph file.
func (a *Article) Record() graph.Article {
	return graph.Article{
		ID:        a.ID,
		Title:     a.Title,
		URL:       a.URL,
		Published: a.Published,
		Hash:      a.Hash,
		Bytes:     len(a.Text),
		Words:     len(strings.Fields(a.Text)),
	}
}

// Skip is a file, or a line of a jsonl file, that was not ingested.
type Skip struct {
	Path   string // the file ("-" for standard input)
	Line   int    // the jsonl line, or 0 for the whole file
	Reason string
}

func (s Skip) String() string {
	if s.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", s.Path, s.Line, s.Reason)
	}
	return s.Path + ": " + s.Reason
}

// Stats sums up a Walk.
type Stats struct {
	Read    int    // articles passed to the callback
	Files   int    // files read (standard input counts as one)
	Skipped []Skip // in the order met
	// Ignored counts files in walked directories whose extension is not
	// one kg reads (hidden files and directories are not counted).
	Ignored int
	// RepairedUTF8 counts invalid UTF-8 sequences replaced by U+FFFD.
	RepairedUTF8 int
	// Transcoded counts articles whose input was not UTF-8 (UTF-16,
	// Windows-1252 or a charset declared by an HTML page).
	Transcoded int
}

// Options tune a Walk. The zero value is ready to use.
type Options struct {
	// MaxFileBytes is the largest file read (for jsonl, the longest line),
	// 256 MiB when zero. Larger files are skipped, so the memory a Walk
	// holds stays below about 4 × MaxFileBytes for text and jsonl.
	MaxFileBytes int64
	// MaxHTMLBytes is the largest HTML file read (if below MaxFileBytes),
	// 32 MiB when zero: a parsed page takes up to about 20 times its size.
	MaxHTMLBytes int64
	// Stdin is read for the path "-"; os.Stdin when nil.
	Stdin io.Reader
	// OnSkip, when set, is called for each skip as it happens (Stats has
	// them all at the end), for live warnings.
	OnSkip func(Skip)
}

// Default limits.
const (
	DefaultMaxFileBytes = 256 << 20
	DefaultMaxHTMLBytes = 32 << 20
)

func (o Options) validated() (Options, error) {
	if o.MaxFileBytes == 0 {
		o.MaxFileBytes = DefaultMaxFileBytes
	}
	if o.MaxHTMLBytes == 0 {
		o.MaxHTMLBytes = DefaultMaxHTMLBytes
	}
	if o.MaxFileBytes < 0 || o.MaxHTMLBytes < 0 {
		return o, errors.New("ingest: size limits must not be negative")
	}
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	return o, nil
}

// PathError reports a path given to Walk that cannot be read at all (most
// often: it does not exist). Walk returns it before reading anything.
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return "ingest: " + e.Path + ": " + reason(e.Err) }
func (e *PathError) Unwrap() error { return e.Err }

// reason is err without the path an *fs.PathError repeats.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Formats, chosen by extension.
const (
	fmtText  = "txt"
	fmtMD    = "md"
	fmtHTML  = "html"
	fmtJSONL = "jsonl"
	fmtSniff = "" // unknown: look at the content
)

var extFormats = map[string]string{
	".txt": fmtText, ".text": fmtText,
	".md": fmtMD, ".markdown": fmtMD,
	".html": fmtHTML, ".htm": fmtHTML, ".xhtml": fmtHTML,
	".jsonl": fmtJSONL, ".ndjson": fmtJSONL,
}

func formatOf(name string) string { return extFormats[strings.ToLower(filepath.Ext(name))] }

// Walk reads every article under paths, in order: the paths as given, each
// directory walked recursively in lexical order, and calls fn for each
// article, one at a time. The path "-" is standard input.
//
// A path that cannot be read at all is a *PathError, returned before
// anything is read. A file or jsonl line that cannot be ingested is a Skip
// in the returned Stats (and passed to Options.OnSkip): bad input never
// stops the walk. Walk stops at the first error fn returns, or when ctx is
// done, and returns that error with the Stats so far.
func Walk(ctx context.Context, paths []string, opt Options, fn func(Article) error) (Stats, error) {
	opt, err := opt.validated()
	if err != nil {
		return Stats{}, err
	}
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			if stdin++; stdin > 1 {
				return Stats{}, errors.New(`ingest: "-" (standard input) given more than once`)
			}
			continue
		}
		if _, err := os.Stat(p); err != nil {
			return Stats{}, &PathError{Path: p, Err: err}
		}
	}
	w := newWalker(opt, fn)
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return w.st, err
		}
		if err := w.arg(ctx, p); err != nil {
			return w.st, err
		}
	}
	return w.st, nil
}

// FromBytes ingests one document held in memory as if it were a file called
// name (whose extension chooses the format; the content is sniffed when the
// extension is not one kg reads). The article IDs are name, or the jsonl ids.
func FromBytes(ctx context.Context, name string, b []byte, opt Options, fn func(Article) error) (Stats, error) {
	opt, err := opt.validated()
	if err != nil {
		return Stats{}, err
	}
	w := newWalker(opt, fn)
	w.st.Files++
	err = w.content(ctx, name, name, formatOf(name), b)
	return w.st, err
}

// walker holds the state of one Walk.
type walker struct {
	opt   Options
	fn    func(Article) error
	st    Stats
	ids   map[string]string // article id → text hash
	files map[string]string // absolute path → id, to read each file once
}

func newWalker(opt Options, fn func(Article) error) *walker {
	return &walker{opt: opt, fn: fn, ids: map[string]string{}, files: map[string]string{}}
}

func (w *walker) skip(path string, line int, why string) {
	s := Skip{Path: path, Line: line, Reason: why}
	w.st.Skipped = append(w.st.Skipped, s)
	if w.opt.OnSkip != nil {
		w.opt.OnSkip(s)
	}
}

// arg reads one path given to Walk.
func (w *walker) arg(ctx context.Context, p string) error {
	if p == "-" {
		return w.stdin(ctx)
	}
	fi, err := os.Stat(p)
	if err != nil { // removed since Walk checked it
		w.skip(p, 0, reason(err))
		return nil
	}
	if !fi.IsDir() {
		return w.file(ctx, p, filepath.Base(p), true)
	}
	root := p
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if err != nil {
			w.skip(path, 0, reason(err))
			if d != nil && d.IsDir() && path != root {
				return fs.SkipDir
			}
			return nil
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if formatOf(path) == fmtSniff {
			w.st.Ignored++
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				w.skip(path, 0, reason(err))
				return nil
			}
			if !fi.Mode().IsRegular() { // symlinked directories are not followed
				w.st.Ignored++
				return nil
			}
		} else if !d.Type().IsRegular() {
			w.skip(path, 0, "not a regular file")
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			rel = path
		}
		return w.file(ctx, path, filepath.ToSlash(rel), false)
	})
}

// file reads one file. explicit is true for a file named as an argument:
// any extension is read (sniffed when unknown) and pipes are allowed.
func (w *walker) file(ctx context.Context, path, id string, explicit bool) error {
	if abs, err := filepath.Abs(path); err == nil {
		if prev, ok := w.files[abs]; ok {
			w.skip(path, 0, fmt.Sprintf("already read (as %s)", prev))
			return nil
		}
		w.files[abs] = id
	}
	f, err := os.Open(path)
	if err != nil {
		w.skip(path, 0, reason(err))
		return nil
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		w.skip(path, 0, reason(err))
		return nil
	}
	if fi.IsDir() {
		w.skip(path, 0, "is a directory")
		return nil
	}
	w.st.Files++
	format := formatOf(path)
	if format == fmtJSONL {
		return w.jsonl(ctx, f, path, id)
	}
	limit := w.opt.MaxFileBytes
	if format == fmtHTML {
		limit = min(limit, w.opt.MaxHTMLBytes)
	}
	if fi.Mode().IsRegular() && fi.Size() > limit {
		w.skip(path, 0, tooBig(fi.Size(), limit))
		return nil
	}
	var hint int64
	if fi.Mode().IsRegular() {
		hint = fi.Size()
	}
	b, err := readAll(f, hint, limit)
	if err != nil {
		w.skip(path, 0, reason(err))
		return nil
	}
	if int64(len(b)) > limit {
		w.skip(path, 0, tooBig(int64(len(b)), limit)+" or more")
		return nil
	}
	return w.content(ctx, path, id, format, b)
}

// hashText returns the hex SHA-256 of s without copying s whole.
func hashText(s string) string {
	h := sha256.New()
	var buf [32 << 10]byte
	for len(s) > 0 {
		n := copy(buf[:], s)
		h.Write(buf[:n])
		s = s[n:]
	}
	return hex.EncodeToString(h.Sum(nil))
}

func tooBig(n, limit int64) string {
	return fmt.Sprintf("%d bytes, above the limit of %d", n, limit)
}

// readAll reads r to its end or to limit+1 bytes, whichever comes first.
// hint is the expected size (the file's size, or 0 when unknown): with it
// the bytes are read in one allocation.
func readAll(r io.Reader, hint, limit int64) ([]byte, error) {
	n := min(hint, limit) + 1 // one more byte shows a file above the limit
	b := make([]byte, 0, max(n, 512))
	for {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)] // grow
		}
		m, err := r.Read(b[len(b):min(int64(cap(b)), limit+1)])
		b = b[:len(b)+m]
		if int64(len(b)) > limit || err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
	}
}

// stdin reads standard input, sniffing its format.
func (w *walker) stdin(ctx context.Context) error {
	w.st.Files++
	b, err := readAll(w.opt.Stdin, 0, w.opt.MaxFileBytes)
	if err != nil {
		w.skip("-", 0, reason(err))
		return nil
	}
	if int64(len(b)) > w.opt.MaxFileBytes {
		w.skip("-", 0, tooBig(int64(len(b)), w.opt.MaxFileBytes)+" or more")
		return nil
	}
	return w.content(ctx, "-", "stdin", fmtSniff, b)
}

// content ingests the bytes of one file (or of standard input).
func (w *walker) content(ctx context.Context, src, id, format string, b []byte) error {
	if format == fmtSniff {
		format, b = sniff(b)
	}
	switch format {
	case fmtJSONL:
		return w.jsonl(ctx, bytes.NewReader(b), src, id)
	case fmtHTML:
		if limit := min(w.opt.MaxFileBytes, w.opt.MaxHTMLBytes); int64(len(b)) > limit {
			w.skip(src, 0, tooBig(int64(len(b)), limit))
			return nil
		}
	}
	dec, err := decode(b, format == fmtHTML)
	if err != nil {
		w.skip(src, 0, err.Error())
		return nil
	}
	w.st.RepairedUTF8 += dec.repaired
	var d doc
	if format == fmtHTML {
		d = fromHTML(dec.b)
	} else {
		d = fromText(normalise(dec.b), format == fmtMD)
		d.title, d.url, d.published = cleanInline(d.title), cleanInline(d.url), normDate(d.published)
	}
	if d.text == "" {
		why := errEmpty.Error()
		if format == fmtHTML && bytes.ContainsAny(b, "<>") {
			why = "no article text found"
		}
		w.skip(src, 0, why)
		return nil
	}
	a := Article{ID: id, Title: d.title, URL: d.url, Published: d.published, Text: d.text,
		Source: src, Format: format, Encoding: dec.enc}
	return w.emit(a, src)
}

// emit hashes a, makes its ID unique and passes it on. An ID already taken
// by an article with the same text is a duplicate and skipped; one taken by
// a different text becomes fallback, then fallback~2, fallback~3, ...
func (w *walker) emit(a Article, fallback string) error {
	a.Hash = hashText(a.Text)
	if h, taken := w.ids[a.ID]; taken {
		if h == a.Hash {
			w.skip(a.Source, a.Line, fmt.Sprintf("duplicate of article %s", a.ID))
			return nil
		}
		id := filepath.ToSlash(fallback)
		for n := 2; ; n++ {
			if _, taken := w.ids[id]; !taken {
				break
			}
			id = filepath.ToSlash(fallback) + "~" + strconv.Itoa(n)
		}
		a.ID = id
	}
	w.ids[a.ID] = a.Hash
	if a.Encoding != encUTF8 {
		w.st.Transcoded++
	}
	w.st.Read++
	return w.fn(a)
}
