"""Helper: code under the __main__ guard does not run on import."""
def helper():
    return "helper called"
if __name__ == "__main__":
    print("this only runs as a script")
else:
    print("_mod_main_guard imported as", __name__)
