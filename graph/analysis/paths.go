package analysis

import (
	"context"
	"math"
	"math/rand/v2"
	"sync"
)

// stripes is the fixed number of partial sums the shortest-path pass is split
// into. It does not depend on the number of CPUs, so that the floating-point
// sums, and so the results, are the same on every machine.
const stripes = 4

// confidence is the probability with which the sampled betweenness error
// bound holds.
const confidence = 0.95

// pathTask is one BFS source with the factor its contributions are scaled by
// (1 when every node of its component is a source, N/k when k of the N nodes
// of its component are sampled).
type pathTask struct {
	src   int32
	scale float64
}

// pathSums are the per-node accumulations of the shortest-path pass.
type pathSums struct {
	bc   []float64 // Brandes dependency sums over sources
	far  []float64 // sum of distances from sources
	harm []float64 // sum of 1/distance from sources
}

func newPathSums(n int) *pathSums {
	return &pathSums{bc: make([]float64, n), far: make([]float64, n), harm: make([]float64, n)}
}

// pathPlan chooses the BFS sources: every node of a component of at most
// exactMax nodes, else samples nodes drawn without replacement with a
// seeded generator. It returns the tasks and, for sampled components, the
// largest error bound of the normalised betweenness.
func pathPlan(comps [][]int32, n, exactMax, samples int, seed uint64) (tasks []pathTask, sampled bool, k int, bound float64) {
	rng := rand.New(rand.NewPCG(seed, 0x6b67_6265_7477)) // "kgbetw"
	for _, c := range comps {
		N := len(c)
		if N <= 2 {
			continue // no node lies between two others; distances handled below
		}
		if N <= exactMax || samples >= N {
			for _, s := range c {
				tasks = append(tasks, pathTask{s, 1})
			}
			continue
		}
		sampled, k = true, samples
		pick := append([]int32(nil), c...)
		for i := 0; i < samples; i++ {
			j := i + rng.IntN(len(pick)-i)
			pick[i], pick[j] = pick[j], pick[i]
		}
		scale := float64(N) / float64(samples)
		for _, s := range pick[:samples] {
			tasks = append(tasks, pathTask{s, scale})
		}
		// Hoeffding with a union bound over the N nodes: each sampled source
		// contributes δ_s(v)/(N-2) ∈ [0,1] to the mean being estimated.
		eps := math.Sqrt(math.Log(2*float64(N)/(1-confidence)) / (2 * float64(samples)))
		eps *= float64(N) * float64(N-2) / (float64(n-1) * float64(n-2))
		bound = max(bound, eps)
	}
	return tasks, sampled, k, bound
}

// shortestPaths runs Brandes' algorithm from every task's source over the
// unweighted adjacency adj, in stripes that may run concurrently, and
// returns the summed dependencies, distances and inverse distances.
func shortestPaths(ctx context.Context, adj *csr, n int, tasks []pathTask, small [][]int32) (*pathSums, error) {
	parts := make([]*pathSums, stripes)
	errs := make([]error, stripes)
	var wg sync.WaitGroup
	for p := range stripes {
		parts[p] = newPathSums(n)
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[p] = brandesStripe(ctx, adj, n, tasks, p, parts[p])
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	sum := parts[0]
	for _, part := range parts[1:] {
		for i := range n {
			sum.bc[i] += part.bc[i]
			sum.far[i] += part.far[i]
			sum.harm[i] += part.harm[i]
		}
	}
	// Components of two nodes: distance 1 each way.
	for _, c := range small {
		if len(c) == 2 {
			for _, v := range c {
				sum.far[v] += 1
				sum.harm[v] += 1
			}
		}
	}
	return sum, nil
}

// bfsState is the per-node state of one Brandes search, kept together so
// that visiting a neighbour touches one cache line.
type bfsState struct {
	sigma, delta float64 // shortest paths from the source; dependency
	dist         int32   // hops from the source, -1 if not reached
}

func brandesStripe(ctx context.Context, adj *csr, n int, tasks []pathTask, stripe int, acc *pathSums) error {
	st := make([]bfsState, n)
	for i := range st {
		st[i].dist = -1
	}
	order := make([]int32, 0, n)
	for t := stripe; t < len(tasks); t += stripes {
		if t%64 == stripe && ctx.Err() != nil {
			return ctx.Err()
		}
		s, scale := tasks[t].src, tasks[t].scale
		order = order[:0]
		st[s].dist, st[s].sigma = 0, 1
		order = append(order, s)
		for head := 0; head < len(order); head++ {
			v := order[head]
			dv, sv := st[v].dist, st[v].sigma
			for _, w := range adj.nbr[adj.off[v]:adj.off[v+1]] {
				sw := &st[w]
				if sw.dist < 0 {
					sw.dist = dv + 1
					order = append(order, w)
				}
				if sw.dist == dv+1 {
					sw.sigma += sv
				}
			}
		}
		for i := len(order) - 1; i > 0; i-- {
			w := order[i]
			sw := &st[w]
			dw := sw.dist
			coeff := (1 + sw.delta) / sw.sigma
			for _, v := range adj.nbr[adj.off[w]:adj.off[w+1]] {
				if sv := &st[v]; sv.dist == dw-1 {
					sv.delta += sv.sigma * coeff
				}
			}
			acc.bc[w] += scale * sw.delta
			acc.far[w] += scale * float64(dw)
			acc.harm[w] += scale / float64(dw)
		}
		for _, v := range order {
			st[v] = bfsState{dist: -1}
		}
	}
	return nil
}
