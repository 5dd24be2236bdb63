# Subscript and slice syntax forms.
s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[:3], s[7:], s[:], s[::3], s[::-1], s[8:2:-2])
print(s[-3:], s[:-3], s[100:], s[-100:2], s[5:1])
d = {(1, 2): "tuple key"}
print(d[1, 2], d[(1, 2)])
class Show:
    def __getitem__(self, k):
        return k
sh = Show()
print(sh[1], sh[1:2], sh[1:2:3], sh[:, 1], sh[...], sh[::], sh[1, 2:3])
print(sh[:2, ::-1])
m = [[1, 2], [3, 4]]
print(m[1][0], m[-1][-1])
