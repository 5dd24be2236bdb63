# richards: a simulation of an operating-system task scheduler after Martin
# Richards' benchmark.  Six tasks (idle, worker, two handlers, two devices)
# exchange packets through priority-ordered queues; the idle task drives the
# simulation for 10000 ticks with a shift-register pseudo-random sequence.
#
# Exercises classes with inheritance, virtual method calls, attribute reads
# and writes, and linked lists of small objects.
#
# One simulation always queues 23246 packets and holds a task 9297 times
# (the reference counts of the original benchmark), so the expected result
# for any number of iterations is that pair multiplied by the iterations.
#
# Usage: python3 richards.py [iterations]
# Prints "OK richards <packets> <holds>".

import sys

DEFAULT_SIZE = 20

# Counts of a single simulation with 10000 idle ticks.
PACKETS_PER_RUN = 23246
HOLDS_PER_RUN = 9297

IDLE_TICKS = 10000
BUFFER_SIZE = 4

ID_IDLE = 0
ID_WORKER = 1
ID_HANDLER_A = 2
ID_HANDLER_B = 3
ID_DEVICE_A = 4
ID_DEVICE_B = 5
TASK_COUNT = 6

KIND_DEVICE = 0
KIND_WORK = 1

# Task state bits: a packet is waiting in the queue, the task waits for a
# packet, the task is held (suspended) until released.
PACKET_BIT = 1
WAIT_BIT = 2
HOLD_BIT = 4

ALPHABET = "0ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        # Appends self at the end of queue and returns the new queue head.
        self.link = None
        if queue is None:
            return self
        tail = queue
        while tail.link is not None:
            tail = tail.link
        tail.link = self
        return queue


class Task:
    def __init__(self, scheduler, ident, priority, queue, state):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.state = state
        self.link = scheduler.task_list
        scheduler.task_list = self
        scheduler.tasks[ident] = self

    def is_runnable(self):
        # Running, or waiting with a packet available, and not held.
        state = self.state
        return state & HOLD_BIT == 0 and (state & WAIT_BIT == 0
                                           or state & PACKET_BIT != 0)

    def take_packet(self):
        # Called by the scheduler when the task runs: a waiting task with a
        # pending packet receives it, any other task receives None.
        if self.state != WAIT_BIT | PACKET_BIT:
            return None
        packet = self.queue
        self.queue = packet.link
        self.state = PACKET_BIT if self.queue is not None else 0
        return packet

    def add_packet(self, packet, current):
        # Queues packet for this task; returns the task to run next.
        if self.queue is None:
            self.queue = packet
            self.state |= PACKET_BIT
            if self.priority > current.priority:
                return self
        else:
            self.queue = packet.append_to(self.queue)
        return current

    def run(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, scheduler):
        Task.__init__(self, scheduler, ID_IDLE, 0, None, 0)
        self.seed = 1
        self.ticks = IDLE_TICKS

    def run(self, packet):
        sched = self.scheduler
        self.ticks -= 1
        if self.ticks == 0:
            return sched.hold_current()
        if self.seed & 1 == 0:
            self.seed = (self.seed >> 1) & 0x7FFF
            return sched.release(ID_DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return sched.release(ID_DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, queue):
        Task.__init__(self, scheduler, ID_WORKER, 1000, queue,
                      WAIT_BIT | PACKET_BIT)
        self.destination = ID_HANDLER_A
        self.letter = 0

    def run(self, packet):
        sched = self.scheduler
        if packet is None:
            return sched.wait_current()
        if self.destination == ID_HANDLER_A:
            self.destination = ID_HANDLER_B
        else:
            self.destination = ID_HANDLER_A
        packet.ident = self.destination
        packet.datum = 0
        data = packet.data
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = ALPHABET[self.letter]
        return sched.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue,
                      WAIT_BIT | PACKET_BIT)
        self.work = None
        self.devices = None

    def run(self, packet):
        sched = self.scheduler
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is not None:
            count = work.datum
            if count >= BUFFER_SIZE:
                self.work = work.link
                return sched.send(work)
            device = self.devices
            if device is not None:
                self.devices = device.link
                device.datum = work.data[count]
                work.datum = count + 1
                return sched.send(device)
        return sched.wait_current()


class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None, WAIT_BIT)
        self.pending = None

    def run(self, packet):
        sched = self.scheduler
        if packet is None:
            pending = self.pending
            if pending is None:
                return sched.wait_current()
            self.pending = None
            return sched.send(pending)
        self.pending = packet
        return sched.hold_current()


class Scheduler:
    def __init__(self):
        self.task_list = None
        self.tasks = [None] * TASK_COUNT
        self.current = None
        self.packets_sent = 0
        self.holds = 0

    def release(self, ident):
        task = self.tasks[ident]
        task.state &= ~HOLD_BIT
        if task.priority > self.current.priority:
            return task
        return self.current

    def hold_current(self):
        self.holds += 1
        current = self.current
        current.state |= HOLD_BIT
        return current.link

    def wait_current(self):
        current = self.current
        current.state |= WAIT_BIT
        return current

    def send(self, packet):
        target = self.tasks[packet.ident]
        self.packets_sent += 1
        packet.link = None
        packet.ident = self.current.ident
        return target.add_packet(packet, self.current)

    def schedule(self):
        task = self.task_list
        while task is not None:
            if task.is_runnable():
                self.current = task
                task = task.run(task.take_packet())
            else:
                task = task.link


def simulate():
    sched = Scheduler()
    IdleTask(sched)

    queue = Packet(None, ID_IDLE, KIND_WORK)
    queue = Packet(queue, ID_IDLE, KIND_WORK)
    WorkerTask(sched, queue)

    queue = Packet(None, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_A, KIND_DEVICE)
    HandlerTask(sched, ID_HANDLER_A, 2000, queue)

    queue = Packet(None, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, ID_DEVICE_B, KIND_DEVICE)
    HandlerTask(sched, ID_HANDLER_B, 3000, queue)

    DeviceTask(sched, ID_DEVICE_A, 4000)
    DeviceTask(sched, ID_DEVICE_B, 5000)

    sched.schedule()
    return sched.packets_sent, sched.holds


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    packets = 0
    holds = 0
    for _ in range(size):
        p, h = simulate()
        packets += p
        holds += h
    expected = (PACKETS_PER_RUN * size, HOLDS_PER_RUN * size)
    if (packets, holds) != expected:
        sys.stderr.write("CHECK FAILED: richards %d: "
                         "got %d %d, expected %d %d\n"
                         % (size, packets, holds, expected[0], expected[1]))
        sys.exit(1)
    print("OK richards %d %d" % (packets, holds))


main()
