# pystone: a Dhrystone-like synthetic benchmark.  Each loop calls a dozen
# small procedures that read and write module globals, copy and link small
# record objects, compare one-character strings and whole strings, switch
# over enumeration constants and update one- and two-dimensional arrays.
#
# Exercises global loads and stores, function calls with few arguments,
# attribute access, small-integer arithmetic and string comparison.  A
# checksum folds the state after every loop, so any divergence is caught.
#
# Usage: python3 pystone.py [loops]
# Prints "OK pystone <checksum> <counter>" when both match the table (the
# counter is array2_glob[8][7], loops + 11 at the end).

import sys

DEFAULT_SIZE = 320000

# loops -> (checksum, array2_glob[8][7] at the end).
EXPECTED = {
    1000: (451304348, 1011),
    20000: (508517367, 20011),
    320000: (385595302, 320011),
}

RED = 0
GREEN = 1
BLUE = 2
CYAN = 3
MAGENTA = 4

ARRAY_SIZE = 51


class Record:
    def __init__(self, link=None, kind=RED, colour=RED, number=0, text=""):
        self.link = link
        self.kind = kind
        self.colour = colour
        self.number = number
        self.text = text

    def copy(self):
        return Record(self.link, self.kind, self.colour, self.number,
                      self.text)


int_glob = 0
bool_glob = False
char1_glob = "\0"
char2_glob = "\0"
array1_glob = [0] * ARRAY_SIZE
array2_glob = [[0] * ARRAY_SIZE for _ in range(ARRAY_SIZE)]
rec_glob = None


def add_three(a, b):
    return a + b + 3


def same_char(c1, c2):
    # GREEN when both characters are equal, RED otherwise.
    local = c1
    if local == c2:
        return GREEN
    return RED


def compare_texts(t1, t2):
    # Walks two strings the way a hand-written C comparison would.
    index = 1
    marker = "\0"
    while index <= 2:
        if same_char(t1[index], t2[index + 1]) == RED:
            marker = "C"
            index += 1
        else:
            index += 2
    if "W" <= marker <= "Z":
        index = 9
    if marker == "R":
        return True
    if t1 > t2:
        index += 5
        return True
    return False


def is_cyan(colour):
    return colour == CYAN


def next_colour(colour):
    if not is_cyan(colour):
        result = MAGENTA
    else:
        result = colour
    if colour == RED:
        result = GREEN
    elif colour == GREEN:
        result = BLUE if int_glob > 50 else RED
    elif colour == BLUE:
        result = CYAN
    elif colour == MAGENTA:
        result = BLUE
    return result


def set_chars():
    global char1_glob, bool_glob
    char1_glob = "A"
    bool_glob = False


def check_chars():
    global char2_glob, bool_glob
    flag = char1_glob == "A"
    bool_glob = flag or bool_glob
    char2_glob = "C"


def adjust(value):
    local = value + 12
    while True:
        if char1_glob == "A":
            local -= 1
            value = local - int_glob
            break
        local += 1
    return value


def link_glob(target):
    global int_glob
    if rec_glob is not None:
        target = rec_glob.link
    else:
        int_glob = 75
    rec_glob.number = add_three(8, int_glob)
    return target


def fill_arrays(array1, array2, first, second):
    global int_glob
    base = first + 6
    array1[base] = second
    array1[base + 1] = array1[base]
    array1[base + 25] = base
    for col in range(base, base + 3):
        array2[base][col] = base
    array2[base][base - 1] += 1
    array2[base + 18][base] = array1[base]
    int_glob = 4


def update_record(rec):
    fresh = rec.link
    fresh = rec_glob.copy()
    rec.link = fresh
    rec.number = 7
    fresh.number = rec.number
    fresh.link = rec.link
    fresh.link = link_glob(fresh.link)
    if fresh.kind == RED:
        fresh.number = 9
        fresh.colour = next_colour(rec.colour)
        fresh.link = rec_glob.link
        fresh.number = add_three(fresh.number, 11)
    else:
        rec = fresh.copy()
    fresh.link = None
    return rec


def run(loops):
    global rec_glob, bool_glob
    rec_glob = Record(Record(), RED, BLUE, 42, "SYNTHETIC LOOP, FIXED TEXT")
    text1 = "SYNTHETIC LOOP, 1ST TEXT"
    array2_glob[8][7] = 11
    checksum = 0
    third = 0
    for _ in range(loops):
        set_chars()
        check_chars()
        first = 2
        second = 4
        text2 = "SYNTHETIC LOOP, 2ND TEXT"
        colour = GREEN
        bool_glob = not compare_texts(text1, text2)
        while first < second:
            third = 4 * first - second
            third = add_three(first, second)
            first += 1
        fill_arrays(array1_glob, array2_glob, first, third)
        rec_glob = update_record(rec_glob)
        letter = "A"
        while letter <= char2_glob:
            if colour == same_char(letter, "B"):
                colour = next_colour(RED)
            letter = chr(ord(letter) + 1)
        third = second * first
        second = third // first
        second = 6 * (third - second) - first
        first = adjust(first)
        array2_glob[8][7] += 1
        checksum = (checksum * 31 + first + second + third + colour
                    + rec_glob.number + int_glob + bool_glob) % 1000000007
    checksum = (checksum + sum(array1_glob)) % 1000000007
    return checksum, array2_glob[8][7]


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SIZE
    result = run(size)
    shown = "%d %d" % result
    if size not in EXPECTED:
        print("UNCHECKED pystone %d %s" % (size, shown))
        return
    if result != EXPECTED[size]:
        sys.stderr.write("CHECK FAILED: pystone %d: got %s, expected %d %d\n"
                         % ((size, shown) + tuple(EXPECTED[size])))
        sys.exit(1)
    print("OK pystone %s" % shown)


main()
