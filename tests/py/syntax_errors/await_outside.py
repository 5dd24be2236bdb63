# stderr: type  (the exact 3.11 wording is exotic)
def f():
    await g()
