// Package testkit holds helpers shared by kg's tests: where the shared corpus
// is, which Python has the independent readers, and the seed graph built by
// the real kg binary.
//
// Tests that need a tool or a server call Require..., which skips the test
// when the thing is missing on a developer's machine but fails it when
// KG_REQUIRE_ALL is set (as scripts/test does in CI), so that CI never passes
// by skipping.
package testkit

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/kgraph/kg/graph"
)

// RequireAll reports whether missing tools must fail tests instead of skipping them.
func RequireAll() bool { v := os.Getenv("KG_REQUIRE_ALL"); return v != "" && v != "0" && v != "false" }

// Missing skips t, or fails it when RequireAll.
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	if RequireAll() {
		t.Fatalf("required for this test: "+format, args...)
	}
	t.Skipf("skipped, missing: "+format, args...)
}

// Root returns the module root (the directory holding go.mod).
func Root(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testkit: go.mod not found above the test's directory")
		}
		dir = parent
	}
}

// Shared returns the path of the shared material (../shared beside the
// repository, or $KG_SHARED).
func Shared(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("KG_SHARED")
	if dir == "" {
		dir = filepath.Join(Root(t), "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus", "seeds")); err != nil {
		Missing(t, "the shared corpus at %s (set KG_SHARED)", dir)
	}
	return dir
}

// Python returns a python interpreter with PyYAML, NetworkX and igraph
// ($KG_PYTHON, as set up by scripts/pyenv).
func Python(t testing.TB) string {
	t.Helper()
	py := os.Getenv("KG_PYTHON")
	if py == "" {
		cand := filepath.Join(Root(t), ".cache", "venv", "bin", "python")
		if _, err := os.Stat(cand); err == nil {
			py = cand
		}
	}
	if py == "" {
		Missing(t, "KG_PYTHON (run scripts/pyenv)")
	}
	return py
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// Binary builds the kg command once per test process and returns its path.
func Binary(t testing.TB) string {
	t.Helper()
	root := Root(t)
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "kgbin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "kg")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/kg")
		cmd.Dir = root
		out, err := cmd.CombinedOutput()
		if err != nil {
			binErr = &buildError{out: string(out), err: err}
		}
	})
	if binErr != nil {
		t.Fatalf("testkit: building kg: %v", binErr)
	}
	return binPath
}

type buildError struct {
	out string
	err error
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }

// BuildGraph runs `kg build --quiet ARGS... -o FILE` with the real binary and
// returns the graph file's path and the decoded graph.
func BuildGraph(t testing.TB, args ...string) (string, *graph.Graph) {
	t.Helper()
	bin := Binary(t)
	out := filepath.Join(t.TempDir(), "graph.json")
	cmd := exec.Command(bin, append(append([]string{"build", "--quiet"}, args...), "-o", out)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("kg build %v: %v\n%s", args, err, b)
	}
	g, err := graph.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return out, g
}

// SeedGraph builds the graph of the five seed articles with the defaults.
func SeedGraph(t testing.TB) (string, *graph.Graph) {
	t.Helper()
	return BuildGraph(t, filepath.Join(Shared(t), "corpus", "seeds"))
}

var (
	neo4jOnce sync.Once
	neo4jErr  error
	neo4jLock *os.File // kept reachable: a collected file is closed, and its lock dropped
)

// LockNeo4j serialises the test processes that write into the shared test
// Neo4j server: the first call in a process takes an exclusive lock on a
// file in the temporary directory and holds it until the process exits, so
// two packages' Neo4j tests never empty or restart the database under each
// other (go test runs packages in parallel).
func LockNeo4j(t testing.TB) {
	t.Helper()
	neo4jOnce.Do(func() {
		f, err := os.OpenFile(filepath.Join(os.TempDir(), "kg-neo4j-tests.lock"), os.O_CREATE|os.O_RDWR, 0o666)
		if err != nil {
			neo4jErr = err
			return
		}
		neo4jLock = f
		neo4jErr = syscall.Flock(int(f.Fd()), syscall.LOCK_EX) // held until exit
	})
	if neo4jErr != nil {
		t.Fatalf("testkit: locking the Neo4j test server: %v", neo4jErr)
	}
}
