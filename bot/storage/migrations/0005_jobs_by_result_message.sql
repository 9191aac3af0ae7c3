-- The "Edit image" menu finds the job a result message shows (plain SQL for every backend).

CREATE INDEX jobs_result_message ON jobs (result_message_id);
