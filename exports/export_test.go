package exports_test

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kgraph/kg/exports"
	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// format is one export format under test.
type format struct {
	name, ext string
	write     func(context.Context, io.Writer, *graph.Graph) (exports.Stats, error)
}

var formats = []format{
	{"graphml", ".graphml", func(ctx context.Context, w io.Writer, g *graph.Graph) (exports.Stats, error) {
		return exports.WriteGraphML(ctx, w, g, exports.GraphMLOptions{})
	}},
	{"gexf", ".gexf", func(ctx context.Context, w io.Writer, g *graph.Graph) (exports.Stats, error) {
		return exports.WriteGEXF(ctx, w, g, exports.GEXFOptions{})
	}},
}

// fixture reads testdata/NAME.json, a small graph written by hand.
func fixture(t testing.TB, name string) *graph.Graph {
	t.Helper()
	g, err := graph.ReadFile(filepath.Join("testdata", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// hostileCase is a name that XML, or a reader, could trip over; want is
// what must come back and removed how many characters must go.
type hostileCase struct {
	what, name, want string
	removed          int
}

var hostileCases = []hostileCase{
	{"quotes and ampersand", `He said "hi" & 'bye'`, `He said "hi" & 'bye'`, 0},
	{"angle brackets and CDATA end", "<script>]]></script>", "<script>]]></script>", 0},
	{"emoji with ZWJ and flag", "Fan 🎉 👩‍👩‍👧 🇺🇦", "Fan 🎉 👩‍👩‍👧 🇺🇦", 0},
	{"right-to-left", "محمد بن سلمان", "محمد بن سلمان", 0},
	{"bidi override", "a\u202Eevil\u202Cb", "a\u202Eevil\u202Cb", 0},
	{"tab newline carriage return kept", "Tab\there\nnew\rcr", "Tab\there\nnew\rcr", 0},
	{"C0 controls removed", "bell\x07 esc\x1b del\x7f", "bell esc del\x7f", 2},
	{"NUL removed", "nul\x00byte", "nulbyte", 1},
	{"invalid UTF-8 removed", "bad\xff\xfebytes", "badbytes", 2},
	{"UTF-8 encoded lone surrogate removed", "sur\xed\xa0\x80rogate", "surrogate", 3},
	{"noncharacters removed, U+FFFD kept", "x\uFFFEy\uFFFF\uFFFDz", "xy\uFFFDz", 2},
	{"C1 control kept", "nel\u0085c1\u0080", "nel\u0085c1\u0080", 0},
	{"spaces kept", "  padded  twice ", "  padded  twice ", 0},
	{"only forbidden", "\x01\x02", "", 2},
}

// hostileGraph has one node per hostile case, named by it, and a chain of
// edges whose evidence sentence is the same hostile text.
func hostileGraph() *graph.Graph {
	g := &graph.Graph{Format: graph.FormatVersion, Directed: true,
		Articles: []graph.Article{{ID: "h", Published: "2025-01-02", Hash: "00"}}}
	for i, c := range hostileCases {
		typ := graph.Person
		if i == 1 {
			typ = "Odd <Type> & Co"
		}
		g.Nodes = append(g.Nodes, graph.Node{ID: fmt.Sprintf("person:h%02d", i), Name: c.name, Type: typ,
			Aliases: []string{"alias " + fmt.Sprint(i)}, Mentions: i + 1, Articles: []string{"h"}})
	}
	for i := 0; i+1 < len(hostileCases); i++ {
		g.Edges = append(g.Edges, graph.Edge{ID: fmt.Sprintf("MET_WITH|h%02d", i), Source: g.Nodes[i].ID, Target: g.Nodes[i+1].ID,
			Type: "MET_WITH", Symmetric: true, Weight: 1, Confidence: 0.5,
			Evidence: []graph.Evidence{{Article: "h", Sentence: hostileCases[i].name, Date: "2025-01-02"}}})
	}
	return g
}

// graphs are the hand-made graphs every format is tested on.
var graphs = []struct {
	name string
	make func(testing.TB) *graph.Graph
}{
	{"small", func(t testing.TB) *graph.Graph { return fixture(t, "small") }}, // analysed, dated, parallel edges
	{"plain", func(t testing.TB) *graph.Graph { return fixture(t, "plain") }}, // undirected, no metrics, no dates
	{"hostile", func(testing.TB) *graph.Graph { return hostileGraph() }},      // names XML and readers trip over
}

func export(t testing.TB, f format, g *graph.Graph) ([]byte, exports.Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := f.write(context.Background(), &buf, g)
	if err != nil {
		t.Fatalf("%s: %v", f.name, err)
	}
	return buf.Bytes(), st
}

func TestGolden(t *testing.T) {
	for _, gc := range graphs {
		for _, f := range formats {
			t.Run(gc.name+f.ext, func(t *testing.T) {
				got, st := export(t, f, gc.make(t))
				g := gc.make(t)
				if st.Nodes != len(g.Nodes) || st.Edges != len(g.Edges) {
					t.Errorf("stats %+v, graph has %d nodes and %d edges", st, len(g.Nodes), len(g.Edges))
				}
				path := filepath.Join("testdata", gc.name+f.ext)
				if *update {
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("output differs from %s (run go test -update and review the diff)", path)
				}
				if !utf8.Valid(got) {
					t.Error("output is not valid UTF-8")
				}
			})
		}
	}
}

func TestHostileNames(t *testing.T) {
	want := 0
	for i, c := range hostileCases {
		want += c.removed // as the node's name
		if i+1 < len(hostileCases) {
			want += c.removed // as the evidence sentence of the edge from it
		}
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			out, st := export(t, f, hostileGraph())
			if st.RemovedChars != want {
				t.Errorf("removed %d characters, want %d", st.RemovedChars, want)
			}
			if err := xml.NewDecoder(bytes.NewReader(out)).Decode(new(any)); err != nil && !errors.Is(err, io.EOF) {
				t.Errorf("Go's XML decoder rejects the output: %v", err)
			}
			for _, bad := range []string{"\x00", "\x07", "\uFFFE", "\xff"} {
				if bytes.Contains(out, []byte(bad)) {
					t.Errorf("output contains %q", bad)
				}
			}
		})
	}
}

var (
	nodeID = regexp.MustCompile(`^n[0-9]+$`)
	edgeID = regexp.MustCompile(`^e[0-9]+$`)
)

// TestGraphMLStructure checks what the XSD does not: every key is typed
// and declared for node, edge or graph before the graph, every value is of
// its key's type and sits in an element its key is for, ids are n0.. and
// e0.., no edge overrides the default direction, and Gephi's keys exist.
func TestGraphMLStructure(t *testing.T) {
	for _, gc := range graphs {
		t.Run(gc.name, func(t *testing.T) {
			out, _ := export(t, formats[0], gc.make(t))
			dec := xml.NewDecoder(bytes.NewReader(out))
			keys := map[string]bool{}
			keyFor, keyType := map[string]string{}, map[string]string{}
			parent := "graph"
			inGraph := false
			for {
				tok, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				se, ok := tok.(xml.StartElement)
				if !ok {
					continue
				}
				at := map[string]string{}
				for _, a := range se.Attr {
					at[a.Name.Local] = a.Value
				}
				switch se.Name.Local {
				case "key":
					if inGraph {
						t.Errorf("key %s declared after the graph", at["id"])
					}
					if at["attr.type"] == "" || at["attr.name"] == "" || !map[string]bool{"node": true, "edge": true, "graph": true}[at["for"]] {
						t.Errorf("key %v lacks attr.type, attr.name or for", at)
					}
					keys[at["for"]+"/"+at["attr.name"]] = true
					keyFor[at["id"]], keyType[at["id"]] = at["for"], at["attr.type"]
				case "data":
					var v string
					if err := dec.DecodeElement(&v, &se); err != nil {
						t.Fatal(err)
					}
					if keyFor[at["key"]] != parent {
						t.Errorf("data %s (for %s) in a %s", at["key"], keyFor[at["key"]], parent)
					}
					if !typedValue(keyType[at["key"]], v) {
						t.Errorf("data %s=%q is not a %s", at["key"], v, keyType[at["key"]])
					}
				case "graph":
					inGraph = true
					if at["edgedefault"] == "" {
						t.Error("graph has no edgedefault")
					}
				case "node":
					parent = "node"
					if !nodeID.MatchString(at["id"]) {
						t.Errorf("node id %q", at["id"])
					}
				case "edge":
					parent = "edge"
					if !edgeID.MatchString(at["id"]) || !nodeID.MatchString(at["source"]) || !nodeID.MatchString(at["target"]) {
						t.Errorf("edge %v", at)
					}
					if _, ok := at["directed"]; ok {
						t.Errorf("edge %s overrides the default direction", at["id"])
					}
				}
			}
			for _, k := range []string{"node/label", "node/r", "node/g", "node/b", "node/size", "edge/label", "edge/type", "edge/weight", "edge/symmetric"} {
				if !keys[k] {
					t.Errorf("no key %s", k)
				}
			}
		})
	}
}

// xmllint validates path against the GraphML XSD in the shared folder.
func xmllint(t *testing.T, path string) {
	t.Helper()
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		testkit.Missing(t, "xmllint (apt-get install libxml2-utils)")
	}
	xsd := filepath.Join(testkit.Shared(t), "schemas", "graphml", "graphml.xsd")
	out, err := exec.Command(bin, "--noout", "--nonet", "--schema", xsd, path).CombinedOutput()
	if err != nil {
		t.Errorf("xmllint %s: %v\n%s", filepath.Base(path), err, out)
	}
}

