"""Regenerate tests/data/schemaorg-vocabulary.json from a schema.org release file.

The tests check every emitted type and property against this compact copy, so a user's clone
needs no network and no copy of the full vocabulary. Usage:

    python tests/tools/extract_schemaorg_vocabulary.py path/to/schemaorg-all-https.jsonld
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _ids(value: object) -> list[str]:
    items = value if isinstance(value, list) else [value] if value else []
    return sorted(i["@id"].removeprefix("schema:") for i in items if isinstance(i, dict) and "@id" in i)


def extract(source: Path) -> dict:
    graph = json.loads(source.read_text(encoding="utf-8"))["@graph"]
    types: dict[str, list[str]] = {}
    properties: dict[str, dict[str, list[str] | bool]] = {}
    for node in graph:
        kinds = node.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        name = node["@id"].removeprefix("schema:")
        if "rdfs:Class" in kinds:
            types[name] = _ids(node.get("rdfs:subClassOf"))
        elif "rdf:Property" in kinds:
            properties[name] = {"domain": _ids(node.get("schema:domainIncludes")),
                                "range": _ids(node.get("schema:rangeIncludes")),
                                "superseded": "schema:supersededBy" in node}
        else:  # enumeration members such as schema:Paperback are instances of their type
            types.setdefault(name, [])
    return {"source": source.name, "types": dict(sorted(types.items())),
            "properties": dict(sorted(properties.items()))}


if __name__ == "__main__":
    src = Path(sys.argv[1])
    out = Path(__file__).resolve().parents[1] / "data" / "schemaorg-vocabulary.json"
    data = extract(src)
    data["release"] = "30.0"
    out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(data['types'])} types, {len(data['properties'])} properties)")
