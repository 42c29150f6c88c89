package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// run is one timed child process.
type run struct {
	Name      string   `json:"name"`
	Tool      string   `json:"tool"` // kg or prose
	Args      []string `json:"args"`
	Workers   int      `json:"workers,omitempty"`
	Words     int64    `json:"words,omitempty"` // input words (whitespace-separated)
	Bytes     int64    `json:"bytes,omitempty"`
	Seconds   float64  `json:"seconds"`            // wall time of the whole process
	PeakRSSMB float64  `json:"peak_rss_mb"`        // maximum resident set size
	UserSec   float64  `json:"user_seconds"`       // CPU time in user mode
	SysSec    float64  `json:"sys_seconds"`        // CPU time in kernel mode
	KGWords   int64    `json:"kg_words,omitempty"` // words as kg's tokenizer counts them
	Nodes     int      `json:"nodes,omitempty"`
	Edges     int      `json:"edges,omitempty"`
	Entities  int64    `json:"entities,omitempty"` // prose: entity mentions found
	Skipped   string   `json:"skipped,omitempty"`
	// Tries is how many times the run was repeated (the fastest is kept);
	// TrySeconds are the wall times of all of them.
	Tries      int       `json:"tries,omitempty"`
	TrySeconds []float64 `json:"try_seconds,omitempty"`
	stdout     string
	stderr     string
}

// WordsPerSec is the throughput over the whole process time.
func (r *run) WordsPerSec() float64 {
	if r.Seconds == 0 {
		return 0
	}
	return float64(r.Words) / r.Seconds
}

// CPUSec is the CPU time the process used, user and system.
func (r *run) CPUSec() float64 { return r.UserSec + r.SysSec }

// WordsPerCPUSec is the throughput per CPU second: on a machine shared
// with other work it is steadier than the wall-clock rate.
func (r *run) WordsPerCPUSec() float64 {
	if r.CPUSec() == 0 {
		return 0
	}
	return float64(r.Words) / r.CPUSec()
}

// MBPerSec is the throughput in megabytes (10^6) of article text a second.
func (r *run) MBPerSec() float64 {
	if r.Seconds == 0 {
		return 0
	}
	return float64(r.Bytes) / 1e6 / r.Seconds
}

// execTimed runs bin with args and fills in wall time, CPU time and peak RSS.
func execTimed(ctx context.Context, name, tool, bin string, args []string, env []string) (*run, error) {
	r := &run{Name: name, Tool: tool, Args: args}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	start := time.Now()
	err := cmd.Run()
	r.Seconds = time.Since(start).Seconds()
	r.stdout, r.stderr = out.String(), errb.String()
	if ps := cmd.ProcessState; ps != nil {
		if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
			r.PeakRSSMB = float64(ru.Maxrss) / 1024 // Linux: kilobytes
		}
		r.UserSec = ps.UserTime().Seconds()
		r.SysSec = ps.SystemTime().Seconds()
	}
	if err != nil {
		return r, fmt.Errorf("kgbench: %s %s: %v\n%s", tool, strings.Join(args, " "), err, lastLines(r.stderr, 10))
	}
	return r, nil
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

var (
	reKGWords = regexp.MustCompile(`\((\d+) words\)`)
	reKGNodes = regexp.MustCompile(`kg: (\d+) entities`)
	reKGEdges = regexp.MustCompile(`, (\d+) relations`)
)

// parseKGSummary reads the counts of kg build's summary on stderr.
func (r *run) parseKGSummary() {
	atoi := func(re *regexp.Regexp) int64 {
		m := re.FindStringSubmatch(r.stderr)
		if m == nil {
			return 0
		}
		n, _ := strconv.ParseInt(m[1], 10, 64)
		return n
	}
	r.KGWords = atoi(reKGWords)
	r.Nodes = int(atoi(reKGNodes))
	r.Edges = int(atoi(reKGEdges))
}

// kgBuild times `kg build --no-analyse` (or with analysis) on a corpus.
func kgBuild(ctx context.Context, kg, name string, c corpusInfo, workers int, analyse bool, out string) (*run, error) {
	args := []string{"build", "-j", strconv.Itoa(workers), "-o", out}
	if !analyse {
		args = append(args, "--no-analyse")
	}
	args = append(args, c.Path)
	r, err := execTimed(ctx, name, "kg", kg, args, nil)
	r.Workers, r.Words, r.Bytes = workers, c.Words, c.Bytes
	r.parseKGSummary()
	return r, err
}

// proseRun times the peer on a corpus.
func proseRun(ctx context.Context, bin, name string, c corpusInfo, workers int) (*run, error) {
	r, err := execTimed(ctx, name, "prose", bin, []string{"-workers", strconv.Itoa(workers), c.Path}, nil)
	r.Workers, r.Words, r.Bytes = workers, c.Words, c.Bytes
	if err != nil {
		return r, err
	}
	var rep struct {
		Words    int64 `json:"words"`
		Entities int64 `json:"entities"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		return r, fmt.Errorf("kgbench: prose printed %q: %v", r.stdout, err)
	}
	if rep.Words != c.Words {
		return r, fmt.Errorf("kgbench: prose read %d words of %s, want %d", rep.Words, c.Path, c.Words)
	}
	r.Entities = rep.Entities
	return r, nil
}

// loadAvg returns the first three fields of /proc/loadavg ("" elsewhere).
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

var reExport = regexp.MustCompile(`wrote (\d+) nodes and (\d+) edges`)

// parseExport reads the counts of kg export's summary on stderr.
func (r *run) parseExport() {
	if m := reExport.FindStringSubmatch(r.stderr); m != nil {
		r.Nodes, _ = strconv.Atoi(m[1])
		r.Edges, _ = strconv.Atoi(m[2])
	}
}

// fastest runs f n times and keeps the run with the least wall time: on a
// shared machine the fastest run is the one least disturbed by other work.
func fastest(n int, f func() (*run, error)) (*run, error) {
	var best *run
	var secs []float64
	for i := 0; i < max(n, 1); i++ {
		r, err := f()
		if err != nil {
			return r, err
		}
		secs = append(secs, r.Seconds)
		if best == nil || r.Seconds < best.Seconds {
			best = r
		}
	}
	if n > 1 {
		best.Tries, best.TrySeconds = n, secs
	}
	return best, nil
}
