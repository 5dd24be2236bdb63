# Uncaught exceptions without a message print just the type name (exit 1).
import sys
print("out", flush=True)
raise NotImplementedError
