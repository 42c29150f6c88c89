// Command kgbench is the driver of scripts/bench: it measures how fast kg
// builds graphs and how much memory it takes, beside a peer (prose v3's
// entity recogniser, in the separate module bench/prose) run on the same
// text and cores in the same invocation.
//
// The flow:
//
//  1. replicate the news-dev corpus (KG_SHARED/corpus/news-dev/text) into a
//     jsonl file of at least -words words, every copy of an article with its
//     own id, and smaller copies at 1/16 and 1/4 of it for the scaling runs;
//  2. run `kg build --no-analyse` on it with 1 and 2 workers, and the prose
//     peer with 1 and 2 goroutines on a sample of the same text (and kg on
//     that sample too, so that one ratio compares the very same file);
//  3. generate a corpus of many articles from real news-dev sentences with
//     the people and institutions replaced by names drawn from a Zipf
//     distribution (with spelling variants), build it with analysis, and
//     time `kg report`, `kg export graphml` and, when NEO4J_URI is set,
//     `kg push` on that graph;
//  4. print a table and write the results as JSON (bench/results.json).
//
// Wall time is measured around each child process and peak memory is the
// child's maximum resident set size from getrusage (what /usr/bin/time -v
// reports). Words are whitespace-separated words of the article texts,
// counted the same way for kg and the peer; kg's own word count is recorded
// beside it.
package main
