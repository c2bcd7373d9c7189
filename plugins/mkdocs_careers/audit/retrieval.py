"""BM25 retrieval over every passage of the site, and the top-1 verdict for each question.

BM25 (here `bm25s`, Lucene's variant, English stop words and the Snowball stemmer) is a proxy for the first,
lexical stage of how search and answer engines pick the passage they quote: if a page's own passage does not
win on the candidate's words, a neural re-ranker has less to work with. A question is answered when its top-1
passage is on the right page AND contains the expected answer facts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import bm25s
import numpy as np
import Stemmer
from bm25s.tokenization import Tokenizer

from .extraction import Passage
from .question_bank import Question
from .text import mentions, normalize

Reason = Literal["answered", "wrong-page", "right-page-without-answer", "answer-not-on-page"]


@dataclass(frozen=True)
class Ranked:
    passage: Passage
    score: float
    rank: int  # 1 = top


@dataclass(frozen=True)
class Verdict:
    question: Question
    reason: Reason
    winner: Ranked | None  # None when the site has no passage at all
    expected: Ranked | None  # the best-scoring passage of the right page that holds the answer, if any

    @property
    def answered(self) -> bool:
        return self.reason == "answered"


class PassageIndex:
    """All passages of a site in one BM25 index, so every page competes for every question."""

    def __init__(self, passages: Sequence[Passage]):
        self.passages = list(passages)
        self._normalized = [normalize(p.text) for p in self.passages]
        self._by_page: dict[str, list[int]] = defaultdict(list)
        for index, passage in enumerate(self.passages):
            self._by_page[passage.page].append(index)
        self._tokenizer = Tokenizer(stopwords="en", stemmer=Stemmer.Stemmer("english").stemWord)
        self._bm25 = bm25s.BM25()
        if self.passages:
            tokens = self._tokenizer.tokenize([p.text for p in self.passages], show_progress=False,
                                              return_as="tuple")
            self._bm25.index(tokens, show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        if not self.passages:
            return np.zeros(0)
        tokens = self._tokenizer.tokenize([query], update_vocab=False, show_progress=False, return_as="string")
        return np.asarray(self._bm25.get_scores(tokens[0]), dtype=float)

    def holds_answer(self, index: int, question: Question) -> bool:
        text = self._normalized[index]
        found = [mentions(text, fact.forms) for fact in question.answers]
        return all(found) if question.match == "all" else any(found)

    def rank(self, scores: np.ndarray, index: int) -> int:
        """1-based rank of a passage; on equal scores the earlier passage (page order) ranks first."""
        score = scores[index]
        return int(np.count_nonzero(scores > score) + np.count_nonzero(scores[:index] == score)) + 1

    def ask(self, question: Question) -> Verdict:
        scores = self.scores(question.text)
        if not len(scores):
            return Verdict(question, "answer-not-on-page", None, None)
        top = int(np.argmax(scores))  # the first of equal scores, as `rank` orders them
        winner = Ranked(self.passages[top], float(scores[top]), 1)
        holding = [i for i in self._by_page.get(question.page, []) if self.holds_answer(i, question)]
        expected_index = min(holding, key=lambda i: self.rank(scores, i)) if holding else None
        expected = (Ranked(self.passages[expected_index], float(scores[expected_index]),
                           self.rank(scores, expected_index)) if expected_index is not None else None)
        if expected_index is not None and expected_index == top:
            reason: Reason = "answered"
        elif expected is None:
            reason = "answer-not-on-page"
        elif winner.passage.page != question.page:
            reason = "wrong-page"
        else:
            reason = "right-page-without-answer"
        return Verdict(question, reason, winner, expected)
