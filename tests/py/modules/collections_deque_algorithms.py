# deque as a queue for BFS and a sliding window.
from collections import deque
grid = ["S.#.", "..#.", "....", "#..E"]
start = (0, 0)
q = deque([(start, 0)])
seen = {start}
while q:
    (r, c), dist = q.popleft()
    if grid[r][c] == "E":
        print("shortest path length", dist)
        break
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nr, nc = r + dr, c + dc
        if 0 <= nr < 4 and 0 <= nc < 4 and grid[nr][nc] != "#" and (nr, nc) not in seen:
            seen.add((nr, nc))
            q.append(((nr, nc), dist + 1))
def window_max(xs, k):
    dq, out = deque(), []
    for i, x in enumerate(xs):
        while dq and xs[dq[-1]] <= x:
            dq.pop()
        dq.append(i)
        if dq[0] <= i - k:
            dq.popleft()
        if i >= k - 1:
            out.append(xs[dq[0]])
    return out
print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
