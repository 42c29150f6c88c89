package report_test

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/graph/analysis"
	"github.com/kgraph/kg/graph/analysis/synth"
	"github.com/kgraph/kg/graph/report"
	"github.com/kgraph/kg/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture is the hand-written graph of package analysis's tests: three
// linked components and an isolated node.
const fixture = "../analysis/testdata/small.json"

func build(t testing.TB, path string, aopt analysis.Options, ropt report.Options) (*graph.Graph, *analysis.Result, *report.Report) {
	t.Helper()
	g, err := graph.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := analysis.Analyse(context.Background(), g, aopt)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.New(g, r, ropt)
	if err != nil {
		t.Fatal(err)
	}
	return g, r, rep
}

func TestRenderGolden(t *testing.T) {
	empty := filepath.Join(t.TempDir(), "empty.json")
	if err := os.WriteFile(empty, []byte(`{"format": 1, "articles": [], "nodes": [], "edges": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		path   string
		aopt   analysis.Options
		ropt   report.Options
		format string
		golden string
	}{
		{name: "fixture as a table", path: fixture, format: "table", golden: "small.txt"},
		{name: "fixture as markdown", path: fixture, format: "markdown", golden: "small.md"},
		{name: "fixture as csv", path: fixture, format: "csv", golden: "small.csv"},
		{name: "fixture as json", path: fixture, format: "json", golden: "small.json"},
		{
			name: "people by pagerank and betweenness, top 3", path: fixture, format: "table", golden: "small-people.txt",
			ropt: report.Options{Types: []string{graph.Person}, Metrics: []string{"pagerank", "betweenness"}, Top: 3},
		},
		{
			name: "MET_WITH and LED sub-network", path: fixture, format: "markdown", golden: "small-met-led.md",
			aopt: analysis.Options{Relations: []string{"MET_WITH", "LED"}}, ropt: report.Options{Metrics: []string{"degree"}},
		},
		{name: "empty graph", path: empty, format: "table", golden: "empty.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, rep := build(t, tt.path, tt.aopt, tt.ropt)
			var buf bytes.Buffer
			if err := report.Render(&buf, rep, tt.format); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s (run go test -update):\n%s", golden, buf.Bytes())
			}
		})
	}
}

func TestErrors(t *testing.T) {
	g, r, rep := build(t, fixture, analysis.Options{}, report.Options{})
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"unknown metric", func() error { _, err := report.New(g, r, report.Options{Metrics: []string{"fame"}}); return err },
			`report: unknown metric "fame" (known: pagerank, betweenness, closeness, harmonic, eigenvector, degree, weighted_degree, core)`},
		{"negative top", func() error { _, err := report.New(g, r, report.Options{Top: -1}); return err }, "report: --top -1 is negative"},
		{"unknown format", func() error { return report.Render(io.Discard, rep, "xml") }, `report: unknown format "xml" (known: table, markdown, csv, json)`},
		{"unknown picture format", func() error {
			return report.Plot(context.Background(), filepath.Join(t.TempDir(), "x.gif"), g, r, report.PlotOptions{})
		}, "unknown picture format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.err()
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

func TestPlot(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name  string
		graph func(t *testing.T) (*graph.Graph, *analysis.Result)
		file  string
		want  []string // strings the SVG must hold
	}{
		{
			name: "fixture as svg", file: "small.svg",
			graph: func(t *testing.T) (*graph.Graph, *analysis.Result) {
				g, r, _ := build(t, fixture, analysis.Options{}, report.Options{})
				return g, r
			},
			want: []string{"<svg", "Ada Brook", "Harbour Council", "met_with", "Top entities by PageRank"},
		},
		{
			name: "synthetic 2000 nodes as png", file: "synth.png",
			graph: func(t *testing.T) (*graph.Graph, *analysis.Result) {
				g := synth.Graph(2000, 8000, 2)
				r, err := analysis.Analyse(context.Background(), g, analysis.Options{})
				if err != nil {
					t.Fatal(err)
				}
				return g, r
			},
		},
		{
			name: "no edges as png", file: "empty.png",
			graph: func(t *testing.T) (*graph.Graph, *analysis.Result) {
				g := &graph.Graph{Format: 1, Nodes: []graph.Node{{ID: "a", Name: "A", Type: graph.Person}}}
				r, err := analysis.Analyse(context.Background(), g, analysis.Options{})
				if err != nil {
					t.Fatal(err)
				}
				return g, r
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, r := tt.graph(t)
			path := filepath.Join(dir, tt.file)
			if err := report.Plot(context.Background(), path, g, r, report.PlotOptions{}); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(tt.file, ".png") {
				img, err := png.Decode(bytes.NewReader(data))
				if err != nil {
					t.Fatal(err)
				}
				if b := img.Bounds(); b.Dx() != 16*144 || b.Dy() != 9*144 {
					t.Errorf("image is %v, want 2304x1296", b)
				}
				return
			}
			for _, s := range tt.want {
				if !bytes.Contains(data, []byte(s)) {
					t.Errorf("%s does not contain %q", tt.file, s)
				}
			}
			// The layout is deterministic: a second drawing is the same.
			again := filepath.Join(dir, "again-"+tt.file)
			if err := report.Plot(context.Background(), again, g, r, report.PlotOptions{}); err != nil {
				t.Fatal(err)
			}
			if data2, err := os.ReadFile(again); err != nil || !bytes.Equal(data, data2) {
				t.Errorf("drawing %s twice gave different files (%v)", tt.file, err)
			}
		})
	}
}

// TestCommand runs the real kg binary on good and bad input.
func TestCommand(t *testing.T) {
	bin := testkit.Binary(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	whole, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	truncated := write("truncated.json", string(whole[:len(whole)/2]))
	notGraph := write("list.json", `["a", "b"]`)
	garbage := write("garbage.json", "{\n \"format\": 1,\n \"nodes\": [}\n")
	empty := write("empty.json", `{"format": 1, "articles": [], "nodes": [], "edges": []}`)
	tests := []struct {
		name   string
		args   []string
		status int
		stderr string // expected start of the one line on stderr
		stdout string // expected in stdout
	}{
		{name: "fixture", args: []string{"report", fixture, "--top", "2", "--metric", "pagerank"}, stdout: "Ada Brook"},
		{name: "csv on stdin", args: []string{"report", "-", "--format", "csv"}, stdout: "top,pagerank,1,person:ada-brook"},
		{name: "empty graph", args: []string{"report", empty}, stdout: "Nodes:               0"},
		{name: "truncated file", args: []string{"report", truncated}, status: 1, stderr: "kg: graph: " + truncated + ": line "},
		{name: "not a graph", args: []string{"report", notGraph}, status: 1, stderr: "kg: graph: " + notGraph + ": line 1"},
		{name: "syntax error", args: []string{"report", garbage}, status: 1, stderr: "kg: graph: " + garbage + ": line 3"},
		{name: "missing file", args: []string{"report", filepath.Join(dir, "nope.json")}, status: 1, stderr: "kg: graph: open "},
		{name: "unknown format", args: []string{"report", fixture, "--format", "xml"}, status: 2, stderr: `kg: report: unknown --format "xml"`},
		{name: "unknown metric", args: []string{"report", fixture, "--metric", "fame"}, status: 2, stderr: `kg: report: unknown --metric "fame"`},
		{name: "unknown relation", args: []string{"report", fixture, "--relations", "MET_WITH,MEETS"}, status: 2,
			stderr: "kg: report: no MEETS relation in " + fixture + " (it has: LED, MEMBER_OF, MET_WITH, PROPOSED, RESIGNED, VISITED)"},
		{name: "sub-network", args: []string{"report", fixture, "--relations", "MET_WITH", "--metric", "degree"}, stdout: "Relations analysed:  MET_WITH"},
		{name: "no file", args: []string{"report"}, status: 2, stderr: "kg: accepts 1 arg(s)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(bin, tt.args...)
			if len(tt.args) > 1 && tt.args[1] == "-" {
				cmd.Stdin = bytes.NewReader(whole)
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			status := 0
			if ee, ok := err.(*exec.ExitError); ok {
				status = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if status != tt.status {
				t.Fatalf("exit status %d, want %d; stderr: %s", status, tt.status, stderr.Bytes())
			}
			if tt.stderr != "" {
				if !strings.HasPrefix(stderr.String(), tt.stderr) || strings.Count(stderr.String(), "\n") != 1 {
					t.Errorf("stderr %q, want one line starting %q", stderr.String(), tt.stderr)
				}
			}
			if !strings.Contains(stdout.String(), tt.stdout) {
				t.Errorf("stdout does not contain %q:\n%s", tt.stdout, stdout.Bytes())
			}
		})
	}
}

// BenchmarkReportCommand runs the real `kg report` on a generated graph file
// of 100k nodes and 1M edges (so betweenness is sampled) and reports the
// peak resident memory of the kg process. Run it with -benchtime=1x.
func BenchmarkReportCommand(b *testing.B) {
	bin := testkit.Binary(b)
	g := synth.Graph(100_000, 1_000_000, 1)
	path := filepath.Join(b.TempDir(), "large.json")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := g.Encode(f); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	g = nil
	runtime.GC()
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(bin, "report", path, "--top", "20")
		cmd.Stdout = io.Discard
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			b.Fatalf("kg report: %v\n%s", err, stderr.Bytes())
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			b.ReportMetric(float64(ru.Maxrss)/1024, "peak-MB")
		}
	}
}
