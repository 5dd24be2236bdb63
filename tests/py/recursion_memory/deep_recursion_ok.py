# Deep but legal recursion (depth 900 is below the default limit of 1000).
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def sum_list(xs, i=0):
    return 0 if i == len(xs) else xs[i] + sum_list(xs, i + 1)
print(sum_list(list(range(850))))
def build(n):
    return None if n == 0 else [n, build(n - 1)]
node = build(800)
count = 0
while node is not None:
    count += 1
    node = node[1]
print(count)
class Node:
    def __init__(self, n):
        self.child = Node(n - 1) if n else None
    def size(self):
        return 1 + (self.child.size() if self.child else 0)
print(Node(400).size())
