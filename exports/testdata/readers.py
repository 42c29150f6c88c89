"""Reads a GraphML and a GEXF file written by kg with independent readers
(NetworkX read_graphml, python-igraph Graph.Read_GraphML, NetworkX
read_gexf) and prints, as JSON, what each of them found: counts, and per
node and per edge (keyed by kg_id) the attributes the Go test compares with
graph.json.

usage: python readers.py FILE.graphml FILE.gexf
"""

import json
import sys

import igraph
import networkx as nx
from networkx.readwrite.gexf import GEXF

# NetworkX knows the GEXF 1.1draft and 1.2draft namespaces only; GEXF 1.3
# has the same elements under its own namespace, so register it.
GEXF.versions["1.3"] = dict(
    GEXF.versions["1.2draft"],
    NS_GEXF="http://gexf.net/1.3",
    NS_VIZ="http://gexf.net/1.3/viz",
    SCHEMALOCATION="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
    VERSION="1.3",
)

NODE_KEYS = ["label", "type", "mentions", "article_count", "pagerank", "community",
             "first_date", "last_date", "aliases"]
EDGE_KEYS = ["label", "type", "weight", "confidence", "evidence_count", "symmetric",
             "status", "evidence", "first_date", "last_date", "articles"]


def pick(d, keys):
    return {k: d[k] for k in keys if k in d and d[k] is not None}


def from_networkx(G, gexf=False):
    out = {"nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
           "directed": G.is_directed(), "node": {}, "edge": {}}
    kg = {}
    for n, d in G.nodes(data=True):
        rec = pick(d, NODE_KEYS)
        if gexf:
            viz = d.get("viz", {})
            c = viz.get("color", {})
            rec.update({k: c[k] for k in ("r", "g", "b") if k in c})
            if "size" in viz:
                rec["size"] = viz["size"]
            for k in ("start", "end"):
                if k in d:
                    rec[k] = d[k]
        else:
            rec.update(pick(d, ["r", "g", "b", "size"]))
        kg[n] = d["kg_id"]
        out["node"][d["kg_id"]] = rec
    for u, v, d in G.edges(data=True):
        rec = pick(d, EDGE_KEYS)
        rec["source"] = kg[u]
        rec["target"] = kg[v]
        if gexf:
            for k in ("start", "end"):
                if k in d:
                    rec[k] = d[k]
        out["edge"][d["kg_id"]] = rec
    return out


def from_igraph(g):
    out = {"nodes": g.vcount(), "edges": g.ecount(), "directed": g.is_directed(),
           "node": {}, "edge": {}}
    vattrs = set(g.vs.attributes())
    eattrs = set(g.es.attributes())
    for v in g.vs:
        rec = {k: v[k] for k in NODE_KEYS + ["r", "g", "b", "size"] if k in vattrs}
        rec = {k: x for k, x in rec.items() if x is not None and x == x and x != ""}
        out["node"][v["kg_id"]] = rec
    for e in g.es:
        rec = {k: e[k] for k in EDGE_KEYS if k in eattrs}
        rec = {k: x for k, x in rec.items() if x is not None and x == x and x != ""}
        rec["source"] = g.vs[e.source]["kg_id"]
        rec["target"] = g.vs[e.target]["kg_id"]
        out["edge"][e["kg_id"]] = rec
    return out


def main():
    graphml, gexf = sys.argv[1], sys.argv[2]
    res = {
        "networkx_graphml": from_networkx(nx.read_graphml(graphml)),
        "igraph_graphml": from_igraph(igraph.Graph.Read_GraphML(graphml)),
        "networkx_gexf": from_networkx(nx.read_gexf(gexf, version="1.3"), gexf=True),
    }
    json.dump(res, sys.stdout, ensure_ascii=False, allow_nan=True)


if __name__ == "__main__":
    main()
