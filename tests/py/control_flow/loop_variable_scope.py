# Loop variables persist after the loop; modifying them does not affect iteration.
for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print("NameError:", e)
for k in range(3):
    k = k * 100
    print(k)
n = 0
for n in range(n, n + 3):
    print("n", n)
