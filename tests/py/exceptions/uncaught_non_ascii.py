# Uncaught exception with a non-ASCII message (exit 1).
print("héllo")
raise ValueError("données invalides: 日本語 😀")
