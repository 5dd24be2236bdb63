# open() errors: missing files, bad modes, closed files.  errno numbers differ
# between platforms (WASI), so only types, filenames and strerror are printed.
try:
    open("does_not_exist.txt")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.filename, e.strerror, "'does_not_exist.txt'" in str(e))
try:
    open("missing_dir/x.txt", "w")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.filename, "missing_dir/x.txt" in str(e))
for mode in ["z", "rw", "wb+t", ""]:
    try:
        open("x.txt", mode)
    except ValueError as e:
        print("ValueError for mode", repr(mode))
f = open("x.txt", "w")
f.close()
try:
    f.write("late")
except ValueError as e:
    print("ValueError:", e)
try:
    open("x.txt").write("read-only")
except Exception as e:
    print(type(e).__name__, isinstance(e, OSError), isinstance(e, ValueError))
try:
    open(5.5)
except TypeError as e:
    print("TypeError")
print(issubclass(FileNotFoundError, OSError), isinstance(FileNotFoundError(), IOError))
