# A small report generator exercising many features together.
sales = [("north", "widget", 10, 2.5), ("south", "gadget", 3, 10.0), ("north", "gadget", 7, 10.0),
         ("east", "widget", 1, 2.5), ("south", "widget", 12, 2.5)]
totals = {}
for region, item, qty, price in sales:
    totals.setdefault(region, {}).setdefault(item, 0.0)
    totals[region][item] += qty * price
lines = []
for region in sorted(totals):
    items = totals[region]
    sub = sum(items.values())
    detail = ", ".join(f"{k}={v:.2f}" for k, v in sorted(items.items()))
    lines.append(f"{region:<6}|{sub:>8.2f}| {detail}")
width = max(map(len, lines))
print("=" * width)
print("\n".join(lines))
print("=" * width)
grand = sum(sum(v.values()) for v in totals.values())
print(f"{'TOTAL':<6}|{grand:>8.2f}|")
