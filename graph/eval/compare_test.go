package eval

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
)

// modes are the output options score.py and kg eval share.
var modes = []struct {
	name string
	opt  Options
	args []string
}{
	{"text", Options{}, nil},
	{"verbose", Options{Verbose: true}, []string{"--verbose"}},
	{"json", Options{JSON: true}, []string{"--json"}},
	{"json-verbose", Options{JSON: true, Verbose: true}, []string{"--json", "--verbose"}},
}

func goOutput(t *testing.T, goldPath, graphPath string, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Run(context.Background(), goldPath, graphPath, opt, &b); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestGolden checks the report of the hand-written small fixture
// (testdata/small-gold.yaml, testdata/small-graph.json) in every mode.
func TestGolden(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			got := goOutput(t, "testdata/small-gold.yaml", "testdata/small-graph.json", m.opt)
			golden := filepath.Join("testdata", "small-"+m.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if got != string(want) {
				t.Errorf("report differs from %s:\n got:\n%s\nwant:\n%s", golden, got, want)
			}
		})
	}
}

// scorePy runs shared/eval/score.py on the same files.
func scorePy(t *testing.T, goldPath, graphPath string, args []string) string {
	t.Helper()
	py := testkit.Python(t)
	script := filepath.Join(testkit.Shared(t), "eval", "score.py")
	cmd := exec.Command(py, append([]string{script, goldPath, graphPath}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v\n%s", err, stderr.String())
	}
	return string(out)
}

func sameAsScorePy(t *testing.T, goldPath, graphPath string) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			want := scorePy(t, goldPath, graphPath, m.args)
			got := goOutput(t, goldPath, graphPath, m.opt)
			if got != want {
				t.Errorf("kg eval and score.py differ:\n--- kg eval\n%s\n--- score.py\n%s", got, want)
			}
		})
	}
}

// TestSameAsScorePySmall compares the Go scorer with score.py on the small
// hand-written fixture.
func TestSameAsScorePySmall(t *testing.T) {
	sameAsScorePy(t, "testdata/small-gold.yaml", "testdata/small-graph.json")
}

// TestSameAsScorePySeeds compares them on the seed graph built by the real
// kg binary against shared/eval/seeds-gold.yaml.
func TestSameAsScorePySeeds(t *testing.T) {
	gold := filepath.Join(testkit.Shared(t), "eval", "seeds-gold.yaml")
	graphPath, _ := testkit.SeedGraph(t)
	sameAsScorePy(t, gold, graphPath)
}

// TestSameAsScorePyDevGold compares them on the graph of the news-dev
// articles listed in testdata/devgold/files.txt against their gold.
func TestSameAsScorePyDevGold(t *testing.T) {
	dir := filepath.Join(testkit.Root(t), "testdata", "devgold")
	text := filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text")
	f, err := os.Open(filepath.Join(dir, "files.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var files []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if name := strings.TrimSpace(sc.Text()); name != "" {
			files = append(files, filepath.Join(text, name))
		}
	}
	if len(files) == 0 {
		t.Fatal("testdata/devgold/files.txt lists no files")
	}
	graphPath, _ := testkit.BuildGraph(t, files...)
	sameAsScorePy(t, filepath.Join(dir, "news-dev-gold.yaml"), graphPath)
}

// TestCLI runs the real kg binary: the same report as the package, and a
// usage error (exit status 2) without --gold.
func TestCLI(t *testing.T) {
	bin := testkit.Binary(t)
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{"json", []string{"eval", "--gold", "testdata/small-gold.yaml", "testdata/small-graph.json", "--json"}, 0,
			goOutput(t, "testdata/small-gold.yaml", "testdata/small-graph.json", Options{JSON: true})},
		{"verbose", []string{"eval", "--verbose", "--gold", "testdata/small-gold.yaml", "testdata/small-graph.json"}, 0,
			goOutput(t, "testdata/small-gold.yaml", "testdata/small-graph.json", Options{Verbose: true})},
		{"no gold", []string{"eval", "testdata/small-graph.json"}, 2, ""},
		{"no graph", []string{"eval", "--gold", "testdata/small-gold.yaml"}, 2, ""},
		{"missing gold file", []string{"eval", "--gold", "testdata/nope.yaml", "testdata/small-graph.json"}, 1, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cmd := exec.Command(bin, tc.args...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			code := 0
			var ee *exec.ExitError
			if errors.As(err, &ee) {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tc.wantCode, stderr.String())
			}
			if code != 0 && !strings.Contains(stderr.String(), "eval") {
				t.Errorf("error does not name the command: %q", stderr.String())
			}
			if string(out) != tc.wantOut {
				t.Errorf("stdout:\n%s\nwant:\n%s", out, tc.wantOut)
			}
		})
	}
}

// Bad gold files written for this test: each is a one-line error naming
// the file and, where known, the line.
func TestParseGoldErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"not yaml", "entities: [", "eval: g.yaml: yaml:"},
		{"not a mapping", "- a\n- b\n", "eval: g.yaml: not a gold file"},
		{"no entities", "relations: []\n", `eval: g.yaml: no "entities" list`},
		{"entity without names", "entities:\n  - {id: a, type: Person}\n", `eval: g.yaml: line 2: entity has no "names"`},
		{"names not a list", "entities:\n  - {id: a, type: Person, names: A}\n", `eval: g.yaml: line 2: entity: "names" must be a list`},
		{"relation source not a list", "entities:\n  - {id: a, type: Person, names: [A]}\nrelations:\n  - {type: LED, source: a, target: [a]}\n",
			`eval: g.yaml: line 4: relation: "source" must be a list`},
		{"relation without target", "entities:\n  - {id: a, type: Person, names: [A]}\nrelations:\n  - {type: LED, source: [a]}\n",
			`eval: g.yaml: line 4: relation has no "target"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseGold("g.yaml", []byte(tc.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q, want one line starting %q", err, tc.want)
			}
		})
	}
}

func TestLoadGoldSeeds(t *testing.T) {
	g, err := LoadGold(context.Background(), filepath.Join(testkit.Shared(t), "eval", "seeds-gold.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Entities) == 0 || len(g.Relations) == 0 {
		t.Fatalf("seeds gold read as %d entities, %d relations", len(g.Entities), len(g.Relations))
	}
	// the empty graph finds nothing: every required entity is missed
	res := Score(g, &graph.Graph{Format: 1})
	if res.Entities.Found != 0 || len(res.MissedEntities) != res.Entities.Required {
		t.Errorf("empty graph: found %d, missed %d of %d", res.Entities.Found, len(res.MissedEntities), res.Entities.Required)
	}
}

// TestRunCancelled: a cancelled context stops Run before it reads anything.
func TestRunCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b bytes.Buffer
	err := Run(ctx, "testdata/small-gold.yaml", "testdata/small-graph.json", Options{}, &b)
	if !errors.Is(err, context.Canceled) || b.Len() > 0 {
		t.Errorf("Run with a cancelled context: err %v, wrote %d bytes", err, b.Len())
	}
}
