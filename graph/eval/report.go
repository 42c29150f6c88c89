package eval

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// round3 is Python's round(x, 3): the double nearest to x correctly
// rounded to three decimals, ties to even.
func round3(x float64) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return v
}

// pyFloat writes x as Python's repr of a float (json.dumps uses it): the
// shortest form that reads back, with ".0" on whole numbers.
func pyFloat(x float64) string {
	s := strconv.FormatFloat(x, 'g', -1, 64)
	if e := strings.IndexByte(s, 'e'); e >= 0 {
		exp, _ := strconv.Atoi(s[e+1:])
		if exp >= -4 && exp < 16 {
			s = strconv.FormatFloat(x, 'f', -1, 64)
		} else {
			// Python writes at least two exponent digits and a sign: 1e-05, 1e+16
			mant, sign := s[:e], "+"
			if exp < 0 {
				sign, exp = "-", -exp
			}
			return fmt.Sprintf("%s%s%s%02d", mant, "e", sign, exp)
		}
	}
	if !strings.ContainsAny(s, ".eIN") {
		s += ".0"
	}
	return s
}

// WriteText writes the report score.py prints without --json: the entity
// line and one line per relation kind.
func (r *Result) WriteText(w io.Writer) error {
	e := r.Entities
	var b strings.Builder
	fmt.Fprintf(&b, "entities  P=%.3f R=%.3f F1=%.3f  found %d/%d  scored %d  dup %d  wrong-type %d\n",
		e.P, e.R, e.F1, e.Found, e.Required, e.Scored, e.Duplicates, e.WrongType)
	for _, k := range Kinds {
		v := r.Relations[k]
		fmt.Fprintf(&b, "%-9s P=%.3f R=%.3f F1=%.3f  found %d/%d  tp %d fp %d\n",
			k, v.P, v.R, v.F1, v.Found, v.Required, v.TP, v.FP)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as score.py --json does (json.dumps: keys in
// score.py's order, ", " and ": " separators, Python float repr).
func (r *Result) WriteJSON(w io.Writer) error {
	e := r.Entities
	var b strings.Builder
	fmt.Fprintf(&b, `{"entities": {"p": %s, "r": %s, "f1": %s, "found": %d, "required": %d, "extracted_scored": %d, "duplicates": %d, "wrong_type": %d}, "relations": {`,
		pyFloat(e.P), pyFloat(e.R), pyFloat(e.F1), e.Found, e.Required, e.Scored, e.Duplicates, e.WrongType)
	for i, k := range Kinds {
		v := r.Relations[k]
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"%s": {"p": %s, "r": %s, "f1": %s, "tp": %d, "fp": %d, "found": %d, "required": %d}`,
			k, pyFloat(v.P), pyFloat(v.R), pyFloat(v.F1), v.TP, v.FP, v.Found, v.Required)
	}
	b.WriteString("}}\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteVerbose writes the lists score.py --verbose adds: missed, false and
// wrongly typed entities, duplicates, and per core type the missed gold
// relations and the first 40 false-positive edges.
func (r *Result) WriteVerbose(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\nmissed entities: %s\n", pyList(r.MissedEntities))
	fmt.Fprintf(&b, "false-positive entities: %s\n", pyList(r.FalseEntities))
	fmt.Fprintf(&b, "wrong type: %s\n", pyList(r.WrongTypes))
	parts := make([]string, len(r.DupNames))
	for i, n := range r.DupNames {
		parts[i] = pyRepr(n) + ": " + strconv.Itoa(r.DupCounts[i])
	}
	fmt.Fprintf(&b, "duplicates: {%s}\n", strings.Join(parts, ", "))
	for _, k := range Core {
		v := r.Relations[k]
		fmt.Fprintf(&b, "%s missed: %s\n", k, pyList(v.Missed))
		fps := v.FPs
		if len(fps) > 40 {
			fps = fps[:40]
		}
		fmt.Fprintf(&b, "%s false positives: %s\n", k, pyList(fps))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Options select what Run prints.
type Options struct {
	Verbose bool // add the lists of misses and false positives
	JSON    bool // print the figures as JSON instead of text
}

// Write prints r as score.py does with the given options.
func (r *Result) Write(w io.Writer, opt Options) error {
	var err error
	if opt.JSON {
		err = r.WriteJSON(w)
	} else {
		err = r.WriteText(w)
	}
	if err == nil && opt.Verbose {
		err = r.WriteVerbose(w)
	}
	return err
}
