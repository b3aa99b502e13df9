"""The Python-driven NER decoding must decide exactly as spaCy's own loop does."""
import numpy
import pytest
import spacy
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span

from service.greedy_ner import GreedyEntityRecognizer, _StateScorer

TEXTS = [
    "Rais Samia Suluhu Hassan alikutana na Katibu Mkuu wa Umoja wa Mataifa Antonio Guterres "
    "jijini Dar es Salaam Jumatatu, 3 Machi 2025.",
    "Shirika la Afya Duniani (WHO) limesema Kenya, Uganda na Tanzania zitapokea chanjo mwezi ujao.",
    "Dodoma",
    "Waziri Mkuu Kassim Majaliwa",
    "Timu ya Simba SC ilishinda mabao mawili kwa moja dhidi ya Yanga.\n\nMchezo ulichezwa "
    "katika uwanja wa Benjamin Mkapa mjini Dar es Salaam.",
    "Bw. John Mnyika wa CHADEMA alisema bungeni jana kwamba  Benki Kuu ya Tanzania (BoT) "
    "itatoa taarifa yake Ijumaa ijayo.",
]


def _entities(docs):
    return [[(ent.start, ent.end, ent.label_) for ent in doc.ents] for doc in docs]


def _decode_both(nlp, docs):
    """Entities of the docs from spaCy's greedy loop, then from the pipeline's NER."""
    ner = nlp.get_pipe("ner")
    ner.set_annotations(docs, EntityRecognizer.greedy_parse(ner, docs))
    expected = _entities(docs)
    ner.set_annotations(docs, ner.predict(docs))
    return expected, _entities(docs)


def _encoded(nlp, docs):
    tok2vec = nlp.get_pipe("tok2vec")
    return [tok2vec(doc) for doc in docs]


def test_the_service_pipeline_decodes_with_the_greedy_recognizer(nlp):
    assert isinstance(nlp.get_pipe("ner"), GreedyEntityRecognizer)


@pytest.mark.parametrize("batch_size", [1, 4])
def test_same_entities_as_spacys_loop(nlp, batch_size):
    docs = _encoded(nlp, [nlp.make_doc(text) for text in TEXTS])
    for start in range(0, len(docs), batch_size):
        expected, decoded = _decode_both(nlp, docs[start:start + batch_size])
        assert decoded == expected
    assert any(_entities(docs))


def test_scores_are_those_of_spacys_state_model(nlp):
    # Every state of spaCy's own decoding, with and without an open entity, scored by
    # both: the decisions above could hide a wrong score that loses no argmax.
    ner = nlp.get_pipe("ner")
    docs = _encoded(nlp, [nlp.make_doc(text) for text in TEXTS[:2]])
    scorer = _StateScorer(ner.model, docs)
    step_model = ner.model.predict(docs)
    offset, open_steps = 0, 0
    for doc, state in zip(docs, ner.moves.init_batch(docs)):
        while not state.is_final():
            word = offset + state.B(0)
            if state.entity_is_open():
                ours = scorer.open_entity(word, offset + state.E(0))
                open_steps += 1
            else:
                ours = scorer.no_open_entity(word)
            expected = step_model.predict([state])
            numpy.testing.assert_allclose(ours, expected, rtol=1e-5, atol=1e-5)
            ner.transition_states([state], expected)
        offset += len(doc)
    assert open_steps > 3


def test_same_entities_on_pretokenized_words(nlp):
    docs = _encoded(nlp, [Doc(nlp.vocab, words=text.split()) for text in TEXTS])
    expected, decoded = _decode_both(nlp, docs)
    assert decoded == expected


def test_preset_entities_and_sentence_starts_are_respected_as_spacy_does(nlp):
    doc = nlp.make_doc(TEXTS[0])
    # A preset entity, a word marked as no entity, and a sentence start inside a name:
    # spaCy's transition system must keep them whatever the scores say.
    doc.set_ents([Span(doc, 2, 4, label="ORG")], outside=[doc[0:1]], default="unmodified")
    doc[8].is_sent_start = True
    doc = _encoded(nlp, [doc])[0]
    expected, decoded = _decode_both(nlp, [doc])
    assert decoded == expected
    assert (2, 4, "ORG") in decoded[0]


def test_empty_docs_in_a_batch(nlp):
    docs = _encoded(nlp, [nlp.make_doc(""), nlp.make_doc(TEXTS[2]), nlp.make_doc("")])
    expected, decoded = _decode_both(nlp, docs)
    assert decoded == expected


def test_other_model_shapes_use_spacys_loop():
    nlp = spacy.blank("sw")
    # Thirteen state features instead of three: not what the Python loop scores.
    ner = nlp.add_pipe("habari_greedy_ner", name="ner", config={"model": {"extra_state_tokens": True}})
    for label in ("PER", "LOC"):
        ner.add_label(label)
    nlp.initialize()
    assert not ner._decodable()
    docs = [nlp.make_doc(text) for text in TEXTS[:2]]
    expected, decoded = _decode_both(nlp, docs)
    assert decoded == expected
