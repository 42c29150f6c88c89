package neo4j

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/internal/testkit"
)

// TestConcurrentPushes runs four `kg push` processes at once, each with a
// quarter of the relations of one generated graph (entities shared between
// quarters are in several files): the database must end exactly as after
// one push of the whole graph, with no duplicate and nothing lost.
func TestConcurrentPushes(t *testing.T) {
	o := server(t)
	drv := db(t, o)
	bin := testkit.Binary(t)
	full := generate(300, 3000, 4)

	reset(t, drv, o)
	if _, err := Push(context.Background(), full, o); err != nil {
		t.Fatal(err)
	}
	want := dump(t, drv, o)
	reset(t, drv, o)
	// The four processes also race to create the constraints.
	for _, r := range query(t, drv, o, "SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH 'kg_' RETURN name", nil) {
		query(t, drv, o, "DROP CONSTRAINT "+quote(r["name"].(string)), nil)
	}

	dir := t.TempDir()
	var files []string
	for k := range 4 {
		i := 0
		part := subgraph(full, func(graph.Edge) bool { i++; return i%4 == k })
		f := filepath.Join(dir, fmt.Sprintf("part%d.json", k))
		writeGraph(t, part, f)
		files = append(files, f)
	}
	var wg sync.WaitGroup
	errs := make([]error, len(files))
	outs := make([]bytes.Buffer, len(files))
	for k, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "push", f, "--batch-size", "100")
			cmd.Stderr = &outs[k]
			errs[k] = cmd.Run()
		}()
	}
	wg.Wait()
	for k, err := range errs {
		if err != nil {
			t.Errorf("kg push %s: %v\n%s", files[k], err, outs[k].String())
		}
	}
	if got, want := counts(t, drv, o), wantCounts(full); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("counts:\ngot  %v\nwant %v", got, want)
	}
	if rows := query(t, drv, o, "MATCH (n:Entity) WITH n.key AS k, count(*) AS c WHERE c > 1 RETURN count(k) AS dups", nil); rows[0]["dups"] != int64(0) {
		t.Errorf("%v duplicated entities", rows[0]["dups"])
	}
	if got := dump(t, drv, o); got != want {
		t.Errorf("four concurrent pushes of quarters differ from one push of the whole graph")
	}
}

// TestServerStopped stops the server (scripts/neo4j down) in the middle of
// a `kg push`: kg must exit with status 1 and say the connection was lost;
// after scripts/neo4j up, the same command completes the graph. It runs only
// against the server of scripts/neo4j, which it restarts.
func TestServerStopped(t *testing.T) {
	if testing.Short() {
		t.Skip("restarts the server: not with -short")
	}
	o := server(t)
	script := filepath.Join(testkit.Root(t), "scripts", "neo4j")
	u, err := url.Parse(o.URI)
	port := os.Getenv("KG_NEO4J_BOLT_PORT")
	if port == "" {
		port = "7687"
	}
	if err != nil || u.Hostname() != "127.0.0.1" || u.Port() != port || exec.Command(script, "status").Run() != nil {
		testkit.Missing(t, "a server started by scripts/neo4j up at NEO4J_URI (this test restarts it)")
	}
	t.Cleanup(func() {
		// Leave the server up for the other tests, whatever happened.
		if out, err := exec.Command(script, "up").CombinedOutput(); err != nil {
			t.Errorf("scripts/neo4j up: %v\n%s", err, out)
		}
	})
	drv := db(t, o)
	bin := testkit.Binary(t)
	g := generate(6000, 60000, 5)
	file := filepath.Join(t.TempDir(), "big.json")
	writeGraph(t, g, file)
	reset(t, drv, o)

	var stderr bytes.Buffer
	cmd := exec.Command(bin, "push", file, "--batch-size", "500")
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()

	// Wait for the first relationships, then stop the server.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		rows := query(t, drv, o, "MATCH ()-[r:MET_WITH|LED|RESIGNED|PROPOSED|CRITICIZED|VISITED]->() RETURN count(r) > 0 AS started", nil)
		if rows[0]["started"] == true {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("kg push ended before the server was stopped (%v): make the graph bigger\n%s", err, stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatal("kg push wrote no relationship in 3 minutes")
		}
		time.Sleep(100 * time.Millisecond)
	}
	drv.Close(context.Background())
	if out, err := exec.Command(script, "down").CombinedOutput(); err != nil {
		t.Fatalf("scripts/neo4j down: %v\n%s", err, out)
	}
	err = <-exited
	msg := strings.TrimSpace(stderr.String())
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
		t.Fatalf("kg push with the server stopped: %v, want exit status 1\n%s", err, msg)
	}
	if lines := strings.Split(msg, "\n"); len(lines) != 1 || !strings.Contains(msg, "run the same push again") ||
		!(strings.Contains(msg, "lost the connection") || strings.Contains(msg, "cannot reach")) {
		t.Errorf("kg push with the server stopped said %q: want one line about the lost connection", msg)
	}
	t.Logf("kg push with the server stopped: %s", msg)

	if out, err := exec.Command(script, "up").CombinedOutput(); err != nil {
		t.Fatalf("scripts/neo4j up: %v\n%s", err, out)
	}
	again := exec.Command(bin, "push", file, "--batch-size", "500")
	if out, err := again.CombinedOutput(); err != nil {
		t.Fatalf("the same kg push after the restart: %v\n%s", err, out)
	}
	drv = db(t, o)
	if got, want := counts(t, drv, o), wantCounts(g); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("counts after the restart:\ngot  %v\nwant %v", got, want)
	}
}
