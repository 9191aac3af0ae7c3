"""The SSE parser follows the WHATWG event-stream rules whatever the network chunking."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.openroute.errors import EventTooLarge
from bot.openroute.sse import SSEComment, SSEEvent, SSEParser


def parse(stream: bytes, *, chunk: int | None = None) -> list[SSEEvent | SSEComment]:
    parser = SSEParser()
    out: list[SSEEvent | SSEComment] = []
    if chunk is None:
        out += parser.feed(stream)
    else:
        for start in range(0, len(stream), chunk):
            out += parser.feed(stream[start:start + chunk])
    out += parser.close()
    return out


def events(stream: bytes, **kwargs: int) -> list[SSEEvent]:
    return [item for item in parse(stream, **kwargs) if isinstance(item, SSEEvent)]


def datas(stream: bytes) -> list[str]:
    return [event.data for event in events(stream)]


# --- WPT-style vectors --------------------------------------------------------------------------------

def test_data_with_and_without_the_optional_space():
    assert datas(b"data: a\n\ndata:b\n\ndata:  c\n\n") == ["a", "b", " c"]


def test_multi_line_data_is_joined_with_newlines():
    assert datas(b"data: one\ndata: two\ndata\ndata: three\n\n") == ["one\ntwo\n\nthree"]


def test_comments_are_reported_and_never_become_events():
    items = parse(b": OPENROUTER PROCESSING\n\n:\n: x: y\ndata: a\n\n")
    assert items == [SSEComment("OPENROUTER PROCESSING"), SSEComment(""), SSEComment("x: y"), SSEEvent("a")]


def test_a_field_with_no_colon_has_an_empty_value():
    assert datas(b"data\n\n") == [""]
    assert datas(b"data\ndata\n\n") == ["\n"]


def test_an_event_with_no_data_is_not_dispatched():
    assert events(b"event: ping\n\n\n\nid: 1\n\n") == []


def test_the_event_type_resets_after_each_event_and_after_an_empty_one():
    got = events(b"event: add\ndata: 1\n\ndata: 2\n\nevent: skip\n\ndata: 3\n\n")
    assert [(e.event, e.data) for e in got] == [("add", "1"), ("message", "2"), ("message", "3")]


def test_unknown_fields_and_bad_retry_values_are_ignored():
    parser = SSEParser()
    got = parser.feed(b"foo: bar\nDATA: no\nretry: 12x\ndata: yes\n\nretry: 3000\n\n")
    assert got == [SSEEvent("yes")]
    assert parser.retry == 3000


def test_the_last_event_id_persists_and_ids_with_nul_are_ignored():
    got = events(b"id: 7\ndata: a\n\ndata: b\n\nid: x\x00y\ndata: c\n\nid\ndata: d\n\n")
    assert [(e.id, e.data) for e in got] == [("7", "a"), ("7", "b"), ("7", "c"), ("", "d")]


def test_one_leading_bom_is_ignored_even_split_across_reads():
    stream = b"\xef\xbb\xbfdata: a\n\n"
    assert datas(stream) == ["a"]
    assert events(stream, chunk=1) == [SSEEvent("a")]
    # A second BOM is part of the field name, which makes the field unknown.
    assert datas(b"\xef\xbb\xbf\xef\xbb\xbfdata: a\n\ndata: b\n\n") == ["b"]


def test_a_stream_that_only_looks_like_a_bom_start_is_kept():
    assert events(b"\xefdata: a\n\ndata: b\n\n", chunk=1) == [SSEEvent("b")]


@pytest.mark.parametrize("eol", [b"\n", b"\r", b"\r\n"])
def test_every_line_ending_style_splits_lines(eol: bytes):
    stream = b"data: a" + eol + b"data: b" + eol + eol + b": c" + eol + b"data: d" + eol + eol
    assert parse(stream) == [SSEEvent("a\nb"), SSEComment("c"), SSEEvent("d")]


def test_a_crlf_split_between_two_reads_is_one_line_end():
    parser = SSEParser()
    assert parser.feed(b"data: a\r") == []
    assert parser.feed(b"\n\r") == [SSEEvent("a")]
    assert parser.feed(b"\ndata: b\r\n\r\n") == [SSEEvent("b")]


def test_an_unterminated_event_at_end_of_stream_is_discarded():
    assert datas(b"data: a\n\ndata: b\n") == ["a"]
    assert datas(b"data: a\n\ndata: b") == ["a"]


def test_utf8_split_across_reads_decodes_correctly():
    stream = "data: żółw 🐢\n\n".encode()
    assert events(stream, chunk=1) == [SSEEvent("żółw 🐢")]


def test_invalid_utf8_is_replaced_not_fatal():
    assert datas(b"data: a\xffb\n\n") == ["a\ufffdb"]


def test_raw_gives_the_data_bytes():
    (event,) = events(b"data: {\"a\": 1}\n\n")
    assert event.raw == b'{"a": 1}'


# --- big lines, progress and limits ------------------------------------------------------------------

def test_a_giant_data_line_in_many_reads_is_one_event_and_progress_is_visible():
    payload = b"x" * (3 * 1024 * 1024 + 17)
    stream = b"data: " + payload + b"\n\n"
    parser = SSEParser()
    got: list[SSEEvent | SSEComment] = []
    step = 64 * 1024
    for start in range(0, len(stream) - 2, step):
        got += parser.feed(stream[start:min(start + step, len(stream) - 2)])
        assert parser.pending_head(6) == b"data: "
    assert got == []
    assert parser.pending_bytes == len(stream) - 2
    got += parser.feed(b"\n\n")
    assert len(got) == 1
    assert got[0].raw == payload
    assert parser.pending_bytes == 0


def test_a_giant_line_whose_separator_is_split_is_still_parsed():
    parser = SSEParser()
    got = parser.feed(b"data:") + parser.feed(b" abc") + parser.feed(b"def\n\n")
    assert got == [SSEEvent("abcdef")]


def test_pending_bytes_counts_buffered_data_lines_too():
    parser = SSEParser()
    parser.feed(b"data: 12345\ndata: 67")
    assert parser.pending_bytes == len(b"12345\n") + len(b"data: 67")


def test_a_line_larger_than_the_limit_raises_event_too_large():
    parser = SSEParser(max_event_bytes=1000)
    parser.feed(b"data: " + b"a" * 500)
    with pytest.raises(EventTooLarge) as caught:
        parser.feed(b"a" * 600)
    assert caught.value.limit == 1000


def test_many_small_data_lines_beyond_the_limit_raise_event_too_large():
    parser = SSEParser(max_event_bytes=100)
    with pytest.raises(EventTooLarge):
        parser.feed(b"data: 0123456789\n" * 30)


def test_events_under_the_limit_are_fine_many_times_over():
    parser = SSEParser(max_event_bytes=100)
    got = []
    for _ in range(100):
        got += parser.feed(b"data: " + b"a" * 80 + b"\n\n")
    assert len(got) == 100


# --- any chunking gives the same events --------------------------------------------------------------

_line_text = st.text(st.characters(blacklist_characters="\r\n", blacklist_categories=["Cs"]), max_size=12)
_event = st.tuples(
    st.lists(_line_text, min_size=1, max_size=3),         # data lines
    st.one_of(st.none(), st.sampled_from(["add", "ping", "ünï"])),  # event type
    st.lists(_line_text.map(lambda t: ": " + t), max_size=2),       # comments before it
    st.booleans(),                                        # an unknown field too
)


def _serialize(spec: list, eols: list[bytes], bom: bool) -> tuple[bytes, list[SSEEvent | SSEComment]]:
    lines: list[str] = []
    expected: list[SSEEvent | SSEComment] = []
    for data_lines, event_type, comments, unknown in spec:
        for comment in comments:
            lines.append(comment)
            expected.append(SSEComment(comment[2:]))
        if event_type:
            lines.append(f"event: {event_type}")
        if unknown:
            lines.append("foo: bar")
        lines += [f"data: {line}" for line in data_lines]
        lines.append("")
        expected.append(SSEEvent("\n".join(data_lines), event=event_type or "message"))
    out = bytearray(b"\xef\xbb\xbf" if bom else b"")
    previous = b""
    for i, line in enumerate(lines):
        eol = eols[i % len(eols)]
        if previous == b"\r" and not line and eol == b"\n":
            eol = b"\r\n"  # "\r" + "\n" would be one CRLF, swallowing the blank line
        out += line.encode() + eol
        previous = eol
    return bytes(out), expected


@settings(max_examples=150, deadline=None)
@given(spec=st.lists(_event, max_size=5),
       eols=st.lists(st.sampled_from([b"\n", b"\r", b"\r\n"]), min_size=1, max_size=4),
       bom=st.booleans(),
       data=st.data())
def test_any_chunking_of_any_stream_yields_the_same_events(spec, eols, bom, data):
    stream, expected = _serialize(spec, eols, bom)
    whole = parse(stream)
    assert whole == expected
    cuts = sorted(data.draw(st.sets(st.integers(0, len(stream)), max_size=20)))
    parser = SSEParser()
    chunked: list[SSEEvent | SSEComment] = []
    previous = 0
    for cut in [*cuts, len(stream)]:
        chunked += parser.feed(stream[previous:cut])
        previous = cut
    chunked += parser.close()
    assert chunked == whole


@settings(max_examples=40, deadline=None)
@given(spec=st.lists(_event, min_size=1, max_size=4),
       eols=st.lists(st.sampled_from([b"\n", b"\r", b"\r\n"]), min_size=1, max_size=3),
       bom=st.booleans())
def test_one_byte_reads_yield_the_same_events(spec, eols, bom):
    stream, expected = _serialize(spec, eols, bom)
    assert parse(stream, chunk=1) == expected
