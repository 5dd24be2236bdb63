# Each transaction writes its own file; a later transaction reads the file a
# previous one wrote, so it must see it complete.  Also reading and writing
# binary data and a file handle shared by several transactions.
import transaction

def write(i):
    with open("part%d.txt" % i, "w") as fh:
        for k in range(i + 1):
            fh.write("%d:%d\n" % (i, k))

def check(i):
    with open("part%d.txt" % i) as fh:
        data = fh.read()
    print("part", i, len(data.splitlines()), data.splitlines()[-1])

shared = open("shared.bin", "wb")

def put_bytes(i):
    shared.write(bytes([i, 255 - i]))

for i in range(10):
    transaction.add(write, i)
    transaction.add(check, i)
    transaction.add(put_bytes, i)
transaction.run()
shared.close()
with open("shared.bin", "rb") as fh:
    print(list(fh.read()))
