# Iterating bytes and building them.
data = bytes(range(32, 48))
print(data, list(data)[:5], sum(data), bytes(x ^ 0x20 for x in b"Hello"), bytes(reversed(b"abc")))
out = bytearray()
for i in range(5):
    out += bytes([65 + i])
print(out, bytes(out), out.count(b"B"), out.find(66), out.index(b"D"))
freq = {}
for byte in b"mississippi":
    freq[byte] = freq.get(byte, 0) + 1
print({chr(k): v for k, v in freq.items()})
print(list(enumerate(b"ab")), list(zip(b"ab", b"xy")))
