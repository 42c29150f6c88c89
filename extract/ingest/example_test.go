package ingest_test

import (
	"context"
	"fmt"

	"github.com/kgraph/kg/extract/ingest"
)

// A Markdown file with Windows line ends and a heading: the heading becomes
// the title, the text one paragraph per line.
func ExampleFromBytes() {
	md := []byte("# Talks in Oslo\r\n\r\nThe ministers **met** on Thursday.\r\n\r\n- A draft will follow.\r\n")
	_, err := ingest.FromBytes(context.Background(), "oslo.md", md, ingest.Options{}, func(a ingest.Article) error {
		fmt.Printf("%s %q\n%s\n", a.ID, a.Title, a.Text)
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// oslo.md "Talks in Oslo"
	// The ministers met on Thursday.
	// A draft will follow.
}

// Walk reports bad input in its Stats instead of failing.
func ExampleWalk() {
	st, err := ingest.Walk(context.Background(), []string{"testdata/corpus"}, ingest.Options{}, func(a ingest.Article) error {
		fmt.Println(a.ID)
		return nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range st.Skipped {
		fmt.Println("skipped", s)
	}
	// Output:
	// briefing.md
	// wire-001
	// feed.jsonl:6
	// wire-004
	// page.html
	// politics/summit.txt
	// politics/wrapped.txt
	// skipped testdata/corpus/empty.txt: empty
	// skipped testdata/corpus/feed.jsonl:2: invalid JSON: unexpected end of JSON input at byte 42
	// skipped testdata/corpus/feed.jsonl:3: not a JSON object
	// skipped testdata/corpus/feed.jsonl:5: no "text"
}
