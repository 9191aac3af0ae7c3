"""The jobs package: how a request becomes a request body (`request`), how jobs are scheduled (`engine`)
and followed (`progress`, `throttle`), how one generation runs (`generation`) and the /imagine use case
(`service`). The records a job is made of (`JobSpec`, `JobRecord`) live in `bot.records`.

Import from the modules themselves; this package file stays empty so importing one module does not pull in
the service.
"""
