# Loops over ranges with steps and reversed.
print([i for i in range(0, 10, 3)], [i for i in range(10, 0, -4)], [i for i in reversed(range(4))])
total = 0
for i in range(1, 11):
    if i % 2:
        continue
    total += i
print(total)
for i in range(3):
    for j in range(i, 3):
        print(i, j, end="; ")
print()
print(list(range(5))[::-1] == list(reversed(range(5))))
