package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/kgraph/kg/internal/testkit"
	"github.com/kgraph/kg/pipeline"
)

// kgBin runs the real kg binary with args and returns its exit status, stdout
// and stderr.
func kgBin(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(testkit.Binary(t), args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0, stdout.String(), stderr.String()
	case errors.As(err, &ee):
		return ee.ExitCode(), stdout.String(), stderr.String()
	}
	t.Fatalf("kg %v: %v", args, err)
	return 0, "", ""
}

// mustKGBin runs kg and fails t unless it exits 0.
func mustKGBin(t *testing.T, args ...string) string {
	t.Helper()
	status, stdout, stderr := kgBin(t, args...)
	if status != 0 {
		t.Fatalf("kg %s: exit %d\n%s", strings.Join(args, " "), status, stderr)
	}
	return stdout
}

// incSplit copies the files of dir into two new directories, the ones
// named in first and the others.
func incSplit(t *testing.T, dir string, first ...string) (string, string) {
	t.Helper()
	a, b := t.TempDir(), t.TempDir()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		to := b
		if slices.Contains(first, e.Name()) {
			to = a
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return a, b
}

func incSameFile(t *testing.T, got, want string) {
	t.Helper()
	g, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, w) {
		t.Fatalf("%s and %s differ (%d and %d bytes)", got, want, len(g), len(w))
	}
	if len(w) < 100 {
		t.Fatalf("%s is only %d bytes", want, len(w))
	}
}

// TestIncrementalCLI runs the real binary: build A; build B --into equals
// build A B byte for byte; adding A again changes nothing; retracting
// articles equals a fresh build of the rest. Data: the seed articles of
// KG_SHARED and the golden articles of testdata (written for the tests).
func TestIncrementalCLI(t *testing.T) {
	cases := []struct {
		name    string
		dir     func(t *testing.T) string
		first   []string // the articles of the first build
		retract []string
	}{
		{"golden", func(t *testing.T) string { return filepath.Join(testkit.Root(t), "testdata", "golden", "articles") },
			[]string{"summit.txt"}, []string{"harbour.txt"}},
		{"seeds", func(t *testing.T) string { return filepath.Join(testkit.Shared(t), "corpus", "seeds") },
			[]string{"000_d76a3fee44b8aeac.txt", "003_7a9708fa9020aecf.txt"}, []string{"000_d76a3fee44b8aeac.txt", "004_1496444ec58d350f.txt"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a, b := incSplit(t, tc.dir(t), tc.first...)
			out := t.TempDir()
			g := filepath.Join(out, "graph.json")
			fresh := filepath.Join(out, "fresh.json")
			mustKGBin(t, "build", "-q", a, "-o", g)
			mustKGBin(t, "build", "-q", b, "--into", g)
			mustKGBin(t, "build", "-q", "--no-state", a, b, "-o", fresh)
			incSameFile(t, g, fresh)
			if _, err := os.Stat(fresh + pipeline.StateSuffix); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("--no-state wrote %s", fresh+pipeline.StateSuffix)
			}

			_, _, stderr := kgBin(t, "build", a, "--into", g)
			if !strings.Contains(stderr, fmt.Sprintf("%d unchanged (skipped)", len(tc.first))) {
				t.Errorf("adding the same articles again: stderr %q", stderr)
			}
			incSameFile(t, g, fresh)

			args := []string{"retract", "-q", g}
			for _, id := range tc.retract {
				args = append(args, "--article", id)
			}
			mustKGBin(t, args...)
			_, restDir := incSplit(t, tc.dir(t), tc.retract...)
			mustKGBin(t, "build", "-q", "--no-state", restDir, "-o", fresh)
			incSameFile(t, g, fresh)
		})
	}
}

