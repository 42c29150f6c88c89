package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/schema"
)

// Sentences written for these tests (names invented).
const (
	meeting     = "Laura Keller held talks with Rafael Ortega in Berlin on Monday, officials said."
	resignation = "David Miller, the chairman of the Harbour Authority, resigned on Tuesday."
	acquisition = "Acme Corp acquired Beta Industries in March, the two companies said on Friday."
)

// acquiredSchema is the default schema with a relation added by a user.
func acquiredSchema() string {
	return string(schema.DefaultYAML()) + `
  - name: ACQUIRED
    source: [Institution]
    target: [Institution]
    triggers:
      active: [acquired]
`
}

// badSchema has two problems, on lines 6 and 8.
const badSchema = "entities:\n  - name: Person\nrelations:\n  - name: MET\n    source: [Person]\n    target: [Persn]\n    triggers:\n      active: [met, \"\"]\n"

// kg runs the command in-process and returns its exit status and output.
func kg(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// writeFiles writes files (name → content) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func edgeTypes(g *graph.Graph) []string {
	var out []string
	for _, e := range g.Edges {
		out = append(out, e.Type)
	}
	return out
}

func articleIDs(g *graph.Graph) []string {
	var out []string
	for _, a := range g.Articles {
		out = append(out, a.ID)
	}
	return out
}

