"""Serial reference implementation of txpy's `transaction` module.

This file is the executable form of the contract in TRANSACTION-SPEC.md.
Put its directory on CPython's path (``PYTHONPATH=reference python3 prog.py``)
and a program written for txpy runs unchanged, one transaction after the
other.  txpy runs the same program on many workers under a software
transactional memory and must reproduce exactly what this module produces:
the same output, the same final state, the same exceptions.

The contract, in short:

* ``add(f, *args, **kwds)`` appends the call ``f(*args, **kwds)`` to a queue.
  Nothing runs yet.
* ``run()`` takes calls from the front of the queue and makes them, one at a
  time, until the queue is empty.  A call made by a running transaction to
  ``add`` appends to the end of the same queue, so it runs after everything
  queued before it (the serial order is the order of ``add``).
* When a transaction raises, ``run()`` stops and the exception propagates to
  its caller.  What the failing transaction did before raising stays done;
  the transactions still queued behind it stay queued, and a later ``run()``
  carries on with them.
* ``TransactionQueue`` is the same thing with a private queue and a count of
  the transactions it has started; ``nb_segments`` bounds the number of
  workers txpy may use for one ``run`` and has no effect on the result.
* ``atomic`` is a context manager: the block under ``with atomic:`` runs as
  one transaction.  Among threads this means Automatic Mutual Exclusion: two
  atomic blocks of different threads never interleave.  CPython threads may
  switch anywhere, so here it is a process-wide re-entrant lock.
* ``getsegmentlimit()`` is the number of workers available (always 1 here);
  ``time()`` and ``clock()`` are ``time.time()`` and ``time.perf_counter()``.

Invariants kept: a queue entry is removed from its queue exactly when its
call starts; the number of started transactions of a ``TransactionQueue``
only grows; ``atomic`` is held by at most one thread at a time and may be
re-entered by its holder.
"""

import collections as _collections
import threading as _threading
import time as _time

__all__ = ["add", "run", "TransactionQueue", "atomic", "getsegmentlimit",
           "time", "clock"]


class TransactionQueue(object):
    """An independent queue of transactions.

    ``add`` queues calls; ``run`` makes them in queue order, including the
    calls that the running transactions add to this queue, until none is
    left.  ``number_of_transactions_executed()`` counts every transaction
    this queue has started, over all its runs, including one that raised.
    """

    def __init__(self):
        self._pending = _collections.deque()
        self._executed = 0

    def add(self, f, /, *args, **kwds):
        """Queue the call ``f(*args, **kwds)`` at the end of this queue."""
        self._pending.append((f, args, kwds))

    def run(self, nb_segments=0):
        """Run the queued transactions in order until the queue is empty.

        ``nb_segments`` is the largest number of workers to use (0: txpy's
        default); it must be a non-negative integer and never changes the
        result.  An exception raised by a transaction ends the run and
        propagates; the entries behind it remain queued.
        """
        if not isinstance(nb_segments, int):
            raise TypeError("nb_segments must be an integer, not %s"
                            % type(nb_segments).__name__)
        if nb_segments < 0:
            raise ValueError("nb_segments must be >= 0")
        pending = self._pending
        while pending:
            f, args, kwds = pending.popleft()
            self._executed += 1
            f(*args, **kwds)

    def number_of_transactions_executed(self):
        """How many transactions this queue has started since it was made."""
        return self._executed


_default_queue = TransactionQueue()


def add(f, /, *args, **kwds):
    """Queue the call ``f(*args, **kwds)`` on the module-level queue."""
    _default_queue.add(f, *args, **kwds)


def run():
    """Run the module-level queue until it is empty (see ``TransactionQueue.run``)."""
    _default_queue.run()


class _Atomic(object):
    """The type of ``atomic``: a re-entrant, process-wide critical section.

    In txpy the block becomes a single transaction, so it cannot interleave
    with any other thread's work; in this serial module it is enough that
    it cannot interleave with another thread's atomic block.
    """

    __slots__ = ("_lock",)

    def __init__(self):
        self._lock = _threading.RLock()

    def __enter__(self):
        self._lock.acquire()
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        self._lock.release()
        return False

    def __repr__(self):
        return "<transaction.atomic>"


atomic = _Atomic()


def getsegmentlimit():
    """Number of workers transactions may run on: 1 in this serial module."""
    return 1


def time():
    """Seconds since the epoch, as ``time.time()``; allowed in a transaction."""
    return _time.time()


def clock():
    """A monotonic clock in seconds, as ``time.perf_counter()``."""
    return _time.perf_counter()
