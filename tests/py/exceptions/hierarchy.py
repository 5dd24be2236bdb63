# The standard exception hierarchy.
pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (FloatingPointError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (UnboundLocalError, NameError), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (ModuleNotFoundError, ImportError), (FileNotFoundError, OSError), (PermissionError, OSError),
    (IsADirectoryError, OSError), (TimeoutError, OSError), (UnicodeDecodeError, UnicodeError),
    (UnicodeEncodeError, ValueError), (UnicodeError, ValueError), (IndentationError, SyntaxError),
    (TabError, IndentationError), (StopIteration, Exception), (StopAsyncIteration, Exception),
    (GeneratorExit, BaseException), (KeyboardInterrupt, BaseException), (SystemExit, BaseException),
    (Exception, BaseException), (AssertionError, Exception), (AttributeError, Exception),
    (BufferError, Exception), (EOFError, Exception), (MemoryError, Exception), (TypeError, Exception),
    (ValueError, Exception), (Warning, Exception), (DeprecationWarning, Warning), (UserWarning, Warning),
    (ConnectionError, OSError), (BrokenPipeError, ConnectionError),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
print(issubclass(GeneratorExit, Exception), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(IOError is OSError, EnvironmentError is OSError)
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in UnicodeDecodeError.__mro__])
print([c.__name__ for c in FileNotFoundError.__mro__])
