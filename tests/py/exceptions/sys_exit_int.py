# sys.exit with an int status exits with that status.
import sys
print("exiting with 3")
sys.exit(3)
print("not reached")
