# sys.exit(None) and SystemExit caught/re-raised; final exit status 0.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("sys.exit() code:", e.code)
def cleanup():
    try:
        sys.exit(2)
    finally:
        print("finally runs on sys.exit")
try:
    cleanup()
except SystemExit as e:
    print("code", e.code)
print(isinstance(SystemExit(), Exception))
try:
    try:
        sys.exit(9)
    except Exception:
        print("not caught by except Exception")
except BaseException as e:
    print("caught by BaseException", type(e).__name__)
sys.exit(None)
