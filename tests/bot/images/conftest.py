"""Fixtures of the image package's tests."""

from __future__ import annotations

import pytest
from PIL import ImageFile

from bot.images.fonts import forget_fonts
from bot.images.worker import ImageWorker


@pytest.fixture(autouse=True)
def fresh_fonts():
    """Each test looks the chart's font up anew (some change where it is looked for) and may see its warning."""
    forget_fonts()
    yield
    forget_fonts()


@pytest.fixture
def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any pixel decoding fail the test, to prove a refusal happened from the header alone."""

    def refuse_to_load(self: ImageFile.ImageFile) -> None:
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse_to_load)


@pytest.fixture
async def worker():
    images = ImageWorker(max_workers=2)
    yield images
    images.close()

