# Nested f-strings and quotes.
vals = [1.5, 2.25, 3.125]
print(f"{', '.join(f'{v:.1f}' for v in vals)}")
print(f"{'a' + 'b'}", f'{"q"}', f"{f'{1 + 1}'}", f"""{f'{f"{3}"}'}""")
w = 8
print(f"{f'{42:>{w}}'}|")
def greet(who):
    return f"hi {who}"
print(f"{greet('you')}", f"{greet(f'{w}')}")
items = {"apple": 3, "kiwi": 12}
for k, v in items.items():
    print(f"{k:<6}{v:>4}{'!' * (v // 4)}")
print(f"{'{'}{'}'}", f"{'}}'}", len(f"{'x' * 3}"))
print(f"{'multi'}"
      f"{'part'}"
      "plain")
