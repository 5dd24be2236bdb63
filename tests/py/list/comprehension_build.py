# Building lists with comprehensions and loops.
squares = [x * x for x in range(10)]
evens = [x for x in squares if x % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
flat = [v for row in matrix for v in row]
print(squares, evens, pairs, matrix, transposed, flat, sep="\n")
