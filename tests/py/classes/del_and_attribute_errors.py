# AttributeError messages for classes, instances and modules.
class K:
    cattr = 1
k = K()
import math
for f in [lambda: k.nope, lambda: K.nope, lambda: math.nope, lambda: (1).nope, lambda: None.nope,
          lambda: [].nope, lambda: type.nope, lambda: K.cattr.nope]:
    try:
        f()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del K.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    del k.cattr
except AttributeError as e:
    print("AttributeError:", e)
