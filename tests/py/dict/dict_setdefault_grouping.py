# A tiny inverted index built with dict methods.
docs = {1: "red green blue", 2: "green yellow", 3: "blue blue red", 4: ""}
index = {}
for doc_id, text in docs.items():
    for word in text.split():
        index.setdefault(word, set()).add(doc_id)
for word in sorted(index):
    print(word, sorted(index[word]))
query = ["red", "blue"]
hits = set.intersection(*(index.get(w, set()) for w in query))
print(sorted(hits), sorted(index.get("purple", set())))
