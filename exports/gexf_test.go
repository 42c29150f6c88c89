package exports_test

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/kgraph/kg/internal/testkit"
)

// typedValue reports whether v is a value of the GEXF or GraphML type typ.
func typedValue(typ, v string) bool {
	var err error
	switch typ {
	case "int", "integer", "long":
		_, err = strconv.ParseInt(v, 10, 64)
	case "double", "float":
		_, err = strconv.ParseFloat(v, 64)
	case "boolean":
		return v == "true" || v == "false"
	}
	return err == nil
}

// TestGEXFStructure checks the GEXF files against the rules of GEXF 1.3
// that NetworkX does not enforce: version and namespaces, attributes
// declared before the nodes with a known type, every attvalue naming a
// declared attribute of its class with a value of its type, edge ends
// naming nodes, colours 0-255, dates as YYYY-MM-DD with start <= end, and
// the node and edge counts.
func TestGEXFStructure(t *testing.T) {
	for _, gc := range graphs {
		t.Run(gc.name, func(t *testing.T) {
			g := gc.make(t)
			out, _ := export(t, formats[1], g)
			dec := xml.NewDecoder(bytes.NewReader(out))
			decl := map[string]map[string]string{"node": {}, "edge": {}} // class -> id -> type
			class, elem := "", ""
			nodes, edges := map[string]bool{}, 0
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
				case "gexf":
					if se.Name.Space != "http://gexf.net/1.3" || at["version"] != "1.3" {
						t.Errorf("root %v, version %q", se.Name, at["version"])
					}
				case "attributes":
					class = at["class"]
					if len(nodes) > 0 {
						t.Error("attributes declared after nodes")
					}
				case "attribute":
					if !map[string]bool{"string": true, "integer": true, "double": true, "boolean": true}[at["type"]] || at["id"] == "" || at["title"] == "" {
						t.Errorf("attribute %v", at)
					}
					decl[class][at["id"]] = at["type"]
				case "nodes", "edges":
					want := len(g.Nodes)
					if se.Name.Local == "edges" {
						want = len(g.Edges)
					}
					if at["count"] != strconv.Itoa(want) {
						t.Errorf("%s count %q, want %d", se.Name.Local, at["count"], want)
					}
				case "node", "edge":
					elem = se.Name.Local
					if elem == "node" {
						nodes[at["id"]] = true
					} else {
						edges++
						if !nodes[at["source"]] || !nodes[at["target"]] {
							t.Errorf("edge %s: unknown end %q or %q", at["id"], at["source"], at["target"])
						}
						if !typedValue("double", at["weight"]) || at["kind"] == "" {
							t.Errorf("edge %s: weight %q, kind %q", at["id"], at["weight"], at["kind"])
						}
					}
					var start, end time.Time
					for k, p := range map[string]*time.Time{"start": &start, "end": &end} {
						if v, ok := at[k]; ok {
							if *p, err = time.Parse(time.DateOnly, v); err != nil {
								t.Errorf("%s %s: %s %q", elem, at["id"], k, v)
							}
						}
					}
					if !start.IsZero() && !end.IsZero() && end.Before(start) {
						t.Errorf("%s %s: end before start", elem, at["id"])
					}
				case "attvalue":
					typ, ok := decl[elem][at["for"]]
					if !ok {
						t.Errorf("%s attvalue for undeclared %q", elem, at["for"])
					} else if !typedValue(typ, at["value"]) {
						t.Errorf("%s attvalue %s=%q is not a %s", elem, at["for"], at["value"], typ)
					}
				case "color":
					for _, c := range []string{"r", "g", "b"} {
						if v, err := strconv.Atoi(at[c]); err != nil || v < 0 || v > 255 {
							t.Errorf("colour %s=%q", c, at[c])
						}
					}
					if se.Name.Space != "http://gexf.net/1.3/viz" {
						t.Errorf("colour in namespace %q", se.Name.Space)
					}
				case "size":
					if !typedValue("double", at["value"]) {
						t.Errorf("size %q", at["value"])
					}
				}
			}
			if len(nodes) != len(g.Nodes) || edges != len(g.Edges) {
				t.Errorf("%d nodes and %d edges, want %d and %d", len(nodes), edges, len(g.Nodes), len(g.Edges))
			}
		})
	}
}

// TestGEXFWellFormed has libxml2 (xmllint, no schema: GEXF 1.3's schema
// is not available offline) check that the GEXF files are well-formed XML.
func TestGEXFWellFormed(t *testing.T) {
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		testkit.Missing(t, "xmllint (apt-get install libxml2-utils)")
	}
	for _, gc := range graphs {
		t.Run(gc.name, func(t *testing.T) {
			out, _ := export(t, formats[1], gc.make(t))
			path := filepath.Join(t.TempDir(), gc.name+".gexf")
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			if b, err := exec.Command(bin, "--noout", "--nonet", path).CombinedOutput(); err != nil {
				t.Errorf("xmllint: %v\n%s", err, b)
			}
		})
	}
}
