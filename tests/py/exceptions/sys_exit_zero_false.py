# sys.exit(0) and sys.exit(False) exit 0; output before is flushed.
import sys
print("partial line without newline", end="")
sys.exit(False)