func TestGraphMLValidates(t *testing.T) {
	for _, gc := range graphs {
		t.Run(gc.name, func(t *testing.T) {
			out, _ := export(t, formats[0], gc.make(t))
			path := filepath.Join(t.TempDir(), gc.name+".graphml")
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			xmllint(t, path)
		})
	}
}

// readerGraph is what one independent reader found (testdata/readers.py).
type readerGraph struct {
	Nodes, Edges int
	Directed     bool
	Node         map[string]map[string]any
	Edge         map[string]map[string]any
}

// readBack exports g in both formats into dir and reads the files with
// NetworkX (GraphML and GEXF) and igraph (GraphML).
func readBack(t *testing.T, g *graph.Graph, dir string) map[string]readerGraph {
	t.Helper()
	py := testkit.Python(t)
	paths := map[string]string{}
	for _, f := range formats {
		paths[f.name] = filepath.Join(dir, "g"+f.ext)
		fh, err := os.Create(paths[f.name])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.write(context.Background(), fh, g); err != nil {
			t.Fatal(err)
		}
		if err := fh.Close(); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(py, filepath.Join("testdata", "readers.py"), paths["graphml"], paths["gexf"])
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("readers.py: %v\n%s", err, stderr.Bytes())
	}
	var res map[string]readerGraph
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("readers.py output: %v", err)
	}
	if len(res) != 3 {
		t.Fatalf("readers.py answered for %d readers, want 3", len(res))
	}
	return res
}

