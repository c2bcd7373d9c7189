"""Machine outputs are written straight into the site folder, one at a time, as they are produced.

Holding every output until MkDocs writes its files (the Markdown copies, llms-full.txt and the feeds
each carry the text of every role) was the largest part of a big site's peak memory. Each output is
written as soon as it is built and stands in MkDocs' file list as a file whose source is its own
destination, which MkDocs leaves in place ("plugins write directly into site_dir").
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def written_output(config: MkDocsConfig, src_uri: str, dest_uri: str,
                   content: str | bytes | Iterable[str], *, digests: dict[str, bytes] | None = None) -> File:
    """Write `content` to `dest_uri` in the site folder now (`write_output`); the returned File stands for it."""
    target = Path(config.site_dir) / dest_uri
    write_output(target, content, digests=digests)
    output = File.generated(config, src_uri, abs_src_path=str(target))
    output.dest_uri = dest_uri
    return output


def write_output(target: Path, content: str | bytes | Iterable[str], *,
                 digests: dict[str, bytes] | None = None) -> None:
    """Write text, bytes or chunks of text to `target`.

    With `digests` (the preview's, by file: a hash of what it last wrote there), text or bytes identical to
    what the file already holds are not written again: after an edit most Markdown copies are unchanged.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    if digests is not None and isinstance(content, (str, bytes)):
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if digests.get(str(target)) != digest or not target.is_file():
            target.write_bytes(data)
            digests[str(target)] = digest
    elif isinstance(content, bytes):
        target.write_bytes(content)
    else:
        with open(target, "w", encoding="utf-8") as stream:
            stream.writelines([content] if isinstance(content, str) else content)
