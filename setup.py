"""How the `diary` command is installed, the one build setting pyproject.toml cannot say.

On POSIX systems it is bin/diary, a plain script (pip's console-script wrapper would import
`re` before the diary starts, about 6 ms of every quick log). Windows needs the .exe
wrapper that only a console-script entry point gets. Everything else is in pyproject.toml.
"""

import os

from setuptools import setup

if os.name == "nt":
    setup(entry_points={"console_scripts": ["diary = diary.launch:main"]})
else:
    setup(scripts=["bin/diary"])
