"""The components' examples (cpguide/site/components/<name>/examples.yml), read for the golden markup test
(tests/test_components.py) and the browser test (tests/browser/test_components.py).

Each example calls one or more of the component's macros with plain arguments (a call may instead be
`html:`, markup the page writes around them, such as a list); its `markup` is what they must give,
written by hand. The macros are rendered by a Jinja2 environment like MkDocs' (no escaping by
default) and by one like the package's (escaping by default): both must give the markup, so the macros
escape every text themselves and Zensical's MiniJinja, which escapes by default, gives it too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from cpguide.site import components


@dataclass
class Example:
    component: str
    number: int  # from 1, in the file's order
    name: str
    calls: list[dict]
    markup: str
    browser: list = field(default_factory=list)
    init_script: str = ""
    styles: list[str] = field(default_factory=list)  # other stylesheets the component needs
    notices: dict = field(default_factory=dict)  # the page's wording for its scripts (#cp-notices)
    stored: dict = field(default_factory=dict)  # localStorage before the page is opened
    files: dict = field(default_factory=dict)  # other files the site serves: {path: text, or data as JSON}
    page_before: str = ""  # markup the theme puts before the component (browser test)
    markdown: bool = False  # the markup is Markdown with HTML blocks, as the page's Markdown holds it

    @property
    def id(self) -> str:
        return f"{self.component}: {self.name}"


def read(name: str) -> tuple[dict, list[Example]]:
    data = yaml.safe_load((components.FOLDER / name / "examples.yml").read_text(encoding="utf-8")) or {}
    examples = [Example(name, i, e["name"], e["calls"], e["markup"], e.get("browser") or [], e.get("init_script", ""),
                        data.get("styles") or [], e.get("notices") or {}, e.get("stored") or {}, e.get("files") or {},
                        e.get("page_before", ""), bool(data.get("markdown")))
                for i, e in enumerate(data.get("examples") or [], start=1)]
    return data, examples


def every_example() -> list[Example]:
    return [example for name in components.names() for example in read(name)[1]]


def _environment(autoescape: bool) -> Environment:
    return Environment(loader=components.theme_loader(), autoescape=autoescape, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


ENGINES = {"no escaping by default (MkDocs' theme)": _environment(False),
           "escaping by default (the package)": _environment(True)}


def render(example: Example, env: Environment | None = None) -> str:
    module = (env or ENGINES["escaping by default (the package)"]).get_template(components.template_name(example.component)).module
    return "\n".join(call["html"] if "html" in call else str(getattr(module, call["macro"])(**_arguments(call)))
                     for call in example.calls)


def _arguments(call: dict) -> dict:
    """A call's arguments; those under `markup_arguments` are HTML the caller made (icons from the theme)."""
    made = {name: ({k: Markup(v) for k, v in value.items()} if isinstance(value, dict)
                   else [Markup(v) for v in value] if isinstance(value, list) else Markup(value))
            for name, value in (call.get("markup_arguments") or {}).items()}
    return {**call.get("arguments", {}), **made}


_BETWEEN_TAGS = re.compile(r">\s+<")


def normal(markup: str) -> str:
    """Whitespace that does not show: runs of it are one space, none between two tags or at the ends."""
    return _BETWEEN_TAGS.sub("><", " ".join(markup.split()))
