""" "Did you mean": the reader's words with each word the index lacks replaced by the nearest one it
has. The backend asks for it only when SearchQuerySet.spelling_suggestion does, never per query.

The index has no spelling field (it made indexing a third slower): the corrector reads the stemmed
terms of the content field, and a corrected stem is turned back into a word as readers write it
from the stored verbatim text.
"""

from whoosh.reading import TermNotFound

SPELLING_MAX_WORDS = 3


def suggest(searcher, text, field, analyzer, verbatim_field):
    """The words of `text` with each one missing from `field` corrected, or None if none was."""
    corrector = searcher.corrector(field)
    words, changed, asked = [], False, 0
    for word in str(text).split():
        stems = [token.text for token in analyzer(word)]
        if len(stems) != 1 or searcher.doc_frequency(field, stems[0]) > 0:
            words.append(word)
            continue
        asked += 1
        # Each correction walks the field's terms in Python: a few words, sharing the first
        # letter (most misspellings do), keep it to milliseconds.
        suggestions = []
        if asked <= SPELLING_MAX_WORDS and not any(char.isdigit() for char in word):
            suggestions = corrector.suggest(stems[0], limit=1, maxdist=2, prefix=1)
        if suggestions and len(suggestions[0]) > 2:
            words.append(_surface_word(searcher, field, suggestions[0], analyzer, verbatim_field))
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None


def _surface_word(searcher, field, stem, analyzer, verbatim_field):
    """A word as readers write it for an indexed stem ("cooper" -> "cooperation"), taken from the
    first document that has it; the stem itself when its text is not stored."""
    try:
        docnum = searcher.postings(field, stem).id()
    except TermNotFound:
        return stem
    body = searcher.stored_fields(docnum).get(verbatim_field, "")
    for token in analyzer(body, keeporiginal=True):
        if token.text == stem:
            return token.original.lower()
    return stem
