"""Taking an authorized request in, for /imagine's jobs of every kind and for describes alike: its limits checked
against the database before anything is downloaded, then its members' images stored, its job recorded with
its reservation (the limits checked again, atomically) and queued on the engine.

One `JobIntake` serves both services, so they share one `StoredInputs`: an image one request is storing is
never deleted as unused by another request refused with the very same bytes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from bot.jobs.engine import JobEngine
from bot.jobs.inputs import RemoteImage, StoredInputs
from bot.jobs.job import Job
from bot.jobs.ownership import JobOwnership
from bot.policy import Actor, Policy
from bot.records.job import JobRecord
from bot.records.quota import Quota, QuotaExceeded
from bot.records.spec import JobSpec, ResponseHandle
from bot.storage import Store

T = TypeVar("T")


class JobIntake:
    def __init__(self, *, store: Store, engine: JobEngine, stored_inputs: StoredInputs, ownership: JobOwnership,
                 policy: Policy, clock: Callable[[], float]) -> None:
        self._store = store
        self._engine = engine
        self._stored_inputs = stored_inputs
        self._ownership = ownership
        self._policy = policy
        self._clock = clock

    async def check(self, actor: Actor, spec: JobSpec, quota: Quota) -> None:
        """Refuse early, from the database's counts: before any download or API call."""
        try:
            await self._store.jobs.check(spec, quota)
        except QuotaExceeded as exc:
            raise self._policy.quota_refusal(actor, exc) from None

    async def enqueue(self, actor: Actor, spec: JobSpec, quota: Quota, *, attachments: Sequence[RemoteImage],
                      handle: ResponseHandle, weight: int,
                      run: Callable[[JobRecord, Job[T]], Awaitable[T]]) -> tuple[JobRecord, Job[T]]:
        """Admit a job of `weight` bytes, store `attachments` (the spec's inputs, in order), record the job
        and queue `run(record, job)`. A limit a concurrent request took meanwhile is refused like any other;
        whatever fails releases the admission and leaves no job behind."""
        admission = self._engine.admit(actor.user_id, weight=weight)
        try:
            try:
                async with self._stored_inputs.stored(attachments) as refs:
                    if refs:
                        spec = dataclasses.replace(spec, inputs=refs)
                    record = await self._store.jobs.create(spec, created_at=self._clock(), handle=handle,
                                                           quota=quota, owner=self._ownership.instance)
            except QuotaExceeded as exc:
                raise self._policy.quota_refusal(actor, exc) from None

            async def work(job: Job[T]) -> T:
                return await run(record, job)

            job = self._engine.submit(record.id, actor.user_id, work, admission=admission)
        except BaseException:
            admission.release()
            raise
        return record, job
