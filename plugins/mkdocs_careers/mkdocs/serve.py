"""The live preview (`mkdocs serve`): content problems in the terminal and on every page, never a crash.

During `mkdocs serve` an editor looks at the browser, not the terminal: the page they are editing
reloads and shows exactly what to fix, and the preview server keeps running.
"""

from __future__ import annotations

import logging

from markupsafe import Markup

from ..content.diagnostics import Diagnostic, Severity


def report_in_terminal(diagnostics: list[Diagnostic]) -> None:
    """Print problems outside the `mkdocs` logger: MkDocs counts that logger's warnings and, in strict mode,
    would abort the preview server on its first build."""
    logger = logging.getLogger("mkdocs_careers.serve")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        logger.propagate = False
    for problem in diagnostics:
        logger.log(logging.ERROR if problem.severity is Severity.ERROR else logging.WARNING,
                   "careers: %s", problem.format())


def problems_html(diagnostics: list[Diagnostic]) -> str:
    count = len(diagnostics)
    items = Markup("").join(
        Markup("<li><code>{where}</code> {field}{message}{hint}</li>").format(
            where=f"{d.path}:{d.line}",
            field=Markup("<strong>{}</strong>: ").format(d.field) if d.field else "",
            message=d.message,
            hint=Markup(" <em>(hint: {})</em>").format(d.hint) if d.hint else "",
        )
        for d in diagnostics
    )
    title = f"{count} content error{'s' if count != 1 else ''}: this preview is incomplete until they are fixed"
    return str(Markup('<div class="admonition failure careers-problems" role="alert">'
                      '<p class="admonition-title">{title}</p><ul>{items}</ul>'
                      '<p>Save the file after fixing it; this page reloads by itself. '
                      '<code>careers check</code> lists the same problems.</p></div>\n').format(
        title=title, items=items))



