# Identity (is) versus equality (==).
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b)
c = a
print(c is a, c == a)
print(None is None, True is True, (1 == 1) is True)
x = 1000
y = 999 + 1
print(x == y)
s1 = "hello world"
s2 = "hello " + "world"
print(s1 == s2)
t = ()
print(t == (), len(t))
class Always:
    def __eq__(self, other):
        return True
o = Always()
print(o == 1, o == None, o is None, None == o)
print(float("nan") == float("nan"), [float("nan")] == [float("nan")])
