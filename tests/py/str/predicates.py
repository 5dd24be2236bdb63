# isX predicates.
samples = ["abc", "ABC", "Abc", "abc123", "123", "١٢٣", "½", "²", "", " ", "\t\n", "Hello World", "hello world",
           "Hello world", "_id", "id2", "2id", "class", "é", "ñ1", "日本", "😀", "a b", "\x00", "ǅ"]
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
