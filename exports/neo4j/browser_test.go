package neo4j

import (
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kgraph/kg/internal/testkit"
)

// TestBrowser logs into the Neo4j Browser served by scripts/neo4j with
// headless Chromium (Debian's chromium, driven by playwright-core from npm:
// scripts/neo4j-server/browser/shot.mjs), runs the cookbook's "Who led what"
// on testdata/small.json, checks the rows it shows and saves a screenshot
// in .cache/neo4j/browser/cookbook.png.
func TestBrowser(t *testing.T) {
	o := server(t)
	port := os.Getenv("KG_NEO4J_HTTP_PORT")
	if port == "" {
		port = "7474"
	}
	browserURL := "http://127.0.0.1:" + port + "/browser/"
	resp, err := http.Get(browserURL)
	if err != nil || resp.StatusCode != http.StatusOK {
		testkit.Missing(t, "Neo4j Browser at %s (served by scripts/neo4j up): %v", browserURL, err)
	} else {
		resp.Body.Close()
	}
	chromium := os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		testkit.Missing(t, "chromium (apt-get install chromium, or set CHROMIUM)")
	}
	for _, tool := range []string{"node", "npm"} {
		if _, err := exec.LookPath(tool); err != nil {
			testkit.Missing(t, "%s (for playwright-core)", tool)
		}
	}

	// playwright-core is installed from the lock file into .cache, beside a
	// copy of the script, so nothing is written in the source tree.
	root := testkit.Root(t)
	src := filepath.Join(root, "scripts", "neo4j-server", "browser")
	dir := filepath.Join(root, ".cache", "neo4j", "browser")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"package.json", "package-lock.json", "shot.mjs"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "playwright-core")); err != nil {
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
		}
	}

	drv := db(t, o)
	reset(t, drv, o)
	if _, err := Push(context.Background(), readGraph(t, "testdata/small.json"), o); err != nil {
		t.Fatal(err)
	}
	var q string
	for _, r := range cookbook(t) {
		if r.name == "Who led what" {
			q = strings.Join(strings.Fields(r.query), " ")
		}
	}
	if q == "" {
		t.Fatal(`docs/cypher.md has no recipe "Who led what"`)
	}
	shot := filepath.Join(dir, "cookbook.png")
	os.Remove(shot)
	cmd := exec.Command("node", "shot.mjs", browserURL, o.URI, o.User, o.Password, q, shot)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CHROMIUM="+chromium)
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("driving Neo4j Browser: %v\n%s\n%s(screenshot: %s)", err, out, msg, shot)
	}
	text := string(out)
	for _, want := range []string{`"Ada North"`, `"Harbour Council"`, `"Institution"`, "leader", "Started streaming 1 records"} {
		if !strings.Contains(text, want) {
			t.Errorf("Neo4j Browser shows no %s:\n%s", want, text)
		}
	}
	if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
		t.Errorf("screenshot %s: %v (want a PNG)", shot, err)
	}
	t.Logf("screenshot: %s", shot)
}
