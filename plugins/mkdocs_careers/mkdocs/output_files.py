"""Machine outputs are written straight into the site folder, one at a time, as they are produced.

Holding every output until MkDocs writes its files (the Markdown copies, llms-full.txt and the feeds
each carry the text of every role) was the largest part of a big site's peak memory. Each output is
written as soon as it is built and stands in MkDocs' file list as a file whose source is its own
destination, which MkDocs leaves in place ("plugins write directly into site_dir").
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


def written_output(config: MkDocsConfig, src_uri: str, dest_uri: str,
                   content: str | bytes | Iterable[str]) -> File:
    """Write `content` (text, bytes or chunks of text) to `dest_uri` in the site folder now; the returned
    File stands for it."""
    target = Path(config.site_dir) / dest_uri
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        with open(target, "w", encoding="utf-8") as stream:
            stream.writelines([content] if isinstance(content, str) else content)
    output = File.generated(config, src_uri, abs_src_path=str(target))
    output.dest_uri = dest_uri
    return output
