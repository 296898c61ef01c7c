"""Golden markup of the components (cpguide/site/components/<name>/): every example of every folder's
examples.yml, rendered, against the markup written by hand beside it; and every folder holds all of a
component (template, styles, script unless its README says it needs none, examples, README)."""

from __future__ import annotations

import pytest

from cpguide.site import components
from component_examples import ENGINES, every_example, normal, read, render

EXAMPLES = every_example()


def test_there_are_components():
    assert {"exit-and-listen", "help-numbers"} <= set(components.names())


@pytest.mark.parametrize("name", components.names())
def test_a_component_folder_holds_every_part(name):
    folder = components.FOLDER / name
    missing = [part for part in components.parts(name) if not (folder / part).is_file()]
    assert not missing, f"components/{name}/ lacks {missing}"
    for part in components.parts(name):
        assert (folder / part).read_text(encoding="utf-8").strip(), f"components/{name}/{part} is empty"


@pytest.mark.parametrize("name", components.names())
def test_every_macro_has_an_example_and_every_example_a_browser_test(name):
    data, examples = read(name)
    assert examples, f"components/{name}/examples.yml has no example"
    module = ENGINES["escaping by default (the package)"].get_template(components.template_name(name)).module
    macros = {n for n in dir(module) if not n.startswith("_") and callable(getattr(module, n))}
    called = {call["macro"] for e in examples for call in e.calls if "macro" in call}
    assert macros <= called, f"components/{name}: no example calls {sorted(macros - called)}"
    for e in examples:
        assert e.browser, f"{e.id}: no browser steps"


@pytest.mark.parametrize("engine", list(ENGINES))
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_golden_markup(example, engine):
    assert normal(render(example, ENGINES[engine])) == normal(example.markup)


def test_the_build_serves_each_components_styles_and_script():
    served = dict(components.served())
    for name in components.names():
        source = (components.FOLDER / name / f"{name}.css").read_text(encoding="utf-8")
        css = served[f"assets/css/{name}.css"]
        assert "/*" not in css and len(css) < len(source), f"{name}.css is served with its comments"
        # every rule of the source, as it is written there
        assert [line for line in source.splitlines() if "{" in line and "/*" not in line] == \
            [line for line in css.splitlines() if "{" in line]
        assert (f"assets/js/{name}.mjs" in served) == components.has_script(name)


def test_a_missing_part_is_found(tmp_path, monkeypatch):
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "broken.html").write_text("{% macro x() %}{% endmacro %}")
    monkeypatch.setattr(components, "FOLDER", tmp_path)
    assert components.names() == ["broken"]
    assert "broken.mjs" in components.parts("broken") and "examples.yml" in components.parts("broken")
