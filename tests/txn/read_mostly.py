# Many transactions read one big shared table and write only their own result
# slot (reads never conflict), plus one writer in the middle that changes the
# table: readers before it see the old value, readers after it the new one.
# repeat: 3
import transaction

table = {i: i * i for i in range(500)}
words = ["w%d" % i for i in range(500)]
result = [None] * 200

def reader(k):
    s = 0
    for i in range(0, 500, 7):
        s += table[(i + k) % 500] + len(words[i])
    result[k] = s

def writer():
    table[3] = -1000000
    words[7] = "x" * 100

for k in range(200):
    transaction.add(reader, k)
    if k == 100:
        transaction.add(writer)
transaction.run()
print(result[:3], result[99:103])
print(sum(result))
