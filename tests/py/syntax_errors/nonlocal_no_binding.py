def f():
    nonlocal zz
