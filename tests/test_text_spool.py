"""The temporary spool that keeps texts a build needs again later out of memory (mkdocs/text_spool.py)."""

from __future__ import annotations

from mkdocs_careers.mkdocs.text_spool import TextSpool


def test_every_text_reads_back_exactly_in_any_order():
    spool = TextSpool()
    texts = ["", "plain", "ünïcödé – € → 🏳️‍🌈", "<h2 id=\"x\">A &amp; B</h2>\n" * 500, "\r\nline\rends\n"]
    readers = [spool.keep(text) for text in texts]
    for reader, text in reversed(list(zip(readers, texts, strict=True))):
        assert reader() == text
    assert readers[2]() == texts[2]  # read twice: the feeds each read a description
    spool.close()


def test_the_spool_has_no_name_in_the_file_system(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    spool = TextSpool()
    spool.keep("a description")
    assert list(tmp_path.iterdir()) == []  # unlinked at once: nothing to leak into a site or a repo
    spool.close()
