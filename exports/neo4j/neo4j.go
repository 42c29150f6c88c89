package neo4j

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/kgraph/kg/graph"
)

// DefaultBatchSize is the number of rows per transaction, chosen by
// BenchmarkPush (see docs/cypher.md).
const DefaultBatchSize = 5000

// DefaultURI is used when neither Options.URI nor NEO4J_URI is set.
const DefaultURI = "bolt://localhost:7687"

// Options say where to push and how.
type Options struct {
	URI      string // bolt://, neo4j:// (or +s, +ssc) URI
	User     string
	Password string
	Database string // "" for the server's default database
	// BatchSize is the number of rows per transaction (DefaultBatchSize when 0).
	BatchSize int
	// Replace deletes every node kg owns (labelled :Entity or :Article) and
	// their relationships before loading.
	Replace bool
	// MaxRetryTime bounds the driver's retries of one batch (30s when 0).
	MaxRetryTime time.Duration
	// Progress, when set, is called after every batch.
	Progress func(Progress)
}

// OptionsFromEnv returns Options filled from Neo4j's own variables
// NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.
func OptionsFromEnv() Options {
	o := Options{
		URI:      os.Getenv("NEO4J_URI"),
		User:     os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if o.URI == "" {
		o.URI = DefaultURI
	}
	if o.User == "" {
		o.User = "neo4j"
	}
	return o
}

func (o Options) withDefaults() (Options, error) {
	if o.URI == "" {
		o.URI = DefaultURI
	}
	if o.User == "" {
		o.User = "neo4j"
	}
	if o.BatchSize == 0 {
		o.BatchSize = DefaultBatchSize
	}
	if o.MaxRetryTime == 0 {
		o.MaxRetryTime = 30 * time.Second
	}
	if o.BatchSize < 1 {
		return o, fmt.Errorf("neo4j: batch size %d: must be at least 1", o.BatchSize)
	}
	if o.Password == "" {
		return o, &Error{Kind: ErrAuth, Msg: fmt.Sprintf("neo4j: no password for user %q at %s (set --password or NEO4J_PASSWORD)", o.User, o.URI)}
	}
	return o, nil
}

// Progress tells how far a push is.
type Progress struct {
	Step  string // "entities Person", "relations MET_WITH", ...
	Done  int    // rows written so far, over all steps
	Total int    // rows in all steps
}

// Summary counts what a push did. Created figures come from the server's
// counters; an element is updated when it existed with other properties.
type Summary struct {
	Entities, Articles, Relations, Mentions  int // rows pushed
	Batches                                  int
	NodesCreated, NodesUpdated, NodesDeleted int
	RelsCreated, RelsUpdated, RelsDeleted    int
	PropertiesSet                            int
	Elapsed                                  time.Duration
}

// Changed reports whether the push changed the database.
func (s Summary) Changed() bool {
	return s.NodesCreated+s.NodesUpdated+s.NodesDeleted+s.RelsCreated+s.RelsUpdated+s.RelsDeleted+s.PropertiesSet > 0
}

// String is a one-line summary with the write rate.
func (s Summary) String() string {
	rows := s.Entities + s.Articles + s.Relations + s.Mentions
	rate := 0.0
	if sec := s.Elapsed.Seconds(); sec > 0 {
		rate = float64(rows) / sec
	}
	msg := fmt.Sprintf("neo4j: %d entities, %d articles, %d relations, %d mentions in %s (%.0f rows/s); nodes %d created, %d updated; relationships %d created, %d updated",
		s.Entities, s.Articles, s.Relations, s.Mentions, s.Elapsed.Round(time.Millisecond), rate,
		s.NodesCreated, s.NodesUpdated, s.RelsCreated, s.RelsUpdated)
	if s.NodesDeleted+s.RelsDeleted > 0 {
		msg += fmt.Sprintf("; replaced: %d nodes and %d relationships deleted", s.NodesDeleted, s.RelsDeleted)
	}
	return msg
}

// Kinds of errors a user can fix; an *Error matches one of them with errors.Is.
var (
	ErrUnreachable = errors.New("neo4j: server unreachable")
	ErrAuth        = errors.New("neo4j: authentication failed")
	ErrNoDatabase  = errors.New("neo4j: no such database")
	ErrGraph       = errors.New("neo4j: graph cannot be pushed")
)

// Error is a one-line error a user can act on.
type Error struct {
	Kind error  // ErrUnreachable, ErrAuth, ErrNoDatabase or nil
	Msg  string // the whole message
	Err  error  // the driver's error, if any
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the kind and the cause.
func (e *Error) Unwrap() []error {
	var out []error
	if e.Kind != nil {
		out = append(out, e.Kind)
	}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// Push writes g into the database of o. It verifies the connection, creates
// the constraints, deletes kg's nodes when o.Replace, then loads g batch by
// batch. Any error leaves what was written so far, which a later push of
// the same graph completes.
func Push(ctx context.Context, g *graph.Graph, o Options) (Summary, error) {
	start := time.Now()
	var sum Summary
	o, err := o.withDefaults()
	if err != nil {
		return sum, err
	}
	p, err := newPlan(g)
	if err != nil {
		return sum, &Error{Kind: ErrGraph, Msg: err.Error()}
	}
	drv, err := connect(ctx, o)
	if err != nil {
		return sum, err
	}
	defer drv.Close(context.WithoutCancel(ctx))

	sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: o.Database, AccessMode: driver.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))

	if err := createConstraints(ctx, sess, p); err != nil {
		return sum, explain(ctx, o, "creating the constraints", err)
	}

	if o.Replace {
		for _, q := range []string{deleteRelsQuery, deleteNodesQuery} {
			for {
				v, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
					res, err := tx.Run(ctx, q, map[string]any{"limit": int64(10000)})
					if err != nil {
						return nil, err
					}
					s, err := res.Consume(ctx)
					if err != nil {
						return nil, err
					}
					return s.Counters(), nil
				})
				if err != nil {
					return sum, explain(ctx, o, "deleting kg's nodes (--replace)", err)
				}
				c := v.(driver.Counters)
				sum.NodesDeleted += c.NodesDeleted()
				sum.RelsDeleted += c.RelationshipsDeleted()
				if c.NodesDeleted()+c.RelationshipsDeleted() == 0 {
					break
				}
			}
		}
	}

	fresh, err := noOwnedNodes(ctx, sess)
	if err != nil {
		return sum, explain(ctx, o, "looking for kg's nodes", err)
	}
	phases := sequential(p, o.BatchSize)
	if fresh {
		phases = parallel(p, o.BatchSize)
	}
	w := &writer{drv: drv, sess: sess, o: o, p: p, sum: &sum, total: p.rows}
	w.fresh.Store(fresh)
	for _, ph := range phases {
		if err := w.run(ctx, ph); err != nil {
			return sum, err
		}
	}
	for _, st := range p.steps {
		switch st.kind {
		case kindArticles:
			sum.Articles += len(st.rows)
		case kindEntities:
			sum.Entities += len(st.rows)
		case kindRelations:
			sum.Relations += len(st.rows)
		case kindMentions:
			sum.Mentions += len(st.rows)
		}
	}
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// createConstraints creates the constraints of p that the database lacks.
func createConstraints(ctx context.Context, sess driver.SessionWithContext, p *plan) error {
	have, err := constraintNames(ctx, sess)
	if err != nil {
		return err
	}
	for _, c := range p.constraints {
		if have[c.name] {
			continue
		}
		if _, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, c.query, nil)
			if err != nil {
				return nil, err
			}
			return res.Consume(ctx)
		}); err != nil {
			// Another push may have created it at the same time.
			if now, err2 := constraintNames(ctx, sess); err2 == nil && now[c.name] {
				continue
			}
			return err
		}
	}
	return nil
}

