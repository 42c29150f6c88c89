"""Independent reference for package analysis, computed with NetworkX.

    nx_metrics.py export karate|lesmis OUT.json
        writes a published graph shipped inside NetworkX as a kg graph JSON
        (karate: Zachary's unweighted club; lesmis: Knuth's weighted
        co-occurrence network of Les Misérables).
    nx_metrics.py metrics GRAPH.json [--directed] [--relations A,B]
        reads an analysed kg graph JSON, rebuilds it as a NetworkX graph and
        prints every metric of package analysis, in its conventions, as JSON.
"""
import json
import sys

import networkx as nx


def export(name, out):
    if name == "karate":
        g = nx.karate_club_graph()
        ident = {v: "member:%02d" % v for v in g}
        names = {v: "Member %d" % v for v in g}
        weight = lambda d: 1
        typ = "Person"
    elif name == "lesmis":
        g = nx.les_miserables_graph()
        ident = {v: "person:" + v.lower() for v in g}
        names = {v: v for v in g}
        weight = lambda d: int(d["weight"])
        typ = "Person"
    else:
        raise SystemExit("unknown graph " + name)
    nodes = [
        {"id": ident[v], "name": names[v], "type": typ, "aliases": [names[v]],
         "mentions": 1, "articles": [], "article_mentions": {}}
        for v in g
    ]
    nodes.sort(key=lambda n: n["id"])
    edges = []
    for a, b, d in g.edges(data=True):
        s, t = sorted([ident[a], ident[b]])
        edges.append({"id": "MET_WITH|%s|%s" % (s, t), "source": s, "target": t,
                      "type": "MET_WITH", "symmetric": True, "weight": weight(d),
                      "confidence": 1, "evidence": []})
    edges.sort(key=lambda e: e["id"])
    with open(out, "w") as f:
        json.dump({"format": 1, "directed": False, "articles": [], "nodes": nodes,
                   "edges": edges}, f, indent=1)


def ew(e):
    w = e.get("weight", 0)
    if w > 0:
        return w
    if e.get("evidence"):
        return len(e["evidence"])
    return 1


def metrics(path, directed, relations):
    with open(path) as f:
        kg = json.load(f)
    ids = [n["id"] for n in kg["nodes"]]
    index = {v: i for i, v in enumerate(ids)}
    n = len(ids)
    g = nx.Graph()
    g.add_nodes_from(ids)
    d = nx.DiGraph()
    d.add_nodes_from(ids)

    def add(h, a, b, w):
        if h.has_edge(a, b):
            h[a][b]["weight"] += w
        else:
            h.add_edge(a, b, weight=w)

    for e in kg["edges"]:
        if relations and e["type"] not in relations:
            continue
        a, b = e["source"], e["target"]
        if a == b:
            continue
        add(g, a, b, ew(e))
        add(d, a, b, ew(e))
        if e.get("symmetric"):
            add(d, b, a, ew(e))

    out = {v: {} for v in ids}
    put = lambda key, vals: [out[v].__setitem__(key, float(vals[v])) for v in ids]
    put("degree", dict(g.degree()))
    put("weighted_degree", dict(g.degree(weight="weight")))
    if n:
        pr = nx.pagerank(d if directed else g, alpha=0.85, weight="weight",
                         tol=1e-15, max_iter=100000)
        put("pagerank", pr)
    put("betweenness", nx.betweenness_centrality(g, normalized=True))
    put("closeness", nx.closeness_centrality(g))
    h = nx.harmonic_centrality(g)
    put("harmonic", {v: (h[v] / (n - 1) if n > 1 else 0.0) for v in ids})
    if g.number_of_edges():
        ev = nx.eigenvector_centrality(g, weight="weight", tol=1e-14, max_iter=100000)
    else:
        ev = {v: 0.0 for v in ids}
    put("eigenvector", ev)
    put("core", nx.core_number(g))
    comps = sorted((sorted(index[v] for v in c) for c in nx.connected_components(g)),
                   key=lambda c: (-len(c), c[0]))
    for ci, c in enumerate(comps):
        for i in c:
            out[ids[i]]["component"] = float(ci)

    res = {"nodes": out}
    if n and g.number_of_edges() and all(kn.get("community") is not None for kn in kg["nodes"]):
        part = {}
        for kn in kg["nodes"]:
            part.setdefault(kn["community"], set()).add(kn["id"])
        res["modularity"] = nx.community.modularity(g, list(part.values()), weight="weight")
        ref = nx.community.louvain_communities(g, weight="weight", seed=1)
        res["nx_louvain_modularity"] = nx.community.modularity(g, ref, weight="weight")
    json.dump(res, sys.stdout, indent=1, sort_keys=True)


def main():
    args = sys.argv[1:]
    if len(args) == 3 and args[0] == "export":
        export(args[1], args[2])
        return
    if args and args[0] == "metrics":
        directed = "--directed" in args
        relations = None
        if "--relations" in args:
            relations = set(args[args.index("--relations") + 1].split(","))
        metrics(args[1], directed, relations)
        return
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
