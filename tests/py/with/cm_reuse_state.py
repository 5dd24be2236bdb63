# A reusable context manager that tracks nesting depth.
class Indent:
    def __init__(self):
        self.level = 0
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *a):
        self.level -= 1
    def say(self, text):
        print("  " * self.level + text)
ind = Indent()
ind.say("top")
with ind:
    ind.say("one")
    with ind:
        ind.say("two")
        with ind:
            ind.say("three")
    ind.say("back to one")
ind.say("top again")
class NotCM:
    pass
try:
    with NotCM():
        pass
except TypeError as e:
    print("TypeError:", e)
