package neo4j

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The statements of the load. Each runs once per batch with $rows; each
// returns the rows it matched and how many of them it wrote, and writes an
// element only when its kg_hash differs, so a batch can be run again safely.

const articleQuery = `UNWIND $rows AS row
MERGE (n:Article {id: row.props.id})
WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed`

func entityQuery(label string) string {
	return `UNWIND $rows AS row
MERGE (n:Entity {key: row.props.key})
WITH n, row, coalesce(n.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = row.props, n:` + quote(label) + `)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed`
}

func relationQuery(typ string) string {
	return `UNWIND $rows AS row
MATCH (a:Entity {key: row.source})
MATCH (b:Entity {key: row.target})
MERGE (a)-[r:` + quote(typ) + ` {key: row.props.key}]->(b)
WITH r, row, coalesce(r.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed`
}

const mentionQuery = `UNWIND $rows AS row
MATCH (e:Entity {key: row.source})
MERGE (a:Article {id: row.target})
MERGE (e)-[r:MENTIONED_IN {key: row.props.key}]->(a)
WITH r, row, coalesce(r.kg_hash, '') <> row.props.kg_hash AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN count(*) AS rows, sum(CASE WHEN changed THEN 1 ELSE 0 END) AS changed`

// The statements of a fresh load, used while the database holds none of the
// nodes kg owns: CREATE without MERGE and without comparing digests. Their
// rows are lists, not maps: the properties in the order of the step's
// columns (a null leaves the property out), after the element ids of the two
// end nodes for a relationship. The node statements return the element id
// of every node they create, with which the relationship statements find
// their end nodes (NodeByElementIdSeek) instead of looking their keys up in
// the index. Together that is about 1.7 times as fast as MERGE by key in one
// lane (BenchmarkPush). The uniqueness constraints still hold: a row that
// exists already (another push writing at the same time, or a retried batch
// that had committed) fails its batch with a constraint error, and the push
// runs that batch and all the next ones with the MERGE statements above.

// freshNodeQuery creates nodes with the labels (quoted here) and returns
// pairs [key, element id], key being the column keyCol.
func freshNodeQuery(labels []string, cols []string, keyCol string) string {
	var q []string
	for _, l := range labels {
		q = append(q, quote(l))
	}
	return `UNWIND $rows AS row
CREATE (n:` + strings.Join(q, ":") + ` ` + columns(cols, 0) + `)
RETURN count(*) AS rows, count(*) AS changed, collect([row[` + strconv.Itoa(slices.Index(cols, keyCol)) + `], elementId(n)]) AS ids`
}

// freshLinkQuery creates relationships of type typ between the nodes whose
// element ids are the first two values of a row.
func freshLinkQuery(typ string, cols []string) string {
	return `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row[0]
MATCH (b) WHERE elementId(b) = row[1]
CREATE (a)-[r:` + quote(typ) + ` ` + columns(cols, 2) + `]->(b)
RETURN count(*) AS rows, count(*) AS changed`
}

// columns is the map literal {col: row[off], ...} of the columns.
func columns(cols []string, off int) string {
	var b strings.Builder
	b.WriteByte('{')
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(quoteKey(c) + ": row[" + strconv.Itoa(off+i) + "]")
	}
	b.WriteByte('}')
	return b.String()
}

// quoteKey is a property key as Cypher takes it: as it is when it is a
// plain identifier, backquoted otherwise.
func quoteKey(k string) string {
	if ValidIdentifier(k) {
		return k
	}
	return "`" + strings.ReplaceAll(k, "`", "``") + "`"
}

// anyOwnedQuery tells whether the database holds a node kg owns.
const anyOwnedQuery = `RETURN EXISTS { MATCH (:Entity) } OR EXISTS { MATCH (:Article) } AS any`

// deleteRelsQuery deletes up to $limit relationships of the nodes kg owns,
// then deleteNodesQuery up to $limit of those nodes: in two steps, so that
// no transaction holds a whole hub with its relationships.
const deleteRelsQuery = `MATCH (n)-[r]-() WHERE n:Entity OR n:Article
WITH DISTINCT r LIMIT $limit
DELETE r
RETURN count(*) AS deleted`

const deleteNodesQuery = `MATCH (n) WHERE n:Entity OR n:Article
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted`

// deleteScript is the deletion for cypher-shell, which runs it in auto-commit mode.
const deleteScript = `MATCH (n)-[r]-() WHERE n:Entity OR n:Article
WITH DISTINCT r
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n) WHERE n:Entity OR n:Article
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS`

func relConstraint(typ string) constraint {
	name := "kg_" + typ + "_key"
	return constraint{name, "CREATE CONSTRAINT " + quote(name) + " IF NOT EXISTS FOR ()-[r:" + quote(typ) + "]-() REQUIRE r.key IS UNIQUE"}
}

// writeLiteral writes v as a Cypher literal: the parameter values of the
// load (strings, numbers, booleans, dates, lists and maps of them).
func writeLiteral(b literalWriter, v any) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case string:
		writeString(b, v)
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case int:
		b.WriteString(strconv.Itoa(v))
	case int64:
		b.WriteString(strconv.FormatInt(v, 10))
	case float64:
		writeFloat(b, v)
	case driver.Date:
		b.WriteString("date('" + time.Time(v).Format(time.DateOnly) + "')")
	case []string:
		b.WriteByte('[')
		for i, s := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeString(b, s)
		}
		b.WriteByte(']')
	case []int64:
		b.WriteByte('[')
		for i, n := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.FormatInt(n, 10))
		}
		b.WriteByte(']')
	case []any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeLiteral(b, x)
		}
		b.WriteByte(']')
	case []map[string]any:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteString(", ")
			}
			writeLiteral(b, x)
		}
		b.WriteByte(']')
	case map[string]any:
		var arr [24]string // no allocation for the maps of the load
		keys := arr[:0]
		for k := range v {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(quoteKey(k) + ": ")
			writeLiteral(b, v[k])
		}
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("neo4j: no Cypher literal for %T", v))
	}
}

// literalWriter is a *strings.Builder or a *bytes.Buffer.
type literalWriter interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
	WriteRune(rune) (int, error)
}

// writeString writes s as a single-quoted Cypher string on one line: quotes,
// backslashes and every control or non-ASCII character are escaped, so the
// literal is plain ASCII whatever s holds.
func writeString(b literalWriter, s string) {
	b.WriteByte('\'')
	if plainASCII(s) {
		b.WriteString(s)
		b.WriteByte('\'')
		return
	}
	for _, r := range s {
		switch {
		case r == '\'' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == utf8.RuneError:
			b.WriteString(`\uFFFD`)
		case r >= 0x20 && r < 0x7f:
			b.WriteRune(r)
		case r <= 0xFFFF:
			fmt.Fprintf(b, `\u%04X`, r)
		default: // a surrogate pair, as Cypher strings are UTF-16 in escapes
			r -= 0x10000
			fmt.Fprintf(b, `\u%04X\u%04X`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		}
	}
	b.WriteByte('\'')
}

// plainASCII tells whether s is printable ASCII without quote or backslash,
// which writeString writes as it is.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == '\'' || c == '\\' {
			return false
		}
	}
	return true
}

func writeFloat(b literalWriter, f float64) {
	switch {
	case math.IsNaN(f):
		b.WriteString("0.0/0.0")
	case math.IsInf(f, 1):
		b.WriteString("1.0/0.0")
	case math.IsInf(f, -1):
		b.WriteString("-1.0/0.0")
	default:
		s := strconv.FormatFloat(f, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		b.WriteString(s)
	}
}
