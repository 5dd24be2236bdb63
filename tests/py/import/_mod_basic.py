"""Helper module for the import tests: functions, constants and state."""
print("_mod_basic is being executed, __name__ =", __name__)
GREETING = "hello"
counter = 0
def greet(name):
    return f"{GREETING}, {name}"
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Thing({self.v})"
_private = "underscore names are skipped by import *"
