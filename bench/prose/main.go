// Command prose is the peer of kg's benchmark: it runs prose v3's document
// entity recogniser (tokenise, tag, NER) over every article of a jsonl file
// with N goroutines and prints one JSON line of what it did.
//
// It lives in its own Go module so that kg itself does not depend on prose.
// scripts/bench runs it beside `kg build` on the same file and cores.
//
//	go run . -workers 2 corpus.jsonl
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jdkato/prose/v3"
)

// article is one line of the jsonl file (the fields kg's ingest reads).
type article struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// result is what the run prints as one JSON line.
type result struct {
	Tool     string  `json:"tool"`
	Workers  int     `json:"workers"`
	Articles int     `json:"articles"`
	Words    int64   `json:"words"` // whitespace-separated words, as scripts/bench counts them
	Bytes    int64   `json:"bytes"`
	Tokens   int64   `json:"tokens"` // prose's own tokens
	Entities int64   `json:"entities"`
	Seconds  float64 `json:"seconds"` // from the first article read to the last one done
}

func main() {
	workers := flag.Int("workers", 1, "goroutines running NER")
	segment := flag.Bool("segment", false, "also split sentences (not needed for entities)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: prose [-workers N] [-segment] corpus.jsonl")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *workers < 1 {
		flag.Usage()
		os.Exit(2)
	}
	res, err := run(context.Background(), flag.Arg(0), *workers, *segment)
	if err != nil {
		fmt.Fprintln(os.Stderr, "prose:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(res)
}

func run(ctx context.Context, path string, workers int, segment bool) (result, error) {
	res := result{Tool: "prose", Workers: workers}
	f, err := os.Open(path)
	if err != nil {
		return res, err
	}
	defer f.Close()
	// Load the models before the clock starts, as kg loads its lexicons
	// once (kg's time includes that; it is well under a second here).
	if _, err := prose.NewDocument("Warm up in Paris."); err != nil {
		return res, err
	}
	start := time.Now()
	jobs := make(chan string, workers*2)
	var (
		wg               sync.WaitGroup
		tokens, entities atomic.Int64
		firstErr         error
		once             sync.Once
	)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for text := range jobs {
				doc, err := prose.NewDocumentContext(ctx, text, prose.WithSegmentation(segment))
				if err != nil {
					once.Do(func() { firstErr = err })
					continue
				}
				tokens.Add(int64(len(doc.Tokens())))
				entities.Add(int64(len(doc.Entities())))
			}
		}()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var a article
		if err := json.Unmarshal(b, &a); err != nil {
			close(jobs)
			wg.Wait()
			return res, fmt.Errorf("%s:%d: %v", path, line, err)
		}
		res.Articles++
		res.Bytes += int64(len(a.Text))
		res.Words += int64(len(strings.Fields(a.Text)))
		jobs <- a.Text
	}
	close(jobs)
	wg.Wait()
	if err := sc.Err(); err != nil {
		return res, fmt.Errorf("%s: %v", path, err)
	}
	if firstErr != nil {
		return res, firstErr
	}
	res.Seconds = time.Since(start).Seconds()
	res.Tokens, res.Entities = tokens.Load(), entities.Load()
	return res, nil
}
