# inf and nan behaviour.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * -1, inf / inf, 0 * inf)
print(inf == inf, inf > 1e308, -inf < -1e308, nan == nan, nan != nan, nan < 1, nan >= 1)
print(float("Infinity"), float("-INF"), float("nAn"), float("+inf"), float(" -nan "))
print(inf == float("infinity"), repr(-nan), str(nan))
x = nan
print(x is x, x == x, [x] == [x], x in [x])
print(max(1, inf), min(-inf, 0), sorted([3.0, -inf, inf, 0.0]))
print(int(1e18), round(2.5), round(3.5))
for v in (inf, -inf, nan):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(inf % 5 if False else 5 % inf, -5 % inf, 5.0 // inf)
print(nan.is_integer(), inf.is_integer(), hash(inf), hash(-inf))
