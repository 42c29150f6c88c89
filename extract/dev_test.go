package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/schema"
)

// TestDevDump prints mentions and relations of files in $KG_DUMP (development aid).
func TestDevDump(t *testing.T) {
	dir := os.Getenv("KG_DUMP")
	if dir == "" {
		t.Skip("set KG_DUMP to a file or directory")
	}
	files, _ := filepath.Glob(dir)
	ex := New(schema.Default())
	for _, f := range files {
		b, _ := os.ReadFile(f)
		res := ex.Extract(string(b))
		fmt.Println("==", f)
		for _, e := range res.Entities {
			fmt.Printf("E %s [%s] %v strong=%v\n", e.Name, e.Type, e.Aliases, e.Strong)
		}
		for _, r := range res.Relations {
			s := res.Sentences[r.Sentence]
			fmt.Printf("R %s %s -> %s (%s %s %.2f) | %.120s\n", r.Type, res.Entities[r.Source].Name, res.Entities[r.Target].Name, r.Trigger, r.Status, r.Confidence, string(b[s.Start:s.End]))
		}
	}
}
