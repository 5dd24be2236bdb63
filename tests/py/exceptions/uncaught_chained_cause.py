# Uncaught exception with an explicit cause ("The above exception was the direct cause...") -> exit 1.
class ConfigError(Exception):
    pass
def load():
    try:
        int("not a number")
    except ValueError as e:
        raise ConfigError("bad config value") from e
print("loading")
load()
