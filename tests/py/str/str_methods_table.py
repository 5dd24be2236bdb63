# Many str methods applied to the same inputs.
inputs = ["", "a", "Hello, World", "  padded  ", "MiXeD 123", "tab\tsep", "ünïcödé", "line1\nline2"]
for s in inputs:
    print(repr(s), len(s), s.upper(), s.lower(), s.strip(), s.split(), s.find("l"), s.count("l"),
          s.replace("l", "L"), s.startswith("H"), s.isalnum(), s.title(), s[::-1], s.center(14, "."))
