package analysis

import (
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph/community"
)

// DefaultGonumLouvainMax is the default largest number of links (node
// pairs) for which communities come from gonum's community.Modularize.
// Gonum's local moving step scans every member of each candidate community
// through map lookups, so its cost grows with community size: 66 s for 20k
// nodes and 200k links on the development machine. Larger graphs use
// fastLouvain, the same algorithm with community totals kept up to date.
const DefaultGonumLouvainMax = 20000

// louvain returns the communities of u, largest first.
func louvain(u *Undirected, opt Options) [][]int32 {
	n := u.Len()
	var comms [][]int32
	switch {
	case u.Edges() == 0:
		for i := range n {
			comms = append(comms, []int32{int32(i)})
		}
	case u.Edges() <= opt.GonumLouvainMax:
		red := community.Modularize(u, opt.Resolution, rand.NewPCG(opt.Seed, 0x6b67_6c6f_7576)) // "kglouv"
		for _, c := range red.Communities() {
			if len(c) == 0 {
				continue
			}
			ids := make([]int32, len(c))
			for j, v := range c {
				ids[j] = int32(v.ID())
			}
			slices.Sort(ids)
			comms = append(comms, ids)
		}
	default:
		of := fastLouvain(u.adj, opt.Resolution, opt.Seed)
		byComm := map[int32][]int32{}
		for v, c := range of {
			byComm[c] = append(byComm[c], int32(v))
		}
		for _, c := range byComm {
			comms = append(comms, c) // members ascending: v was increasing
		}
	}
	sortGroups(comms)
	return comms
}

// level is one level of the Louvain hierarchy: a weighted graph whose nodes
// may carry internal weight (both directions of every edge inside them).
type level struct {
	adj  *csr
	self []float64
}

// fastLouvain returns the community of every node of adj found by the
// Louvain method (Blondel et al. 2008): local moving of nodes in a seeded
// random order, then aggregation of communities into nodes, until no node
// moves.
func fastLouvain(adj *csr, gamma float64, seed uint64) []int32 {
	n := len(adj.off) - 1
	rng := rand.New(rand.NewPCG(seed, 0x6b67_6661_7374)) // "kgfast"
	of := make([]int32, n)
	for i := range of {
		of[i] = int32(i)
	}
	lv := level{adj: adj, self: make([]float64, n)}
	for {
		comm, moved := localMoving(lv, gamma, rng)
		if !moved {
			return of
		}
		for i := range of {
			of[i] = comm[of[i]]
		}
		lv = aggregate(lv, comm)
	}
}

// localMoving moves nodes of lv between communities while modularity
// grows. It returns the communities, numbered 0..k-1 in order of their
// smallest node, and whether any node moved.
func localMoving(lv level, gamma float64, rng *rand.Rand) ([]int32, bool) {
	n := len(lv.self)
	k := make([]float64, n) // weighted degree, internal weight included
	var m2 float64
	for u := range n {
		k[u] = lv.self[u]
		_, wt := lv.adj.row(int64(u))
		for _, w := range wt {
			k[u] += w
		}
		m2 += k[u]
	}
	comm := make([]int32, n)
	tot := slices.Clone(k)
	for i := range comm {
		comm[i] = int32(i)
	}
	if m2 == 0 {
		return comm, false
	}
	order := make([]int32, n)
	for i := range order {
		order[i] = int32(i)
	}
	rng.Shuffle(n, func(i, j int) { order[i], order[j] = order[j], order[i] })

	toComm := make([]float64, n) // weight from the current node to each community
	var touched []int32
	moved := false
	for sweep := 0; sweep < 100; sweep++ {
		moves := 0
		for _, u := range order {
			nb, wt := lv.adj.row(int64(u))
			cu := comm[u]
			touched = append(touched[:0], cu)
			for j, v := range nb {
				c := comm[v]
				if toComm[c] == 0 && c != cu {
					touched = append(touched, c)
				}
				toComm[c] += wt[j]
			}
			tot[cu] -= k[u]
			best, bestGain := cu, toComm[cu]-gamma*tot[cu]*k[u]/m2
			for _, c := range touched[1:] {
				if g := toComm[c] - gamma*tot[c]*k[u]/m2; g > bestGain+1e-12*m2 {
					best, bestGain = c, g
				}
			}
			tot[best] += k[u]
			if best != cu {
				comm[u] = best
				moves++
			}
			for _, c := range touched {
				toComm[c] = 0
			}
		}
		if moves == 0 {
			break
		}
		moved = true
	}
	// Renumber communities 0..k-1 by smallest node.
	num := make([]int32, n)
	for i := range num {
		num[i] = -1
	}
	next := int32(0)
	for u := range n {
		if num[comm[u]] < 0 {
			num[comm[u]] = next
			next++
		}
		comm[u] = num[comm[u]]
	}
	return comm, moved
}

// aggregate returns the graph of the communities comm of lv.
func aggregate(lv level, comm []int32) level {
	k := 0
	for _, c := range comm {
		k = max(k, int(c)+1)
	}
	self := make([]float64, k)
	var arcs []arc
	for u := range len(lv.self) {
		cu := comm[u]
		self[cu] += lv.self[u]
		nb, wt := lv.adj.row(int64(u))
		for j, v := range nb {
			if cv := comm[v]; cv == cu {
				self[cu] += wt[j]
			} else {
				arcs = append(arcs, arc{cu, cv, wt[j]})
			}
		}
	}
	return level{adj: buildCSR(k, arcs), self: self}
}
