"""Incremental parser for `text/event-stream` (WHATWG server-sent events). Pure: bytes in, events out.

Built for streams where one event can be a single `data:` line of tens of megabytes arriving in many
small network reads: every byte is searched for a line end once, a long line is kept as a list of the
received pieces (no growing buffer, no rescans), and its bytes are joined once when the line completes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.openroute.errors import EventTooLarge

log = logging.getLogger(__name__)

DEFAULT_MAX_EVENT_BYTES = 64 * 1024 * 1024

_BOM = b"\xef\xbb\xbf"
_CR = b"\r"
_LF = b"\n"
_LF_BYTE = 0x0A
_COLON_BYTE = 0x3A
_SPACE_BYTE = 0x20


class SSEEvent:
    """One dispatched event. `data` is decoded from UTF-8 on first access; `raw` is the same data as bytes
    (what `json.loads` wants; it saves decoding a multi-megabyte line twice)."""

    __slots__ = ("_data", "_raw", "event", "id")

    def __init__(self, data: str | None = None, event: str = "message", id: str | None = None,
                 *, raw: bytes | None = None) -> None:
        if data is None and raw is None:
            raise TypeError("SSEEvent needs data or raw")
        self._data = data
        self._raw = raw
        self.event = event
        self.id = id

    @property
    def data(self) -> str:
        if self._data is None:
            assert self._raw is not None
            self._data = self._raw.decode("utf-8", "replace")  # the spec decodes with replacement
        return self._data

    @property
    def raw(self) -> bytes:
        if self._raw is None:
            assert self._data is not None
            self._raw = self._data.encode("utf-8", "surrogatepass")
        return self._raw

    def __len__(self) -> int:
        """Size of the data in bytes."""
        return len(self.raw)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SSEEvent):
            return NotImplemented
        return (self.event, self.id, self.data) == (other.event, other.id, other.data)

    __hash__ = None  # type: ignore[assignment]  # mutable cache inside; equality only

    def __repr__(self) -> str:
        # Never dump a giant (image) payload into logs or test output.
        size = len(self.raw)
        preview = self.raw[:60].decode("utf-8", "replace")
        more = f"...({size} bytes)" if size > 60 else ""
        return f"SSEEvent(event={self.event!r}, id={self.id!r}, data={preview!r}{more})"


@dataclass(frozen=True, slots=True)
class SSEComment:
    """A `:` comment line (servers send them as keep-alives). `text` is what follows the colon."""

    text: str


SSEItem = SSEEvent | SSEComment


class SSEParser:
    """Feed it the bytes of an event stream in any chunking; it returns complete events and comments.

    `max_event_bytes` bounds memory: when the incomplete line plus the data buffered for the current event
    exceeds it, `feed` raises `EventTooLarge` (the parser is unusable afterwards).
    """

    def __init__(self, *, max_event_bytes: int = DEFAULT_MAX_EVENT_BYTES) -> None:
        self.max_event_bytes = max_event_bytes
        self.retry: int | None = None  # last valid `retry:` value (ms); we never reconnect ourselves
        self._pieces: list[bytes] = []  # received parts of the incomplete current line
        self._line_bytes = 0
        self._data: list[bytes] = []  # values of the `data` lines of the current event
        self._data_bytes = 0
        self._event_type = b""
        self._last_id: str | None = None
        self._skip_lf = False  # the previous feed ended with CR: a leading LF belongs to it
        self._start: bytes | None = b""  # bytes held back while a BOM may still be arriving
        self._closed = False

    # --- progress --------------------------------------------------------------------------------

    @property
    def pending_bytes(self) -> int:
        """Bytes of the incomplete current line plus the data already buffered for the current event."""
        return self._line_bytes + self._data_bytes

    def pending_head(self, n: int = 256) -> bytes:
        """The first `n` bytes of the incomplete current line (to guess what a big line is)."""
        head: list[bytes] = []
        size = 0
        for piece in self._pieces:
            head.append(piece)
            size += len(piece)
            if size >= n:
                break
        return b"".join(head)[:n]

    # --- input -----------------------------------------------------------------------------------

    def feed(self, data: bytes | bytearray | memoryview) -> list[SSEItem]:
        """Parse the next bytes of the stream; return the events and comments they completed, in order."""
        if self._closed:
            raise RuntimeError("feed() after close()")
        if not isinstance(data, bytes):
            data = bytes(data)
        if self._start is not None:
            head = self._start + data
            if len(head) < len(_BOM) and _BOM.startswith(head):
                self._start = head  # maybe a BOM split across reads: wait for more
                return []
            self._start = None
            data = head[len(_BOM):] if head.startswith(_BOM) else head
        out: list[SSEItem] = []
        size = len(data)
        if not size:
            return out
        pos = 0
        if self._skip_lf:
            self._skip_lf = False
            if data[0] == _LF_BYTE:
                pos = 1
        # Next CR and LF positions; each is searched forward only, so every byte is scanned once per kind.
        cr = data.find(_CR, pos)
        lf = data.find(_LF, pos)
        while cr >= 0 or lf >= 0:
            if cr < 0 or 0 <= lf < cr:
                end = lf
                nxt = lf + 1
                lf = data.find(_LF, nxt)
            else:
                end = cr
                if cr + 1 == size:
                    nxt = size
                    self._skip_lf = True
                elif data[cr + 1] == _LF_BYTE:
                    nxt = cr + 2
                    lf = data.find(_LF, nxt)
                else:
                    nxt = cr + 1
                cr = data.find(_CR, nxt)
            if self._pieces:
                if end > pos:
                    self._pieces.append(data[pos:end])
                self._long_line(out)
            else:
                self._line(data, pos, end, out)
            pos = nxt
        if pos < size:
            self._pieces.append(data if pos == 0 else data[pos:])
            self._line_bytes += size - pos
        if self._line_bytes + self._data_bytes > self.max_event_bytes:
            self._too_large()
        return out

    def close(self) -> list[SSEItem]:
        """End of stream. An unterminated line or event is discarded, as the spec says."""
        if self._pieces or self._data:
            log.debug("event stream ended inside an event; discarding %d bytes", self.pending_bytes)
        self._closed = True
        self._pieces.clear()
        self._data.clear()
        self._line_bytes = self._data_bytes = 0
        return []

    def _too_large(self) -> None:
        self._closed = True
        self._pieces.clear()
        self._data.clear()
        raise EventTooLarge(f"an event of the stream is larger than {self.max_event_bytes} bytes",
                            limit=self.max_event_bytes)

    # --- lines -----------------------------------------------------------------------------------

    def _line(self, buf: bytes, start: int, end: int, out: list[SSEItem]) -> None:
        """Process the complete line `buf[start:end]` (the common case: the line arrived in one read)."""
        if start == end:
            self._dispatch(out)
            return
        colon = buf.find(b":", start, end)
        if colon == start:
            value_start = start + 1
            if value_start < end and buf[value_start] == _SPACE_BYTE:
                value_start += 1
            out.append(SSEComment(buf[value_start:end].decode("utf-8", "replace")))
            return
        if colon < 0:
            self._field(buf[start:end], b"")
            return
        value_start = colon + 1
        if value_start < end and buf[value_start] == _SPACE_BYTE:
            value_start += 1
        self._field(buf[start:colon], buf[value_start:end])

    def _long_line(self, out: list[SSEItem]) -> None:
        """Process the complete line held in `self._pieces` (it spanned several reads)."""
        pieces = self._pieces
        self._pieces = []
        self._line_bytes = 0
        first = pieces[0]
        colon = first.find(b":")
        if len(pieces) > 1 and 0 < colon < len(first) - 1:
            # Field name and value separator are in the first piece: join the value once, no second copy.
            skip = colon + 2 if first[colon + 1] == _SPACE_BYTE else colon + 1
            pieces[0] = first[skip:]
            self._field(first[:colon], b"".join(pieces))
            return
        line = b"".join(pieces)
        self._line(line, 0, len(line), out)

    def _field(self, name: bytes, value: bytes) -> None:
        if name == b"data":
            self._data.append(value)
            self._data_bytes += len(value) + 1
            if self._data_bytes > self.max_event_bytes:
                self._too_large()
        elif name == b"event":
            self._event_type = value
        elif name == b"id":
            if b"\x00" not in value:
                self._last_id = value.decode("utf-8", "replace")
        elif name == b"retry" and value.isdigit():  # bytes.isdigit(): ASCII digits only, as the spec wants
            self.retry = int(value)
        # Any other field is ignored.

    def _dispatch(self, out: list[SSEItem]) -> None:
        event_type = self._event_type.decode("utf-8", "replace") if self._event_type else "message"
        self._event_type = b""
        if not self._data:
            return
        raw = b"\n".join(self._data)  # a single data line is returned as is, without a copy
        self._data = []
        self._data_bytes = 0
        out.append(SSEEvent(event=event_type, id=self._last_id, raw=raw))
