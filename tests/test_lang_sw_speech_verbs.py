"""service/lang/sw/speech_verbs.py: the one speech-verb definition quotes and entity salience share."""
import pytest

from service.lang.sw.speech_verbs import COMPLEMENTIZER_STEMS, SPEECH_STEMS, is_speech_verb

# Subject prefixes of the person classes (1st/2nd/3rd singular and plural).
PERSON_SUBJECTS = ("ni", "u", "a", "tu", "m", "wa")


@pytest.mark.parametrize("subject", PERSON_SUBJECTS)
@pytest.mark.parametrize("tense", ["li", "me", "na", "ta"])
def test_sema_with_every_person_subject_and_tense(subject, tense):
    assert is_speech_verb(f"{subject}{tense}sema")


@pytest.mark.parametrize("stem", sorted(set(SPEECH_STEMS) - COMPLEMENTIZER_STEMS))
def test_every_listed_stem_is_a_speech_verb_in_the_past(stem):
    assert is_speech_verb(f"ali{stem}")


@pytest.mark.parametrize("stem", sorted(COMPLEMENTIZER_STEMS))
def test_a_stem_that_reports_only_before_kuwa_is_no_speech_verb_alone(stem):
    # "alitamba" alone may be boasting or strutting; only "alitamba kuwa …" reports
    assert not is_speech_verb(f"ali{stem}")


@pytest.mark.parametrize("word", ["Amesema", "amewaambia", "kusema", "hakusema"])
def test_other_forms_recognized(word):
    assert is_speech_verb(word)


@pytest.mark.parametrize("word", ["wajibu", "sema", "alikula", "alisemaje"])
def test_not_speech_verbs(word):
    # "wajibu" is the noun "duty"; a bare stem has no subject; "kula" is no speech stem.
    assert not is_speech_verb(word)
