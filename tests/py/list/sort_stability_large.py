# Sorting many items: stability and correctness with a deterministic RNG.
import random
rng = random.Random(1234)
data = [(rng.randrange(50), i) for i in range(2000)]
s = sorted(data, key=lambda t: t[0])
ok = all(s[i][0] < s[i + 1][0] or (s[i][0] == s[i + 1][0] and s[i][1] < s[i + 1][1]) for i in range(len(s) - 1))
print(ok, s[:5], s[-3:])
nums = [rng.random() for _ in range(1000)]
nums.sort()
print(all(nums[i] <= nums[i + 1] for i in range(999)), nums[0], nums[-1])
r = list(range(500, 0, -1))
r.sort()
print(r[:5], r[-5:])
print(sorted([3, 1, 2] * 5, reverse=True))
