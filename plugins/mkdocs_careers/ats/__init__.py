"""ATS sync (`careers import`): read a public job board of an applicant tracking system, update role files.

Adapter layer, beside `cli/`: it reads the network and writes content files. `providers/` turns each ATS's
JSON into common `AtsJob`s (jobs.py), `mapping.py` turns those into role frontmatter facts, `sync.py` plans
and applies the file changes with round-trip YAML edits (frontmatter_edit.py).
"""
