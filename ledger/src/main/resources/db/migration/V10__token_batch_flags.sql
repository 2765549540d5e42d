-- Issue 11, fraud review: a flag may point at a token batch (the second a batch of voters' tokens was issued in), so
-- bulk-minted accounts are reviewed as one group instead of one group per voter (FlagSubject.TOKEN_BATCH).
ALTER TABLE flags DROP CONSTRAINT flags_subject_check;
ALTER TABLE flags ADD CONSTRAINT flags_subject_check CHECK (subject IN ('prefix', 'device', 'voter', 'token-batch'));
