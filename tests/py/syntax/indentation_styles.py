# Different indentation widths are all fine if consistent per block.
if True:
 print("one space")
 if True:
         print("nine spaces")
if True:
	print("a tab")
def f():
        return "eight"
print(f())
class C:
  def m(self):
      return "mixed widths per block"
print(C().m())
x = [
1,
        2,
]
print(x)
