# Sorting objects by several keys relies on stability.
class Emp:
    def __init__(self, name, dept, salary):
        self.name, self.dept, self.salary = name, dept, salary
    def __repr__(self):
        return f"{self.name}:{self.dept}:{self.salary}"
emps = [Emp("ann", "eng", 120), Emp("bob", "ops", 90), Emp("cy", "eng", 100), Emp("di", "ops", 90), Emp("ed", "eng", 120)]
by_salary = sorted(emps, key=lambda e: e.salary, reverse=True)
by_dept = sorted(by_salary, key=lambda e: e.dept)
print(by_dept)
emps.sort(key=lambda e: e.name, reverse=True)
emps.sort(key=lambda e: e.salary)
print(emps)
