"""schema.org JSON-LD builders: one module per type, one `@graph` per page, stable `@id`s."""

from .graphs import (
    case_study_page_graph,
    collection_page_graph,
    free_page_graph,
    person_page_graph,
    role_page_graph,
)
from .serialize import script_tag, to_script_json

__all__ = [
    "case_study_page_graph",
    "collection_page_graph",
    "free_page_graph",
    "person_page_graph",
    "role_page_graph",
    "script_tag",
    "to_script_json",
]
