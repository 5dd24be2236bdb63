# Uncaught custom exception with a custom __str__ (exit 1).
class Boom(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
    def __str__(self):
        return f"boom with code {self.code}"
raise Boom(7)
