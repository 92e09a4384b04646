"""What the hooks keep between events: a build's outputs only once on_config has made them."""

from __future__ import annotations

from typing import Any, cast

import pytest
from casebook_mkdocs.state import Build, Command


def test_the_current_build_is_the_one_on_config_made() -> None:
    command = Command(name="serve", dirty=True)
    assert command.serving
    with pytest.raises(RuntimeError, match="a build event ran before on_config"):
        command.current()
    build = Build(cast(Any, None), cast(Any, None), cast(Any, None), 0.5, cast(Any, None))
    command.build = build
    assert command.current() is build
    assert not Command(name="gh-deploy").serving
