package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// article is one news-dev article read from the shared corpus.
type article struct {
	ID   string
	Text string
}

// corpusInfo describes a jsonl file the benchmark wrote.
type corpusInfo struct {
	Path     string `json:"-"`
	Copies   int    `json:"copies,omitempty"`
	Articles int    `json:"articles"`
	Words    int64  `json:"words"`
	Bytes    int64  `json:"bytes"`
}

// readCorpus reads the .txt articles of dir, sorted by name.
func readCorpus(ctx context.Context, dir string) ([]article, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("kgbench: no .txt article in %s", dir)
	}
	sort.Strings(names)
	arts := make([]article, 0, len(names))
	for _, n := range names {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("kgbench: %w", err)
		}
		arts = append(arts, article{ID: strings.TrimSuffix(filepath.Base(n), ".txt"), Text: string(b)})
	}
	return arts, nil
}

// countWords counts whitespace-separated words, the unit of every rate.
func countWords(s string) int64 { return int64(len(strings.Fields(s))) }

// jsonlWriter writes articles as jsonl lines and counts them.
type jsonlWriter struct {
	f    *os.File
	w    *bufio.Writer
	info corpusInfo
}

func newJSONL(path string) (*jsonlWriter, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("kgbench: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("kgbench: %w", err)
	}
	return &jsonlWriter{f: f, w: bufio.NewWriterSize(f, 1<<20), info: corpusInfo{Path: path}}, nil
}

func (j *jsonlWriter) write(id, text string) error {
	b, err := json.Marshal(struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}{id, text})
	if err != nil {
		return err
	}
	j.w.Write(b)
	j.w.WriteByte('\n')
	j.info.Articles++
	j.info.Words += countWords(text)
	j.info.Bytes += int64(len(text))
	return nil
}

func (j *jsonlWriter) close() (corpusInfo, error) {
	err := j.w.Flush()
	if cerr := j.f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return j.info, fmt.Errorf("kgbench: writing %s: %w", j.info.Path, err)
	}
	return j.info, nil
}

// replicate writes copies of arts to path as jsonl; copy c of article d001
// has the id "c0007-d001", so that no two lines share an id.
func replicate(ctx context.Context, arts []article, copies int, path string) (corpusInfo, error) {
	j, err := newJSONL(path)
	if err != nil {
		return corpusInfo{}, err
	}
	for c := 0; c < copies; c++ {
		if err := ctx.Err(); err != nil {
			j.close()
			return corpusInfo{}, err
		}
		for _, a := range arts {
			if err := j.write(fmt.Sprintf("c%04d-%s", c, a.ID), a.Text); err != nil {
				j.close()
				return corpusInfo{}, err
			}
		}
	}
	info, err := j.close()
	info.Copies = copies
	return info, err
}

// tinyCorpus writes one article of news-dev: building it measures kg's
// fixed start-up cost (loading the schema and the lexicons, which load on
// first use: a real article needs the ones a corpus needs), plus about a
// millisecond of extraction.
func tinyCorpus(a article, path string) (corpusInfo, error) {
	j, err := newJSONL(path)
	if err != nil {
		return corpusInfo{}, err
	}
	if err := j.write("startup-"+a.ID, a.Text); err != nil {
		j.close()
		return corpusInfo{}, err
	}
	return j.close()
}