// TestBuildInput runs `kg build` on bad and awkward inputs (issue point 8):
// each case gives its files, its arguments, the exit status, what standard
// error must say, and what the graph must hold.
func TestBuildInput(t *testing.T) {
	long := strings.Repeat("The harbour committee met again to discuss the budget for the coming year. ", 14000) + meeting
	cases := []struct {
		name     string
		files    map[string]string
		links    map[string]string // symbolic links: name → target
		args     []string          // "DIR" is replaced by the input folder
		output   bool              // add -o FILE and check the graph
		code     int
		stderr   []string // substrings of standard error
		lines    int      // exact number of lines on standard error; -1: not checked
		articles []string // article ids of the graph
		edges    []string // edge types the graph must have
	}{
		{
			name:   "nonexistent path",
			args:   []string{"build", "DIR/nope.txt"},
			output: false, code: exitFail,
			stderr: []string{"DIR/nope.txt", "no such file"}, lines: 1,
		},
		{
			name:  "nonexistent path beside a good one",
			files: map[string]string{"good.txt": meeting},
			args:  []string{"build", "DIR/good.txt", "DIR/nope"},
			code:  exitFail, stderr: []string{"DIR/nope"}, lines: 1,
		},
		{
			name: "no arguments",
			args: []string{"build"},
			code: exitUsage, stderr: []string{"build: no input"}, lines: 1,
		},
		{
			name: "unknown flag",
			args: []string{"build", "--frobnicate", "x.txt"},
			code: exitUsage, stderr: []string{"unknown flag: --frobnicate"}, lines: 1,
		},
		{
			name:  "negative workers",
			files: map[string]string{"good.txt": meeting},
			args:  []string{"build", "--workers", "-1", "DIR"},
			code:  exitUsage, stderr: []string{"--workers"}, lines: 1,
		},
		{
			name: "binary and empty files beside a good one",
			files: map[string]string{
				"good.txt":  meeting + "\n",
				"blob.txt":  "Laura\x00Keller\x00\x01\x02\x03 binary",
				"empty.txt": "",
				"notes.csv": "a,b\n", // not a format kg reads: ignored, no warning
			},
			args: []string{"build", "DIR"}, output: true, code: exitOK,
			stderr:   []string{"warning: skipped DIR/blob.txt: binary file", "warning: skipped DIR/empty.txt: empty", "read 1 articles", "skipped 2"},
			lines:    -1,
			articles: []string{"good.txt"}, edges: []string{"MET_WITH"},
		},
		{
			// kg runs as root in CI, so a mode-000 file is readable: a
			// dangling symbolic link stands for a file that cannot be read.
			name:   "unreadable file beside a good one",
			files:  map[string]string{"good.txt": meeting},
			links:  map[string]string{"gone.txt": "/nonexistent/kg-test/gone.txt"},
			args:   []string{"build", "DIR"},
			output: true, code: exitOK,
			stderr:   []string{"warning: skipped DIR/gone.txt: no such file or directory", "skipped 1"},
			lines:    -1,
			articles: []string{"good.txt"}, edges: []string{"MET_WITH"},
		},
		{
			name:   "only bad files",
			files:  map[string]string{"blob.txt": "\x00\x00\x00", "empty.md": ""},
			args:   []string{"build", "DIR"},
			output: false, code: exitFail,
			stderr: []string{"DIR/blob.txt: binary file", "DIR/empty.md: empty", "no article could be read from DIR"}, lines: -1,
		},
		{
			name:   "invalid UTF-8 is repaired and counted",
			files:  map[string]string{"damaged.txt": "Zoë Müller and José Nuñez said the talks in Kraków were useful \xff\xfe so far.\n" + meeting},
			args:   []string{"build", "DIR"},
			output: true, code: exitOK,
			stderr:   []string{"read 1 articles", "repaired 2 invalid UTF-8 sequences"},
			lines:    -1,
			articles: []string{"damaged.txt"}, edges: []string{"MET_WITH"},
		},
		{
			name:   "byte-order mark and CRLF",
			files:  map[string]string{"windows.txt": "\ufeff" + meeting + "\r\n" + resignation + "\r\n"},
			args:   []string{"build", "DIR"},
			output: true, code: exitOK,
			stderr:   []string{"read 1 articles"},
			lines:    -1,
			articles: []string{"windows.txt"}, edges: []string{"MET_WITH", "RESIGNED"},
		},
		{
			name: "jsonl with a broken line between two good ones",
			files: map[string]string{"feed.jsonl": `{"id": "first", "title": "Talks", "published": "2024-03-05", "text": "` + meeting + `"}` + "\n" +
				`{"id": "broken", "text": "unterminated` + "\n" +
				`{"id": "second", "text": "` + resignation + `"}` + "\n"},
			args:   []string{"build", "DIR"},
			output: true, code: exitOK,
			stderr:   []string{"warning: skipped DIR/feed.jsonl:2: invalid JSON", "read 2 articles", "skipped 1"},
			lines:    -1,
			articles: []string{"first", "second"}, edges: []string{"MET_WITH", "RESIGNED"},
		},
		{
			name:   "a line of a megabyte",
			files:  map[string]string{"long.txt": long},
			args:   []string{"build", "DIR"},
			output: true, code: exitOK,
			stderr:   []string{"read 1 articles"},
			lines:    -1,
			articles: []string{"long.txt"}, edges: []string{"MET_WITH"},
		},
		{
			name:   "quiet prints nothing on stderr, even with bad files",
			files:  map[string]string{"good.txt": meeting, "blob.txt": "\x00\x01", "empty.txt": ""},
			args:   []string{"build", "--quiet", "DIR"},
			output: true, code: exitOK,
			lines:    0,
			articles: []string{"good.txt"}, edges: []string{"MET_WITH"},
		},
		{
			name:   "summary lists entities and relations by type",
			files:  map[string]string{"a.txt": meeting + "\n" + resignation},
			args:   []string{"build", "DIR"},
			output: true, code: exitOK,
			stderr: []string{"kg: read 1 articles", "entities (Institution 1, Person 3, Place 1)", "relations (LED 1, MET_WITH 1, RESIGNED 1)"},
			lines:  2, articles: []string{"a.txt"},
		},
		{
			name:   "schema file with problems",
			files:  map[string]string{"good.txt": meeting, "bad.yaml": badSchema},
			args:   []string{"build", "--schema", "DIR/bad.yaml", "DIR/good.txt"},
			code:   exitFail,
			stderr: []string{"kg: schema: DIR/bad.yaml:6: relation MET: unknown target type \"Persn\"", "DIR/bad.yaml:8: relation MET: empty trigger"},
			lines:  1,
		},
		{
			name:   "missing schema file",
			files:  map[string]string{"good.txt": meeting},
			args:   []string{"build", "--schema", "DIR/none.yaml", "DIR/good.txt"},
			code:   exitFail,
			stderr: []string{"kg: schema: open DIR/none.yaml: no such file or directory"},
			lines:  1,
		},
		{
			name:   "a relation added by the user in the schema",
			files:  map[string]string{"deal.txt": acquisition, "acquired.yaml": acquiredSchema()},
			args:   []string{"build", "--schema", "DIR/acquired.yaml", "DIR/deal.txt"},
			output: true, code: exitOK,
			stderr:   []string{"relations (ACQUIRED 1)"},
			lines:    -1,
			articles: []string{"deal.txt"}, edges: []string{"ACQUIRED"},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, tc.files)
			for name, target := range tc.links {
				if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
					t.Fatal(err)
				}
			}
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "DIR", dir)
			}
			out := filepath.Join(t.TempDir(), "graph.json")
			args = append(args, "-o", out)
			code, _, stderr := kg(t, args...)
			if code != tc.code {
				t.Fatalf("kg %s: exit %d, want %d; stderr:\n%s", strings.Join(args, " "), code, tc.code, stderr)
			}
			for _, s := range tc.stderr {
				if s = strings.ReplaceAll(s, "DIR", dir); !strings.Contains(stderr, s) {
					t.Errorf("stderr does not say %q:\n%s", s, stderr)
				}
			}
			if n := strings.Count(stderr, "\n"); tc.lines >= 0 && n != tc.lines {
				t.Errorf("stderr has %d lines, want %d:\n%s", n, tc.lines, stderr)
			}
			if !tc.output {
				if _, err := os.Stat(out); err == nil {
					t.Errorf("a failed build wrote %s", out)
				}
				return
			}
			g, err := graph.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if ids := articleIDs(g); !slices.Equal(ids, tc.articles) {
				t.Errorf("articles %q, want %q", ids, tc.articles)
			}
			for _, e := range g.Edges {
				for _, ev := range e.Evidence {
					if strings.ContainsAny(ev.Sentence, "\r\ufeff\x00") || ev.End-ev.Start != len(ev.Sentence) {
						t.Errorf("edge %s: evidence %q [%d,%d) has a CR, BOM or NUL, or wrong offsets", e.ID, ev.Sentence, ev.Start, ev.End)
					}
				}
			}
			types := edgeTypes(g)
			for _, e := range tc.edges {
				if !slices.Contains(types, e) {
					t.Errorf("no %s edge; edges: %q", e, types)
				}
			}
		})
	}
}