// constraintNames returns the names of the database's constraints.
func constraintNames(ctx context.Context, sess driver.SessionWithContext) (map[string]bool, error) {
	v, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names", nil)
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		names, _ := rec.Get("names")
		have := map[string]bool{}
		for _, n := range names.([]any) {
			if s, ok := n.(string); ok {
				have[s] = true
			}
		}
		return have, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(map[string]bool), nil
}

// noOwnedNodes reports whether the database holds no node kg owns.
func noOwnedNodes(ctx context.Context, sess driver.SessionWithContext) (bool, error) {
	v, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, anyOwnedQuery, nil)
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		v, _ := rec.Get("any")
		return v, nil
	})
	if err != nil {
		return false, err
	}
	return v == false, nil
}

// writer runs the batches of a push and adds up what they did.
type writer struct {
	drv   driver.DriverWithContext
	sess  driver.SessionWithContext // for phases of one lane
	o     Options
	fresh atomic.Bool // CREATE statements until one finds its row written
	p     *plan
	// entityIDs and articleIDs hold the element ids of the nodes the fresh
	// statements created, by their index (record.a). They are written in
	// the first phase (nodes) and read in the next ones.
	entityIDs, articleIDs []string

	mu    sync.Mutex // guards what follows
	sum   *Summary
	done  int
	total int
}

