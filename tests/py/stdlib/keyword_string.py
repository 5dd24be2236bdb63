# keyword and string: keyword tests, constants, capwords, Formatter.
import keyword
import string
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
print([keyword.iskeyword(w) for w in ("for", "For", "match", "None", "print", "async")])
print([keyword.issoftkeyword(w) for w in ("match", "case", "_", "for")])
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), len(string.printable), string.punctuation)
print(string.capwords("  the  QUICK brown\tfox "), string.capwords("a_b c-d", "-"), string.capwords(""))
f = string.Formatter()
print(f.format("{0}-{1}-{0}", "a", "b"), f.format("{name:>6}|{n:04d}", name="x", n=7), f.format("{:.2f}", 3.14159))
print(f.format("{0[1]} {1.real} {k[z]}", [5, 6], 2j, k={"z": "Z"}), f.format("{!r} {!s}", "q", 1))
print(list(f.parse("lit{0}mid{name!r:>4}end{{x}}")))
print(f.format("{:{}}", "ab", 5) + "|", f.vformat("{a}{b}", (), {"a": 1, "b": 2}))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
print(Upper().format("hello {} and {x}", "world", x="you"))
for bad in [lambda: f.format("{0} {}", 1, 2), lambda: f.format("{", 1), lambda: f.format("}"), lambda: f.format("{0!x}", 1)]:
    try:
        bad()
    except (ValueError, IndexError) as exc:
        print(type(exc).__name__ + ":", exc)
