# Layout: tabs, comments, continuation lines, blank lines.
if x:
	pass
	if y:
		pass
	# comment

	z = 1
x = [1,
  2,

    # comment inside brackets
  3]
y = 1 + \
    2
if a and \
   b:
    pass
def f(a,
      b):
    return (a +
            b)
x = {
    "a": 1,
}

class A:
    x = 1

    
    y = 2
        # misaligned comment
    z = 3
  # another

if x:
        pass  # eight spaces
if x:
    pass
else:
  pass
try:  # comment
    pass  # comment
finally:
    pass
# trailing comment without newline