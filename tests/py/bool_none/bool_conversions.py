# bool in conversions, indexing, containers.
print(int(True), float(True), complex(True), str(False), list(map(bool, [0, 1, 2, "", "x"])))
print(["no", "yes"][True], ("a", "b")[False], "abc"[True:])
print(range(True, 5)[0], [1, 2, 3][False:True], True in [1], 0 in [False])
print({True: "a", 1: "b"}, {1: "a", True: "b"})
print(True.__and__(1), True.__or__(False), type(True.__or__(False)).__name__, True.__add__(True))
print(bool.__new__(bool, 5), bool.__new__(bool, ""))
