package neo4j

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/internal/testkit"
)

// TestDryRun: `kg push --dry-run` prints the script of WriteScript, byte
// for byte (testdata/*.cypher), without connecting anywhere: the URI points
// at a port where nothing listens.
func TestDryRun(t *testing.T) {
	bin := testkit.Binary(t)
	tests := []struct {
		name   string
		args   []string
		golden string
	}{
		{"small fixture in batches of 2", []string{"--batch-size", "2"}, "small.cypher"},
		{"small fixture, replace", []string{"--replace"}, "small-replace.cypher"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"push", filepath.Join("testdata", "small.json"), "--dry-run", "--uri", "bolt://127.0.0.1:1"}, tc.args...)
			cmd := exec.Command(bin, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("kg %v: %v\n%s", args, err, stderr.String())
			}
			golden(t, tc.golden, stdout.String())
		})
	}
}
