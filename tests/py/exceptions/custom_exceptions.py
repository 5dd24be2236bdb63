# Custom exceptions with attributes.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
class RangeError(ValidationError):
    def __init__(self, field, lo, hi, value):
        super().__init__(field, f"{value} not in [{lo}, {hi}]")
        self.value = value
def validate(age):
    if not isinstance(age, int):
        raise ValidationError("age", "must be int")
    if not 0 <= age <= 150:
        raise RangeError("age", 0, 150, age)
    return age
for v in [30, "x", 200]:
    try:
        print("valid", validate(v))
    except RangeError as e:
        print("RangeError", e, e.field, e.value, e.args)
    except ValidationError as e:
        print("ValidationError", e, e.problem)
class NoInit(Exception):
    pass
print(repr(NoInit("a", 1)), str(NoInit()), NoInit("z").args)
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr("ignored")), repr(WithStr("kept")))
