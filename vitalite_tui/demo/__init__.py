"""The demo démarche, built through the store: `create_demo(store, size, scale=1)`.

Imported only by `vitalite demo`, the home screen's demo key and tests: never at start-up.
"""

from vitalite_tui.demo.build import DemoResult, create_demo
from vitalite_tui.demo.context import DEMO_SIZES, DemoSize

__all__ = ["DEMO_SIZES", "DemoResult", "DemoSize", "create_demo"]
