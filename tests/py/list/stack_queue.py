# Using lists as stacks and simple queues.
stack = []
for c in "([{}])":
    if c in "([{":
        stack.append(c)
    else:
        top = stack.pop()
        print(top, c)
print(stack)
def balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for ch in s:
        if ch in "([{":
            st.append(ch)
        elif ch in pairs:
            if not st or st.pop() != pairs[ch]:
                return False
    return not st
print([balanced(s) for s in ["()", "([])", "(]", "((", "{[()()]}", ""]])
q = [1, 2, 3]
q.append(4)
print(q.pop(0), q.pop(0), q)
