# while loops with else, break, continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n", n)
else:
    print("while finished normally")
i = 10
while i > 0:
    i -= 3
    if i < 5:
        print("breaking at", i)
        break
else:
    print("not printed")
count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
while False:
    print("never")
else:
    print("else of a loop that never ran")
