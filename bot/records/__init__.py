"""The plain records the other packages share, and the errors about them: data only, no behaviour that
reaches outside itself.

- `spec`: `JobSpec` (one request for images), `InputRef` (an input image by hash), `ResponseHandle` (where
  the answer goes);
- `job`: `JobRecord` and `JobStatus` (a job as stored);
- `guild`: `GuildSettings` and its parts (a server's own settings);
- `quota`: `Quota` (what a new job must fit in) and `QuotaExceeded`;
- `usage`: `UsageTotals` and `ModelHistory` (what storage adds up);
- `history`: `HistoryPage` and `HistoryEntry` (a member's results, for /history).

Storage persists these, policy reads them, jobs build them; this package imports nothing else of the bot
(tests/test_structure.py holds it to that). Import from the modules themselves.
"""
