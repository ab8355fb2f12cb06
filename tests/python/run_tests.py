#!/usr/bin/env python3
"""Runs the Python module's pytest tests (CTest: python_module) with the given pytest arguments.

Exits 77 (CTest's SKIP_RETURN_CODE) when pytest or pandas is missing or the module was not built
(--module-missing), unless CI is set in the environment: then it fails, since CI installs them.
"""
import os
import sys

SKIP = 77


def missing(what):
    if "CI" in os.environ:
        print(f"FAIL: {what}; CI needs it")
        return 1
    print(f"SKIP: {what}")
    return SKIP


def main():
    if "--module-missing" in sys.argv:
        return missing("the Python module was not built (apt-get install pybind11-dev "
                       "python3-dev, then build again)")
    try:
        import pytest
    except ImportError:
        return missing("pytest is not installed (apt-get install python3-pytest)")
    try:
        import pandas  # noqa: F401
    except ImportError:
        return missing("pandas is not installed (apt-get install python3-pandas)")
    # No .pytest_cache in the source tree.
    return pytest.main(sys.argv[1:] + ["-p", "no:cacheprovider"])


if __name__ == "__main__":
    sys.exit(main())
