"""Settings every test shares: no display here, so Qt renders offscreen unless told otherwise."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
