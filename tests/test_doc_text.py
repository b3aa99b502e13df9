"""Doc._.text: the text the components read, built once per Doc."""
from spacy.tokens import Doc
from spacy.vocab import Vocab

import service.components  # noqa: F401  (registers the extension)


def test_a_bare_doc_gives_its_text():
    doc = Doc(Vocab(), words=["Habari", "za", "leo", "?"], spaces=[True, True, False, False])
    assert doc._.text == doc.text == "Habari za leo?"


def test_the_text_is_built_once_and_kept():
    doc = Doc(Vocab(), words=["Juma", "alisema"])
    first = doc._.text
    assert doc._.text is first


def test_a_caller_may_give_the_text_it_made_the_doc_from(nlp):
    text = "Waziri Juma alisema jana.\n\nDODOMA: mvua."
    doc = nlp.make_doc(text)
    doc._.text = text
    assert doc._.text is text and doc.text == text


def test_the_tokenizer_keeps_the_text_it_was_given(nlp):
    text = "Waziri Juma alisema jana.\n\nDODOMA: mvua."
    doc = nlp.make_doc(text)
    assert doc._.text is text and doc.text == text
