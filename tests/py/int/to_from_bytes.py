# int.to_bytes / int.from_bytes.
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'))
print((255).to_bytes(1, 'big'), (0).to_bytes(3, 'big'), (0).to_bytes(0, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-129).to_bytes(2, 'little', signed=True))
print((2 ** 64 + 5).to_bytes(9, 'big'))
print((65).to_bytes(), (65).to_bytes(length=2, byteorder='little'))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'big'))
print(int.from_bytes(b'', 'big'), int.from_bytes([1, 2, 3], 'big'), int.from_bytes(b'\x01'))
print(int.from_bytes(bytearray(b'\x80\x00'), 'little', signed=True))
n = 123456789012345678901234567890
print(int.from_bytes(n.to_bytes(13, 'little'), 'little') == n)
for args in [(1, 'big'), (1, 'middle')]:
    try:
        (256).to_bytes(*args)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    (-1).to_bytes(1, 'big')
except OverflowError as e:
    print("OverflowError:", e)
try:
    (128).to_bytes(1, 'big', signed=True)
except OverflowError as e:
    print("OverflowError:", e)
try:
    (1).to_bytes(-1, 'big')
except ValueError as e:
    print("ValueError:", e)
