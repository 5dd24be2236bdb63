# heapq and bisect: heap layout identical to CPython's, merge, nsmallest/nlargest, bisect with keys.
import heapq
import bisect
h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, heapq.heapreplace(data, 10), heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
tasks = []
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "again")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
print(heapq.nsmallest(3, [5, 1, 4, 1, 5, 9, 2, 6]), heapq.nlargest(3, [5, 1, 4, 1, 5, 9, 2, 6]))
print(heapq.nsmallest(2, ["bb", "a", "ccc", "dd"], key=len), heapq.nlargest(2, ["bb", "a", "ccc", "dd"], key=len))
print(heapq.nlargest(1, []), heapq.nsmallest(0, [1]), heapq.nlargest(10, range(3)), heapq.nsmallest(1, iter([3, 1, 2])))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])), list(heapq.merge("ace", "bd")), list(heapq.merge()))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)), list(heapq.merge(["bb", "ccc"], ["a", "dd"], key=len)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush((), 1),
            lambda: heapq.heapify(None)]:
    try:
        bad()
    except (IndexError, TypeError) as exc:
        print(type(exc).__name__ + ":", exc)
s = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(s, 4), bisect.bisect_right(s, 4), bisect.bisect(s, 0), bisect.bisect(s, 9), bisect.bisect_left(s, 4, 3))
print(bisect.bisect_left(s, 4, 0, 2), bisect.bisect_right(s, 4, hi=4), bisect.bisect_left([], 1))
bisect.insort(s, 3)
bisect.insort_left(s, 4)
bisect.insort_right(s, 8, lo=2)
print(s)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("z", 4), key=lambda r: r[1])
print(recs)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], score)] for score in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect_left(s, 1, -1)
except ValueError as exc:
    print("ValueError:", exc)
