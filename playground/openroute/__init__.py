"""OpenRoute emulator: a faithful local fake of the OpenRoute/OpenRouter API over real loopback sockets.

Routes (under `/api/v1`): `POST /chat/completions`, `GET /models` (no auth; `output_modalities` filter,
default `text`), `GET /key`, `GET /generation?id=`. Chat, key and generation need
`Authorization: Bearer <api_key>` (missing or wrong → 401 JSON error).

A normal stream (`"stream": true`) is: `: OPENROUTER PROCESSING` keep-alives spaced by
`keepalive_interval` → a text chunk (`delta.role` + `delta.content`) → ONE `data:` line holding
`delta.images[{type:"image_url", image_url:{url:"data:image/png;base64,…"}}]`, written in
`write_size`-byte pieces → a `delta:{}` chunk with `finish_reason:"stop"` → a usage chunk with
`"choices": []` → `data: [DONE]` and a blank line. Without `stream` the answer is one
`chat.completion` JSON (`choices[0].message.images`, `usage`). Images are random noise of real size,
seeded from (model, prompt, image index): the same request gives the same bytes. The default is a PNG
sized by `image_config.aspect_ratio` (reference 1K table) times `image_size` (0.5K/1K/2K/4K).
A request whose `modalities` list omits `"image"` gets a text-only answer, as real models give.

The pixels also depend on the request's input images and image options (`request_variant`): a test can tell
from a result which images and sizes reached the model. Scenarios are chosen by the request's model id; any
other id (real-looking or not) is a normal PNG.

| model id               | behaviour                                                                 |
|------------------------|---------------------------------------------------------------------------|
| `emu/png`              | normal PNG stream                                                         |
| `emu/jpeg-4k`          | 4096x4096 noise JPEG, quality 95 (~20 MB), `data:image/jpeg`              |
| `emu/webp`             | small (256x256) WebP, `data:image/webp`                                   |
| `emu/crlf`             | normal, every line ending is `\\r\\n`                                     |
| `emu/bom`              | normal, the stream starts with a UTF-8 BOM                                |
| `emu/cr`               | normal, every line ending is a lone `\\r`                                 |
| `emu/two-images`       | two images, each in its own `delta.images` chunk                          |
| `emu/no-cost`          | normal, but the usage chunk has no `cost` (`GET /generation` knows it)    |
| `emu/usage-after-stop` | stop chunk, then a usage chunk with choices                               |
|                        | `[{"index":0,"delta":{},"finish_reason":null}]`, then `[DONE]`            |
| `emu/no-image`         | text only ("I can't draw that, but here is a poem…"), finish `stop`      |
| `emu/refusal`          | text, finish `content_filter`, no image                                   |
| `emu/mid-stream-error` | keep-alives, text, then the §6.2 error chunk (502 "Provider               |
|                        | disconnected", finish `error`), EOF without `[DONE]` (*)                  |
| `emu/truncated`        | hangs up halfway through the image line, no `[DONE]` (*)                  |
| `emu/no-done`          | text and image, then EOF: no finish chunk, no usage, no `[DONE]`          |
| `emu/bad-base64`       | image URL `data:image/png;base64,` + invalid base64                       |
| `emu/not-an-image`     | valid base64 of plain text, labelled `data:image/png`                     |
| `emu/bomb`             | a real 30000x30000 1-bit PNG (~110 KB): a decompression bomb              |
| `emu/slow`             | `slow_keepalives` extra keep-alives `keepalive_interval` apart, then normal |
| `emu/stall`            | headers + one keep-alive, then nothing until the client hangs up (*)      |
| `emu/hold`             | keep-alives every `keepalive_interval` until `release()` (all, a latch)   |
|                        | or `release_one()` (one request), then normal (*)                         |
| `emu/flaky`            | first request for a prompt → 429 with `Retry-After: 0`; later → normal    |
| `emu/nonstream`        | ignores `stream: true`, answers with the non-streaming JSON               |
| `emu/error-400`        | 400 `invalid_request`                                                     |
| `emu/error-401`        | 401 `authentication` ("User not found.")                                  |
| `emu/error-402`        | 402 `payment_required` (insufficient credits)                             |
| `emu/error-403`        | 403 moderation: metadata `reasons:["violence"]`, `flagged_input` (the     |
|                        | prompt, ≤100 chars, middle elided), `provider_name`, `model_slug`         |
| `emu/error-404`        | 404 `not_found` (no endpoints)                                            |
| `emu/error-408`        | 408 `timeout`                                                             |
| `emu/error-429`        | 429 `rate_limit_exceeded`, header `Retry-After: 7`, provider metadata     |
| `emu/error-500`        | 500 `server`                                                              |
| `emu/error-502`        | 502 `provider_unavailable`                                                |
| `emu/error-503`        | 503 `provider_overloaded`, header `Retry-After: 3`                        |
| `emu/error-html`       | 502 with a Cloudflare HTML page, `Content-Type: text/html`                |
| `emu/describe`         | reads images, answers in text: four numbered prompts after a lead-in, one  |
|                        | text delta per line, cost 0.0012 (listed with `output_modalities` text)   |
| `emu/describe-two`     | the same with two prompts                                                 |
| `emu/describe-none`    | the same with no prompt ("I'm sorry, but I can't describe this picture.") |
| `emu/describe-hold`    | `emu/describe`, held after its first two lines until `release()` or       |
|                        | `release_one()`                                                           |

(*) Without `stream`: mid-stream-error → 502 JSON error; truncated → hangs up halfway through the JSON
body; stall → sends no headers at all; hold → waits silently for `release()`.
`emu/bad-base64` is not recorded in `sent_images` (there are no image bytes to record).

Error scenarios answer before any stream byte with `{"error": {"code", "message", "metadata":
{"error_type", …}}}` (reference §6.1), streamed or not. `GET /models?output_modalities=image` lists
real-looking image models, every `emu/*` id and no text-only model; the default (`text`) filter lists
the text-only models and the image+text ones but not image-only FLUX. `set_models(...)` changes the list while
the emulator runs (a model renamed or retired by the provider).

Run standalone: `python -m playground.openroute --port P [--host H] [--api-key K]`.
"""

from playground.openroute.catalog import ALL_SCENARIOS, default_models
from playground.openroute.emulator import (
    OpenRouteEmulator,
    RecordedRequest,
    SentImage,
    image_seed,
    prompt_of,
    request_variant,
)

__all__ = [
    "ALL_SCENARIOS",
    "OpenRouteEmulator",
    "RecordedRequest",
    "SentImage",
    "default_models",
    "image_seed",
    "prompt_of",
    "request_variant",
]
