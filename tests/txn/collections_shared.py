# Shared collections objects updated by every transaction: deque (both ends,
# bounded), Counter, defaultdict, OrderedDict.move_to_end, namedtuple values.
# repeat: 5
import collections
import transaction

dq = collections.deque(maxlen=50)
ends = collections.deque()
cnt = collections.Counter()
groups = collections.defaultdict(list)
lru = collections.OrderedDict()
Rec = collections.namedtuple("Rec", "i sq")

def step(i):
    dq.append(i)
    if i % 2:
        ends.appendleft(i)
    else:
        ends.append(i)
    if i % 7 == 0 and ends:
        ends.popleft()
    cnt[i % 6] += 1
    cnt["w%d" % (i % 3)] += i
    groups[i % 4].append(Rec(i, i * i))
    key = i % 9
    lru[key] = i
    lru.move_to_end(key, last=(i % 2 == 0))

for i in range(700):
    transaction.add(step, i)
transaction.run()
print(list(dq)[:5], len(dq))
print(len(ends), list(ends)[:6], list(ends)[-6:])
print(sorted(cnt.items(), key=str))
print(cnt.most_common(2))
print([(k, len(v), v[-1]) for k, v in sorted(groups.items())])
print(list(lru.items()))
