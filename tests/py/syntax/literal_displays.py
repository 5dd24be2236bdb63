# Container displays and trailing commas.
print([], [1], [1,], [1, 2,])
print((), (1,), (1, 2,), 1,)
print({}, {1: 2,}, {1,}, {1, 2,})
print(type(()).__name__, type((1)).__name__, type((1,)).__name__)
print([[1, 2], [3]], ((1,), (2,)), {'a': {'b': {}}})
print({1: 'a', 1.0: 'b', True: 'c'})
print({'x': 1, 'x': 2})
print([i for i in ()], {k: v for k, v in []})
