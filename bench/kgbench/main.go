package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"text/tabwriter"
	"time"
)

// options are kgbench's flags.
type options struct {
	kg, prose   string // binaries
	shared      string
	work        string // scratch directory for corpora and graphs
	out         string // results JSON
	words       int64  // minimum words of the main corpus
	proseCopies int    // news-dev copies the peer runs on
	genArticles int    // generated articles (0: skip part 3)
	genAnalyse  bool
	seed        int64
	repeat      int // kg runs on the replicated corpora are repeated, the fastest kept
}

func main() {
	var o options
	flag.StringVar(&o.kg, "kg", "", "kg binary (required)")
	flag.StringVar(&o.prose, "prose", "", "prose peer binary built from bench/prose (required)")
	flag.StringVar(&o.shared, "shared", os.Getenv("KG_SHARED"), "shared folder (default $KG_SHARED)")
	flag.StringVar(&o.work, "work", filepath.Join(".cache", "bench"), "scratch directory for corpora and graphs")
	flag.StringVar(&o.out, "o", filepath.Join("bench", "results.json"), "write the results JSON here")
	flag.Int64Var(&o.words, "words", 5_000_000, "minimum words of the main corpus (news-dev replicated)")
	flag.IntVar(&o.proseCopies, "prose-copies", 2, "copies of news-dev the prose peer (and kg beside it) run on")
	flag.IntVar(&o.genArticles, "gen-articles", 100000, "articles of the generated corpus (0 skips it)")
	flag.BoolVar(&o.genAnalyse, "gen-analyse", true, "build the generated corpus with the analysis stage")
	flag.Int64Var(&o.seed, "seed", 1, "seed of the generated corpus")
	flag.IntVar(&o.repeat, "repeat", 3, "run kg this many times on each replicated corpus and keep the fastest (prose and the generated corpus run once)")
	flag.Parse()
	if o.kg == "" || o.prose == "" || o.shared == "" {
		fmt.Fprintln(os.Stderr, "usage: kgbench -kg BIN -prose BIN -shared DIR [flags] (run scripts/bench)")
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := bench(ctx, o, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, _ := json.MarshalIndent(res, "", "  ")
	if err := os.WriteFile(o.out, append(b, '\n'), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "kgbench:", err)
		os.Exit(1)
	}
	fmt.Printf("\nwrote %s\n", o.out)
}

// scalePoint is one size of the scaling runs.
type scalePoint struct {
	Scale     string  `json:"scale"`
	Copies    int     `json:"copies"`
	Words     int64   `json:"words"`
	Seconds   float64 `json:"seconds"`
	NsPerWord float64 `json:"ns_per_word"`
	NetNsWord float64 `json:"net_ns_per_word"` // (seconds - startup_seconds) per word
	CPUNsWord float64 `json:"cpu_ns_per_word"` // CPU time (user + system) per word, net of start-up's
	PeakRSSMB float64 `json:"peak_rss_mb"`
	Nodes     int     `json:"nodes"`
	Edges     int     `json:"edges"`
	GraphMB   float64 `json:"graph_json_mb"`
}

// results is what bench/results.json holds.
type results struct {
	Date        string `json:"date"`
	CPUs        int    `json:"cpus"`
	LoadStart   string `json:"loadavg_start"`
	LoadEnd     string `json:"loadavg_end"`
	TotalSecond int    `json:"total_seconds"`
	Repeat      int    `json:"repeat"` // kg runs on replicated corpora: fastest of this many

	Corpus corpusInfo `json:"corpus"` // the main corpus: news-dev replicated

	// kg build --no-analyse, 2 workers, on the main corpus
	ExtractWordsPerSec    float64 `json:"extract_words_per_sec"`
	ExtractWordsPerCPUSec float64 `json:"extract_words_per_cpu_sec"`
	ExtractMBPerSec       float64 `json:"extract_mb_per_sec"`
	ExtractPeakRSSMB      float64 `json:"extract_peak_rss_mb"`
	// the same with 1 worker
	Extract1WordsPerSec float64 `json:"extract_1worker_words_per_sec"`
	Extract1MBPerSec    float64 `json:"extract_1worker_mb_per_sec"`
	Extract1PeakRSSMB   float64 `json:"extract_1worker_peak_rss_mb"`

	// prose v3 NER, 2 and 1 goroutines, on ProseCorpus
	ProseCorpus         corpusInfo `json:"prose_corpus"`
	ProseWordsPerSec    float64    `json:"prose_words_per_sec"`
	ProseWordsPerCPUSec float64    `json:"prose_words_per_cpu_sec"`
	Prose1WordsPerSec   float64    `json:"prose_1worker_words_per_sec"`
	ProsePeakRSSMB      float64    `json:"prose_peak_rss_mb"`
	RatioVsProse        float64    `json:"ratio_vs_prose"`         // extract_words_per_sec / prose_words_per_sec
	RatioCPUVsProse     float64    `json:"ratio_vs_prose_cpu"`     // the same per CPU second (2 workers)
	Ratio1VsProse       float64    `json:"ratio_vs_prose_1worker"` // the same with one worker each
	SameFileRatio       float64    `json:"ratio_vs_prose_same_file"`
	SameFileKGWordsPerS float64    `json:"same_file_kg_words_per_sec"`

	Scaling         []scalePoint `json:"scaling"`
	ScalingNsSpread float64      `json:"scaling_ns_per_word_spread"` // max/min - 1
	// the same net of kg's fixed start-up cost (a build of one short article)
	StartupSeconds     float64 `json:"startup_seconds"`
	ScalingNetNsSpread float64 `json:"scaling_net_ns_per_word_spread"`
	ScalingCPUNsSpread float64 `json:"scaling_cpu_ns_per_word_spread"`
	// 16x over 1x: words, peak RSS and graph JSON size (memory that
	// follows the graph grows like the graph, not like the words)
	ScalingWordsGrowth float64 `json:"scaling_words_growth"`
	ScalingRSSGrowth   float64 `json:"scaling_rss_growth"`
	ScalingGraphGrowth float64 `json:"scaling_graph_growth"`

	Generated *genResults `json:"generated,omitempty"`
	Export    *run        `json:"export_graphml,omitempty"`
	Neo4j     *run        `json:"neo4j_push,omitempty"`

	Runs []*run `json:"runs"`
}

type genResults struct {
	genInfo
	Build      *run    `json:"build"`
	Report     *run    `json:"report"`
	NsPerWord  float64 `json:"ns_per_word"`
	WordsPerSe float64 `json:"words_per_sec"`
}

func bench(ctx context.Context, o options, w io.Writer) (*results, error) {
	start := time.Now()
	res := &results{Date: start.UTC().Format(time.RFC3339), CPUs: runtime.NumCPU(), LoadStart: loadAvg(), Repeat: max(o.repeat, 1)}
	arts, err := readCorpus(ctx, filepath.Join(o.shared, "corpus", "news-dev", "text"))
	if err != nil {
		return nil, err
	}
	var base int64
	for _, a := range arts {
		base += countWords(a.Text)
	}
	// copies: enough for o.words, a multiple of 4 so that the scaling's 1x
	// (a quarter of the main corpus) is whole copies too; the main corpus
	// is the scaling's 4x, and 16x is four times it
	copies := int((o.words + base - 1) / base)
	copies = (copies + 3) / 4 * 4
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return nil, fmt.Errorf("kgbench: %w", err)
	}
	logf := func(format string, args ...any) { fmt.Fprintf(w, format+"\n", args...) }
	logf("kgbench: news-dev: %d articles, %d words; main corpus %d copies; load %s", len(arts), base, copies, res.LoadStart)

	corpora := map[int]corpusInfo{}
	for _, c := range []int{copies / 4, copies, copies * 4, o.proseCopies} {
		if _, ok := corpora[c]; ok {
			continue
		}
		info, err := replicate(ctx, arts, c, filepath.Join(o.work, fmt.Sprintf("newsdev-x%d.jsonl", c)))
		if err != nil {
			return nil, err
		}
		corpora[c] = info
	}
	mc := corpora[copies]
	res.Corpus = mc
	graphOut := func(name string) string { return filepath.Join(o.work, name+".json") }
	add := func(r *run, err error) (*run, error) {
		if r != nil {
			res.Runs = append(res.Runs, r)
			logf("  %-34s %7.2fs  %8.0f words/s  %7.0f MB RSS", r.Name, r.Seconds, r.WordsPerSec(), r.PeakRSSMB)
		}
		return r, err
	}

	// 1. extraction and the peer, interleaved so that load changes hit both
	logf("kgbench: extraction (%d words) and prose (%d words)", mc.Words, corpora[o.proseCopies].Words)
	pc := corpora[o.proseCopies]
	res.ProseCorpus = pc
	kg1, err := add(fastest(o.repeat, func() (*run, error) { return kgBuild(ctx, o.kg, "kg build -j1", mc, 1, false, graphOut("main-j1")) }))
	if err != nil {
		return nil, err
	}
	pr1, err := add(proseRun(ctx, o.prose, "prose 1 goroutine", pc, 1))
	if err != nil {
		return nil, err
	}
	kg2, err := add(fastest(o.repeat, func() (*run, error) { return kgBuild(ctx, o.kg, "kg build -j2", mc, 2, false, graphOut("main-j2")) }))
	if err != nil {
		return nil, err
	}
	pr2, err := add(proseRun(ctx, o.prose, "prose 2 goroutines", pc, 2))
	if err != nil {
		return nil, err
	}
	kgs, err := add(fastest(o.repeat, func() (*run, error) {
		return kgBuild(ctx, o.kg, "kg build -j2 (prose file)", pc, 2, false, graphOut("prose-file"))
	}))
	if err != nil {
		return nil, err
	}
	res.ExtractWordsPerSec, res.ExtractMBPerSec, res.ExtractPeakRSSMB = kg2.WordsPerSec(), kg2.MBPerSec(), kg2.PeakRSSMB
	res.Extract1WordsPerSec, res.Extract1MBPerSec, res.Extract1PeakRSSMB = kg1.WordsPerSec(), kg1.MBPerSec(), kg1.PeakRSSMB
	res.ProseWordsPerSec, res.Prose1WordsPerSec, res.ProsePeakRSSMB = pr2.WordsPerSec(), pr1.WordsPerSec(), max(pr1.PeakRSSMB, pr2.PeakRSSMB)
	res.RatioVsProse = kg2.WordsPerSec() / pr2.WordsPerSec()
	res.ExtractWordsPerCPUSec, res.ProseWordsPerCPUSec = kg2.WordsPerCPUSec(), pr2.WordsPerCPUSec()
	res.RatioCPUVsProse = kg2.WordsPerCPUSec() / pr2.WordsPerCPUSec()
	res.Ratio1VsProse = kg1.WordsPerSec() / pr1.WordsPerSec()
	res.SameFileKGWordsPerS = kgs.WordsPerSec()
	res.SameFileRatio = kgs.WordsPerSec() / pr2.WordsPerSec()

	// 2. scaling, 2 workers; 4x is the main corpus, run again here
	logf("kgbench: scaling (2 workers)")
	tiny, err := tinyCorpus(arts[0], filepath.Join(o.work, "startup.jsonl"))
	if err != nil {
		return nil, err
	}
	st, err := add(fastest(o.repeat, func() (*run, error) {
		return kgBuild(ctx, o.kg, "kg build -j2 startup", tiny, 2, false, graphOut("startup"))
	}))
	if err != nil {
		return nil, err
	}
	res.StartupSeconds = st.Seconds
	startupCPU := st.CPUSec()
	point := func(scale string, c int, r *run, out string) {
		p := scalePoint{Scale: scale, Copies: c, Words: r.Words, Seconds: r.Seconds, PeakRSSMB: r.PeakRSSMB, Nodes: r.Nodes, Edges: r.Edges}
		p.NsPerWord = r.Seconds * 1e9 / float64(r.Words)
		p.NetNsWord = (r.Seconds - res.StartupSeconds) * 1e9 / float64(r.Words)
		p.CPUNsWord = (r.CPUSec() - startupCPU) * 1e9 / float64(r.Words)
		if st, err := os.Stat(out); err == nil {
			p.GraphMB = float64(st.Size()) / 1e6
		}
		res.Scaling = append(res.Scaling, p)
	}
	// the sizes run in turn, repeat rounds, so that a change in the
	// machine's load hits every size alike; each keeps its fastest run
	sizes := []struct {
		name string
		c    int
	}{{"1x", copies / 4}, {"4x", copies}, {"16x", copies * 4}}
	best := make([]*run, len(sizes))
	secs := make([][]float64, len(sizes))
	for round := 0; round < max(o.repeat, 1); round++ {
		for i, sz := range sizes {
			r, err := kgBuild(ctx, o.kg, "kg build -j2 "+sz.name, corpora[sz.c], 2, false, graphOut("scale-"+sz.name))
			if err != nil {
				return nil, err
			}
			secs[i] = append(secs[i], r.Seconds)
			if best[i] == nil || r.Seconds < best[i].Seconds {
				best[i] = r
			}
		}
	}
	for i, sz := range sizes {
		r := best[i]
		if o.repeat > 1 {
			r.Tries, r.TrySeconds = o.repeat, secs[i]
		}
		add(r, nil)
		point(sz.name, sz.c, r, graphOut("scale-"+sz.name))
	}
	first, last := res.Scaling[0], res.Scaling[len(res.Scaling)-1]
	res.ScalingWordsGrowth = float64(last.Words) / float64(first.Words)
	res.ScalingRSSGrowth = last.PeakRSSMB / first.PeakRSSMB
	if first.GraphMB > 0 {
		res.ScalingGraphGrowth = last.GraphMB / first.GraphMB
	}
	lo, hi := res.Scaling[0].NsPerWord, res.Scaling[0].NsPerWord
	for _, p := range res.Scaling {
		lo, hi = min(lo, p.NsPerWord), max(hi, p.NsPerWord)
	}
	res.ScalingNsSpread = hi/lo - 1
	lo, hi = res.Scaling[0].NetNsWord, res.Scaling[0].NetNsWord
	for _, p := range res.Scaling {
		lo, hi = min(lo, p.NetNsWord), max(hi, p.NetNsWord)
	}
	res.ScalingNetNsSpread = hi/lo - 1
	lo, hi = res.Scaling[0].CPUNsWord, res.Scaling[0].CPUNsWord
	for _, p := range res.Scaling {
		lo, hi = min(lo, p.CPUNsWord), max(hi, p.CPUNsWord)
	}
	res.ScalingCPUNsSpread = hi/lo - 1

	// 3. generated corpus, 4. export and push of its graph
	largest, largestRun := graphOut("main-j2"), kg2
	if o.genArticles > 0 {
		logf("kgbench: generating %d articles", o.genArticles)
		gi, err := generate(ctx, arts, o.genArticles, o.seed, filepath.Join(o.work, "generated.jsonl"))
		if err != nil {
			return nil, err
		}
		gr := &genResults{genInfo: gi}
		res.Generated = gr
		largest = graphOut("generated")
		name := "kg build -j2 generated"
		if o.genAnalyse {
			name += " +analysis"
		}
		if gr.Build, err = add(kgBuild(ctx, o.kg, name, gi.corpusInfo, 2, o.genAnalyse, largest)); err != nil {
			return nil, err
		}
		largestRun = gr.Build
		gr.NsPerWord = gr.Build.Seconds * 1e9 / float64(gi.Words)
		gr.WordsPerSe = gr.Build.WordsPerSec()
		gr.Report, err = optional(ctx, o.kg, "kg report generated", []string{"report", largest}, "report")
		if err != nil {
			return nil, err
		}
		add(gr.Report, nil)
	}
	xml := filepath.Join(o.work, "largest.graphml")
	if res.Export, err = optional(ctx, o.kg, "kg export graphml", []string{"export", "graphml", largest, "-o", xml}, "export"); err != nil {
		return nil, err
	}
	if res.Export.Skipped == "" {
		res.Export.parseExport()
	}
	add(res.Export, nil)
	if os.Getenv("NEO4J_URI") == "" {
		res.Neo4j = &run{Name: "kg push", Tool: "kg", Skipped: "NEO4J_URI is not set (eval \"$(scripts/neo4j up)\" first)"}
	} else {
		if res.Neo4j, err = optional(ctx, o.kg, "kg push", []string{"push", "--replace", largest}, "push"); err != nil {
			return nil, err
		}
		if res.Neo4j.Skipped == "" {
			res.Neo4j.Nodes, res.Neo4j.Edges = largestRun.Nodes, largestRun.Edges
		}
	}
	add(res.Neo4j, nil)

	res.LoadEnd = loadAvg()
	res.TotalSecond = int(time.Since(start).Seconds())
	printTable(w, res)
	return res, nil
}

