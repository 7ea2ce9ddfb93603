-- Input files a completed run read whole (nothing of them rejected): the next run skips a
-- file whose size and modification time are unchanged, instead of reading, extracting and
-- hashing every document again to find it is known. A changed file is read again (its
-- known documents are still skipped by doc_id); `newsevents run --rescan` reads them all.
CREATE TABLE IF NOT EXISTS input_files (
    file_uri        VARCHAR PRIMARY KEY,   -- file:// URI of the resolved path
    size_bytes      BIGINT NOT NULL,
    mtime_ns        BIGINT NOT NULL,
    run_id          VARCHAR NOT NULL,
    read_at         TIMESTAMP NOT NULL
);
