# splitlines with every line boundary.
s = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x1deight\x1enine\x85ten\u2028eleven\u2029twelve"
print(s.splitlines())
print("a\nb\n".splitlines(), "a\nb\n".splitlines(True), "".splitlines(), "\n".splitlines(), "x".splitlines(keepends=True))
print("a\r\n\r\nb".splitlines(True), "\r\r\n".splitlines())