// run runs the lanes of a phase at once, each in its own session. The first
// error cancels the other lanes and is returned.
func (w *writer) run(ctx context.Context, ph phase) error {
	if len(ph) == 1 {
		return w.lane(ctx, w.sess, ph[0])
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var first error
	var once sync.Once
	for _, lane := range ph {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sess := w.drv.NewSession(ctx, driver.SessionConfig{DatabaseName: w.o.Database, AccessMode: driver.AccessModeWrite})
			defer sess.Close(context.WithoutCancel(ctx))
			if err := w.lane(ctx, sess, lane); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}()
	}
	wg.Wait()
	return first
}

// lane runs jobs one after the other.
func (w *writer) lane(ctx context.Context, sess driver.SessionWithContext, jobs []job) error {
	for _, j := range jobs {
		if err := w.job(ctx, sess, j); err != nil {
			return err
		}
	}
	return nil
}

// job runs one batch, with the CREATE statement while the push is fresh.
// When a row it would create exists (another push writes at the same time,
// or the batch committed before the driver retried it), the batch is rolled
// back and run again with MERGE, as are all the next batches.
func (w *writer) job(ctx context.Context, sess driver.SessionWithContext, j job) error {
	st := j.st
	doing := fmt.Sprintf("writing %s %s (batch %d of %d)", st.kind, st.name, j.n, j.of)
	if err := ctx.Err(); err != nil {
		return explain(ctx, w.o, doing, err)
	}
	var r batchResult
	var err error
	fresh := w.fresh.Load()
	if fresh {
		if rows, ok := w.freshRows(j); ok {
			r, err = runBatch(ctx, sess, st.fresh, rows)
			if isConstraintError(err) {
				w.fresh.Store(false)
				fresh = false
			}
		} else { // a node of the batch was not created by this push
			fresh = false
		}
	}
	if !fresh {
		r, err = runBatch(ctx, sess, st.query, st.rowMaps(j.rows))
	}
	if err != nil {
		return explain(ctx, w.o, doing, err)
	}
	if fresh && st.kind.nodes() {
		w.setIDs(st.kind, r.ids)
	}
	if r.rows != len(j.rows) {
		return fmt.Errorf("neo4j: %s %s: %d of %d rows found their nodes (were entities deleted during the push?)", st.kind, st.name, r.rows, len(j.rows))
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	sum := w.sum
	sum.Batches++
	sum.NodesCreated += r.counters.NodesCreated()
	sum.RelsCreated += r.counters.RelationshipsCreated()
	sum.PropertiesSet += r.counters.PropertiesSet()
	if st.kind.nodes() {
		sum.NodesUpdated += max(0, r.changed-r.counters.NodesCreated())
	} else {
		sum.RelsUpdated += max(0, r.changed-r.counters.RelationshipsCreated())
	}
	w.done += len(j.rows)
	if w.o.Progress != nil && ctx.Err() == nil {
		w.o.Progress(Progress{Step: st.kind.String() + " " + st.name, Done: w.done, Total: w.total})
	}
	return nil
}

// setIDs records the element ids of nodes of kind k, given as [key, id].
func (w *writer) setIDs(k kind, ids [][2]string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.entityIDs == nil {
		w.entityIDs = make([]string, len(w.p.entityIndex))
		w.articleIDs = make([]string, len(w.p.articleIndex))
	}
	for _, id := range ids {
		if k == kindArticles {
			w.articleIDs[w.p.articleIndex[id[0]]] = id[1]
		} else {
			w.entityIDs[w.p.entityIndex[id[0]]] = id[1]
		}
	}
}

// freshRows returns the rows of a job for its fresh statement, with the
// element ids of the end nodes of a relationship in their first two slots.
// It reports false when an end node has no element id: this push did not
// create it.
func (w *writer) freshRows(j job) ([]any, bool) {
	st := j.st
	out := make([]any, len(j.rows))
	targets := w.entityIDs
	if st.kind == kindMentions {
		targets = w.articleIDs
	}
	for i, r := range j.rows {
		if st.off > 0 {
			if w.entityIDs == nil || w.entityIDs[r.a] == "" || targets[r.b] == "" {
				return nil, false
			}
			r.vals[0], r.vals[1] = w.entityIDs[r.a], targets[r.b]
		}
		out[i] = r.vals
	}
	return out, true
}

// isConstraintError tells whether err is a uniqueness constraint's refusal.
func isConstraintError(err error) bool {
	var nerr *driver.Neo4jError
	return errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Schema.ConstraintValidationFailed"
}

type batchResult struct {
	rows, changed int
	counters      driver.Counters
	ids           [][2]string // [key, element id] of the nodes a fresh statement created
}

// runBatch runs one statement with one batch of rows in a managed
// transaction, which the driver retries on transient errors.
func runBatch(ctx context.Context, sess driver.SessionWithContext, query string, rows []any) (batchResult, error) {
	v, err := sess.ExecuteWrite(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, query, map[string]any{"rows": rows})
		if err != nil {
			return nil, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return nil, err
		}
		s, err := res.Consume(ctx)
		if err != nil {
			return nil, err
		}
		n, _ := rec.Get("rows")
		c, _ := rec.Get("changed")
		br := batchResult{counters: s.Counters()}
		br.rows = int(asInt(n))
		br.changed = int(asInt(c))
		if ids, ok := rec.Get("ids"); ok {
			for _, v := range ids.([]any) {
				if kv, ok := v.([]any); ok && len(kv) == 2 {
					k, _ := kv[0].(string)
					id, _ := kv[1].(string)
					br.ids = append(br.ids, [2]string{k, id})
				}
			}
		}
		return br, nil
	})
	if err != nil {
		return batchResult{}, err
	}
	return v.(batchResult), nil
}

