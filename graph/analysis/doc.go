// Package analysis computes centralities, components, k-cores and Louvain
// communities of a knowledge graph with gonum's graph packages.
//
// Data flow: a *graph.Graph is seen by gonum through two views, Undirected
// (every relation an edge, parallel relations merged, weight = summed
// evidence count) and Directed (a relation points from source to target, a
// symmetric one both ways), each over all relation types or a selection.
// Analyse computes per node the fields of graph.Metrics and the graph-level
// graph.Analysis; Apply writes them onto the graph, so that the JSON, GraphML
// and Neo4j exports carry them.
//
// Conventions (those of NetworkX, against which the tests check them):
//   - degree counts distinct neighbours; weighted degree sums edge weights;
//   - PageRank (damping 0.85) is weighted by evidence, on the undirected
//     view unless Options.Directed. It solves the equations of gonum's
//     network.PageRankSparse (the tests check it against it), but starts
//     from the uniform vector: gonum starts from a random vector of the
//     unseeded global generator, which changes the last digits every run;
//   - betweenness, closeness and harmonic centrality count hops: evidence
//     is a tie's strength, not its length. Betweenness is normalised by
//     (n-1)(n-2); closeness is Wasserman and Faust's (r-1)/Σd · (r-1)/(n-1)
//     with r the size of the node's component; harmonic centrality is
//     Σ 1/d divided by n-1 (NetworkX's harmonic_centrality / (n-1));
//   - in a component larger than Options.ExactMax those three are estimated
//     from Options.Samples sources drawn with a fixed seed (Brandes and
//     Pich; Eppstein and Wang), and Analysis records the sample size and a
//     95% Hoeffding bound on the betweenness error of every node;
//   - eigenvector centrality is weighted, by power iteration on A+I, unit
//     Euclidean norm; with several components it concentrates on the one
//     with the largest eigenvalue;
//   - the k-core number counts neighbours; components and communities are
//     numbered largest first (ties: smallest node index first);
//   - communities come from gonum community.Modularize (Louvain) with a
//     fixed seed, and Modularity is their weighted modularity. Above
//     Options.GonumLouvainMax links an equivalent linear-time Louvain is
//     used (see DefaultGonumLouvainMax).
//
// Self-loops are left out of the views. The same graph and options give the
// same numbers on every run and machine.
//
// # Concurrency
//
// Analyse may be called concurrently on different graphs; it runs the
// shortest-path pass in a fixed number of goroutines. It stops early,
// returning ctx.Err(), when ctx is cancelled.
package analysis
