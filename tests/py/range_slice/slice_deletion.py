# del with slices of various forms.
for sl in [slice(None), slice(2, 5), slice(None, None, 2), slice(-3, None), slice(None, None, -2), slice(8, 1, -3)]:
    a = list(range(10))
    del a[sl]
    print(sl, a)
