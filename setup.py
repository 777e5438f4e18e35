"""Build hook for the optional C scoring kernel (``bastion.detect._native``).

Everything else is declared in ``pyproject.toml``. The extension is optional: where no C
compiler is available the install still succeeds and the classifier scores with numpy (same
results, slower); ``bastion.detect._classifier.native_kernel()`` tells which one runs.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "bastion.detect._native",
            ["src/bastion/detect/_native.c"],
            optional=True,
            extra_compile_args=["-O3", "-std=c99", "-Wall", "-Wextra"],
        )
    ]
)
