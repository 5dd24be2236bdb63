# str.join.
print(",".join(["a", "b", "c"]), "".join("xyz"), "-".join(()), " ".join(["only"]))
print(", ".join(str(i) for i in range(5)), "\n".join(["l1", "l2"]))
print("<>".join({"k1": 1, "k2": 2}), "é".join("abc"))
for bad in ([1, 2], ["a", None], "ab", [b"x"]):
    try:
        print(repr("+".join(bad)))
    except TypeError as e:
        print("TypeError:", e)
try:
    "".join(5)
except TypeError as e:
    print("TypeError:", e)
