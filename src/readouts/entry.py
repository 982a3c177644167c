"""Library functions that share their name with a submodule: `readouts.extract(…)` and
`readouts.compare(…)`.

`readouts.extract` and `readouts.compare` are also a subpackage and a module: Python sets the
package's attribute to the submodule the first time anything imports it, which would replace a
function of that name. So the submodule itself is made callable, forwarding to the function.
"""
from __future__ import annotations

import importlib
import sys
import types
from typing import Any


class CallableModule(types.ModuleType):
    """A module whose call is the library function named in its `__readouts_call__`."""

    __readouts_call__ = ""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        module, name = self.__readouts_call__.split(":")
        return getattr(importlib.import_module(module), name)(*args, **kwargs)


def make_callable(module_name: str, target: str) -> None:
    """Let calling the module `module_name` call `target` ("package.module:function")."""
    module = sys.modules[module_name]
    module.__class__ = CallableModule
    module.__readouts_call__ = target
