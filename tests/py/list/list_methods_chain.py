# A to-do list manager using many list operations.
todo = []
def add(item, priority=0):
    todo.append((priority, item))
    todo.sort(key=lambda t: -t[0])
for item, p in [("write tests", 2), ("fix bug", 3), ("lunch", 1), ("review", 2)]:
    add(item, p)
print([i for _, i in todo])
done = todo.pop(0)
print("done:", done, "remaining:", len(todo))
todo.insert(1, (5, "urgent call"))
print(todo.index((5, "urgent call")), [p for p, _ in todo].count(2))
todo.remove((1, "lunch"))
todo.reverse()
print(todo)
print(todo[::-1][:2], sorted(todo)[0], max(todo), min(todo, key=lambda t: len(t[1])))
