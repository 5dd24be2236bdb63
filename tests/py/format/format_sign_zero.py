# Signs, negative zero, and the 'z' option (3.11).
for v in [0.0, -0.0, -0.001, 0.001, 5, -5]:
    print(f"{v:+}", f"{v:-}", f"{v: }", f"{v:+.1f}", f"{v:z.1f}" if isinstance(v, float) else f"{v:d}", f"{v:=+8}")
print(f"{-0.0:z}", f"{-0.0:z.0f}", f"{-1e-9:z.3e}", f"{-0.0:zg}")