func asInt(v any) int64 {
	if n, ok := v.(int64); ok {
		return n
	}
	return 0
}

// connect opens a driver and checks the server, the credentials and the
// database before anything is written.
func connect(ctx context.Context, o Options) (driver.DriverWithContext, error) {
	drv, err := driver.NewDriverWithContext(o.URI, driver.BasicAuth(o.User, o.Password, ""), func(c *config.Config) {
		c.MaxTransactionRetryTime = o.MaxRetryTime
		c.SocketConnectTimeout = 10 * time.Second
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.UserAgent = "kg"
	})
	if err != nil {
		return nil, &Error{Msg: fmt.Sprintf("neo4j: bad URI %q: %s (use bolt://host:7687 or neo4j://host:7687)", o.URI, oneLine(err.Error()))}
	}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		drv.Close(context.WithoutCancel(ctx))
		return nil, explain(ctx, o, "", err)
	}
	sess := drv.NewSession(ctx, driver.SessionConfig{DatabaseName: o.Database, AccessMode: driver.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	if _, err := sess.ExecuteRead(ctx, func(tx driver.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "RETURN 1", nil)
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	}); err != nil {
		drv.Close(context.WithoutCancel(ctx))
		return nil, explain(ctx, o, "", err)
	}
	return drv, nil
}

