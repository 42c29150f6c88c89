package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/kgraph/kg/pipeline"
)

// FuzzDecodeState checks that the state reader never panics on damaged
// files, and that a state it accepts encodes and decodes to the same bytes.
// Seeds: small states written for this test, gzipped and not.
func FuzzDecodeState(f *testing.F) {
	for _, s := range []string{
		`{"format":1,"articles":[{"id":"a","hash":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","text":""}]}`,
		`{"format":1,"schema":"name: x\n","planned":true,"articles":[]}`,
		`{"format":1,"articles":[{"id":"b"},{"id":"a"}]}`,
		`{"format":7}`, `[]`, ``,
	} {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		f.Add(b.Bytes())
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := pipeline.DecodeState(bytes.NewReader(data))
		if err != nil {
			return
		}
		var first bytes.Buffer
		if err := st.Encode(&first); err != nil {
			t.Fatal(err)
		}
		back, err := pipeline.DecodeState(bytes.NewReader(first.Bytes()))
		if err != nil {
			t.Fatalf("an accepted state does not decode after Encode: %v", err)
		}
		var second bytes.Buffer
		if err := back.Encode(&second); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatal("Encode/Decode round trip of a state is not stable")
		}
	})
}
