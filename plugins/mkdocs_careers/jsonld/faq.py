"""schema.org FAQPage for Q&A blocks. The text is exactly the visible question and answer."""

from __future__ import annotations

from typing import Any

from ..pages.model import FaqEntry
from .nodes import ref, webpage_id


def faq_node(page_url: str, items: list[FaqEntry]) -> dict[str, Any] | None:
    if not items:
        return None
    return {
        "@type": "FAQPage",
        "@id": f"{page_url}#faq",
        "url": f"{page_url}#faq",
        "isPartOf": ref(webpage_id(page_url)),
        "mainEntity": [
            {"@type": "Question", "name": item.question,
             "acceptedAnswer": {"@type": "Answer", "text": item.answer}}
            for item in items
        ],
    }