// TestStateErrors runs build --into, retract and diff in-process on the
// mistakes a user can make; each must exit with the right status and say
// what is wrong, naming the file. Data: the golden articles of testdata.
func TestStateErrors(t *testing.T) {
	golden := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	dir := t.TempDir()
	g := filepath.Join(dir, "graph.json")
	noState := filepath.Join(dir, "nostate.json")
	other := filepath.Join(dir, "other.json")
	mustKGBin(t, "build", "-q", golden, "-o", g)
	mustKGBin(t, "build", "-q", "--no-state", golden, "-o", noState)
	// other.json: a graph of one article beside a copy of graph.json's state.
	one, _ := incSplit(t, golden, "summit.txt")
	mustKGBin(t, "build", "-q", "--no-state", one, "-o", other)
	st, err := os.ReadFile(g + pipeline.StateSuffix)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(other+pipeline.StateSuffix, st, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		args   []string
		status int
		stderr string
		stdout string
	}{
		{"into a graph without state", []string{"build", golden, "--into", noState}, exitFail, "has no state file " + noState + pipeline.StateSuffix, ""},
		{"into a missing graph", []string{"build", golden, "--into", filepath.Join(dir, "nope.json")}, exitFail, "nope.json", ""},
		{"into a graph that does not match its state", []string{"build", golden, "--into", other}, exitFail, "does not match its state file", ""},
		{"retract an unknown article", []string{"retract", "--article", "nope.txt", g}, exitFail, `has no article "nope.txt"`, ""},
		{"retract without --article", []string{"retract", g}, exitUsage, "give the articles to remove with --article", ""},
		{"retract from a graph without state", []string{"retract", "--article", "summit.txt", noState}, exitFail, "has no state file", ""},
		{"diff a graph with itself", []string{"diff", g, noState}, exitOK, "", "no change"},
		{"diff as json", []string{"diff", "--format", "json", other, g}, exitOK, "", `"articles_added": [`},
		{"diff text", []string{"diff", other, g}, exitOK, "", "articles: 2 added, 0 removed, 0 changed"},
		{"diff --format xml", []string{"diff", "--format", "xml", g, g}, exitUsage, `--format "xml": want text or json`, ""},
		{"diff a missing file", []string{"diff", g, filepath.Join(dir, "nope.json")}, exitFail, "nope.json", ""},
		{"diff one file", []string{"diff", g}, exitUsage, "accepts 2 arg(s)", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tc.args, &stdout, &stderr); got != tc.status {
				t.Errorf("exit status %d, want %d; stderr: %s", got, tc.status, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tc.stderr)
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout %q lacks %q", stdout.String(), tc.stdout)
			}
		})
	}
}

// TestKilledBuild sends SIGTERM or SIGINT to a real `kg build - --into
// graph.json` in the middle of its run: its standard input is still open,
// so it cannot have finished, and the 1 MB written to it (more than a pipe
// holds) shows it is reading. The build must fail, and leave graph.json and
// its state file byte for byte as they were, with no temporary file left.
// Data: the golden articles of testdata, and sentences written for this test.
func TestKilledBuild(t *testing.T) {
	golden := filepath.Join(testkit.Root(t), "testdata", "golden", "articles")
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			g := filepath.Join(dir, "graph.json")
			mustKGBin(t, "build", "-q", golden, "-o", g)
			before := map[string][]byte{}
			for _, p := range []string{g, g + pipeline.StateSuffix} {
				b, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				before[p] = b
			}
			cmd := exec.Command(testkit.Binary(t), "build", "-q", "-", "--into", g)
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line := "Minister Anna Berg met Tomas Varga of the Harbour Authority in Vienna, officials said.\n"
			big := strings.Repeat(line, (1<<20)/len(line)+1)
			if _, err := io.WriteString(stdin, big); err != nil {
				t.Fatalf("writing to kg's standard input: %v", err)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			stdin.Close()
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != exitFail {
				t.Errorf("kg build after %v: %v, want exit status %d; stderr: %s", sig, err, exitFail, stderr.String())
			}
			for p, b := range before {
				now, err := os.ReadFile(p)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(now, b) {
					t.Errorf("%s changed after the interrupted build", p)
				}
			}
			ents, err := os.ReadDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			if len(ents) != 2 {
				var names []string
				for _, e := range ents {
					names = append(names, e.Name())
				}
				t.Errorf("files left in the output directory: %v, want graph.json and its state only", names)
			}
		})
	}
}