// xmlClean is what must survive of s: s without the characters XML 1.0
// forbids and without invalid UTF-8 bytes.
func xmlClean(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				continue
			}
		}
		if r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func num(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case bool:
		if x {
			return 1
		}
	}
	return math.NaN()
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// compareWithGraph checks what each reader found against g: counts,
// direction, and per node and per edge the attributes that matter.
func compareWithGraph(t *testing.T, g *graph.Graph, res map[string]readerGraph) {
	t.Helper()
	colours := map[string][3]float64{graph.Person: {31, 119, 180}, graph.Institution: {255, 127, 14}, graph.Place: {44, 160, 44}, graph.Document: {148, 103, 189}}
	for reader, r := range res {
		if r.Nodes != len(g.Nodes) || r.Edges != len(g.Edges) {
			t.Errorf("%s: %d nodes, %d edges; graph.json has %d and %d", reader, r.Nodes, r.Edges, len(g.Nodes), len(g.Edges))
		}
		if r.Directed != g.Directed {
			t.Errorf("%s: directed %v, graph.json %v", reader, r.Directed, g.Directed)
		}
		bad := 0
		errorf := func(format string, args ...any) {
			if bad++; bad <= 10 {
				t.Errorf(reader+": "+format, args...)
			}
		}
		for i := range g.Nodes {
			n := &g.Nodes[i]
			rec, ok := r.Node[xmlClean(n.ID)]
			if !ok {
				errorf("node %s missing", n.ID)
				continue
			}
			if got, want := str(rec["label"]), xmlClean(n.Name); got != want {
				errorf("node %s: label %q, want %q", n.ID, got, want)
			}
			if got := str(rec["type"]); got != xmlClean(n.Type) {
				errorf("node %s: type %q, want %q", n.ID, got, n.Type)
			}
			if got := num(rec["mentions"]); got != float64(n.Mentions) {
				errorf("node %s: mentions %v, want %d", n.ID, got, n.Mentions)
			}
			if n.Metrics != nil {
				if got := num(rec["pagerank"]); got != n.PageRank {
					errorf("node %s: pagerank %v, want %v", n.ID, got, n.PageRank)
				}
				if got := num(rec["community"]); got != float64(n.Community) {
					errorf("node %s: community %v, want %v", n.ID, got, n.Community)
				}
			}
			rgb := [3]float64{num(rec["r"]), num(rec["g"]), num(rec["b"])}
			if want, ok := colours[n.Type]; ok && rgb != want {
				errorf("node %s (%s): colour %v, want %v", n.ID, n.Type, rgb, want)
			}
			if size := num(rec["size"]); !(size >= exports.DefaultMinSize && size <= exports.DefaultMaxSize) {
				errorf("node %s: size %v", n.ID, size)
			}
		}
		for i := range g.Edges {
			e := &g.Edges[i]
			rec, ok := r.Edge[xmlClean(e.ID)]
			if !ok {
				errorf("edge %s missing", e.ID)
				continue
			}
			src, dst := str(rec["source"]), str(rec["target"])
			if !g.Directed && src != xmlClean(e.Source) {
				src, dst = dst, src // an undirected reader may give the ends either way
			}
			if src != xmlClean(e.Source) || dst != xmlClean(e.Target) {
				errorf("edge %s: %v -> %v, want %s -> %s", e.ID, rec["source"], rec["target"], e.Source, e.Target)
			}
			if str(rec["type"]) != e.Type || str(rec["label"]) != e.Type {
				errorf("edge %s: type %v, label %v, want %s", e.ID, rec["type"], rec["label"], e.Type)
			}
			if num(rec["weight"]) != float64(e.Weight) || num(rec["evidence_count"]) != float64(len(e.Evidence)) {
				errorf("edge %s: weight %v, evidence_count %v, want %d and %d", e.ID, rec["weight"], rec["evidence_count"], e.Weight, len(e.Evidence))
			}
			if num(rec["confidence"]) != e.Confidence {
				errorf("edge %s: confidence %v, want %v", e.ID, rec["confidence"], e.Confidence)
			}
			if rec["symmetric"] != e.Symmetric {
				errorf("edge %s: symmetric %v, want %v", e.ID, rec["symmetric"], e.Symmetric)
			}
			if str(rec["status"]) != e.Status {
				errorf("edge %s: status %q, want %q", e.ID, rec["status"], e.Status)
			}
			if len(e.Evidence) > 0 && str(rec["evidence"]) != xmlClean(e.Evidence[0].Sentence) {
				errorf("edge %s: evidence %q, want %q", e.ID, rec["evidence"], e.Evidence[0].Sentence)
			}
			if len(e.FirstDate) >= 10 && str(rec["first_date"]) != e.FirstDate[:10] {
				errorf("edge %s: first_date %v, want %s", e.ID, rec["first_date"], e.FirstDate)
			}
			if reader == "networkx_gexf" && len(e.LastDate) >= 10 && str(rec["end"]) != e.LastDate[:10] {
				errorf("edge %s: GEXF interval end %v, want %s", e.ID, rec["end"], e.LastDate)
			}
		}
	}
}

