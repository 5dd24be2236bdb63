# Module objects: __name__, attribute access, import forms.
import math, sys
import json as j
from collections import deque as dq, Counter
from itertools import *
print(math.__name__, j.__name__, dq.__name__, Counter.__name__, type(math).__name__, __name__)
print(sys.modules["math"] is math, "collections" in sys.modules, callable(chain), callable(islice))
from math import pi as PI, sqrt
print(PI, sqrt(16.0))
try:
    from math import no_such_name
except ImportError as e:
    print("ImportError:", str(e).startswith("cannot import name 'no_such_name' from 'math'"), e.name)
import math as m2
print(m2 is math, hasattr(math, "floor"), "sqrt" in dir(math))
