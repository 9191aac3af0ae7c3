"""The jobs package: what a request is (`spec`, `record`), how jobs are scheduled (`engine`) and followed
(`progress`, `throttle`), how one generation runs (`generation`) and the /imagine use case (`service`).

Import from the modules themselves; this package file stays empty so storage can import `spec` and
`record` without pulling in the service.
"""
