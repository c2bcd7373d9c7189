"""schema.org JSON-LD builders: one module per type, one `@graph` per page, stable `@id`s."""

from .graphs import page_graph
from .serialize import script_tag, to_script_json

__all__ = ["page_graph", "script_tag", "to_script_json"]