func TestReaders(t *testing.T) {
	for _, gc := range graphs {
		t.Run(gc.name, func(t *testing.T) {
			g := gc.make(t)
			compareWithGraph(t, g, readBack(t, g, t.TempDir()))
		})
	}
}

// TestHostileNamesReadBack checks each hostile name against the text the
// table says must come back, as NetworkX and igraph read it.
func TestHostileNamesReadBack(t *testing.T) {
	g := hostileGraph()
	res := readBack(t, g, t.TempDir())
	for reader, r := range res {
		for i, c := range hostileCases {
			t.Run(reader+"/"+c.what, func(t *testing.T) {
				rec := r.Node[g.Nodes[i].ID]
				if got := str(rec["label"]); got != c.want {
					t.Errorf("label %q, want %q", got, c.want)
				}
			})
		}
	}
}

// realGraph exports a graph built by the real kg binary, validates the
// GraphML and compares what the readers find with graph.json.
func realGraph(t *testing.T, g *graph.Graph) {
	dir := t.TempDir()
	res := readBack(t, g, dir)
	xmllint(t, filepath.Join(dir, "g.graphml"))
	compareWithGraph(t, g, res)
}

func TestSeedGraph(t *testing.T) {
	_, g := testkit.SeedGraph(t)
	if len(g.Nodes) == 0 || len(g.Edges) == 0 {
		t.Fatalf("seed graph has %d nodes and %d edges", len(g.Nodes), len(g.Edges))
	}
	realGraph(t, g)
}

