# A small matrix class exercising many dunders together.
class M:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __eq__(self, o):
        return isinstance(o, M) and self.rows == o.rows
    def __matmul__(self, o):
        cols = list(zip(*o.rows))
        return M([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __mul__(self, k):
        return M([[v * k for v in r] for r in self.rows])
    __rmul__ = __mul__
    def __add__(self, o):
        return M([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __neg__(self):
        return self * -1
    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]
    def __setitem__(self, ij, v):
        i, j = ij
        self.rows[i][j] = v
    def __iter__(self):
        return iter(self.rows)
    def __len__(self):
        return len(self.rows)
    def __repr__(self):
        return f"M({self.rows})"
    __hash__ = None
I = M([[1, 0], [0, 1]])
A = M([[1, 2], [3, 4]])
print(A @ I == A, A @ A, 2 * A, A * 2 == 2 * A, A + I, -A, A[1, 0], len(A), list(A))
A[0, 0] = 9
print(A, [sum(r) for r in A])
try:
    hash(A)
except TypeError as e:
    print("TypeError:", e)
