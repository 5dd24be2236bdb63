# The __name__ == "__main__" idiom.
import _mod_main_guard
print(__name__, _mod_main_guard.__name__, _mod_main_guard.helper())
if __name__ == "__main__":
    print("running as the main program")
