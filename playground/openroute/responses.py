"""Writing an answer out: as an SSE stream (keep-alives, text deltas, image lines, finish and usage chunks,
`[DONE]`) or as one `chat.completion` JSON, with each scenario's way of going wrong on the wire.

Mixed into `OpenRouteEmulator` (it bills the generation, records sent images and parks held requests).
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from playground.openroute.answers import Answer, Generation
from playground.openroute.catalog import CannedError
from playground.openroute.wire import UTF8_BOM, EventStream, dumps, dumps_with_urls, error_response, image_part

LINE_ENDINGS = {"emu/crlf": b"\r\n", "emu/cr": b"\r"}


class Responses:
    """`_stream` and `_respond_json`: one generation's answer as the client receives it."""

    async def _answer_with_keepalives(
        self, answer_task: asyncio.Task[Answer], sse: EventStream | None
    ) -> Answer:
        """Await the answer, sending a keep-alive every interval while a big image is still encoding."""
        while not answer_task.done():
            await asyncio.wait({answer_task}, timeout=self._keepalive_interval)
            if not answer_task.done() and sse is not None:
                await sse.keepalive()
        return answer_task.result()

    async def _stream(
        self,
        request: web.Request,
        scenario: str,
        prompt: str,
        generation: Generation,
        answer_task: asyncio.Task[Answer] | None,
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={
            "Content-Type": "text/event-stream",
            "Cache-Control": "no-cache",
            "X-Generation-Id": generation.id,
        })
        generation.response = response
        await response.prepare(request)
        sse = EventStream(response, eol=LINE_ENDINGS.get(scenario, b"\n"), write_size=self._write_size)
        interval = self._keepalive_interval
        if scenario == "emu/bom":
            await sse.write(UTF8_BOM)
        await sse.keepalive()
        if answer_task is None:  # emu/stall
            await self._stall()
        if scenario == "emu/hold":
            await self._hold(sse.keepalive)
        keepalives = self._slow_keepalives if scenario == "emu/slow" else 1
        for _ in range(keepalives):
            await asyncio.sleep(interval)
            await sse.keepalive()
        answer = await self._answer_with_keepalives(answer_task, sse)

        def chunk(choices: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
            return {"id": generation.id, "provider": "Google", "model": generation.model,
                    "object": "chat.completion.chunk", "created": generation.created,
                    "choices": choices, **extra}

        def choice(delta: dict[str, Any], finish_reason: str | None = None,
                   native_finish_reason: str | None = None) -> list[dict[str, Any]]:
            item: dict[str, Any] = {"index": 0, "delta": delta, "finish_reason": finish_reason}
            if finish_reason is not None:
                item["native_finish_reason"] = native_finish_reason
            return [item]

        for index, piece in enumerate(answer.pieces or (answer.text,)):
            if index == 2 and scenario == "emu/describe-hold":
                await self._hold(sse.keepalive)
            await sse.send(dumps(chunk(choice({"role": "assistant", "content": piece} if index == 0
                                              else {"content": piece}))))
        if scenario == "emu/mid-stream-error":
            generation.finish_reason = "error"
            generation.complete = True
            error = {"code": 502, "message": "Provider disconnected",
                     "metadata": {"error_type": "provider_unavailable"}}
            await sse.send(dumps(chunk(choice({"content": ""}, "error", "error"), error=error)))
            return response
        for image in answer.images:
            line = sse.event(dumps_with_urls(
                chunk(choice({"role": "assistant", "images": [image_part(0)]})), [image.url]
            ))
            if scenario == "emu/truncated":
                generation.complete = True
                await sse.write(line[: max(1, len(line) // 2)])
                if request.transport is not None:
                    request.transport.close()  # flushes what was written, then hangs up mid-line
                return response
            self._send_image(image)
            await sse.write(line)
        if scenario == "emu/no-done":
            return response
        usage = self._bill(generation, answer, prompt)
        await sse.send(dumps(chunk(choice({}, answer.finish_reason, answer.native_finish_reason))))
        generation.complete = True
        if scenario == "emu/no-cost":  # tokens but no cost: only `GET /generation` tells it
            usage = {key: value for key, value in usage.items() if key != "cost"}
        if scenario == "emu/usage-after-stop":
            await sse.send(dumps(chunk(choice({}), usage=usage)))
        else:
            await sse.send(dumps(chunk([], usage=usage)))
        await sse.send(b"[DONE]")
        return response

    async def _respond_json(
        self,
        request: web.Request,
        scenario: str,
        prompt: str,
        generation: Generation,
        answer_task: asyncio.Task[Answer] | None,
    ) -> web.StreamResponse:
        if answer_task is None:  # emu/stall: no headers at all until the client gives up
            await self._stall()
        if scenario == "emu/hold":
            await self._hold(None)
        if scenario == "emu/slow":
            await asyncio.sleep(self._keepalive_interval * self._slow_keepalives)
        answer = await self._answer_with_keepalives(answer_task, None)
        if scenario == "emu/mid-stream-error":
            generation.finish_reason = "error"
            generation.complete = True
            return error_response(CannedError(502, "Provider disconnected", "provider_unavailable",
                                              {"provider_name": "Google"}))
        usage = self._bill(generation, answer, prompt)
        message: dict[str, Any] = {"role": "assistant", "content": answer.text, "refusal": None}
        if answer.images:
            message["images"] = [image_part(index) for index in range(len(answer.images))]
        payload = {
            "id": generation.id,
            "provider": "Google",
            "model": generation.model,
            "object": "chat.completion",
            "created": generation.created,
            "choices": [{"index": 0, "logprobs": None, "finish_reason": answer.finish_reason,
                         "native_finish_reason": answer.native_finish_reason, "message": message}],
            "usage": usage,
        }
        body = dumps_with_urls(payload, [image.url for image in answer.images])
        for image in answer.images:
            self._send_image(image)
        generation.complete = True
        headers = {"X-Generation-Id": generation.id}
        if scenario != "emu/truncated":
            return web.Response(body=body, content_type="application/json", headers=headers)
        response = web.StreamResponse(headers={**headers, "Content-Type": "application/json"})
        response.content_length = len(body)
        generation.response = response
        await response.prepare(request)
        await EventStream(response, eol=b"\n", write_size=self._write_size).write(body[: len(body) // 2])
        if request.transport is not None:
            request.transport.close()
        return response
