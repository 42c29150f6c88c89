package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/kgraph/kg/internal/testkit"
)

func TestVariant(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"doubled letter made single", "Hassler", "Hasler"},
		{"-son as -sen", "Johnson", "Johnsen"},
		{"last vowel doubled", "Okafor", "Okafoor"},
		{"no vowel after the first letter", "Bxt", "Bxte"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := variant(tt.in); got != tt.want {
				t.Errorf("variant(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// readJSONL returns the ids and texts of a jsonl file the benchmark wrote.
func readJSONL(t *testing.T, path string) (ids, texts []string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var a struct{ ID, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		ids, texts = append(ids, a.ID), append(texts, a.Text)
	}
	return ids, texts
}

func distinct(t *testing.T, ids []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Fatalf("id %q written twice", id)
		}
		seen[id] = true
	}
}

// TestReplicate: every copy of a news-dev article has its own id and the
// counts are those of the file.
func TestReplicate(t *testing.T) {
	ctx := context.Background()
	arts, err := readCorpus(ctx, filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "x3.jsonl")
	info, err := replicate(ctx, arts, 3, path)
	if err != nil {
		t.Fatal(err)
	}
	ids, texts := readJSONL(t, path)
	if len(ids) != 3*len(arts) || info.Articles != len(ids) {
		t.Fatalf("wrote %d lines, info says %d, want %d", len(ids), info.Articles, 3*len(arts))
	}
	distinct(t, ids)
	var words int64
	for i, s := range texts {
		if s != arts[i%len(arts)].Text {
			t.Fatalf("line %d: text differs from article %s", i+1, arts[i%len(arts)].ID)
		}
		words += countWords(s)
	}
	if words != info.Words {
		t.Errorf("info.Words = %d, the file has %d", info.Words, words)
	}
}

// TestGenerate: the generated corpus is the same for the same seed, has
// distinct ids, and replaces names (more distinct people than news-dev has).
func TestGenerate(t *testing.T) {
	ctx := context.Background()
	arts, err := readCorpus(ctx, filepath.Join(testkit.Shared(t), "corpus", "news-dev", "text"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "b.jsonl")
	info, err := generate(ctx, arts, 2000, 7, a)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := generate(ctx, arts, 2000, 7, b); err != nil {
		t.Fatal(err)
	}
	ba, _ := os.ReadFile(a)
	bb, _ := os.ReadFile(b)
	if !bytes.Equal(ba, bb) {
		t.Error("two runs with the same seed wrote different corpora")
	}
	ids, texts := readJSONL(t, a)
	if len(ids) != 2000 {
		t.Fatalf("wrote %d articles, want 2000", len(ids))
	}
	distinct(t, ids)
	for i, s := range texts {
		if s == "" {
			t.Fatalf("article %s is empty", ids[i])
		}
	}
	if info.SurnamePool < surnamePool/2 || info.PeopleUsed < 1000 || info.InstitutionsUsed < 500 || info.VariantMentions == 0 {
		t.Errorf("too few names: %+v", info)
	}
}
