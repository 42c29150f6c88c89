package report

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Formats are the output formats Render knows.
var Formats = []string{"table", "markdown", "csv", "json"}

// Render writes rep to w in the named format: "table" (aligned text),
// "markdown", "csv" (one long table: section, key, rank, id, name, type,
// value) or "json".
func Render(w io.Writer, rep *Report, format string) error {
	bw := bufio.NewWriter(w)
	var err error
	switch format {
	case "table", "":
		err = renderTable(bw, rep)
	case "markdown", "md":
		err = renderMarkdown(bw, rep)
	case "csv":
		err = renderCSV(bw, rep)
	case "json":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		err = enc.Encode(rep)
	default:
		return fmt.Errorf("report: unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// short formats a metric value for reading: integers as integers, the
// rest with four significant digits.
func short(metric string, v float64) string {
	switch metric {
	case "degree", "core", "weighted_degree":
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// total formats n followed by the counts by type, if any.
func total(n int, cs []Count) string {
	if len(cs) == 0 {
		return strconv.Itoa(n)
	}
	return fmt.Sprintf("%d (%s)", n, counts(cs))
}

func counts(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s %d", c.Type, c.Count)
	}
	return strings.Join(parts, ", ")
}

// summaryLines are the summary as label/value pairs, shared by the table
// and Markdown formats.
func summaryLines(s *Summary) [][2]string {
	rel := "all"
	if len(s.Relations) > 0 {
		rel = strings.Join(s.Relations, ", ")
	}
	return [][2]string{
		{"Nodes", total(s.Nodes, s.NodesByType)},
		{"Edges", total(s.Edges, s.EdgesByType)},
		{"Relations analysed", rel},
		{"Linked pairs", fmt.Sprintf("%d, density %.4g", s.Links, s.Density)},
		{"Components", fmt.Sprintf("%d (largest %d nodes; isolated nodes: %d)", s.Components, s.LargestComponent, s.Isolated)},
		{"Communities", fmt.Sprintf("%d (Louvain), modularity %.4f", s.Communities, s.Modularity)},
		{"Betweenness", s.Betweenness},
	}
}

func members(c Community) string {
	parts := make([]string, len(c.Members))
	for i, m := range c.Members {
		parts[i] = fmt.Sprintf("%s (%s)", m.Name, short("pagerank", m.Value))
	}
	return strings.Join(parts, ", ")
}

func renderTable(w io.Writer, rep *Report) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintln(tw, "SUMMARY")
	for _, l := range summaryLines(&rep.Summary) {
		fmt.Fprintf(tw, "  %s:\t%s\n", l[0], l[1])
	}
	for _, t := range rep.Top {
		fmt.Fprintf(tw, "\nTOP BY %s\n", strings.ToUpper(t.Metric))
		if len(t.Entries) == 0 {
			fmt.Fprintln(tw, "  (no entity with a non-zero value)")
			continue
		}
		fmt.Fprintf(tw, "  #\tNAME\tTYPE\t%s\tID\n", strings.ToUpper(t.Metric))
		for _, e := range t.Entries {
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\n", e.Rank, e.Name, e.Type, short(t.Metric, e.Value), e.ID)
		}
	}
	fmt.Fprintln(tw, "\nCOMMUNITIES (most central members, PageRank)")
	if len(rep.Communities) == 0 {
		fmt.Fprintln(tw, "  (no community of two or more nodes)")
	}
	for _, c := range rep.Communities {
		fmt.Fprintf(tw, "  %d\t%d nodes\t%s\n", c.ID, c.Size, members(c))
	}
	return tw.Flush()
}

// mdEscape makes s safe inside a Markdown table cell.
func mdEscape(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`).Replace(s)
}

func renderMarkdown(w io.Writer, rep *Report) error {
	fmt.Fprint(w, "# Graph report\n\n## Summary\n\n| | |\n|---|---|\n")
	for _, l := range summaryLines(&rep.Summary) {
		fmt.Fprintf(w, "| %s | %s |\n", l[0], mdEscape(l[1]))
	}
	for _, t := range rep.Top {
		fmt.Fprintf(w, "\n## Top entities by %s\n\n", t.Metric)
		if len(t.Entries) == 0 {
			fmt.Fprint(w, "No entity has a non-zero value.\n")
			continue
		}
		fmt.Fprintf(w, "| # | Name | Type | %s |\n|---:|---|---|---:|\n", t.Metric)
		for _, e := range t.Entries {
			fmt.Fprintf(w, "| %d | %s | %s | %s |\n", e.Rank, mdEscape(e.Name), mdEscape(e.Type), short(t.Metric, e.Value))
		}
	}
	fmt.Fprint(w, "\n## Communities\n\n")
	if len(rep.Communities) == 0 {
		fmt.Fprint(w, "No community has two or more nodes.\n")
		return nil
	}
	fmt.Fprint(w, "| Community | Nodes | Most central members (PageRank) |\n|---:|---:|---|\n")
	for _, c := range rep.Communities {
		fmt.Fprintf(w, "| %d | %d | %s |\n", c.ID, c.Size, mdEscape(members(c)))
	}
	return nil
}

func renderCSV(w io.Writer, rep *Report) error {
	cw := csv.NewWriter(w)
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	row := func(section, key string, rank int, id, name, typ, value string) {
		r := ""
		if rank > 0 {
			r = strconv.Itoa(rank)
		}
		cw.Write([]string{section, key, r, id, name, typ, value})
	}
	cw.Write([]string{"section", "key", "rank", "id", "name", "type", "value"})
	s := &rep.Summary
	row("summary", "nodes", 0, "", "", "", strconv.Itoa(s.Nodes))
	for _, c := range s.NodesByType {
		row("summary", "nodes", 0, "", "", c.Type, strconv.Itoa(c.Count))
	}
	row("summary", "edges", 0, "", "", "", strconv.Itoa(s.Edges))
	for _, c := range s.EdgesByType {
		row("summary", "edges", 0, "", "", c.Type, strconv.Itoa(c.Count))
	}
	row("summary", "relations", 0, "", "", "", strings.Join(s.Relations, " "))
	row("summary", "linked_pairs", 0, "", "", "", strconv.Itoa(s.Links))
	row("summary", "density", 0, "", "", "", num(s.Density))
	row("summary", "components", 0, "", "", "", strconv.Itoa(s.Components))
	row("summary", "largest_component", 0, "", "", "", strconv.Itoa(s.LargestComponent))
	row("summary", "isolated", 0, "", "", "", strconv.Itoa(s.Isolated))
	row("summary", "communities", 0, "", "", "", strconv.Itoa(s.Communities))
	row("summary", "modularity", 0, "", "", "", num(s.Modularity))
	row("summary", "betweenness_samples", 0, "", "", "", strconv.Itoa(s.BetweennessSamples))
	row("summary", "betweenness_error_bound", 0, "", "", "", num(s.BetweennessErrBound))
	for _, t := range rep.Top {
		for _, e := range t.Entries {
			row("top", t.Metric, e.Rank, e.ID, e.Name, e.Type, num(e.Value))
		}
	}
	for _, c := range rep.Communities {
		key := strconv.Itoa(c.ID)
		row("community_size", key, 0, "", "", "", strconv.Itoa(c.Size))
		for _, e := range c.Members {
			row("community", key, e.Rank, e.ID, e.Name, e.Type, num(e.Value))
		}
	}
	cw.Flush()
	return cw.Error()
}