// explain turns a driver error into a one-line message that says what to
// fix. doing names the step that failed, "" while connecting.
func explain(ctx context.Context, o Options, doing string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("neo4j: %s: %w", orConnecting(doing), ctx.Err())
	}
	var lim *driver.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		err = lim.Errors[len(lim.Errors)-1]
	}
	later := ""
	if doing != "" {
		later = "; what was written is kept: run the same push again to complete it"
	}
	var nerr *driver.Neo4jError
	var aerr *driver.InvalidAuthenticationError
	var cerr *driver.ConnectivityError
	switch {
	case errors.As(err, &aerr) || errors.As(err, &nerr) && nerr.Code == "Neo.ClientError.Security.Unauthorized":
		return &Error{Kind: ErrAuth, Err: err, Msg: fmt.Sprintf("neo4j: %s refused user %q: wrong user name or password (set --user and --password, or NEO4J_USERNAME and NEO4J_PASSWORD)", o.URI, o.User)}
	case nerr != nil && nerr.Code == "Neo.ClientError.Security.AuthenticationRateLimit":
		return &Error{Kind: ErrAuth, Err: err, Msg: fmt.Sprintf("neo4j: %s: too many failed logins for user %q: wait a few seconds, then retry with the right password", o.URI, o.User)}
	case nerr != nil && nerr.Code == "Neo.ClientError.Security.CredentialsExpired":
		return &Error{Kind: ErrAuth, Err: err, Msg: fmt.Sprintf("neo4j: %s: the password of user %q has expired: change it first (ALTER CURRENT USER SET PASSWORD FROM '...' TO '...')", o.URI, o.User)}
	case nerr != nil && nerr.Code == "Neo.ClientError.Database.DatabaseNotFound":
		return &Error{Kind: ErrNoDatabase, Err: err, Msg: fmt.Sprintf("neo4j: %s has no database %q (check --database or NEO4J_DATABASE; SHOW DATABASES lists them, Community Edition has only neo4j)", o.URI, o.Database)}
	case nerr != nil && nerr.Code == "Neo.ClientError.Security.Forbidden":
		return &Error{Kind: ErrAuth, Err: err, Msg: fmt.Sprintf("neo4j: %s: user %q may not %s: %s", o.URI, o.User, orConnecting(doing), oneLine(nerr.Msg))}
	case errors.As(err, &cerr) || isConnectionLoss(err):
		if doing == "" {
			return &Error{Kind: ErrUnreachable, Err: err, Msg: fmt.Sprintf("neo4j: cannot reach %s: %s (is the server running? start a local one with scripts/neo4j up, or set --uri or NEO4J_URI)", o.URI, cause(err))}
		}
		return &Error{Kind: ErrUnreachable, Err: err, Msg: fmt.Sprintf("neo4j: lost the connection to %s while %s: %s%s", o.URI, doing, cause(err), later)}
	case nerr != nil:
		return &Error{Err: err, Msg: fmt.Sprintf("neo4j: %s: %s: %s%s", orConnecting(doing), nerr.Code, oneLine(nerr.Msg), later)}
	}
	return &Error{Err: err, Msg: fmt.Sprintf("neo4j: %s: %s%s", orConnecting(doing), oneLine(err.Error()), later)}
}

func orConnecting(doing string) string {
	if doing == "" {
		return "connecting"
	}
	return doing
}

// isConnectionLoss recognises the driver's errors for a server that went away.
func isConnectionLoss(err error) bool {
	msg := err.Error()
	for _, s := range []string{"connection refused", "broken pipe", "connection reset", "EOF", "i/o timeout", "server unavailable", "Neo.TransientError.General.DatabaseUnavailable", "routing table"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// cause is the innermost message of a driver error, on one line.
func cause(err error) string {
	msg := err.Error()
	for _, p := range []string{"ConnectivityError: ", "TransactionExecutionLimit: "} {
		msg = strings.TrimPrefix(msg, p)
	}
	return oneLine(msg)
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}
