"""Habari's languages, one package per language code as spaCy keeps them in spacy/lang/<code>/."""
