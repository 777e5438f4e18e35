from __future__ import annotations

import importlib

import bastion


def test_all_is_complete_and_importable() -> None:
    for name in bastion.__all__:
        assert getattr(bastion, name) is not None, name
    public = {n for n in dir(bastion) if not n.startswith("_")}
    modules = {n for n in public if isinstance(getattr(bastion, n), type(importlib))}
    missing = public - set(bastion.__all__) - modules - {"annotations", "TYPE_CHECKING", "Any", "import_module"}
    assert not missing, f"public names not in __all__: {sorted(missing)}"


def test_lazy_names_are_listed_in_all() -> None:
    assert set(bastion._LAZY) <= set(bastion.__all__)


def test_unknown_attribute_raises() -> None:
    try:
        bastion.does_not_exist  # noqa: B018
    except AttributeError as exc:
        assert "does_not_exist" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_version_is_a_string() -> None:
    assert isinstance(bastion.__version__, str) and bastion.__version__.count(".") == 2


def test_redact_stays_the_function_after_the_subpackage_is_imported() -> None:
    import bastion.redact as sub  # noqa: F401 - the import is the point of the test

    assert callable(bastion.redact) and bastion.redact.__name__ == "redact"
