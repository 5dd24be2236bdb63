# Caseless comparisons.
pairs = [("Straße", "STRASSE"), ("ﬁle", "FILE"), ("ΣΊΣΥΦΟΣ", "σίσυφος"), ("Hello", "hELLO"), ("İ", "i̇")]
for a, b in pairs:
    print(a.casefold() == b.casefold(), a.lower() == b.lower(), a.upper() == b.upper(), a.casefold(), b.casefold())
