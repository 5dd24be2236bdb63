# Non-ASCII source: columns are UTF-8 byte offsets.
é = 1
café = é + 1
x = "é" + 'ü' + "€"
y = f"{café}€{é!r}"
z = [ä for ä in "äöü"]
def naïve(ß, *ñ): return ß
class Ünïcode: pass
print(é, café)  # commentaire é
ΔΣ = 'Δ'
変数 = "値"