// TestBuildStdin pipes an article into the real binary (`kg build -`).
func TestBuildStdin(t *testing.T) {
	bin := testkit.Binary(t)
	cases := []struct {
		name, input string
		code        int
		stderr      string
		edge        string
	}{
		{"text", meeting + "\n" + resignation + "\n", 0, "read 1 articles", "RESIGNED"},
		{"jsonl", `{"id": "piped", "text": "` + meeting + `"}` + "\n", 0, "read 1 articles", "MET_WITH"},
		{"empty", "", 1, "-: empty", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "graph.json")
			cmd := exec.Command(bin, "build", "-", "-o", out)
			cmd.Stdin = strings.NewReader(tc.input)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.code || !strings.Contains(stderr.String(), tc.stderr) {
				t.Fatalf("exit %d, want %d; stderr should say %q:\n%s", code, tc.code, tc.stderr, stderr.String())
			}
			if tc.edge == "" {
				return
			}
			g, err := graph.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Articles) != 1 || !slices.Contains(edgeTypes(g), tc.edge) {
				t.Errorf("articles %q, edges %q; want one article and a %s edge", articleIDs(g), edgeTypes(g), tc.edge)
			}
		})
	}
}

// TestSchemaCommand runs `kg schema print` and `kg schema check`.
func TestSchemaCommand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bad.yaml":      badSchema,
		"acquired.yaml": acquiredSchema(),
		"broken.yaml":   "entities: [\n",
	})
	cases := []struct {
		name   string
		args   []string
		code   int
		stdout []string // exact lines of standard output ("DIR" replaced); nil: not checked
		stderr string   // substring
	}{
		{
			name: "check a file with problems",
			args: []string{"schema", "check", "DIR/bad.yaml"},
			code: exitFail,
			stdout: []string{
				`DIR/bad.yaml:6: relation MET: unknown target type "Persn" (declared: Person)`,
				`DIR/bad.yaml:8: relation MET: empty trigger in active`,
			},
			stderr: "kg: schema: DIR/bad.yaml: 2 problem(s)",
		},
		{
			name:   "check a file that is not YAML",
			args:   []string{"schema", "check", "DIR/broken.yaml"},
			code:   exitFail,
			stderr: "1 problem(s)",
		},
		{
			name:   "check a user's schema",
			args:   []string{"schema", "check", "DIR/acquired.yaml"},
			code:   exitOK,
			stdout: []string{"DIR/acquired.yaml: ok"},
		},
		{
			name:   "check a missing file",
			args:   []string{"schema", "check", "DIR/none.yaml"},
			code:   exitFail,
			stderr: "DIR/none.yaml: no such file or directory",
		},
		{
			name:   "check without a file",
			args:   []string{"schema", "check"},
			code:   exitUsage,
			stderr: "accepts 1 arg(s)",
		},
		{
			name:   "no subcommand",
			args:   []string{"schema"},
			code:   exitUsage,
			stderr: "schema: give a subcommand: print or check",
		},
		{
			name:   "unknown subcommand",
			args:   []string{"schema", "show"},
			code:   exitUsage,
			stderr: `unknown subcommand "show"`,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "DIR", dir)
			}
			code, stdout, stderr := kg(t, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if tc.stdout != nil {
				want := strings.ReplaceAll(strings.Join(tc.stdout, "\n")+"\n", "DIR", dir)
				if stdout != want {
					t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
				}
			}
			if s := strings.ReplaceAll(tc.stderr, "DIR", dir); !strings.Contains(stderr, s) {
				t.Errorf("stderr %q does not say %q", stderr, s)
			}
		})
	}
	t.Run("print writes the default, which checks ok", func(t *testing.T) {
		code, stdout, stderr := kg(t, "schema", "print")
		if code != exitOK || stderr != "" {
			t.Fatalf("exit %d, stderr %q", code, stderr)
		}
		if stdout != string(schema.DefaultYAML()) {
			t.Errorf("schema print differs from the embedded default")
		}
		p := filepath.Join(dir, "default.yaml")
		if err := os.WriteFile(p, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, out, _ := kg(t, "schema", "check", p); code != exitOK || out != p+": ok\n" {
			t.Errorf("check of the printed default: exit %d, %q", code, out)
		}
	})
}
