# Graph algorithms with sets: BFS visited sets and edge sets.
edges = {(1, 2), (2, 3), (3, 1), (3, 4), (5, 6)}
adj = {}
for a, b in sorted(edges):
    adj.setdefault(a, set()).add(b)
    adj.setdefault(b, set()).add(a)
def component(start):
    seen = {start}
    frontier = [start]
    while frontier:
        node = frontier.pop()
        for nxt in sorted(adj[node]):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append(nxt)
    return sorted(seen)
print(component(1), component(5), sorted(adj), sorted(adj[3]))
comps = set()
for n in adj:
    comps.add(tuple(component(n)))
print(sorted(comps))
