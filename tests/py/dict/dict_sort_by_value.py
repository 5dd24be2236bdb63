# Sorting dict items, building sorted dicts.
scores = {"ann": 88, "bob": 95, "cy": 70, "di": 95, "ed": 60}
print(sorted(scores), sorted(scores.values()), sorted(scores, key=scores.get))
print(dict(sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))))
print(max(scores.items(), key=lambda kv: kv[1]), min(scores, key=lambda k: (scores[k], k)))
ranks = {name: rank for rank, name in enumerate(sorted(scores, key=lambda n: -scores[n]), 1)}
print(ranks)
