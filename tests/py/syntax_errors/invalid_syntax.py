# A plain "invalid syntax" error: two expressions side by side.
print("never runs")
x = 1 2
