package neo4j

// job is one batch of one step: batch n of the step's of batches.
type job struct {
	st    *step
	rows  []record
	n, of int
}

// phase is jobs run at once in lanes, each lane's jobs in order, one
// transaction at a time. No two lanes of a phase write relationships at the
// same node, so their transactions never wait for each other's locks.
type phase [][]job

// sequential is the whole plan in one lane, step by step.
func sequential(p *plan, size int) []phase {
	var lane []job
	for i := range p.steps {
		st := &p.steps[i]
		for _, b := range batches(st.rows, size) {
			lane = append(lane, job{st: st, rows: b})
		}
	}
	return number([]phase{{lane}})
}

// parallel splits the relationships of p between two lanes: it deals the
// entities into four parts by their index, and runs the relations in three phases of two
// lanes, each lane with the relations between two parts (parts 0 and 1
// beside 2 and 3, 0 and 2 beside 1 and 3, 0 and 3 beside 1 and 2, so every
// pair of parts is in one lane), then the mentions in two phases of two
// lanes, by the parity of the entity's part and of the article. Articles and
// entities go first, in two lanes: the articles and the entities of the even
// parts in one, the entities of the odd parts in the other (creating a node
// locks nothing another lane needs). A phase takes about a third of the
// relations, half in each lane, on the random graph of the benchmark.
func parallel(p *plan, size int) []phase {
	part := func(entity int32) int32 { return entity % 4 } // by the index in the graph's nodes
	var nodes [2][]job                                     // articles, then entities by the parity of their part
	var rels [3][2][]job                                   // [phase][lane]
	var mentions [2][2][]job                               // [phase][lane]
	for i := range p.steps {
		st := &p.steps[i]
		switch st.kind {
		case kindArticles:
			for _, b := range batches(st.rows, size) {
				nodes[0] = append(nodes[0], job{st: st, rows: b})
			}
		case kindEntities:
			var split [2][]record
			for _, r := range st.rows {
				split[part(r.a)%2] = append(split[part(r.a)%2], r)
			}
			for lane, rows := range split {
				for _, b := range batches(rows, size) {
					nodes[lane] = append(nodes[lane], job{st: st, rows: b})
				}
			}
		case kindRelations:
			var split [3][2][]record
			for _, r := range st.rows {
				ph, lane := relationLane(int(part(r.a)), int(part(r.b)))
				split[ph][lane] = append(split[ph][lane], r)
			}
			for ph := range split {
				for lane, rows := range split[ph] {
					for _, b := range batches(rows, size) {
						rels[ph][lane] = append(rels[ph][lane], job{st: st, rows: b})
					}
				}
			}
		case kindMentions:
			var split [2][2][]record
			for _, r := range st.rows {
				e, a := part(r.a)%2, r.b%2
				split[e^a][e] = append(split[e^a][e], r)
			}
			for ph := range split {
				for lane, rows := range split[ph] {
					for _, b := range batches(rows, size) {
						mentions[ph][lane] = append(mentions[ph][lane], job{st: st, rows: b})
					}
				}
			}
		}
	}
	phases := []phase{{nodes[0], nodes[1]}}
	for _, lanes := range rels {
		phases = append(phases, phase{lanes[0], lanes[1]})
	}
	for _, lanes := range mentions {
		phases = append(phases, phase{lanes[0], lanes[1]})
	}
	return number(phases)
}

// relationLane is the phase and lane of a relation between entities of
// parts a and b.
func relationLane(a, b int) (phase, lane int) {
	if a > b {
		a, b = b, a
	}
	switch {
	case b <= 1: // within parts 0 and 1
		return 0, 0
	case a >= 2: // within parts 2 and 3
		return 0, 1
	case b-a == 2: // 0-2, 1-3
		return 1, a
	default: // 0-3, 1-2
		return 2, a
	}
}

// number drops the empty lanes and phases and numbers the batches of each
// step in the order of the phases.
func number(phases []phase) []phase {
	of := map[*step]int{}
	var out []phase
	for _, ph := range phases {
		var lanes phase
		for _, lane := range ph {
			if len(lane) > 0 {
				lanes = append(lanes, lane)
			}
			for _, j := range lane {
				of[j.st]++
			}
		}
		if len(lanes) > 0 {
			out = append(out, lanes)
		}
	}
	n := map[*step]int{}
	for _, ph := range out {
		for _, lane := range ph {
			for i := range lane {
				n[lane[i].st]++
				lane[i].n, lane[i].of = n[lane[i].st], of[lane[i].st]
			}
		}
	}
	return out
}
