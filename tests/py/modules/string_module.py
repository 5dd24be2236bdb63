# string module constants and capwords (Template is tested in format/template_strings.py).
import string
print(string.ascii_lowercase, string.ascii_uppercase, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.whitespace), len(string.printable), string.ascii_letters[20:30])
print(string.capwords("hello   wide  world"), string.capwords("x-y-z", "-"))
print(all(c in string.printable for c in "Hello, World!"), sum(c in string.punctuation for c in "a.b,c!"))
