# Subclassing list.
class Stack(list):
    def push(self, x):
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), isinstance(s, list), type(s).__name__, type(s + [4]).__name__, type(s[:1]).__name__)
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
l = Logged()
l.append(1)
l.extend([2])
print(l, l == [1, 2])
class Rev(list):
    def __repr__(self):
        return "Rev" + super().__repr__()
print(Rev([1, 2]), [Rev([3])])
