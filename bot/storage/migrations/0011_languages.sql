-- Languages (plain SQL for every backend): the language a server's public messages are written in, and the
-- language each job's public messages were written in (so a restart tells of an interrupted job in it too).

-- a Discord locale code (`ja`, `pt-BR`) a moderator chose with /settings language; NULL: the server's own locale
-- as Discord reports it, else English
ALTER TABLE guild_settings ADD COLUMN language TEXT;

-- the locale the job's progress, result and buttons are written in; NULL (jobs from before): English
ALTER TABLE jobs ADD COLUMN locale TEXT;
