# deltablue: an incremental one-way dataflow constraint solver in the style
# of DeltaBlue (Freeman-Benson, Maloney and Borning).  Variables are linked by
# constraints of different strengths; adding or removing a constraint
# re-plans which constraint determines which variable, and a plan extracted
# from the graph propagates edited values.  Two workloads run each
# iteration: a long chain of equalities edited at one end, and many
# scale-and-offset projections edited from both sides.
#
# Exercises a class hierarchy with overridden and inherited methods,
# super() calls, polymorphic dispatch, identity comparisons, list-based work
# queues and many small method calls.
#
# Every edit is verified as it runs (a wrong propagated value raises); the
# final checksum folds the plan lengths and the propagated values.
#
# Usage: python3 deltablue.py [iterations]
# Prints "OK deltablue <checksum>" when it matches the table below.

import sys

DEFAULT_SIZE = 250
PROBLEM_SIZE = 100

# iterations -> checksum.
EXPECTED = {
    1: 381067,
    10: 145839335,
    250: 174932555,
}


class SolverError(Exception):
    pass


class Strength:
    # Smaller levels are stronger; REQUIRED constraints must be satisfied.
    def __init__(self, level):
        self.level = level

    def stronger(self, other):
        return self.level < other.level

    def weaker(self, other):
        return self.level > other.level

    def weakest_of(self, other):
        return self if self.weaker(other) else other

    def next_weaker(self):
        return STRENGTHS[self.level + 1]


# Levels: required, strong preferred, preferred, strong default, normal,
# weak default, weakest.  Only some of them are used by the tests below.
STRENGTHS = [Strength(level) for level in range(7)]
REQUIRED = STRENGTHS[0]
PREFERRED = STRENGTHS[2]
STRONG_DEFAULT = STRENGTHS[3]
NORMAL = STRENGTHS[4]
WEAKEST = STRENGTHS[6]

# Directions of a binary constraint: which variable it writes.
NONE = 0
FORWARD = 1
BACKWARD = 2


class Variable:
    def __init__(self, value):
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def add_constraint(self, constraint):
        self.constraints.append(constraint)

    def remove_constraint(self, constraint):
        self.constraints.remove(constraint)
        if self.determined_by is constraint:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        # Tries to satisfy self for this planning pass; returns the
        # constraint it overrode, if any.
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength is REQUIRED:
                raise SolverError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise SolverError("cycle encountered")
        out.mark = mark
        return overridden


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        super().__init__(planner, strength)
        self.var = var
        self.satisfied = False
        self.add()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def remove_from_graph(self):
        self.var.remove_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        var = self.var
        self.satisfied = (var.mark != mark
                          and self.strength.stronger(var.walk_strength))

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        var = self.var
        var.walk_strength = self.strength
        var.stay = not self.is_input()
        if var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True


class StayConstraint(UnaryConstraint):
    # Keeps its variable unchanged: the planner treats it as a constant.
    def execute(self):
        pass


class EditConstraint(UnaryConstraint):
    # Marks its variable as set from outside the constraint graph.
    def is_input(self):
        return True

    def execute(self):
        pass


