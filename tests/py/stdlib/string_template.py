# string.Template: substitution, escapes, errors with line/column, safe_substitute, custom delimiter.
from string import Template
t = Template("$who likes $what; ${who}'s $$ and ${what}s")
print(t.substitute(who="Ann", what="tea"), t.substitute({"who": "Bo", "what": "pie"}, what="jam"))
print(t.safe_substitute(who="Cy"), t.safe_substitute(), t.get_identifiers(), t.is_valid())
print(Template("$a$b ${a}x $a_1 $_ok").substitute(a=1, b=2, a_1=3, _ok=4))
print(Template("100$$ $$$x").substitute(x=5), Template("").substitute(), Template("no vars").safe_substitute(z=1))
cases = ["$", "a $1", "line1\nline2 ${x", "tab\t$ ", "${}", "${ x}", "x\n\ny $"]
for text in cases:
    tpl = Template(text)
    try:
        tpl.substitute(x="X")
    except ValueError as exc:
        print(repr(text), "->", exc)
    print(repr(tpl.safe_substitute(x="X")), tpl.is_valid())
try:
    Template("$missing here").substitute()
except KeyError as exc:
    print("KeyError:", exc)
try:
    Template("${a} $b").substitute(a=1)
except KeyError as exc:
    print("KeyError:", exc)
class Percent(Template):
    delimiter = "%"
print(Percent("%name costs %%%price").substitute(name="x", price=3), Percent("50%").safe_substitute())
class At(Template):
    delimiter = "@@"
print(At("@@a and @@@@ and @@{b}").substitute(a=1, b=2))
print(Template("$x").substitute(x=[1, 2]), Template("${x}y").substitute(x=None), Template("$x").template)
print(Template("$a $b $a").get_identifiers(), Template("$a $").get_identifiers(), Template("$$a").get_identifiers())
