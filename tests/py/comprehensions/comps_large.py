# Larger comprehensions for performance sanity.
n = 30000
squares = [i * i for i in range(n)]
print(len(squares), squares[-1], sum(squares) % 1000003)
evens = {i for i in range(n) if i % 2 == 0}
print(len(evens), 29998 in evens)
mapping = {i: i % 97 for i in range(n)}
print(len(mapping), mapping[12345], sum(mapping.values()))
