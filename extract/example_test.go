package extract_test

import (
	"fmt"

	"github.com/kgraph/kg/extract"
	"github.com/kgraph/kg/schema"
)

func ExampleExtractor_Extract() {
	// A sentence written for this example.
	text := "Laura Keller held talks with Rafael Ortega in Berlin on Monday, officials said."
	res := extract.New(schema.Default()).Extract(text)
	for _, e := range res.Entities {
		fmt.Printf("%s (%s)\n", e.Name, e.Type)
	}
	for _, r := range res.Relations {
		s := res.Sentences[r.Sentence]
		fmt.Printf("%s %s -> %s, trigger %q, evidence text[%d:%d]\n",
			r.Type, res.Entities[r.Source].Name, res.Entities[r.Target].Name, r.Trigger, s.Start, s.End)
	}
	// Output:
	// Laura Keller (Person)
	// Rafael Ortega (Person)
	// Berlin (Place)
	// MET_WITH Laura Keller -> Rafael Ortega, trigger "held talks with", evidence text[0:79]
}
