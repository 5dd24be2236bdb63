# raise SystemExit(42) exits with status 42 without a traceback.
print("raising")
raise SystemExit(42)