// optional runs a kg subcommand that may not exist yet: a command that says
// "not yet built" (or is unknown) is recorded as skipped, not as a failure.
func optional(ctx context.Context, kg, name string, args []string, verb string) (*run, error) {
	r, err := execTimed(ctx, name, "kg", kg, args, nil)
	if err != nil {
		if strings.Contains(r.stderr, "not yet built") || strings.Contains(r.stderr, "unknown command") {
			return &run{Name: name, Tool: "kg", Args: args, Skipped: "kg " + verb + " is not built yet"}, nil
		}
		return r, err
	}
	return r, nil
}

func printTable(w io.Writer, r *results) {
	fmt.Fprintf(w, "\nkg benchmark, %s, %d CPUs, load %s -> %s, %ds\n", r.Date, r.CPUs, r.LoadStart, r.LoadEnd, r.TotalSecond)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "run\ttries\twords\tseconds\twords/s\tMB/s\tCPU s\twords/CPU s\tpeak RSS MB\tnodes\tedges\t")
	for _, x := range r.Runs {
		if x.Skipped != "" {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.0f\t%.2f\t%.2f\t%.0f\t%.0f\t%d\t%d\t\n", x.Name, max(x.Tries, 1), x.Words, x.Seconds, x.WordsPerSec(), x.MBPerSec(), x.CPUSec(), x.WordsPerCPUSec(), x.PeakRSSMB, x.Nodes, x.Edges)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nextraction (%d words, 2 workers): %.0f words/s, %.2f MB/s, peak RSS %.0f MB\n", r.Corpus.Words, r.ExtractWordsPerSec, r.ExtractMBPerSec, r.ExtractPeakRSSMB)
	fmt.Fprintf(w, "  1 worker: %.0f words/s, %.2f MB/s, peak RSS %.0f MB\n", r.Extract1WordsPerSec, r.Extract1MBPerSec, r.Extract1PeakRSSMB)
	fmt.Fprintf(w, "prose v3 NER (%d words): %.0f words/s with 2 goroutines, %.0f with 1; peak RSS %.0f MB\n", r.ProseCorpus.Words, r.ProseWordsPerSec, r.Prose1WordsPerSec, r.ProsePeakRSSMB)
	fmt.Fprintf(w, "ratio kg/prose: %.1fx (2 workers), %.1fx (1 worker), %.1fx (2 workers, same file), %.1fx per CPU second (%.0f vs %.0f words/CPU s)\n",
		r.RatioVsProse, r.Ratio1VsProse, r.SameFileRatio, r.RatioCPUVsProse, r.ExtractWordsPerCPUSec, r.ProseWordsPerCPUSec)
	fmt.Fprintf(w, "\nscaling (2 workers, fastest of %d):\n", r.Repeat)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "scale\tcopies\twords\tseconds\tns/word\tnet ns/word\tCPU ns/word\tpeak RSS MB\tnodes\tedges\tgraph MB\t")
	for _, p := range r.Scaling {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.0f\t%.0f\t%.0f\t%.0f\t%d\t%d\t%.1f\t\n", p.Scale, p.Copies, p.Words, p.Seconds, p.NsPerWord, p.NetNsWord, p.CPUNsWord, p.PeakRSSMB, p.Nodes, p.Edges, p.GraphMB)
	}
	tw.Flush()
	fmt.Fprintf(w, "time per word spread (max/min - 1): %.0f%%; net of the %.2fs start-up: %.0f%%; CPU time per word (net): %.0f%%\n",
		r.ScalingNsSpread*100, r.StartupSeconds, r.ScalingNetNsSpread*100, r.ScalingCPUNsSpread*100)
	fmt.Fprintf(w, "16x over 1x: %.1fx the words, %.1fx the graph JSON, %.1fx the peak RSS\n", r.ScalingWordsGrowth, r.ScalingGraphGrowth, r.ScalingRSSGrowth)
	if g := r.Generated; g != nil {
		fmt.Fprintf(w, "\ngenerated corpus: %d articles, %d words; %d of %d people and %d of %d institutions used, %d variant mentions\n",
			g.Articles, g.Words, g.PeopleUsed, g.PeoplePool, g.InstitutionsUsed, g.InstitutionPool, g.VariantMentions)
		fmt.Fprintf(w, "  build: %.2fs (%.0f words/s, %.0f ns/word), peak RSS %.0f MB, %d nodes, %d edges\n",
			g.Build.Seconds, g.WordsPerSe, g.NsPerWord, g.Build.PeakRSSMB, g.Build.Nodes, g.Build.Edges)
		fmt.Fprintf(w, "  %s\n", describe(g.Report))
	} else {
		fmt.Fprintln(w, "\ngenerated corpus: skipped (-gen-articles 0)")
	}
	fmt.Fprintf(w, "%s\n%s\n", describe(r.Export), describe(r.Neo4j))
}

func describe(r *run) string {
	if r == nil {
		return ""
	}
	if r.Skipped != "" {
		return r.Name + ": skipped, " + r.Skipped
	}
	s := fmt.Sprintf("%s: %.2fs, peak RSS %.0f MB", r.Name, r.Seconds, r.PeakRSSMB)
	if r.Nodes+r.Edges > 0 && r.Seconds > 0 {
		s += fmt.Sprintf(", %d nodes and %d edges (%.0f a second)", r.Nodes, r.Edges, float64(r.Nodes+r.Edges)/r.Seconds)
	}
	return s
}
