# sys.exit with a non-int object prints its str and exits 1.
import sys
sys.exit(["a", "list", 1])
