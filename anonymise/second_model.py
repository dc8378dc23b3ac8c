"""A second spaCy NER model beside Presidio's own, its entities added as detections.

Two models trained differently miss different names; the union finds more (measured in the README's
anonymisation section). Presidio runs one spaCy pipeline per language, so the second model is a
recognizer of its own that reads the turns in one batch before Presidio analyses them.
"""

from __future__ import annotations

import spacy
from presidio_analyzer import EntityRecognizer, RecognizerResult

from anonymise.nlp_models import resolve_model

NAME = "SecondModelRecognizer"
SCORE = 0.85  # as Presidio's SpacyRecognizer


class SecondModelRecognizer(EntityRecognizer):
    """Entities of another spaCy model, mapped to Presidio's types as the main model's are."""

    def __init__(self, model_name: str, mapping: dict[str, str], language: str = "en") -> None:
        self.nlp = spacy.load(resolve_model(model_name), exclude=["lemmatizer", "parser"])
        self.mapping = mapping
        self._docs: dict[str, object] = {}
        super().__init__(supported_entities=sorted(set(mapping.values())), name=NAME, supported_language=language)

    def load(self) -> None:  # loaded in __init__
        pass

    def prepare(self, texts: list[str]) -> None:
        """Parse the turns in one batch (much faster than one by one); analyze then reads them."""
        self._docs = dict(zip(texts, self.nlp.pipe(texts, batch_size=64)))

    def analyze(self, text, entities, nlp_artifacts=None):
        doc = self._docs.get(text) or self.nlp(text)
        results = []
        for entity in doc.ents:
            entity_type = self.mapping.get(entity.label_)
            if entity_type in entities:
                results.append(RecognizerResult(entity_type, entity.start_char, entity.end_char, SCORE))
        return results
