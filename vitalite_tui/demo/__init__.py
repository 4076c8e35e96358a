"""The demo démarche, built through the store: `create_demo(store, size, scale=1)`."""

from vitalite_tui.demo.build import DEMO_SIZES, DemoSize, create_demo

__all__ = ["DEMO_SIZES", "DemoSize", "create_demo"]
