package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	small := filepath.Join("..", "..", "exports", "testdata", "small.json") // hand-written 6-node graph
	dir := t.TempDir()
	tests := []struct {
		name        string
		args        []string
		status      int
		stdout      string // substring of standard output
		stderr      string // substring of standard error
		file        string // file that must exist afterwards
		fileHas     string // substring of that file
		quietStderr bool
	}{
		{"graphml to stdout", []string{"export", "graphml", small}, exitOK, `<graph id="G" edgedefault="directed">`, "wrote 6 nodes and 7 edges as graphml to standard output", "", "", false},
		{"--format gexf, -o -", []string{"export", "--format", "gexf", small, "-o", "-"}, exitOK, `<gexf xmlns="http://gexf.net/1.3"`, "as gexf", "", "", false},
		{"format from -o extension", []string{"export", small, "-o", filepath.Join(dir, "g.gexf")}, exitOK, "", "as gexf to " + filepath.Join(dir, "g.gexf"), filepath.Join(dir, "g.gexf"), `version="1.3"`, false},
		{"graphml file, quiet", []string{"export", "graphml", small, "-o", filepath.Join(dir, "g.graphml"), "-q"}, exitOK, "", "", filepath.Join(dir, "g.graphml"), `<key id="label"`, true},
		{"compact", []string{"export", "graphml", "--compact", small}, exitOK, `</data><data key="kg_id">`, "", "", "", false},
		{"open-ended GEXF", []string{"export", "gexf", "--open-ended", small}, exitOK, `start="2024-03-01">`, "", "", "", false},
		{"formats disagree", []string{"export", "graphml", small, "--format", "gexf"}, exitUsage, "", `kg: export: format "graphml" and --format "gexf" disagree`, "", "", false},
		{"unknown format", []string{"export", "dot", small}, exitUsage, "", `kg: export: unknown format "dot" (want graphml or gexf)`, "", "", false},
		{"no format", []string{"export", small}, exitUsage, "", "kg: export: name a format", "", "", false},
		{"missing graph", []string{"export", "gexf", filepath.Join(dir, "nope.json")}, exitFail, "", "nope.json", "", "", false},
		{"too many arguments", []string{"export", "gexf", small, small}, exitUsage, "", "accepts between 1 and 2 arg(s)", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if got := run(tc.args, &stdout, &stderr); got != tc.status {
				t.Errorf("exit status %d, want %d; stderr: %s", got, tc.status, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.stdout) {
				t.Errorf("stdout lacks %q", tc.stdout)
			}
			if !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tc.stderr)
			}
			if tc.quietStderr && stderr.Len() > 0 {
				t.Errorf("--quiet, but stderr: %s", stderr.String())
			}
			if tc.file != "" {
				b, err := os.ReadFile(tc.file)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Contains(b, []byte(tc.fileHas)) {
					t.Errorf("%s lacks %q", tc.file, tc.fileHas)
				}
			}
		})
	}
	// A failed export leaves no file behind.
	if entries, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(entries) > 0 {
		t.Errorf("temporary files left: %v", entries)
	}
}
