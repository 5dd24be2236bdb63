# Custom exception hierarchy with attributes and str.
class AppError(Exception):
    default = "application error"
    def __init__(self, msg=None, *, code=500):
        super().__init__(msg or self.default)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class NotFound(AppError):
    default = "not found"
class Forbidden(AppError):
    pass
for exc in [NotFound(code=404), Forbidden("no access", code=403), AppError()]:
    try:
        raise exc
    except NotFound as e:
        print("NotFound handler:", e, e.code)
    except AppError as e:
        print("AppError handler:", e, type(e).__name__, e.args)
print([k.__name__ for k in NotFound.__mro__])