class BinaryConstraint(Constraint):
    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE

    def add_to_graph(self):
        self.v1.add_constraint(self)
        self.v2.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.v1.remove_constraint(self)
        self.v2.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        v1 = self.v1
        v2 = self.v2
        strength = self.strength
        if v1.mark == mark:
            if v2.mark != mark and strength.stronger(v2.walk_strength):
                self.direction = FORWARD
            else:
                self.direction = NONE
        elif v2.mark == mark:
            if strength.stronger(v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif v1.walk_strength.weaker(v2.walk_strength):
            if strength.stronger(v1.walk_strength):
                self.direction = BACKWARD
            else:
                self.direction = NONE
        elif strength.stronger(v2.walk_strength):
            self.direction = FORWARD
        else:
            self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def mark_inputs(self, mark):
        self.input().mark = mark

    def recalculate(self):
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest_of(source.walk_strength)
        out.stay = source.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        source = self.input()
        return (source.mark == mark or source.stay
                or source.determined_by is None)


class EqualityConstraint(BinaryConstraint):
    def __init__(self, planner, v1, v2, strength):
        super().__init__(planner, v1, v2, strength)
        self.add()

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    # dest = src * scale + offset, solvable in both directions.
    def __init__(self, planner, src, scale, offset, dest, strength):
        super().__init__(planner, src, dest, strength)
        self.scale = scale
        self.offset = offset
        self.add()

    def add_to_graph(self):
        super().add_to_graph()
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        super().remove_from_graph()
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = (self.v1.value * self.scale.value
                             + self.offset.value)
        else:
            self.v1.value = ((self.v2.value - self.offset.value)
                             // self.scale.value)

    def recalculate(self):
        source = self.input()
        out = self.output()
        out.walk_strength = self.strength.weakest_of(source.walk_strength)
        out.stay = source.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


class Plan:
    def __init__(self):
        self.steps = []

    def add(self, constraint):
        self.steps.append(constraint)

    def __len__(self):
        return len(self.steps)

    def execute(self):
        for constraint in self.steps:
            constraint.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, constraint):
        mark = self.new_mark()
        overridden = constraint.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.mark_unsatisfied()
        constraint.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        strength = REQUIRED
        while True:
            for other in unsatisfied:
                if other.strength is strength:
                    self.incremental_add(other)
            strength = strength.next_weaker()
            if strength is WEAKEST:
                break

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            constraint = todo.pop(0)
            out = constraint.output()
            if out.mark != mark and constraint.inputs_known(mark):
                plan.add(constraint)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_from(self, constraints):
        sources = [c for c in constraints if c.is_input() and c.is_satisfied()]
        return self.make_plan(sources)

    def add_propagate(self, constraint, mark):
        # Recomputes walk strengths downstream of constraint; False when the
        # propagation comes back to a variable of this pass (a cycle).
        todo = [constraint]
        while todo:
            current = todo.pop(0)
            if current.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            current.recalculate()
            self.add_consumers(current.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            var = todo.pop(0)
            for constraint in var.constraints:
                if not constraint.is_satisfied():
                    unsatisfied.append(constraint)
            determining = var.determined_by
            for constraint in var.constraints:
                if constraint is not determining and constraint.is_satisfied():
                    constraint.recalculate()
                    todo.append(constraint.output())
        return unsatisfied

    def add_consumers(self, var, todo):
        determining = var.determined_by
        for constraint in var.constraints:
            if constraint is not determining and constraint.is_satisfied():
                todo.append(constraint)


def check(condition, what):
    if not condition:
        raise SolverError(what)


def chain_test(n):
    # v0 = v1 = ... = vn, a weak stay on vn and an edit on v0.
    planner = Planner()
    variables = [Variable(0) for _ in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(planner, a, b, REQUIRED)
    first = variables[0]
    last = variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_from([edit])
    total = 0
    for value in range(100):
        first.value = value
        plan.execute()
        check(last.value == value, "chain propagated a wrong value")
        total += last.value
    edit.destroy()
    return total + len(plan)


def change(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_from([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()
    return len(plan)


def projection_test(n):
    # dst_i = src_i * scale + offset for n pairs, each src held by a stay.
    planner = Planner()
    scale = Variable(10)
    offset = Variable(1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable(i)
        dst = Variable(i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    total = change(planner, src, 17)
    check(dst.value == 1170, "projection forward")
    total += change(planner, dst, 1050)
    check(src.value == 5, "projection backward")
    total += change(planner, scale, 5)
    for i in range(n - 1):
        check(dests[i].value == i * 5 + 1000, "projection after scale")
    total += change(planner, offset, 2000)
    for i in range(n - 1):
        check(dests[i].value == i * 5 + 2000, "projection after offset")
    return total + sum(d.value for d in dests)


def run(iterations):
    checksum = 0
    for _ in range(iterations):
        checksum = (checksum * 31 + chain_test(PROBLEM_SIZE)) % 1000000007
        checksum = (checksum * 31 + projection_test(PROBLEM_SIZE)) % 1000000007
    return checksum


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    try:
        result = run(size)
    except SolverError as err:
        sys.stderr.write("CHECK FAILED: deltablue %d: %s\n" % (size, err))
        sys.exit(1)
    if size not in EXPECTED:
        print("UNCHECKED deltablue %d %d" % (size, result))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: deltablue %d: got %d, expected %d\n"
                         % (size, result, EXPECTED[size]))
        sys.exit(1)
    print("OK deltablue %d" % result)


main()
