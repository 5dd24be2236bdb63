# callable() for many kinds of objects.
class WithCall:
    def __call__(self):
        pass
class Without:
    pass
print([callable(x) for x in [len, print, int, lambda: 0, WithCall(), Without(), Without, 5, "s", None, [].append, str.upper]])
