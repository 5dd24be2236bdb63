# string.Template substitution.
from string import Template
t = Template("$who likes ${what}s, $$5 each")
print(t.substitute(who="Tim", what="kung pao"), t.substitute({"who": "Ann", "what": "taco"}))
print(t.safe_substitute(who="Bo"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
try:
    Template("$ bad").substitute()
except ValueError as e:
    print("ValueError:", e)
print(Template("${a}${b}").substitute(a=1, b=[2]), t.template)
