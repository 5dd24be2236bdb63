# sys.argv holds the script arguments (see sys_argv.py.args); argv[0] is the script path.
import sys
print(len(sys.argv), sys.argv[1:])
print(sys.argv[0].endswith("sys_argv.py"), type(sys.argv).__name__)
print([a.upper() for a in sys.argv[1:]])