func TestNewsDevGraph(t *testing.T) {
	_, g := testkit.BuildGraph(t, filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text"))
	if len(g.Nodes) == 0 || len(g.Edges) == 0 {
		t.Fatalf("news-dev graph has %d nodes and %d edges", len(g.Nodes), len(g.Edges))
	}
	realGraph(t, g)
}

// cancelAfter is a writer that cancels a context once n bytes went through.
type cancelAfter struct {
	n       int
	written int
	cancel  context.CancelFunc
}

func (c *cancelAfter) Write(p []byte) (int, error) {
	c.written += len(p)
	if c.written >= c.n {
		c.cancel()
	}
	return len(p), nil
}

func TestCancel(t *testing.T) {
	g := generate(20000, 1)
	for _, f := range formats {
		t.Run(f.name+"/before", func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			if _, err := f.write(ctx, io.Discard, g); !errors.Is(err, context.Canceled) {
				t.Errorf("error %v, want context.Canceled", err)
			}
		})
		t.Run(f.name+"/midway", func(t *testing.T) {
			full, _ := export(t, f, g)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			w := &cancelAfter{n: 1 << 20, cancel: cancel}
			st, err := f.write(ctx, w, g)
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("error %v, want context.Canceled", err)
			}
			if w.written >= len(full)/2 || st.Edges >= len(g.Edges) {
				t.Errorf("wrote %d of %d bytes and %d of %d edges after cancelling at 1 MiB", w.written, len(full), st.Edges, len(g.Edges))
			}
		})
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestErrors(t *testing.T) {
	small := func() *graph.Graph { return fixture(t, "small") }
	tests := []struct {
		name string
		g    *graph.Graph
		w    io.Writer
		opt  exports.XMLOptions
		want string
	}{
		{"nil graph", nil, nil, exports.XMLOptions{}, "exports: no graph"},
		{"negative size", small(), nil, exports.XMLOptions{MinSize: -1}, "exports: node sizes"},
		{"min above max", small(), nil, exports.XMLOptions{MinSize: 20, MaxSize: 10}, "exports: node sizes"},
		{"NaN size", small(), nil, exports.XMLOptions{MaxSize: math.NaN()}, "exports: node sizes"},
		{"unknown target", func() *graph.Graph { g := small(); g.Edges[0].Target = "person:nobody"; return g }(), nil, exports.XMLOptions{},
			`exports: edge 0 (ADVISED|person:ada-quill|person:ben-okafor): unknown target node "person:nobody"`},
		{"duplicate node", func() *graph.Graph { g := small(); g.Nodes[1].ID = g.Nodes[0].ID; return g }(), nil, exports.XMLOptions{},
			`exports: node 1: duplicate node id "document:harbour-accord"`},
		{"write error", small(), failWriter{}, exports.XMLOptions{}, "disk full"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			w := tc.w
			if w == nil {
				w = &buf // a graph or options error: nothing may be written
			}
			_, err1 := exports.WriteGraphML(context.Background(), w, tc.g, exports.GraphMLOptions{XMLOptions: tc.opt})
			_, err2 := exports.WriteGEXF(context.Background(), w, tc.g, exports.GEXFOptions{XMLOptions: tc.opt})
			for _, err := range []error{err1, err2} {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("error %v, want %q", err, tc.want)
				}
			}
			if buf.Len() > 0 {
				t.Errorf("wrote %d bytes before failing", buf.Len())
			}
		})
	}
}

func TestOpenEnded(t *testing.T) {
	var buf bytes.Buffer
	if _, err := exports.WriteGEXF(context.Background(), &buf, fixture(t, "small"), exports.GEXFOptions{OpenEnded: true}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, ` end="`) || !strings.Contains(out, ` start="2024-03-01"`) {
		t.Error("open-ended GEXF should have start and no end attributes")
	}
}
